package org.ssm.algorithms.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ssm.core.CancelledException;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesBuffer;

/** Hand-made ESTARFM cases with analytic answers, no-data handling and errors. */
class EstarfmTest {

    private static final GridGeometry FINE = new GridGeometry("EPSG:32633", 500_000, 5_300_000, 30, 30, 48, 36);

    // Inputs are float32 near 100-300 (spacing 1.5e-5 to 3e-5) and predictions are sums in double of
    // float inputs, rounded to float: exact answers are met to 1e-3 (tens of float spacings).
    private static final double EXACT = 1e-3;

    private static EstarfmParameters params(int window) {
        return EstarfmParameters.DEFAULTS.withWindow(window);
    }

    /** Land-cover classes in blocks of {@code block} pixels, so that every window has many pixels of each. */
    private static int[] classes(GridGeometry g, int block, int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int bw = (g.width() + block - 1) / block;
        int bh = (g.height() + block - 1) / block;
        int[] blockClass = new int[bw * bh];
        for (int i = 0; i < blockClass.length; i++) {
            blockClass[i] = rnd.nextInt(count);
        }
        int[] cls = new int[g.size()];
        for (int r = 0; r < g.height(); r++) {
            for (int c = 0; c < g.width(); c++) {
                cls[r * g.width() + c] = blockClass[(r / block) * bw + c / block];
            }
        }
        return cls;
    }

    /**
     * Fine = coarse at every date, on a scene of well-separated classes (levels 40 apart, static
     * texture under 0.5) whose values change arbitrarily between dates: the similar pixels of a
     * centre are exactly its class, whose change is the centre's, so eq. 1 gives C(t_p) exactly.
     */
    @ParameterizedTest(name = "nested factor {0}")
    @ValueSource(ints = {1, 3})
    void fineEqualToCoarseGivesTheCoarseImageAtThePredictionDate(int factor) {
        GridGeometry coarse = FINE.coarsen(factor);
        int bands = 2;
        int[] cls = classes(coarse, 4, 4, 3);
        SplittableRandom rnd = new SplittableRandom(4);
        float[] texture = new float[coarse.size()];
        for (int i = 0; i < texture.length; i++) {
            texture[i] = (float) (0.5 * rnd.nextDouble());
        }
        float[][][] images = new float[3][bands][coarse.size()];
        for (int d = 0; d < 3; d++) {
            for (int b = 0; b < bands; b++) {
                double[] level = new double[4];
                for (int k = 0; k < 4; k++) {
                    level[k] = 100 + 40 * k + 15 * rnd.nextDouble();
                }
                for (int i = 0; i < coarse.size(); i++) {
                    images[d][b][i] = (float) (level[cls[i]] + texture[i]);
                }
            }
        }
        float[][][] fine = new float[3][][];
        for (int d = 0; d < 3; d++) {
            fine[d] = replicate(images[d], coarse, FINE, factor);
        }
        Estarfm estarfm = Estarfm.prepare(params(15), GridSeries.undated(FINE, fine[0]),
                GridSeries.undated(coarse, images[0]), GridSeries.undated(FINE, fine[2]),
                GridSeries.undated(coarse, images[2]));
        float[][] out = estarfm.predict(images[1], Monitor.NONE);
        for (int b = 0; b < bands; b++) {
            for (int i = 0; i < FINE.size(); i++) {
                assertEquals(fine[1][b][i], out[b][i], EXACT, "band " + b + " pixel " + i);
            }
        }
    }

