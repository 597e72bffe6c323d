package org.ssm.algorithms.whittaker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.core.CancelledException;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesBuffer;
import org.ssm.io.ScratchSeries;

/** The smoother over whole series: λ selection, weights and gaps, windows, threads and errors. */
class WhittakerSmootherTest {

    // 300 columns span two windows of 256, so an edge window is exercised.
    private static final GridGeometry GRID = new GridGeometry("EPSG:32633", 500_000, 5_300_000, 500, 500, 300, 3);

    @TempDir
    Path dir;

    private static List<LocalDate> daily(int n) {
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dates.add(LocalDate.of(2021, 1, 1).plusDays(i));
        }
        return dates;
    }

    /** A seasonal NDVI-like curve with noise and about 20 % clouds (NaN) per pixel. */
    private static GridSeries seasonal(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] v = new float[n][GRID.size()];
        for (int cell = 0; cell < GRID.size(); cell++) {
            double amplitude = 0.1 + 0.4 * rnd.nextDouble();
            double phase = 2 * Math.PI * rnd.nextDouble();
            for (int t = 0; t < n; t++) {
                v[t][cell] = rnd.nextDouble() < 0.2 ? Float.NaN
                        : (float) (0.4 + amplitude * Math.sin(2 * Math.PI * t / 46.0 + phase) + 0.05 * rnd.nextGaussian());
            }
        }
        return GridSeries.of(GRID, daily(n), v);
    }

    private static double[] seriesOf(GridSeries s, int cell) {
        double[] y = new double[s.size()];
        for (int t = 0; t < y.length; t++) {
            y[t] = s.band(t)[cell];
        }
        return y;
    }

    private static double[] grid(LambdaSelection.VCurve v) {
        double[] g = new double[v.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = v.logLambda(i);
        }
        return g;
    }

    @Test
    void theDefaultGridIsMinusTwoToOneByPointTwo() {
        LambdaSelection.VCurve v = LambdaSelection.VCurve.MODIS;
        assertEquals(16, v.size());
        assertEquals(-2.0, v.logLambda(0), 0);
        // start + 15 · 0.2 in double: within one rounding of 1.
        assertEquals(1.0, v.logLambda(15), 1e-15);
        assertEquals(4, new LambdaSelection.VCurve(0, 1, 0.3).size(), "the grid stops at the last point not beyond end");
    }

    @Test
    void theVCurveChoosesTheSameLambdaAsAnIndependentDenseEvaluation() {
        GridSeries s = seasonal(92, 1);
        WhittakerSmoother smoother = new WhittakerSmoother(LambdaSelection.VCurve.MODIS, 1);
        DenseWhittaker dense = new DenseWhittaker(92);
        double[] z = new double[92];
        for (int cell = 0; cell < 40; cell++) {
            double[] y = seriesOf(s, cell);
            double[] w = new double[92];
            for (int t = 0; t < 92; t++) {
                w[t] = Double.isNaN(y[t]) ? 0 : 1;
            }
            double chosen = smoother.smooth(y, null, z);
            // Both evaluate the same definition on the same grid; only the argmin is compared, and the
            // midpoints are sums of the same two doubles.
            assertEquals(dense.vCurveLogLambda(y, w, grid(LambdaSelection.VCurve.MODIS)), chosen, 1e-12, "cell " + cell);
            double[] expected = dense.solve(y, w, Math.pow(10, chosen));
            for (int t = 0; t < 92; t++) {
                // cond(W + λDᵀD) ≤ 1 + 16·10 with 80 % weights; two stable solvers agree far below 1e-9.
                assertEquals(expected[t], z[t], 1e-9);
            }
        }
    }

    @Test
    void theVCurveExposesItsPointsAndFidelityGrowsWithLambda() {
        GridSeries s = seasonal(92, 2);
        WhittakerSmoother smoother = new WhittakerSmoother(LambdaSelection.VCurve.MODIS, 1);
        double[] y = seriesOf(s, 7);
        VCurvePoints v = smoother.vCurve(y, null);
        assertEquals(16, v.logLambda().length);
        assertEquals(15, v.distance().length);
        for (int i = 1; i < 16; i++) {
            // A larger λ trades fidelity for smoothness: F rises and R falls (Eilers 2003), strictly here.
            assertTrue(v.fidelity()[i] > v.fidelity()[i - 1], "fidelity rises at " + i);
            assertTrue(v.roughness()[i] < v.roughness()[i - 1], "roughness falls at " + i);
        }
        for (double d : v.distance()) {
            assertTrue(d >= v.distance()[v.chosen()]);
        }
        assertEquals(v.chosenLogLambda(), smoother.smooth(y, null, new double[92]), 0);
    }

    @Test
    void aStraightLineIsReturnedByTheVCurveToo() {
        int n = 20;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 0.3 - 0.005 * i;
        }
        double[] z = new double[n];
        double chosen = new WhittakerSmoother(LambdaSelection.VCurve.MODIS, 1).smooth(y, null, z);
        // Every λ fits a line exactly (F = R = 0, ln = −∞): no segment has a length, the first is taken.
        assertEquals(-1.9, chosen, 1e-12);
        for (int i = 0; i < n; i++) {
            assertEquals(y[i], z[i], 1e-12);
        }
    }

    @Test
    void nanValuesAndNanWeightsCountAsWeightZero() {
        int n = 30;
        SplittableRandom rnd = new SplittableRandom(3);
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextDouble();
            w[i] = 0.5 + 0.5 * rnd.nextDouble();
        }
        double[] yGaps = y.clone();
        double[] wGaps = w.clone();
        double[] wZero = w.clone();
        yGaps[5] = Double.NaN;
        wGaps[9] = Double.NaN;
        wZero[5] = 0;
        wZero[9] = 0;
        WhittakerSmoother smoother = new WhittakerSmoother(new LambdaSelection.Fixed(3), 1);
        double[] a = new double[n];
        double[] b = new double[n];
        smoother.smooth(yGaps, wGaps, a);
        smoother.smooth(y, wZero, b);
        // Identical arithmetic once the weights are the same: bit for bit.
        assertArrayEquals(b, a, 0);
    }

    @Test
    void aSeriesWithFewerThanTwoWeightedValuesBecomesNaN() {
        double[] y = {Double.NaN, 0.4, Double.NaN, Double.NaN, Double.NaN};
        double[] z = new double[5];
        assertTrue(Double.isNaN(new WhittakerSmoother(new LambdaSelection.Fixed(1), 1).smooth(y, null, z)));
        for (double v : z) {
            assertTrue(Double.isNaN(v));
        }
    }

    @Test
    void gridSeriesResultsEqualTheSingleSeriesResultsAndCarryTheDates() {
        GridSeries s = seasonal(46, 4);
        WhittakerSmoother smoother = new WhittakerSmoother(LambdaSelection.VCurve.MODIS, 2);
        WhittakerSmoother.Smoothed out = smoother.smooth(s, null, Monitor.NONE);
        assertEquals(s.dates(), out.values().dates());
        double[] z = new double[46];
        for (int cell : new int[] {0, 255, 256, 299, 300, 899}) {
            double chosen = smoother.smooth(seriesOf(s, cell), null, z);
            assertEquals((float) chosen, out.logLambda().values()[cell], 0f, "cell " + cell);
            for (int t = 0; t < 46; t++) {
                // The same double arithmetic, then one rounding to float32.
                assertEquals((float) z[t], out.values().band(t)[cell], 0f, "cell " + cell + " date " + t);
                assertFalse(Float.isNaN(out.values().band(t)[cell]), "gaps are filled");
            }
        }
    }

    @Test
    void resultsAreBitIdenticalForAnyNumberOfThreads() {
        GridSeries s = seasonal(46, 5);
        WhittakerSmoother.Smoothed one = new WhittakerSmoother(LambdaSelection.VCurve.MODIS, 1).smooth(s, null, Monitor.NONE);
        WhittakerSmoother.Smoothed three = new WhittakerSmoother(LambdaSelection.VCurve.MODIS, 3).smooth(s, null, Monitor.NONE);
        for (int t = 0; t < 46; t++) {
            assertArrayEquals(one.values().band(t), three.values().band(t), 0f);
        }
        assertArrayEquals(one.logLambda().values(), three.logLambda().values(), 0f);
    }

    @Test
    void theSmootherUsesTheSampleIndexNotTheDates() {
        GridSeries s = seasonal(46, 6);
        List<LocalDate> irregular = new ArrayList<>();
        LocalDate d = LocalDate.of(2002, 6, 26);
        for (int i = 0; i < 46; i++) {
            irregular.add(d);
            d = d.plusDays(i % 10 == 9 ? 5 : 8);
        }
        WhittakerSmoother smoother = new WhittakerSmoother(new LambdaSelection.Fixed(2), 1);
        GridSeries regular = smoother.smooth(s, null, Monitor.NONE).values();
        GridSeries uneven = smoother.smooth(s.withDates(irregular), null, Monitor.NONE).values();
        assertEquals(irregular, uneven.dates());
        for (int t = 0; t < 46; t++) {
            assertArrayEquals(regular.band(t), uneven.band(t), 0f, "date " + t);
        }
    }

    @Test
    void weightsSteerTheFit() {
        GridSeries s = seasonal(46, 7);
        float[][] w = new float[46][GRID.size()];
        for (float[] band : w) {
            java.util.Arrays.fill(band, 1f);
        }
        w[10][0] = 0.25f;
        GridSeries weights = GridSeries.undated(GRID, w);
        WhittakerSmoother smoother = new WhittakerSmoother(new LambdaSelection.Fixed(2), 1);
        GridSeries out = smoother.smooth(s, weights, Monitor.NONE).values();
        double[] wCell = new double[46];
        java.util.Arrays.fill(wCell, 1);
        wCell[10] = 0.25;
        double[] z = new double[46];
        smoother.smooth(seriesOf(s, 0), wCell, z);
        for (int t = 0; t < 46; t++) {
            assertEquals((float) z[t], out.band(t)[0], 0f);
        }
    }

    @Test
    void scratchSeriesInAndOutGiveTheInMemoryResult() throws Exception {
        GridSeries s = seasonal(46, 8);
        WhittakerSmoother smoother = new WhittakerSmoother(LambdaSelection.VCurve.MODIS, 2);
        WhittakerSmoother.Smoothed expected = smoother.smooth(s, null, Monitor.NONE);
        try (ScratchSeries in = ScratchSeries.copyOf(dir, s.reader());
                ScratchSeries out = ScratchSeries.create(dir, GRID, s.dates(), 46)) {
            SeriesBuffer lambdas = new SeriesBuffer(GRID, List.of(), 1);
            smoother.smooth(in, null, out, lambdas, Monitor.NONE);
            for (int t = 0; t < 46; t++) {
                assertArrayEquals(expected.values().band(t), out.read(t), 0f);
            }
            assertArrayEquals(expected.logLambda().values(), lambdas.toSeries().band(0), 0f);
        }
    }

    @Test
    void progressIsReportedPerWindowAndCancellationStops() {
        GridSeries s = seasonal(46, 9);
        AtomicInteger checkpoints = new AtomicInteger();
        Monitor counting = new Monitor() {
            @Override
            public void progress(double fraction) {
                checkpoints.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        new WhittakerSmoother(new LambdaSelection.Fixed(1), 2).smooth(s, null, counting);
        // Two windows (300 columns = 256 + 44), one checkpoint before each and one at the end.
        assertEquals(3, checkpoints.get());
        Monitor cancelled = new Monitor() {
            @Override
            public void progress(double fraction) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancelledException.class,
                () -> new WhittakerSmoother(new LambdaSelection.Fixed(1), 2).smooth(s, null, cancelled));
    }

    @Test
    void badInputsAreNamed() {
        GridSeries s = seasonal(46, 10);
        WhittakerSmoother smoother = new WhittakerSmoother(new LambdaSelection.Fixed(1), 2);
        float[][] w = new float[46][GRID.size()];
        w[3][17] = 1.5f;
        ParameterException bad = assertThrows(ParameterException.class,
                () -> smoother.smooth(s, GridSeries.undated(GRID, w), Monitor.NONE));
        assertEquals("weights", bad.parameter());
        assertTrue(bad.getMessage().contains("1.5") && bad.getMessage().contains("[0, 1]"), bad.getMessage());

        ParameterException bands = assertThrows(ParameterException.class,
                () -> smoother.smooth(s, GridSeries.undated(GRID, new float[45][GRID.size()]), Monitor.NONE));
        assertEquals("weights", bands.parameter());

        GridGeometry other = new GridGeometry("EPSG:32633", 0, 0, 500, 500, 300, 3);
        ParameterException grid = assertThrows(ParameterException.class,
                () -> smoother.smooth(s, GridSeries.undated(other, new float[46][other.size()]), Monitor.NONE));
        assertEquals("weights", grid.parameter());

        ParameterException tooShort = assertThrows(ParameterException.class,
                () -> smoother.smooth(GridSeries.undated(GRID, new float[2][GRID.size()]), null, Monitor.NONE));
        assertEquals("series", tooShort.parameter());
    }

    @Test
    void parametersAreValidatedWithTheirPublicNames() {
        assertEquals("lambda", assertThrows(ParameterException.class, () -> new LambdaSelection.Fixed(0)).parameter());
        assertEquals("lambda", assertThrows(ParameterException.class, () -> new LambdaSelection.Fixed(Double.NaN)).parameter());
        assertEquals("logLambdaStart",
                assertThrows(ParameterException.class, () -> new LambdaSelection.VCurve(-9, 1, 0.2)).parameter());
        assertEquals("logLambdaEnd",
                assertThrows(ParameterException.class, () -> new LambdaSelection.VCurve(1, 1, 0.2)).parameter());
        assertEquals("logLambdaStep",
                assertThrows(ParameterException.class, () -> new LambdaSelection.VCurve(-2, 1, 0)).parameter());
        ParameterException tooFew = assertThrows(ParameterException.class, () -> new LambdaSelection.VCurve(-2, 1, 5));
        assertEquals("logLambdaStep", tooFew.parameter());
        assertTrue(tooFew.getMessage().contains("gives 1"), tooFew.getMessage());
        assertEquals("logLambdaStep",
                assertThrows(ParameterException.class, () -> new LambdaSelection.VCurve(-8, 8, 0.01)).parameter());
        assertEquals("threads", assertThrows(ParameterException.class,
                () -> new WhittakerSmoother(LambdaSelection.VCurve.MODIS, 0)).parameter());
    }
}
