package org.ssm.algorithms.pointsurface;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.ssm.algorithms.collocation.DailyMeans;
import org.ssm.algorithms.learning.TrainingSet;
import org.ssm.algorithms.validation.StationCells;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.CoordinateMap;
import org.ssm.stations.StationSeries;

/**
 * The training sample of paper B §3.4: for each of the M stations and each date on which it has an
 * in-situ value, the predictors at the pixel containing it, giving the "S × 7" input set and the
 * "S × 1" in-situ output set (S = Σ N_i). A station's readings are averaged per UTC date
 * ({@link DailyMeans}, as in the validation) and paired with the pixel that contains it
 * ({@link StationCells}, no interpolation: B assumes SSM homogeneous within a pixel, §3.5
 * assumption 2). A station-day enters only when the in-situ value and every predictor are finite.
 *
 * @param set the rows, labelled with the station index (into {@link #stationIds}) and the epoch day
 * @param stationIds the id of every station given, in input order
 * @param cells the fine-grid cell of each station, {@link StationCells#OUTSIDE} when outside
 * @param rowsPerStation the number of rows of each station
 * @param notes why stations gave no row (outside the grid, no reading on the dates)
 */
public record StationTraining(TrainingSet set, List<String> stationIds, int[] cells, int[] rowsPerStation,
        List<String> notes) {

    public StationTraining {
        stationIds = List.copyOf(stationIds);
        cells = cells.clone();
        rowsPerStation = rowsPerStation.clone();
        notes = List.copyOf(notes);
    }

    /**
     * Samples {@code stack} at {@code stations}.
     *
     * @param lonLatToFine map from WGS84 longitude/latitude to the fine grid's CRS
     * @throws ParameterException (naming {@code stations}) when no station-day has every value
     */
    public static StationTraining assemble(PredictorStack stack, List<StationSeries> stations,
            CoordinateMap lonLatToFine, Monitor monitor) {
        if (stations == null || stations.isEmpty()) {
            throw ParameterException.missing("stations", "at least one station with readings");
        }
        int[] cells = StationCells.of(stations.stream().map(StationSeries::station).toList(), stack.geometry(),
                lonLatToFine);
        Map<LocalDate, Integer> dateIndex = new HashMap<>();
        for (int t = 0; t < stack.dates().size(); t++) {
            dateIndex.put(stack.dates().get(t), t);
        }
        int p = stack.columns();
        double[] row = new double[p];
        double[] x = new double[64 * p];
        double[] y = new double[64];
        int[] st = new int[64];
        int[] day = new int[64];
        int n = 0;
        int[] perStation = new int[stations.size()];
        List<String> ids = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int s = 0; s < stations.size(); s++) {
            monitor.checkpoint(s, stations.size());
            String id = stations.get(s).station().id();
            ids.add(id);
            if (cells[s] == StationCells.OUTSIDE) {
                notes.add(id + ": outside the grid");
                continue;
            }
            NavigableMap<LocalDate, Double> means = DailyMeans.of(stations.get(s));
            for (Map.Entry<LocalDate, Double> e : means.entrySet()) {
                Integer t = dateIndex.get(e.getKey());
                if (t == null || !stack.fill(t, cells[s], row, 0)) {
                    continue;
                }
                if (n == y.length) {
                    x = Arrays.copyOf(x, 2 * x.length);
                    y = Arrays.copyOf(y, 2 * y.length);
                    st = Arrays.copyOf(st, 2 * st.length);
                    day = Arrays.copyOf(day, 2 * day.length);
                }
                System.arraycopy(row, 0, x, n * p, p);
                y[n] = e.getValue();
                st[n] = s;
                day[n] = (int) e.getKey().toEpochDay();
                n++;
                perStation[s]++;
            }
            if (perStation[s] == 0) {
                notes.add(id + ": no date with a reading and every predictor");
            }
        }
        monitor.checkpoint(stations.size(), stations.size());
        if (n == 0) {
            throw ParameterException.because("stations", "no station has a reading on a date and in a pixel where"
                    + " every predictor has a value" + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")"));
        }
        TrainingSet set = new TrainingSet(p, Arrays.copyOf(x, n * p), Arrays.copyOf(y, n), Arrays.copyOf(st, n),
                Arrays.copyOf(day, n));
        return new StationTraining(set, ids, cells, perStation, notes);
    }

    /** Number of stations that gave at least one row. */
    public int stationsUsed() {
        int k = 0;
        for (int r : rowsPerStation) {
            k += r > 0 ? 1 : 0;
        }
        return k;
    }

    /** The rows dated within [from, to] (either may be null), as indices. */
    public int[] rowsWithin(LocalDate from, LocalDate to) {
        int[] days = set.days();
        return java.util.stream.IntStream.range(0, set.rows())
                .filter(r -> (from == null || days[r] >= from.toEpochDay()) && (to == null || days[r] <= to.toEpochDay()))
                .toArray();
    }
}