    /**
     * Every fine and coarse pixel changes linearly in time, each at its own rate. Then the window
     * means of C(t_p) − C(t_k) are proportional to t_p − t_k, T_m and T_n are the weights of linear
     * interpolation, the V·ΣW·ΔC terms of eq. 1 cancel in eq. 2, and F(t_p) is reproduced exactly,
     * whatever the similar pixels and V.
     */
    @ParameterizedTest(name = "regression {0}")
    @ValueSource(booleans = {true, false})
    void aLinearTemporalChangeIsReproducedExactly(boolean regression) {
        int factor = 4;
        GridGeometry coarse = FINE.coarsen(factor);
        int bands = 3;
        SplittableRandom rnd = new SplittableRandom(8);
        int[] cls = classes(FINE, 6, 5, 9);
        double[] times = {0, 0.37, 1};
        float[][][] fine = new float[3][bands][FINE.size()];
        for (int b = 0; b < bands; b++) {
            for (int i = 0; i < FINE.size(); i++) {
                double start = 120 + 30 * cls[i] + 20 * b + 4 * rnd.nextDouble();
                double rate = 10 + 5 * cls[i] + 3 * rnd.nextDouble();
                for (int d = 0; d < 3; d++) {
                    fine[d][b][i] = (float) (start + rate * times[d]);
                }
            }
        }
        float[][][] coarseImages = new float[3][][];
        for (int d = 0; d < 3; d++) {
            // A sensor with gain 1.2 and offset 5 seeing the block means: still linear in time.
            coarseImages[d] = blockMean(fine[d], FINE, coarse, factor, 1.2, 5);
        }
        Estarfm estarfm = Estarfm.prepare(params(11).withRegression(regression), GridSeries.undated(FINE, fine[0]),
                GridSeries.undated(coarse, coarseImages[0]), GridSeries.undated(FINE, fine[2]),
                GridSeries.undated(coarse, coarseImages[2]));
        float[][] out = estarfm.predict(coarseImages[1], Monitor.NONE);
        for (int b = 0; b < bands; b++) {
            for (int i = 0; i < FINE.size(); i++) {
                double expected = fine[0][b][i] + times[1] * (fine[2][b][i] - fine[0][b][i]);
                assertEquals(expected, out[b][i], EXACT, "band " + b + " pixel " + i);
            }
        }
    }

    /**
     * Fine = a·coarse + b with a = 1.6 at every pixel and date, classes changing by different amounts:
     * the regression finds V = a on the similar pixels and eq. 1 is exact; with V = 1 each
     * prediction misses (1 − 1/a) of the fine change, which the temporal weighting cannot undo
     * since the change is not linear in time.
     */
    @Test
    void theRegressionRecoversTheConversionCoefficient() {
        GridGeometry g = FINE;
        int[] cls = classes(g, 6, 4, 12);
        SplittableRandom rnd = new SplittableRandom(13);
        float[] texture = new float[g.size()];
        for (int i = 0; i < texture.length; i++) {
            texture[i] = (float) (2 * rnd.nextDouble());
        }
        double[][] level = {{100, 160, 220, 280}, {130, 150, 260, 270}, {110, 190, 205, 300}};
        double a = 1.6;
        float[][][] fine = new float[3][1][g.size()];
        float[][][] coarse = new float[3][1][g.size()];
        for (int d = 0; d < 3; d++) {
            for (int i = 0; i < g.size(); i++) {
                fine[d][0][i] = (float) (level[d][cls[i]] + texture[i]);
                coarse[d][0][i] = (float) ((fine[d][0][i] - 20) / a);
            }
        }
        float[][] withV = Estarfm.prepare(params(15), GridSeries.undated(g, fine[0]), GridSeries.undated(g, coarse[0]),
                GridSeries.undated(g, fine[2]), GridSeries.undated(g, coarse[2])).predict(coarse[1], Monitor.NONE);
        float[][] withoutV = Estarfm.prepare(params(15).withRegression(false), GridSeries.undated(g, fine[0]),
                GridSeries.undated(g, coarse[0]), GridSeries.undated(g, fine[2]), GridSeries.undated(g, coarse[2]))
                .predict(coarse[1], Monitor.NONE);
        double worst = 0;
        for (int i = 0; i < g.size(); i++) {
            assertEquals(fine[1][0][i], withV[0][i], EXACT, "pixel " + i);
            worst = Math.max(worst, Math.abs(withoutV[0][i] - fine[1][0][i]));
        }
        // Class changes reach 60 from one date: missing (1 - 1/1.6) of them is an error of several units.
        assertTrue(worst > 5, "V = 1 misses part of the change: worst error " + worst);
    }

