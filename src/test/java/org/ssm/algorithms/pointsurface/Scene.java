package org.ssm.algorithms.pointsurface;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ssm.algorithms.learning.Predictor;
import org.ssm.core.Monitor;
import org.ssm.grid.CoordinateMap;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.stations.Observation;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;

/**
 * A small synthetic point-surface scene in WGS84 (so station lon/lat are grid coordinates): two
 * seasons of 20 days, a fine LST and NDVI, a coarse "PM" product five times coarser, and SSM that is
 * an exact linear function of the aligned predictors and the day of year, observed at stations with
 * optional noise.
 */
final class Scene {

    static final GridGeometry FINE = new GridGeometry("EPSG:4326", 15.0, 48.5, 0.01, 0.01, 20, 10);
    static final GridGeometry COARSE = FINE.coarsen(5);
    /** Weights of the true SSM on (lst, ndvi, pm, doy), and its intercept. */
    static final double[] WEIGHTS = {-0.004, 0.5, 0.3, 0.0002};
    static final double INTERCEPT = 1.2;
    /** Pixels of the stations. */
    static final int[] STATION_PIXELS = {3, 27, 45, 66, 88, 101, 139, 152, 170, 196};

    final List<LocalDate> dates = new ArrayList<>();
    final List<Predictor> predictors = new ArrayList<>();
    final PredictorStack stack;
    final float[][] truth;
    final List<StationSeries> stations = new ArrayList<>();

    Scene(double stationNoise, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int year = 2021; year <= 2022; year++) {
            for (int d = 0; d < 20; d++) {
                dates.add(LocalDate.of(year, 5, 1).plusDays(d));
            }
        }
        int n = dates.size();
        float[][] lst = new float[n][FINE.size()];
        float[][] ndvi = new float[n][FINE.size()];
        float[][] pm = new float[n][COARSE.size()];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < FINE.size(); i++) {
                int col = i % FINE.width();
                lst[t][i] = (float) (295 + 6 * Math.sin(t / 3.0 + col / 7.0) + 2 * rnd.nextGaussian());
                ndvi[t][i] = (float) (0.25 + 0.4 * col / FINE.width() + 0.05 * rnd.nextGaussian());
            }
            for (int c = 0; c < COARSE.size(); c++) {
                pm[t][c] = (float) (0.25 + 0.08 * Math.sin(t / 4.0 + c) + 0.02 * rnd.nextGaussian());
            }
        }
        lst[3][40] = Float.NaN;     // a cloud at one pixel
        ndvi[5][STATION_PIXELS[1]] = Float.NaN;  // a gap at a station pixel
        predictors.add(new Predictor("lst", GridSeries.of(FINE, dates, lst)));
        predictors.add(new Predictor("ndvi", GridSeries.of(FINE, dates, ndvi)));
        predictors.add(new Predictor("pm", GridSeries.of(COARSE, dates, pm)));
        stack = PredictorStack.align(predictors, true, null, null, (a, b) -> CoordinateMap.IDENTITY, Monitor.NONE);
        truth = new float[n][FINE.size()];
        double[] row = new double[stack.columns()];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < FINE.size(); i++) {
                truth[t][i] = stack.fill(t, i, row, 0) ? (float) linear(row) : Float.NaN;
            }
        }
        for (int s = 0; s < STATION_PIXELS.length; s++) {
            int i = STATION_PIXELS[s];
            List<Observation> obs = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                double v = truth[t][i];
                // Two readings a day (06:00 and 18:00 UTC) whose mean is the truth plus noise.
                double e = stationNoise * rnd.nextGaussian();
                obs.add(new Observation(dates.get(t).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(6 * 3600),
                        v + e - 0.01, "G"));
                obs.add(new Observation(dates.get(t).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(18 * 3600),
                        v + e + 0.01, "G"));
            }
            stations.add(new StationSeries(new Station("S" + s, "NET", FINE.centerX(i % FINE.width()),
                    FINE.centerY(i / FINE.width()), 0, 0.05), obs));
        }
    }

    static double linear(double[] row) {
        double y = INTERCEPT;
        for (int c = 0; c < WEIGHTS.length; c++) {
            y += WEIGHTS[c] * row[c];
        }
        return y;
    }
}
