package org.ssm.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;

/**
 * Places stations and turns the truth at their pixels into readings.
 *
 * <p>Sites are random land cells that are neither water nor urban, at least a minimum distance
 * apart (relaxed step by step if the land is too crowded). A reading is
 * {@code truth + offset + e_t + ε_t}: a constant representativeness offset (σ 0.015, clipped to
 * ±0.03), an AR(1) error e (lag-one correlation 0.8, σ 0.01) for slow local departures, and white
 * sensor noise ε (σ 0.01), rounded to the 0.0001 m³/m³ a logger reports and kept in [0, 0.7]. Faults act
 * per season, as if the sensor were reinstalled between seasons: drift adds {@code 0.1 · t} with t
 * going from 0 to 1 through the season; heavy noise uses σ 0.08 for ε; a stuck sensor repeats the
 * reading it gave 40 % into the season until the season's end.
 */
final class StationNetwork {

    static final String NETWORK = "TWIN";
    static final double DEPTH_TO = 0.05;
    static final double OFFSET_SIGMA = 0.015;
    static final double OFFSET_LIMIT = 0.03;
    static final double AR_SIGMA = 0.01;
    static final double AR_CORRELATION = 0.8;
    static final double SENSOR_SIGMA = 0.01;
    static final double DRIFT_PER_SEASON = 0.1;
    static final double FAULTY_NOISE_SIGMA = 0.08;
    static final double STUCK_AT = 0.4;

    private static final FaultType[] FAULT_CYCLE = {FaultType.DRIFT, FaultType.NOISE, FaultType.STUCK};

    private final GridGeometry grid;
    private final int[] cells;
    private final FaultType[] faults;
    private final RandomStreams streams;

    StationNetwork(GridGeometry grid, Landscape land, int count, int faulty, RandomStreams streams) {
        this.grid = grid;
        this.streams = streams;
        SplittableRandom rng = streams.of("station-sites");
        this.cells = place(grid, land, count, rng);
        this.faults = new FaultType[count];
        Arrays.fill(faults, FaultType.NONE);
        int[] order = permutation(count, rng);
        for (int k = 0; k < faulty; k++) {
            faults[order[k]] = FAULT_CYCLE[k % FAULT_CYCLE.length];
        }
    }

    /** The fine cell index of each station. */
    int[] cells() {
        return cells.clone();
    }

    private static int[] place(GridGeometry grid, Landscape land, int count, SplittableRandom rng) {
        int n = grid.size();
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!land.isWater(i) && !land.isUrban(i)) {
                candidates.add(i);
            }
        }
        if (candidates.size() < count) {
            throw new ParameterException("stationCount", count,
                    "at most " + candidates.size() + " (the open land cells of this grid)");
        }
        double minDistance = 0.6 * Math.sqrt((double) candidates.size() / count);
        int[] sites = new int[count];
        int placed = 0;
        while (placed < count) {
            int attempts = 0;
            while (placed < count && attempts < 2000) {
                int cell = candidates.get(rng.nextInt(candidates.size()));
                if (farFromAll(grid.width(), cell, sites, placed, minDistance)) {
                    sites[placed++] = cell;
                    attempts = 0;
                } else {
                    attempts++;
                }
            }
            minDistance *= 0.85;
        }
        return sites;
    }

    private static boolean farFromAll(int width, int cell, int[] sites, int placed, double minDistance) {
        for (int k = 0; k < placed; k++) {
            double d = Math.hypot(cell % width - sites[k] % width, cell / width - sites[k] / width);
            if (d < Math.max(minDistance, 1)) {
                return false;
            }
        }
        return true;
    }

    private static int[] permutation(int count, SplittableRandom rng) {
        int[] p = new int[count];
        for (int i = 0; i < count; i++) {
            p[i] = i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * The stations' readings.
     *
     * @param dates every scenario date, season after season
     * @param seasons the seasons, in order; their days partition {@code dates}
     * @param truth the true SSM at each station's pixel, {@code [station][date]}
     */
    List<TwinStation> observe(List<LocalDate> dates, List<DateRange> seasons, float[][] truth) {
        List<TwinStation> stations = new ArrayList<>();
        for (int s = 0; s < cells.length; s++) {
            SplittableRandom rng = streams.of("station", s);
            double offset = Math.max(-OFFSET_LIMIT, Math.min(OFFSET_LIMIT, OFFSET_SIGMA * rng.nextGaussian()));
            double sensorSigma = faults[s] == FaultType.NOISE ? FAULTY_NOISE_SIGMA : SENSOR_SIGMA;
            double innovation = AR_SIGMA * Math.sqrt(1 - AR_CORRELATION * AR_CORRELATION);
            double[] sm = new double[dates.size()];
            int start = 0;
            for (DateRange season : seasons) {
                int days = season.days();
                double ar = AR_SIGMA * rng.nextGaussian();
                int stuckDay = (int) (STUCK_AT * days);
                for (int d = 0; d < days; d++) {
                    int t = start + d;
                    ar = AR_CORRELATION * ar + innovation * rng.nextGaussian();
                    double value = truth[s][t] + offset + ar + sensorSigma * rng.nextGaussian();
                    if (faults[s] == FaultType.DRIFT) {
                        value += DRIFT_PER_SEASON * d / Math.max(1, days - 1);
                    }
                    value = Math.rint(Math.max(0, Math.min(0.7, value)) * 1e4) / 1e4;
                    sm[t] = faults[s] == FaultType.STUCK && d > stuckDay ? sm[start + stuckDay] : value;
                }
                start += days;
            }
            int col = cells[s] % grid.width();
            int row = cells[s] / grid.width();
            stations.add(new TwinStation(String.format("TW%02d", s + 1), NETWORK, faults[s], col, row,
                    grid.centerX(col), grid.centerY(row), 0, DEPTH_TO, offset, dates, sm));
        }
        return stations;
    }
}