    @Test
    void severalDatesFromKeptCellWeightsEqualOneDateAtATime() throws Exception {
        SyntheticScene s = new SyntheticScene(48, 40, 2, 4, 4, 8, 1.0, 1.1, 3, 21);
        EstarfmParameters p = params(13).withRange(0, 400);
        Estarfm estarfm = Estarfm.prepare(p, s.fine(0), s.coarse(0), s.fine(2), s.coarse(2));
        // Three prediction dates: t_p, t_m and t_n themselves; two bands each, date-major.
        float[][][] dates = {s.coarseImages[1], s.coarseImages[0], s.coarseImages[2]};
        float[][] stacked = new float[6][];
        for (int d = 0; d < 3; d++) {
            stacked[2 * d] = dates[d][0];
            stacked[2 * d + 1] = dates[d][1];
        }
        SeriesBuffer out = new SeriesBuffer(s.fine, List.of(), 6);
        estarfm.predict(GridSeries.undated(s.coarse, stacked).reader(), out, Monitor.NONE);
        GridSeries all = out.toSeries();
        for (int d = 0; d < 3; d++) {
            float[][] one = estarfm.predict(dates[d], Monitor.NONE);
            for (int b = 0; b < 2; b++) {
                for (int i = 0; i < s.fine.size(); i++) {
                    // Cell weights are kept as float32 sums; the direct path weighs pixels in double.
                    assertEquals(one[b][i], all.band(2 * d + b)[i], 1e-3, "date " + d + " band " + b + " pixel " + i);
                }
            }
        }
        // Predicting a base date returns (nearly) its fine image: T_m = 1 when C(t_p) = C(t_m).
        double worst = 0;
        for (int i = 0; i < s.fine.size(); i++) {
            worst = Math.max(worst, Math.abs(all.band(2)[i] - s.fineImages[0][0][i]));
        }
        assertTrue(worst < 1e-3, "t_m reproduced: " + worst);
    }

    @Test
    void datesOfASingleBandSeriesCarryOver() {
        SyntheticScene s = new SyntheticScene(24, 24, 1, 4, 3, 6, 1.0, 1.0, 0, 5);
        Estarfm estarfm = Estarfm.prepare(params(9), s.fine(0), s.coarse(0), s.fine(2), s.coarse(2));
        List<LocalDate> dates = List.of(LocalDate.of(2016, 2, 18), LocalDate.of(2016, 2, 19));
        GridSeries coarseP = GridSeries.of(s.coarse, dates, new float[][] {s.coarseImages[1][0], s.coarseImages[2][0]});
        GridSeries out = estarfm.predict(coarseP, Monitor.NONE);
        assertEquals(dates, out.dates());
        assertTrue(out.geometry().sameAs(s.fine));
    }

    @Test
    void noDataAtAnyInputGivesNoDataThereAndNowhereElse() {
        SyntheticScene s = new SyntheticScene(40, 40, 1, 5, 3, 8, 1.0, 1.0, 0, 6);
        float[][] fm = {s.fineImages[0][0].clone()};
        float[][] cp = {s.coarseImages[1][0].clone()};
        fm[0][3 * 40 + 7] = Float.NaN;
        cp[0][2 * 8 + 5] = Float.NaN; // coarse cell (row 2, column 5): fine rows 10-14, columns 25-29
        Estarfm estarfm = Estarfm.prepare(params(11), GridSeries.undated(s.fine, fm), s.coarse(0), s.fine(2),
                s.coarse(2));
        float[] out = estarfm.predict(cp, Monitor.NONE)[0];
        for (int r = 0; r < 40; r++) {
            for (int c = 0; c < 40; c++) {
                boolean gap = (r == 3 && c == 7) || (r >= 10 && r < 15 && c >= 25 && c < 30);
                assertEquals(gap, Float.isNaN(out[r * 40 + c]), "pixel row " + r + " column " + c);
            }
        }
    }

    @Test
    void valuesOutsideTheValidRangeAreNoData() {
        SyntheticScene s = new SyntheticScene(30, 30, 1, 5, 3, 8, 1.0, 1.0, 0, 7);
        float[][] fn = {s.fineImages[2][0].clone()};
        fn[0][31] = -3.4e38f; // a NoData value without a GeoTIFF tag
        EstarfmParameters p = params(9).withRange(0, 1000);
        float[] out = Estarfm.prepare(p, s.fine(0), s.coarse(0), GridSeries.undated(s.fine, fn), s.coarse(2))
                .predict(s.coarseImages[1], Monitor.NONE)[0];
        assertTrue(Float.isNaN(out[31]));
        for (int i = 0; i < out.length; i++) {
            if (i != 31) {
                assertTrue(out[i] > 50 && out[i] < 400, "pixel " + i + " = " + out[i]);
            }
        }
    }

