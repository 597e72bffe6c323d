package org.ssm.algorithms.neural;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ssm.algorithms.indices.SpectralIndices;
import org.ssm.algorithms.learning.TrainingSet;
import org.ssm.grid.GridSeries;
import org.ssm.scenario.Band;
import org.ssm.scenario.DateRange;
import org.ssm.scenario.FaultType;
import org.ssm.scenario.Scenario;
import org.ssm.scenario.TwinStation;

/**
 * Paper B's seven predictors (eq. 7) on the twin experiment, for the tests and benchmarks of the
 * networks (the process assembles its own): the passive-microwave SSM of the PM cell containing the
 * pixel ("SMAP SSM"), the reanalysis SSM of its reanalysis cell ("ERA-5 SSM"), the fine LST, NDVI and
 * albedo (B eq. 5 from the five fine reflectances), the fine rain and the day of year.
 *
 * <p>Gap-free inputs stand in for paper B's ESTARFM outputs: LST and NDVI are the twin's clear-sky
 * fields; the albedo of a cloudy day and the PM SSM of a day in a swath gap are taken from the nearest
 * date of the same season with a value (the earlier on a tie).
 */
final class TwinPredictors {

    static final List<String> NAMES = List.of("pm_ssm", "reanalysis_ssm", "lst", "ndvi", "albedo", "rain", "doy");
    static final int COLUMNS = NAMES.size();

    private final Scenario scenario;
    private final int[] pmCell;
    private final int[] reanalysisCell;
    private final GridSeries pm;
    private final GridSeries reanalysis;
    private final GridSeries lst;
    private final GridSeries ndvi;
    private final GridSeries rain;
    private final GridSeries[] bands = new GridSeries[Band.values().length];
    private final List<LocalDate> dates;

    TwinPredictors(Scenario scenario) {
        this.scenario = scenario;
        pmCell = scenario.fineGrid().coarseCellIndex(scenario.pmGrid());
        reanalysisCell = scenario.fineGrid().coarseCellIndex(scenario.reanalysisGrid());
        pm = scenario.pmSsm();
        reanalysis = scenario.reanalysisSsm();
        lst = scenario.lstClearSky();
        ndvi = scenario.ndviClearSky();
        rain = scenario.rain();
        for (Band b : Band.values()) {
            bands[b.ordinal()] = scenario.reflectance(b);
        }
        dates = scenario.dates();
    }

    /** Date indices {@code [first, last]} of season 0 (training) or 1 (validation). */
    int[] season(int season) {
        DateRange range = scenario.config().seasons().get(season);
        return new int[] {dates.indexOf(range.start()), dates.indexOf(range.end())};
    }

    /** The seven predictors of fine cell {@code cell} on date index {@code t} of {@code season}. */
    void row(int cell, int t, int[] season, double[] out, int offset) {
        out[offset] = nearest(pm, pmCell[cell], t, season);
        out[offset + 1] = reanalysis.band(t)[reanalysisCell[cell]];
        out[offset + 2] = lst.band(t)[cell];
        out[offset + 3] = ndvi.band(t)[cell];
        out[offset + 4] = albedo(cell, nearestClear(cell, t, season));
        out[offset + 5] = rain.band(t)[cell];
        out[offset + 6] = dates.get(t).getDayOfYear();
    }

    private double albedo(int cell, int t) {
        if (t < 0) {
            return Double.NaN;
        }
        float[][] v = new float[bands.length][];
        for (int b = 0; b < bands.length; b++) {
            v[b] = new float[] {bands[b].band(t)[cell]};
        }
        return SpectralIndices.albedo(v[0], v[1], v[2], v[3], v[4])[0];
    }

    private int nearestClear(int cell, int t, int[] season) {
        GridSeries blue = bands[0];
        for (int d = 0; d <= season[1] - season[0]; d++) {
            if (t - d >= season[0] && !Float.isNaN(blue.band(t - d)[cell])) {
                return t - d;
            }
            if (t + d <= season[1] && !Float.isNaN(blue.band(t + d)[cell])) {
                return t + d;
            }
        }
        return -1;
    }

    private static double nearest(GridSeries series, int cell, int t, int[] season) {
        for (int d = 0; d <= season[1] - season[0]; d++) {
            if (t - d >= season[0] && !Float.isNaN(series.band(t - d)[cell])) {
                return series.band(t - d)[cell];
            }
            if (t + d <= season[1] && !Float.isNaN(series.band(t + d)[cell])) {
                return series.band(t + d)[cell];
            }
        }
        return Double.NaN;
    }

    /** The healthy stations. */
    List<TwinStation> healthyStations() {
        List<TwinStation> out = new ArrayList<>();
        for (TwinStation s : scenario.stations()) {
            if (s.fault() == FaultType.NONE) {
                out.add(s);
            }
        }
        return out;
    }

    /** Station-day samples of the healthy stations in {@code season}: predictors and in-situ SSM. */
    StationSamples stations(int season) {
        int[] range = season(season);
        List<TwinStation> stations = healthyStations();
        int days = range[1] - range[0] + 1;
        int n = stations.size() * days;
        double[] x = new double[n * COLUMNS];
        double[] y = new double[n];
        double[] truth = new double[n];
        int[] station = new int[n];
        int[] day = new int[n];
        int k = 0;
        for (int s = 0; s < stations.size(); s++) {
            TwinStation st = stations.get(s);
            int cell = st.row() * scenario.fineGrid().width() + st.col();
            double[] sm = st.sm();
            for (int t = range[0]; t <= range[1]; t++) {
                row(cell, t, range, x, k * COLUMNS);
                y[k] = sm[st.dates().indexOf(dates.get(t))];
                truth[k] = scenario.truthSsm().band(t)[cell];
                station[k] = s;
                day[k] = (int) dates.get(t).toEpochDay();
                k++;
            }
        }
        // Rows with a missing reading or predictor are dropped, as paper B's S counts available data.
        int[] keep = new int[n];
        int kept = 0;
        for (int r = 0; r < n; r++) {
            boolean ok = Double.isFinite(y[r]);
            for (int c = 0; c < COLUMNS && ok; c++) {
                ok = Double.isFinite(x[r * COLUMNS + c]);
            }
            if (ok) {
                keep[kept++] = r;
            }
        }
        keep = java.util.Arrays.copyOf(keep, kept);
        double[] truthKept = new double[kept];
        double[] xKept = new double[kept * COLUMNS];
        double[] yKept = new double[kept];
        int[] stationKept = new int[kept];
        int[] dayKept = new int[kept];
        for (int i = 0; i < kept; i++) {
            int r = keep[i];
            System.arraycopy(x, r * COLUMNS, xKept, i * COLUMNS, COLUMNS);
            yKept[i] = y[r];
            truthKept[i] = truth[r];
            stationKept[i] = station[r];
            dayKept[i] = day[r];
        }
        return new StationSamples(new TrainingSet(COLUMNS, xKept, yKept, stationKept, dayKept), truthKept,
                stations.size());
    }

    /** The predictors of every fine cell on date index {@code t} of {@code season}, row-major. */
    double[] pixels(int t, int season) {
        int[] range = season(season);
        int cells = scenario.fineGrid().width() * scenario.fineGrid().height();
        double[] x = new double[cells * COLUMNS];
        for (int c = 0; c < cells; c++) {
            row(c, t, range, x, c * COLUMNS);
        }
        return x;
    }

    /**
     * @param set predictors, in-situ readings, station and day labels
     * @param truth the true SSM of each sample's pixel and date
     * @param stations number of stations
     */
    record StationSamples(TrainingSet set, double[] truth, int stations) {}
}
