package org.ssm.algorithms.kriging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssm.algorithms.learning.Predictor;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.algorithms.methods.Trainers;
import org.ssm.core.CancelledException;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;

class RegressionKrigingTest {

    static final GridGeometry FINE = new GridGeometry("EPSG:32633", 500_000, 5_300_000, 1000, 1000, 60, 40);
    static final GridGeometry COARSE = FINE.coarsen(5);
    static final List<LocalDate> DATES = List.of(LocalDate.parse("2021-05-01"), LocalDate.parse("2021-05-02"));

    /** Fine truth = 0.1 + 0.25 x + z: a predictor-driven part and a smooth part x does not explain. */
    static float[][] truth(float[][] x) {
        float[][] t = new float[x.length][FINE.size()];
        for (int d = 0; d < x.length; d++) {
            for (int r = 0; r < FINE.height(); r++) {
                for (int c = 0; c < FINE.width(); c++) {
                    double z = 0.03 * Math.sin((c + 7 * d) / 9.0) * Math.cos(r / 7.0);
                    t[d][r * FINE.width() + c] = (float) (0.1 + 0.25 * x[d][r * FINE.width() + c] + z);
                }
            }
        }
        return t;
    }

    static float[][] predictor() {
        float[][] x = new float[DATES.size()][FINE.size()];
        for (int d = 0; d < x.length; d++) {
            for (int r = 0; r < FINE.height(); r++) {
                for (int c = 0; c < FINE.width(); c++) {
                    // Varies inside coarse pixels, so the trend carries fine detail.
                    x[d][r * FINE.width() + c] = (float) (0.5 + 0.3 * Math.sin(c / 2.3 + d) * Math.sin(r / 3.1));
                }
            }
        }
        return x;
    }

    static float[][] blockMeans(float[][] fine) {
        float[][] coarse = new float[fine.length][COARSE.size()];
        int[] cell = FINE.coarseCellIndex(COARSE);
        for (int d = 0; d < fine.length; d++) {
            double[] sum = new double[COARSE.size()];
            for (int i = 0; i < cell.length; i++) {
                sum[cell[i]] += fine[d][i];
            }
            for (int c = 0; c < sum.length; c++) {
                coarse[d][c] = (float) (sum[c] / 25);
            }
        }
        return coarse;
    }

    static RegressionKriging atark() {
        return new RegressionKriging(Trainers.create("trend", "MSR", TrainerOptions.DEFAULTS),
                RegressionKriging.DEFAULT_TREND, AtaParameters.defaults());
    }

    @Test
    void downscaledFieldAveragesToTheCoarseValueAndBeatsTheTrendAlone() {
        float[][] x = predictor();
        float[][] truth = truth(x);
        GridSeries coarse = GridSeries.of(COARSE, DATES, blockMeans(truth));
        RegressionKriging.Result result = atark().downscale(coarse,
                List.of(new Predictor("x", GridSeries.of(FINE, DATES, x))), Monitor.NONE);
        // Coherence of the whole product: mean T + mean r̂ = mean T + r(v) = SM(v). Float32 storage of
        // T, r̂ and their sum bounds the error at a few 2^-24 relative of values ~0.3, ~1e-7 absolute.
        float[][] means = blockMeans(new float[][] {result.ssm().band(0), result.ssm().band(1)});
        for (int d = 0; d < DATES.size(); d++) {
            for (int c = 0; c < COARSE.size(); c++) {
                assertEquals(coarse.band(d)[c], means[d][c], 2e-7, "date " + d + " cell " + c);
            }
        }
        double trendError = 0;
        double atarkError = 0;
        for (int d = 0; d < DATES.size(); d++) {
            for (int i = 0; i < FINE.size(); i++) {
                trendError += sq(result.trend().ssm().band(d)[i] - truth[d][i]);
                atarkError += sq(result.ssm().band(d)[i] - truth[d][i]);
            }
        }
        // The residual z is smooth at the coarse scale, so kriging it back must reduce the error.
        assertTrue(atarkError < 0.8 * trendError, "ATARK " + atarkError + " vs trend " + trendError);
        assertEquals(DATES.size(), result.variograms().size());
        assertTrue(result.systems() > 0);
    }

    @Test
    void residualCorrectionInTheTrendIsRefusedAndCancellationStops() {
        assertEquals("residualCorrection", assertThrows(ParameterException.class,
                () -> new RegressionKriging(Trainers.create("trend", "MSR", TrainerOptions.DEFAULTS),
                        RegressionKriging.DEFAULT_TREND.withResidualCorrection(true), AtaParameters.defaults()))
                .parameter());
        float[][] x = predictor();
        GridSeries coarse = GridSeries.of(COARSE, DATES, blockMeans(truth(x)));
        Monitor cancelled = new Monitor() {
            @Override
            public void progress(double fraction) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancelledException.class, () -> atark().downscale(coarse,
                List.of(new Predictor("x", GridSeries.of(FINE, DATES, x))), cancelled));
    }

    private static double sq(double v) {
        return v * v;
    }
}