    /**
     * A prediction beyond the valid range is replaced by T_m·ΣW·F(t_m) + T_n·ΣW·F(t_n) (Zhu's
     * reference code), as in the literal transcription; it then lies within the range.
     */
    @Test
    void predictionsBeyondTheRangeAreRevised() {
        // The coarse sensor reads 40 below the fine one; at t_p it warms by 30 more than the scene.
        SyntheticScene s = new SyntheticScene(36, 36, 1, 3, 3, 8, 1.0, 1.0, 40, 8);
        float[][] cp = {s.coarseImages[1][0].clone()};
        for (int i = 0; i < cp[0].length; i++) {
            cp[0][i] += 30;
        }
        double max = 0;
        for (float[][] image : s.fineImages) {
            for (float v : image[0]) {
                max = Math.max(max, v);
            }
        }
        for (float v : cp[0]) {
            max = Math.max(max, v);
        }
        EstarfmParameters p = params(9).withRange(0, max + 0.01);
        float[] out = Estarfm.prepare(p, s.fine(0), s.coarse(0), s.fine(2), s.coarse(2)).predict(cp, Monitor.NONE)[0];
        float[] unbounded = Estarfm.prepare(params(9), s.fine(0), s.coarse(0), s.fine(2), s.coarse(2))
                .predict(cp, Monitor.NONE)[0];
        NaiveEstarfm naive = new NaiveEstarfm(p, 36, 36, s.fineImages[0], s.replicate(s.coarseImages[0]),
                s.fineImages[2], s.replicate(s.coarseImages[2]));
        float[] reference = naive.predict(s.replicate(cp), 0, 36)[0];
        int revised = 0;
        for (int i = 0; i < out.length; i++) {
            assertEquals(reference[i], out[i], 2e-3, "pixel " + i);
            assertTrue(out[i] <= max + 0.01, "within the range");
            if (unbounded[i] > max + 0.01) {
                revised++;
            }
        }
        assertTrue(revised > 10, "some predictions were revised: " + revised);
    }

    @Test
    void gridsThatDoNotAlignAreRefusedNamingTheInput() {
        SyntheticScene s = new SyntheticScene(20, 20, 1, 5, 3, 6, 1.0, 1.0, 0, 9);
        GridGeometry shifted = new GridGeometry("EPSG:32633", 500_045, 5_300_000, 150, 150, 4, 4);
        GridSeries off = GridSeries.undated(shifted, s.coarseImages[0]);
        ParameterException e = assertThrows(ParameterException.class,
                () -> Estarfm.prepare(params(9), s.fine(0), off, s.fine(2), s.coarse(2)));
        assertEquals("coarseN", e.parameter(), "coarseN differs from coarseM: " + e.getMessage());
        e = assertThrows(ParameterException.class,
                () -> Estarfm.prepare(params(9), s.fine(0), off, s.fine(2), GridSeries.undated(shifted, s.coarseImages[2])));
        assertEquals("coarseM", e.parameter());
        assertTrue(e.getMessage().contains("ssm:Align"), e.getMessage());
        GridSeries otherFine = GridSeries.undated(s.fine.coarsen(2), new float[][] {new float[100]});
        e = assertThrows(ParameterException.class,
                () -> Estarfm.prepare(params(9), s.fine(0), s.coarse(0), otherFine, s.coarse(2)));
        assertEquals("fineN", e.parameter());
    }

    @Test
    void bandCountsAndPredictionInputsAreChecked() {
        SyntheticScene s = new SyntheticScene(20, 20, 2, 5, 3, 6, 1.0, 1.0, 0, 10);
        GridSeries oneBand = GridSeries.undated(s.coarse, new float[][] {s.coarseImages[0][0]});
        ParameterException e = assertThrows(ParameterException.class,
                () -> Estarfm.prepare(params(9), s.fine(0), oneBand, s.fine(2), s.coarse(2)));
        assertEquals("coarseM", e.parameter(), e.getMessage());
        assertTrue(e.getMessage().contains("expected the 2 band(s) of fineM"), e.getMessage());
        e = assertThrows(ParameterException.class,
                () -> Estarfm.prepare(params(9), s.fine(0), s.coarse(0), s.fine(2), oneBand));
        assertEquals("coarseN", e.parameter(), e.getMessage());
        Estarfm estarfm = Estarfm.prepare(params(9), s.fine(0), s.coarse(0), s.fine(2), s.coarse(2));
        GridSeries threeBands = GridSeries.undated(s.coarse, new float[][] {s.coarseImages[1][0], s.coarseImages[1][1],
            s.coarseImages[1][0]});
        e = assertThrows(ParameterException.class, () -> estarfm.predict(threeBands, Monitor.NONE));
        assertEquals("coarseP", e.parameter());
        assertTrue(e.getMessage().contains("2 band(s) per prediction date"), e.getMessage());
        GridSeries onFine = GridSeries.undated(s.fine, s.replicate(s.coarseImages[1]));
        e = assertThrows(ParameterException.class, () -> estarfm.predict(onFine, Monitor.NONE));
        assertEquals("coarseP", e.parameter());
        assertTrue(e.getMessage().contains("ssm:Align"), e.getMessage());
    }

