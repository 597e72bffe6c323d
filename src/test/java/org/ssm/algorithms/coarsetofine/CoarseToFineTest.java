package org.ssm.algorithms.coarsetofine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ssm.algorithms.learning.Predictor;
import org.ssm.algorithms.learning.RegressorTrainer;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.algorithms.methods.Trainers;
import org.ssm.core.CancelledException;
import org.ssm.core.Json;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;

class CoarseToFineTest {

    /** 40 × 40 fine cells of 0.01° nested 4 × 4 in 10 × 10 coarse cells of 0.04°. */
    static final GridGeometry FINE = new GridGeometry("EPSG:4326", 90, 35, 0.01, 0.01, 40, 40);
    static final GridGeometry COARSE = new GridGeometry("EPSG:4326", 90, 35, 0.04, 0.04, 10, 10);
    static final int F = 4;
    static final List<LocalDate> DATES = List.of(LocalDate.of(2014, 5, 1), LocalDate.of(2014, 5, 2),
            LocalDate.of(2014, 5, 9));

    /** Fine LST (K) and FVC fields that vary within coarse cells, different per date. */
    static float[][][] predictors(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] lst = new float[DATES.size()][FINE.size()];
        float[][] fvc = new float[DATES.size()][FINE.size()];
        for (int d = 0; d < DATES.size(); d++) {
            for (int i = 0; i < FINE.size(); i++) {
                int col = i % 40;
                int row = i / 40;
                lst[d][i] = (float) (290 + 10 * Math.sin(0.3 * col + d) + 5 * Math.cos(0.2 * row) + 2 * rnd.nextDouble());
                fvc[d][i] = (float) (0.5 + 0.3 * Math.sin(0.25 * row - 0.1 * col + d) + 0.1 * rnd.nextDouble());
            }
        }
        return new float[][][] {lst, fvc};
    }

    /** The coarse means of {@code fine} over the 4 × 4 blocks. */
    static float[] aggregate(double[] fine) {
        double[] sum = new double[COARSE.size()];
        int[] cell = FINE.coarseCellIndex(COARSE);
        for (int i = 0; i < fine.length; i++) {
            sum[cell[i]] += fine[i];
        }
        float[] out = new float[COARSE.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = (float) (sum[c] / (F * F));
        }
        return out;
    }

    static double linearTruth(double lst, double fvc) {
        return 0.35 - 0.004 * (lst - 290) + 0.12 * fvc;
    }

    static List<Predictor> series(float[][][] p) {
        return List.of(new Predictor("lst", GridSeries.of(FINE, DATES, p[0])),
                new Predictor("fvc", GridSeries.of(FINE, DATES, p[1])));
    }

    static GridSeries coarseOf(float[][][] p, boolean linear) {
        float[][] coarse = new float[DATES.size()][];
        for (int d = 0; d < DATES.size(); d++) {
            double[] truth = new double[FINE.size()];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = linear ? linearTruth(p[0][d][i], p[1][d][i])
                        : 0.3 + 0.1 * Math.tanh((p[0][d][i] - 292) / 4) * p[1][d][i];
            }
            coarse[d] = aggregate(truth);
        }
        return GridSeries.of(COARSE, DATES, coarse);
    }

    private static CoarseToFine msr(CoarseToFineParameters p) {
        return new CoarseToFine(Trainers.create("method", "MSR", TrainerOptions.DEFAULTS), p);
    }

    @Test
    void linearRelationFittedAtTheCoarseScaleIsRecoveredAtTheFineScale() {
        float[][][] p = predictors(1);
        CoarseToFineParameters params = CoarseToFineParameters.defaults().withLocation(false).withDayOfYear(false);
        CoarseToFine.Result r = msr(params).downscale(coarseOf(p, true), series(p), Monitor.NONE);
        assertEquals(List.of("lst", "fvc"), r.predictors());
        assertEquals(1, r.models().size(), "pooled: one model for the three dates");
        assertEquals(300, r.models().get(0).samples());
        for (int d = 0; d < DATES.size(); d++) {
            float[] out = r.ssm().band(d);
            for (int i = 0; i < out.length; i++) {
                // A linear truth aggregates exactly, so the coarse fit is the fine relation; the coarse values are
                // floats (rounding 3e-8 on 0.3) and the fit amplifies that by at most a few: 1e-6 is ample.
                assertEquals(linearTruth(p[0][d][i], p[1][d][i]), out[i], 1e-6, "date " + d + " pixel " + i);
            }
        }
        assertTrue(r.models().get(0).r() > 0.999999);
    }

    @Test
    void residualCorrectionConservesEveryCoarseValue() {
        float[][][] p = predictors(2);
        GridSeries coarse = coarseOf(p, false);
        // Every method by name, RF and GBDT from the trees branch included, with small settings.
        TrainerOptions options = new TrainerOptions(Map.of("maxSamples", 300, "trees", 40));
        for (String method : List.of("MSR", "GPR", "RF", "GBDT")) {
            RegressorTrainer trainer = Trainers.create("method", method, options);
            CoarseToFine.Result r = new CoarseToFine(trainer, CoarseToFineParameters.defaults()
                    .withResidualCorrection(true)).downscale(coarse, series(p), Monitor.NONE);
            int[] cell = FINE.coarseCellIndex(COARSE);
            for (int d = 0; d < DATES.size(); d++) {
                double[] sum = new double[COARSE.size()];
                double[] ulp = new double[COARSE.size()];
                float[] out = r.ssm().band(d);
                for (int i = 0; i < out.length; i++) {
                    sum[cell[i]] += out[i];
                    ulp[cell[i]] = Math.max(ulp[cell[i]], Math.ulp(out[i]));
                }
                for (int c = 0; c < COARSE.size(); c++) {
                    // Fine values are the double prediction plus the double residual, each rounded once to float:
                    // the mean of 16 of them is within half an ulp of the largest of the coarse value.
                    assertEquals(coarse.band(d)[c], sum[c] / (F * F), ulp[c], method + " date " + d + " cell " + c);
                }
            }
            CoarseToFine.Result uncorrected = new CoarseToFine(trainer, CoarseToFineParameters.defaults())
                    .downscale(coarse, series(p), Monitor.NONE);
            double worst = 0;
            for (int d = 0; d < DATES.size(); d++) {
                float[] a = uncorrected.ssm().band(d);
                for (int c = 0; c < COARSE.size(); c++) {
                    double s = 0;
                    for (int i = 0; i < a.length; i++) {
                        s += cell[i] == c ? a[i] : 0;
                    }
                    worst = Math.max(worst, Math.abs(s / 16 - coarse.band(d)[c]));
                }
            }
            assertTrue(worst > 1e-5, method + ": without the correction the non-linear truth is not conserved");
        }
    }

    @Test
    void missingPredictorsAndCoarseGapsGiveNoData() {
        float[][][] p = predictors(3);
        GridSeries coarse = coarseOf(p, true);
        coarse.band(0)[5] = Float.NaN;
        // Cloud over 12 of the 16 fine pixels of coarse cell 0 (cols 0-3, rows 0-2) on date 1.
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 4; col++) {
                p[0][1][row * 40 + col] = Float.NaN;
            }
        }
        CoarseToFine.Result r = msr(CoarseToFineParameters.defaults()).downscale(coarse, series(p), Monitor.NONE);
        assertEquals(300 - 1 - 1, r.models().get(0).samples(), "the gap and the mostly cloudy cell are not samples");
        assertTrue(Float.isNaN(r.ssm().band(1)[0]), "a cloudy pixel stays no data");
        assertTrue(Float.isFinite(r.ssm().band(1)[3 * 40]), "a clear pixel of the cloudy cell is downscaled");
        int[] cell = FINE.coarseCellIndex(COARSE);
        for (int i = 0; i < cell.length; i++) {
            assertEquals(cell[i] == 5, Float.isNaN(r.ssm().band(0)[i]), "no coarse value, no fine value: " + i);
        }
        // A static (undated) predictor is used for every date.
        List<Predictor> withStatic = List.of(series(p).get(0), new Predictor("albedo",
                GridSeries.undated(FINE, new float[][] {p[1][2]})));
        assertEquals(List.of("lst", "albedo", "lon", "lat", "doy"), msr(CoarseToFineParameters.defaults())
                .downscale(coarse, withStatic, Monitor.NONE).predictors());
    }

    @Test
    void windowsGroupTheDatesThatShareTrainingDates() {
        float[][][] p = predictors(4);
        GridSeries coarse = coarseOf(p, false);
        CoarseToFine.Result perDate = msr(CoarseToFineParameters.defaults().withWindowDays(0))
                .downscale(coarse, series(p), Monitor.NONE);
        assertEquals(3, perDate.models().size());
        assertEquals(100, perDate.models().get(2).samples());
        CoarseToFine.Result window = msr(CoarseToFineParameters.defaults().withWindowDays(1))
                .downscale(coarse, series(p), Monitor.NONE);
        // May 1 and 2 train each other (one shared model), May 9 is alone.
        assertEquals(2, window.models().size());
        assertEquals(List.of(DATES.get(0), DATES.get(1)), window.models().get(0).appliedTo());
        assertEquals(200, window.models().get(0).samples());
        Map<String, Object> json = window.toJson("MSR", CoarseToFineParameters.defaults().withWindowDays(1));
        assertEquals(1, json.get("windowDays"));
        String text = Json.write(json);
        assertTrue(text.contains("\"type\":\"polynomial\""), text.substring(0, 200));
    }

    @Test
    void sameInputsSameOutputBitForBit() {
        float[][][] p = predictors(5);
        GridSeries coarse = coarseOf(p, false);
        TrainerOptions options = new TrainerOptions(Map.of("maxSamples", 150, "hyperSamples", 60, "seed", 3));
        CoarseToFine.Result a = new CoarseToFine(Trainers.create("method", "GPR", options),
                CoarseToFineParameters.defaults()).downscale(coarse, series(p), Monitor.NONE);
        CoarseToFine.Result b = new CoarseToFine(Trainers.create("method", "GPR", options),
                CoarseToFineParameters.defaults()).downscale(coarse, series(p), Monitor.NONE);
        for (int d = 0; d < DATES.size(); d++) {
            assertArrayEquals(a.ssm().band(d), b.ssm().band(d));
        }
        assertEquals(Json.write(a.toJson("GPR", CoarseToFineParameters.defaults())),
                Json.write(b.toJson("GPR", CoarseToFineParameters.defaults())));
    }

    @Test
    void tooFewSamplesLeaveTheDateEmpty() {
        float[][][] p = predictors(6);
        GridSeries coarse = coarseOf(p, true);
        java.util.Arrays.fill(coarse.band(2), Float.NaN);
        coarse.band(2)[0] = 0.3f;
        CoarseToFine.Result r = msr(CoarseToFineParameters.defaults().withWindowDays(0))
                .downscale(coarse, series(p), Monitor.NONE);
        assertNull(r.models().get(2).model());
        assertEquals(1, r.models().get(2).samples());
        for (float v : r.ssm().band(2)) {
            assertTrue(Float.isNaN(v));
        }
    }

    @Test
    void badParametersAndInputsAreNamedAndRunsCancel() {
        assertEquals("windowDays", assertThrows(ParameterException.class,
                () -> CoarseToFineParameters.defaults().withWindowDays(-2)).parameter());
        assertEquals("minCoverage", assertThrows(ParameterException.class,
                () -> CoarseToFineParameters.defaults().withMinCoverage(0)).parameter());
        float[][][] p = predictors(7);
        GridSeries coarse = coarseOf(p, true);
        List<Predictor> shortLst = List.of(new Predictor("lst", GridSeries.of(FINE, DATES.subList(0, 2),
                new float[][] {p[0][0], p[0][1]})));
        assertEquals("lst", assertThrows(ParameterException.class, () -> msr(CoarseToFineParameters.defaults())
                .downscale(coarse, shortLst, Monitor.NONE)).parameter());
        assertEquals("predictors", assertThrows(ParameterException.class, () -> msr(CoarseToFineParameters.defaults())
                .downscale(coarse, List.of(), Monitor.NONE)).parameter());
        // "doy" is reserved for the derived day of year: the predictor record itself refuses it.
        assertEquals("names", assertThrows(ParameterException.class,
                () -> new Predictor("doy", GridSeries.of(FINE, DATES, p[0]))).parameter());
        int[] calls = {0};
        Monitor cancelAfterTwo = new Monitor() {
            @Override
            public void progress(double fraction) {
                calls[0]++;
            }

            @Override
            public boolean isCancelled() {
                return calls[0] >= 2;
            }
        };
        assertThrows(CancelledException.class, () -> msr(CoarseToFineParameters.defaults())
                .downscale(coarse, series(p), cancelAfterTwo));
    }
}