    @Test
    void inputsWithoutAnyValidPixelAreRefused() {
        SyntheticScene s = new SyntheticScene(20, 20, 1, 5, 3, 6, 1.0, 1.0, 0, 11);
        float[][] nan = {new float[400]};
        java.util.Arrays.fill(nan[0], Float.NaN);
        ParameterException e = assertThrows(ParameterException.class,
                () -> Estarfm.prepare(params(9), s.fine(0), s.coarse(0), GridSeries.undated(s.fine, nan), s.coarse(2)));
        assertEquals("fineN", e.parameter());
        // Valid values that never overlap the valid range.
        e = assertThrows(ParameterException.class, () -> Estarfm.prepare(params(9).withRange(1000, 2000), s.fine(0),
                s.coarse(0), s.fine(2), s.coarse(2)));
        assertEquals("fineM", e.parameter());
        assertTrue(e.getMessage().contains("[1000.0, 2000.0]"), e.getMessage());
    }

    @Test
    void parametersAreValidated() {
        assertEquals("window", assertThrows(ParameterException.class,
                () -> new EstarfmParameters(50, 4, true, 0, 1)).parameter());
        assertEquals("window", assertThrows(ParameterException.class,
                () -> new EstarfmParameters(1, 4, true, 0, 1)).parameter());
        assertEquals("classes", assertThrows(ParameterException.class,
                () -> new EstarfmParameters(51, 0, true, 0, 1)).parameter());
        assertEquals("maxValue", assertThrows(ParameterException.class,
                () -> new EstarfmParameters(51, 4, true, 5, 5)).parameter());
        assertEquals("minValue", assertThrows(ParameterException.class,
                () -> new EstarfmParameters(51, 4, true, Double.NaN, 5)).parameter());
        EstarfmParameters d = EstarfmParameters.DEFAULTS;
        assertEquals(51, d.window());
        assertEquals(4, d.classes());
        assertTrue(d.regression());
        assertFalse(d.hasRange());
    }

    @Test
    void cancellationStopsTheWork() {
        SyntheticScene s = new SyntheticScene(40, 40, 1, 5, 3, 8, 1.0, 1.0, 0, 12);
        Estarfm estarfm = Estarfm.prepare(params(9), s.fine(0), s.coarse(0), s.fine(2), s.coarse(2));
        AtomicInteger calls = new AtomicInteger();
        Monitor cancelAfterTenRows = new Monitor() {
            @Override
            public void progress(double fraction) {
                calls.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return calls.get() >= 10;
            }
        };
        assertThrows(CancelledException.class, () -> estarfm.predict(s.coarseImages[1], cancelAfterTenRows));
    }

    @Test
    void criticalValuesOfTheSignificanceTestMatchTheFDistribution() {
        for (int df : new int[] {1, 2, 5, 10, 30, 100, 400, 401, 500, 1000, 5200, 100_000}) {
            double exact = new org.apache.commons.math3.distribution.FDistribution(null, 1, df)
                    .inverseCumulativeProbability(0.95);
            // Commons Math inverts the CDF to about 1e-9 relative; the expansion above 400 is as close.
            assertEquals(exact, Significance.criticalF(df), 1e-6 * exact, "df " + df);
        }
    }

    private static float[][] replicate(float[][] coarse, GridGeometry cg, GridGeometry fine, int factor) {
        float[][] out = new float[coarse.length][fine.size()];
        for (int b = 0; b < coarse.length; b++) {
            for (int r = 0; r < fine.height(); r++) {
                for (int c = 0; c < fine.width(); c++) {
                    out[b][r * fine.width() + c] = coarse[b][(r / factor) * cg.width() + c / factor];
                }
            }
        }
        return out;
    }

    private static float[][] blockMean(float[][] fine, GridGeometry fg, GridGeometry cg, int factor, double gain,
            double offset) {
        float[][] out = new float[fine.length][cg.size()];
        for (int b = 0; b < fine.length; b++) {
            double[] sum = new double[cg.size()];
            for (int r = 0; r < fg.height(); r++) {
                for (int c = 0; c < fg.width(); c++) {
                    sum[(r / factor) * cg.width() + c / factor] += fine[b][r * fg.width() + c];
                }
            }
            for (int i = 0; i < sum.length; i++) {
                out[b][i] = (float) (sum[i] / (factor * factor) * gain + offset);
            }
        }
        return out;
    }
}
