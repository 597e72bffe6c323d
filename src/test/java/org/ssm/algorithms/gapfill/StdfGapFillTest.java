package org.ssm.algorithms.gapfill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.core.CancelledException;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.Grid;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.io.ScratchSeries;

class StdfGapFillTest {

    private static final GridGeometry GRID = new GridGeometry("EPSG:32633", 500_000, 5_300_000, 1000, 1000, 40, 30);
    private static final LocalDate DAY = LocalDate.of(2021, 6, 10);

    @TempDir
    Path dir;

    private static List<LocalDate> days(int... offsets) {
        List<LocalDate> dates = new ArrayList<>();
        for (int o : offsets) {
            dates.add(DAY.plusDays(o));
        }
        return dates;
    }

    private static float[] uniform(GridGeometry g, double lo, double hi, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] v = new float[g.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (lo + (hi - lo) * rnd.nextDouble());
        }
        return v;
    }

    private static int col(int i) {
        return i % GRID.width();
    }

    private static int row(int i) {
        return i / GRID.width();
    }

    /** Min and max of the finite values of every band. */
    private static MinMax bounds(float[]... bands) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float[] band : bands) {
            for (float v : band) {
                if (Float.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return new MinMax(lo, hi);
    }

    @Test
    void recoversAFieldBuiltFromKnownCoefficients() {
        double alpha = 0.8;
        double beta = -6;
        double gamma = -0.004;
        double delta = 62;
        float[] lst0 = uniform(GRID, 280, 320, 1);
        float[] ndvi0 = uniform(GRID, 0.1, 0.8, 2);
        float[] ndvi1 = uniform(GRID, 0.1, 0.8, 3);
        float[] dem = uniform(GRID, 100, 2000, 4);
        double[] truth = new double[GRID.size()];
        float[] lst1 = new float[GRID.size()];
        int cloudy = 0;
        for (int i = 0; i < truth.length; i++) {
            truth[i] = alpha * lst0[i] + beta * ndvi1[i] + gamma * dem[i] + delta;
            boolean cloud = (col(i) + row(i)) % 3 == 0;
            lst1[i] = cloud ? Float.NaN : (float) truth[i];
            cloudy += cloud ? 1 : 0;
        }
        GridSeries lst = GridSeries.of(GRID, days(0, 1), new float[][] {lst0, lst1});
        GridSeries ndvi = GridSeries.of(GRID, days(0, 1), new float[][] {ndvi0, ndvi1});
        StdfGapFill.Result r = StdfGapFill.PAPER_D.fill(lst, ndvi, Grid.of(GRID, dem), Monitor.NONE);

        MinMax l = bounds(lst0, lst1);
        MinMax n = bounds(ndvi0, ndvi1);
        MinMax h = bounds(dem);
        assertEquals(l, r.report().lst());
        assertEquals(n, r.report().ndvi());
        assertEquals(h, r.report().dem());
        assertEquals(1, r.report().fits().size(), "one neighbour fills every cloudy pixel of t1");
        StdfFit fit = r.report().fits().get(0).fit();
        // Eq. 1 in physical units is LST1 = α LST0 + β NDVI + γ DEM + δ; substituting v = min + v*·range
        // gives the normalised coefficients below. LST1 is stored as float32 (≤ 2e-5 K rounding), a
        // residual ~3e-7 in normalised units, which moves the coefficients by ~1e-8 over 800 pairs.
        assertEquals(alpha, fit.a(), 1e-6);
        assertEquals(beta * n.range() / l.range(), fit.b(), 1e-6);
        assertEquals(gamma * h.range() / l.range(), fit.c(), 1e-6);
        assertEquals((alpha * l.min() + beta * n.min() + gamma * h.min() + delta - l.min()) / l.range(), fit.d(), 1e-6);
        assertEquals(GRID.size() - cloudy, fit.pairs());
        assertTrue(fit.residualRms() < 1e-6, "an exact field leaves only rounding: " + fit.residualRms());

        float[] filled = r.filled().band(1);
        for (int i = 0; i < truth.length; i++) {
            // Input rounding (2e-5 K) through the fit plus the float32 rounding of the output (1.5e-5 K).
            assertEquals(truth[i], filled[i], 1e-4, "pixel " + i);
        }
        FillReport.DateFill before = r.report().dates().get(0);
        assertEquals(GRID.size(), before.validBefore());
        assertEquals(0, before.filled());
        assertEquals(0, before.neighbours(), "a clear date is not searched at all");
        FillReport.DateFill after = r.report().dates().get(1);
        assertEquals(GRID.size() - cloudy, after.validBefore());
        assertEquals(cloudy, after.filled());
        assertEquals(1.0, after.fractionAfter(), 0.0);
        assertEquals(1, after.neighbours());
        assertEquals(1, after.farthestDays());
    }

    /**
     * Four consecutive days with noisy, date-specific relations; the target (index 1) is cloudy on
     * the left half, day −1 on the top half, day +1 on the left quarter, day +2 is clear.
     */
    private record FourDays(GridSeries lst, GridSeries ndvi, Grid dem) {
        static FourDays build() {
            SplittableRandom rnd = new SplittableRandom(11);
            float[] dem = uniform(GRID, 200, 1500, 12);
            float[][] ndvi = new float[4][];
            float[][] lst = new float[4][GRID.size()];
            double[] slope = {0.9, 1.0, 1.1, 0.95};
            for (int t = 0; t < 4; t++) {
                ndvi[t] = uniform(GRID, 0.1, 0.8, 20 + t);
                for (int i = 0; i < GRID.size(); i++) {
                    double field = 15 * Math.sin(col(i) / 6.0) + 10 * Math.cos(row(i) / 5.0);
                    lst[t][i] = (float) (290 + slope[t] * field - 8 * ndvi[t][i] - 0.005 * dem[i] + t
                            + 0.5 * rnd.nextGaussian());
                }
            }
            for (int i = 0; i < GRID.size(); i++) {
                if (col(i) < 20) {
                    lst[1][i] = Float.NaN;
                }
                if (row(i) < 15) {
                    lst[0][i] = Float.NaN;
                }
                if (col(i) < 10) {
                    lst[2][i] = Float.NaN;
                }
            }
            return new FourDays(GridSeries.of(GRID, days(-1, 0, 1, 2), lst), GridSeries.of(GRID, days(-1, 0, 1, 2), ndvi),
                    Grid.of(GRID, dem));
        }
    }

    /**
     * An independent fit for target band t1 and neighbour t0 by Commons Math OLS in physical units
     * (K, NDVI, m), predicted at every pixel in K. Least squares with an intercept gives the same
     * fitted values for any affine rescaling of the variables, so this equals eq. 1 on min-max
     * normalised variables with the normalisation undone: comparing the two checks both.
     */
    private static double[] referencePrediction(FourDays d, int t1, int t0) {
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        float[] lst1 = d.lst().band(t1);
        float[] lst0 = d.lst().band(t0);
        float[] ndvi = d.ndvi().band(t1);
        float[] dem = d.dem().values();
        for (int i = 0; i < GRID.size(); i++) {
            if (!Float.isNaN(lst1[i]) && !Float.isNaN(lst0[i])) {
                x.add(new double[] {lst0[i], ndvi[i], dem[i]});
                y.add((double) lst1[i]);
            }
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y.stream().mapToDouble(Double::doubleValue).toArray(), x.toArray(new double[0][]));
        double[] c = ols.estimateRegressionParameters();
        double[] out = new double[GRID.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.isNaN(lst0[i]) ? Double.NaN : c[0] + c[1] * lst0[i] + c[2] * ndvi[i] + c[3] * dem[i];
        }
        return out;
    }

    @Test
    void averagesTheEstimatesOfEveryNeighbourNearestFirst() {
        FourDays d = FourDays.build();
        StdfGapFill.Result r = new StdfGapFill(30, 1.0, 100).fill(d.lst(), d.ndvi(), d.dem(), Monitor.NONE);
        List<FillReport.FitRecord> fits = r.report().fits().stream().filter(f -> f.target().equals(DAY)).toList();
        assertEquals(days(-1, 1, 2), fits.stream().map(FillReport.FitRecord::neighbour).toList(),
                "nearest first, the earlier of the two one-day neighbours first");
        assertEquals(List.of(300, 300, 600), fits.stream().map(FillReport.FitRecord::filled).toList());

        MinMax l = bounds(d.lst().band(0), d.lst().band(1), d.lst().band(2), d.lst().band(3));
        assertEquals(l, r.report().lst());
        double[][] predictions = {referencePrediction(d, 1, 0), referencePrediction(d, 1, 2), referencePrediction(d, 1, 3)};
        int[] daysAway = {1, 1, 2};
        float[] filled = r.filled().band(1);
        float[] distance = r.distance().band(1);
        for (int i = 0; i < GRID.size(); i++) {
            if (col(i) >= 20) {
                assertEquals(d.lst().band(1)[i], filled[i], 0f, "observed pixels are kept");
                assertEquals(0f, distance[i], 0f);
                continue;
            }
            double sum = 0;
            double days = 0;
            int count = 0;
            for (int k = 0; k < 3; k++) {
                if (!Double.isNaN(predictions[k][i])) {
                    sum += predictions[k][i];
                    days += daysAway[k];
                    count++;
                }
            }
            // Both fits solve the same least-squares problem in double precision (the normal
            // equations of normalised regressors lose < 1e-12 relative, QR on physical units about
            // 1e-11); the output is float32 (ulp 3e-5 K at 300 K).
            assertEquals(sum / count, filled[i], 1e-4, "pixel " + i);
            assertEquals(days / count, distance[i], 1e-6, "pixel " + i);
        }
        FillReport.DateFill target = r.report().dates().get(1);
        assertEquals(3, target.neighbours());
        assertEquals(2, target.farthestDays());
        assertEquals(600, target.filled());
        assertEquals(1.0, target.fractionAfter(), 0.0);
    }

    @Test
    void stopsOnceTheTargetCoverageIsReached() {
        FourDays d = FourDays.build();
        // After day -1 the target has 600 observed + 300 filled of 1200 pixels: 0.75.
        StdfGapFill.Result r = new StdfGapFill(30, 0.75, 100).fill(d.lst(), d.ndvi(), d.dem(), Monitor.NONE);
        List<FillReport.FitRecord> fits = r.report().fits().stream().filter(f -> f.target().equals(DAY)).toList();
        assertEquals(days(-1), fits.stream().map(FillReport.FitRecord::neighbour).toList());
        double[] single = referencePrediction(d, 1, 0);
        float[] filled = r.filled().band(1);
        for (int i = 0; i < GRID.size(); i++) {
            if (col(i) < 20 && row(i) < 15) {
                assertTrue(Float.isNaN(filled[i]), "cloudy at t1 and t0, no further neighbour tried: " + i);
                assertTrue(Float.isNaN(r.distance().band(1)[i]));
            } else if (col(i) < 20) {
                assertEquals(single[i], filled[i], 1e-4, "one estimate, not averaged: " + i);
                assertEquals(1f, r.distance().band(1)[i], 0f);
            }
        }
        FillReport.DateFill target = r.report().dates().get(1);
        assertEquals(0.75, target.fractionAfter(), 0.0);
        assertEquals(1, target.neighbours());
        assertEquals(0, r.report().dates().get(3).neighbours(), "day +2 is clear: 1.0 >= 0.75 before any neighbour");
    }

    @Test
    void neighboursFartherThanMaxDaysAreNotUsed() {
        float[] lst0 = uniform(GRID, 280, 300, 5);
        float[] lst1 = uniform(GRID, 280, 300, 6);
        lst1[0] = Float.NaN;
        GridSeries lst = GridSeries.of(GRID, days(0, 31), new float[][] {lst0, lst1});
        GridSeries ndvi = GridSeries.of(GRID, days(0, 31), new float[][] {uniform(GRID, 0, 1, 7), uniform(GRID, 0, 1, 8)});
        Grid dem = Grid.of(GRID, uniform(GRID, 0, 500, 9));
        StdfGapFill.Result within30 = new StdfGapFill(30, 1.0, 100).fill(lst, ndvi, dem, Monitor.NONE);
        assertTrue(Float.isNaN(within30.filled().band(1)[0]), "31 days away is beyond |t0 - t1| <= 30");
        assertEquals(0, within30.report().dates().get(1).filled());
        assertTrue(within30.report().fits().isEmpty());
        StdfGapFill.Result within31 = new StdfGapFill(31, 1.0, 100).fill(lst, ndvi, dem, Monitor.NONE);
        assertTrue(Float.isFinite(within31.filled().band(1)[0]));
        assertEquals(31f, within31.distance().band(1)[0], 0f);
    }

    @Test
    void ordersNeighboursByDistanceThenDate() {
        List<LocalDate> dates = days(-9, -3, -1, 0, 1, 2, 3, 20);
        StdfGapFill fill = new StdfGapFill(10, 0.99, 100);
        // Distances from index 3: 9, 3, 1, -, 1, 2, 3, 20.
        assertEquals(List.of(2, 4, 5, 1, 6, 0), fill.neighboursNearestFirst(dates, 3));
        assertEquals(List.of(), new StdfGapFill(1, 0.99, 100).neighboursNearestFirst(days(0, 5), 0));
    }

    @Test
    void skipsANeighbourWithTooFewClearPairs() {
        FourDays d = FourDays.build();
        float[] sparse = d.lst().band(0).clone();
        for (int i = 0; i < sparse.length; i++) {
            // 50 pixels clear on both day -1 and the target: below minPairs = 100.
            if (!(col(i) >= 20 && col(i) < 25 && row(i) >= 20)) {
                sparse[i] = Float.NaN;
            }
        }
        GridSeries lst = GridSeries.of(GRID, d.lst().dates(),
                new float[][] {sparse, d.lst().band(1), d.lst().band(2), d.lst().band(3)});
        StdfGapFill.Result r = new StdfGapFill(30, 1.0, 100).fill(lst, d.ndvi(), d.dem(), Monitor.NONE);
        List<LocalDate> used = r.report().fits().stream().filter(f -> f.target().equals(DAY))
                .map(FillReport.FitRecord::neighbour).toList();
        assertEquals(days(1, 2), used);
        StdfGapFill.Result lenient = new StdfGapFill(30, 1.0, 50).fill(lst, d.ndvi(), d.dem(), Monitor.NONE);
        assertEquals(days(-1, 1, 2), lenient.report().fits().stream().filter(f -> f.target().equals(DAY))
                .map(FillReport.FitRecord::neighbour).toList());
    }

    @Test
    void leavesPixelsOutsideTheDomainOrWithoutNdviAlone() {
        FourDays d = FourDays.build();
        float[] dem = d.dem().values().clone();
        int outsideCloudy = 0; // col 0: cloudy at the target
        int outsideClear = 39; // col 39: observed at the target
        dem[outsideCloudy] = Float.NaN;
        dem[outsideClear] = Float.NaN;
        float[] ndviTarget = d.ndvi().band(1).clone();
        int noNdvi = 5 * GRID.width() + 3;
        ndviTarget[noNdvi] = Float.NaN;
        GridSeries ndvi = GridSeries.of(GRID, d.ndvi().dates(),
                new float[][] {d.ndvi().band(0), ndviTarget, d.ndvi().band(2), d.ndvi().band(3)});
        StdfGapFill.Result r = new StdfGapFill(30, 1.0, 100).fill(d.lst(), ndvi, Grid.of(GRID, dem), Monitor.NONE);
        float[] filled = r.filled().band(1);
        assertTrue(Float.isNaN(filled[outsideCloudy]));
        assertEquals(d.lst().band(1)[outsideClear], filled[outsideClear], 0f, "passed through unchanged");
        assertTrue(Float.isNaN(filled[noNdvi]), "eq. 1 needs NDVI at t1");
        FillReport.DateFill target = r.report().dates().get(1);
        assertEquals(GRID.size() - 2, target.domainPixels());
        assertEquals(600 - 1, target.validBefore());
        assertEquals(600 - 2, target.filled());
    }

    @Test
    void aFlatDemIsDroppedFromTheFit() {
        float[] lst0 = uniform(GRID, 280, 320, 31);
        float[] ndvi1 = uniform(GRID, 0.1, 0.8, 32);
        float[] lst1 = new float[GRID.size()];
        double[] truth = new double[GRID.size()];
        for (int i = 0; i < lst1.length; i++) {
            truth[i] = 0.9 * lst0[i] - 5 * ndvi1[i] + 30;
            lst1[i] = i % 4 == 0 ? Float.NaN : (float) truth[i];
        }
        float[] flat = new float[GRID.size()];
        Arrays.fill(flat, 450f);
        StdfGapFill.Result r = StdfGapFill.PAPER_D.fill(GridSeries.of(GRID, days(0, 1), new float[][] {lst0, lst1}),
                GridSeries.of(GRID, days(0, 1), new float[][] {ndvi1, ndvi1}), Grid.of(GRID, flat), Monitor.NONE);
        assertEquals(0.0, r.report().fits().get(0).fit().c(), 0.0, "a constant DEM* is 0 and its column is dropped");
        for (int i = 0; i < lst1.length; i += 4) {
            assertEquals(truth[i], r.filled().band(1)[i], 1e-4, "same float32 rounding budget as the exact-field test");
        }
    }

    /** 300 x 250 = 75,000 pixels: more than one parallel chunk. */
    private static GridSeries[] largeInputs(GridGeometry g) {
        SplittableRandom rnd = new SplittableRandom(41);
        int dates = 6;
        float[][] lst = new float[dates][g.size()];
        float[][] ndvi = new float[dates][];
        for (int t = 0; t < dates; t++) {
            ndvi[t] = uniform(g, 0.1, 0.8, 50 + t);
            for (int i = 0; i < g.size(); i++) {
                int c = i % g.width();
                int r = i / g.width();
                boolean cloud = Math.sin(c / 17.0 + t) * Math.cos(r / 13.0 - t) > 0.3;
                lst[t][i] = cloud ? Float.NaN : (float) (295 + 10 * Math.sin(c / 30.0) - 6 * ndvi[t][i] + rnd.nextGaussian());
            }
        }
        return new GridSeries[] {GridSeries.of(g, days(0, 1, 2, 4, 5, 6), lst), GridSeries.of(g, days(0, 1, 2, 4, 5, 6), ndvi)};
    }

    @Test
    void resultsDoNotDependOnThreadsCacheSizeOrStorage() throws Exception {
        GridGeometry g = new GridGeometry("EPSG:32633", 500_000, 5_300_000, 1000, 1000, 300, 250);
        assertTrue(g.size() > StdfGapFill.CHUNK);
        GridSeries[] in = largeInputs(g);
        Grid dem = Grid.of(g, uniform(g, 0, 900, 60));
        StdfGapFill fill = new StdfGapFill(30, 0.99, 100);
        StdfGapFill.Result parallel = fill.fill(in[0], in[1], dem, Monitor.NONE);
        ForkJoinPool one = new ForkJoinPool(1);
        StdfGapFill.Result sequential;
        try {
            sequential = one.submit(() -> fill.fill(in[0], in[1], dem, Monitor.NONE)).get();
        } finally {
            one.shutdown();
        }
        try (ScratchSeries lst = ScratchSeries.copyOf(dir, in[0].reader());
                ScratchSeries ndvi = ScratchSeries.copyOf(dir, in[1].reader());
                ScratchSeries out = ScratchSeries.create(dir, g, in[0].dates(), in[0].size())) {
            FillReport streamed = fill.fill(lst, ndvi, dem, out, null, Monitor.NONE, 2);
            assertEquals(parallel.report(), streamed, "same report from scratch files with a two-band cache");
            for (int b = 0; b < in[0].size(); b++) {
                assertArrayEquals(parallel.filled().band(b), sequential.filled().band(b), 0f, "band " + b);
                assertArrayEquals(parallel.filled().band(b), out.read(b), 0f, "band " + b);
            }
        }
        assertEquals(parallel.report(), sequential.report());
        assertTrue(parallel.report().dates().stream().anyMatch(x -> x.filled() > 0));
    }

    @Test
    void cacheKeepsTheNearestBandsAndReadsEachBandOnceWhenLargeEnough() throws Exception {
        GridGeometry g = new GridGeometry("EPSG:32633", 0, 100, 10, 10, 10, 10);
        GridSeries s = GridSeries.of(g, days(0, 1, 2, 3, 4), new float[][] {uniform(g, 0, 1, 1), uniform(g, 0, 1, 2),
                uniform(g, 0, 1, 3), uniform(g, 0, 1, 4), uniform(g, 0, 1, 5)});
        BandCache cache = new BandCache(s.reader(), 3);
        cache.get(2, 2);
        cache.get(1, 2);
        cache.get(3, 2);
        assertEquals(3, cache.reads());
        cache.get(0, 2); // full: drops the band farthest from the target 2, of 1 and 3 the later
        assertEquals(3, cache.size());
        cache.get(1, 2);
        assertEquals(4, cache.reads(), "band 1 was kept");
        cache.get(3, 2);
        assertEquals(5, cache.reads(), "band 3 was dropped and is read again");
        assertArrayEquals(s.band(3), cache.get(3, 2), 0f);
        cache.dropBefore(DAY.plusDays(2));
        assertEquals(2, cache.size(), "bands 0 and 1 fall out of every later window");
    }

    @Test
    void cancellationStopsTheRun() {
        FourDays d = FourDays.build();
        Monitor cancelled = new Monitor() {
            @Override
            public void progress(double fraction) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancelledException.class, () -> StdfGapFill.PAPER_D.fill(d.lst(), d.ndvi(), d.dem(), cancelled));
    }

    @Test
    void reportsProgressUpToOne() {
        FourDays d = FourDays.build();
        List<Double> seen = new ArrayList<>();
        StdfGapFill.PAPER_D.fill(d.lst(), d.ndvi(), d.dem(), new Monitor() {
            @Override
            public void progress(double fraction) {
                seen.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        for (int k = 1; k < seen.size(); k++) {
            assertTrue(seen.get(k) >= seen.get(k - 1), "progress never goes back: " + seen);
        }
        assertEquals(1.0, seen.get(seen.size() - 1), 0.0);
    }

    @Test
    void rejectsBadParametersNamingThem() {
        assertEquals("maxDays", assertThrows(ParameterException.class, () -> new StdfGapFill(0, 0.99, 100)).parameter());
        assertEquals("maxDays", assertThrows(ParameterException.class, () -> new StdfGapFill(367, 0.99, 100)).parameter());
        assertEquals("targetCoverage",
                assertThrows(ParameterException.class, () -> new StdfGapFill(30, 0, 100)).parameter());
        assertEquals("targetCoverage",
                assertThrows(ParameterException.class, () -> new StdfGapFill(30, Double.NaN, 100)).parameter());
        assertEquals("targetCoverage",
                assertThrows(ParameterException.class, () -> new StdfGapFill(30, 1.01, 100)).parameter());
        assertEquals("minPairs", assertThrows(ParameterException.class, () -> new StdfGapFill(30, 0.99, 4)).parameter());
    }

    @Test
    void rejectsInputsThatDoNotMatch() {
        FourDays d = FourDays.build();
        GridSeries shifted = GridSeries.of(GRID, days(0, 1, 2, 3), new float[][] {d.ndvi().band(0), d.ndvi().band(1),
                d.ndvi().band(2), d.ndvi().band(3)});
        ParameterException dates = assertThrows(ParameterException.class,
                () -> StdfGapFill.PAPER_D.fill(d.lst(), shifted, d.dem(), Monitor.NONE));
        assertEquals("ndvi", dates.parameter());
        assertTrue(dates.getMessage().contains("2021-06-09/2021-06-12/P1D"), dates.getMessage());

        GridGeometry other = new GridGeometry("EPSG:32633", 500_000, 5_300_000, 1000, 1000, 30, 40);
        assertEquals("dem", assertThrows(ParameterException.class, () -> StdfGapFill.PAPER_D.fill(d.lst(), d.ndvi(),
                Grid.of(other, new float[other.size()]), Monitor.NONE)).parameter());

        GridSeries undated = GridSeries.undated(GRID, new float[][] {d.lst().band(0), d.lst().band(1)});
        assertEquals("dates", assertThrows(ParameterException.class, () -> StdfGapFill.PAPER_D.fill(undated,
                GridSeries.undated(GRID, new float[][] {d.ndvi().band(0), d.ndvi().band(1)}), d.dem(), Monitor.NONE))
                .parameter());

        float[] nan = new float[GRID.size()];
        Arrays.fill(nan, Float.NaN);
        GridSeries cloudy = GridSeries.of(GRID, days(0, 1), new float[][] {nan, nan});
        GridSeries ndvi2 = GridSeries.of(GRID, days(0, 1), new float[][] {d.ndvi().band(0), d.ndvi().band(1)});
        ParameterException noData = assertThrows(ParameterException.class,
                () -> StdfGapFill.PAPER_D.fill(cloudy, ndvi2, d.dem(), Monitor.NONE));
        assertEquals("lst", noData.parameter());
        assertEquals("dem", assertThrows(ParameterException.class, () -> StdfGapFill.PAPER_D.fill(d.lst(), d.ndvi(),
                Grid.of(GRID, nan), Monitor.NONE)).parameter());
    }

    @Test
    void reportCsvListsEveryDateAndFit() {
        FourDays d = FourDays.build();
        FillReport report = new StdfGapFill(30, 1.0, 100).fill(d.lst(), d.ndvi(), d.dem(), Monitor.NONE).report();
        String[] lines = report.datesCsv().split("\n");
        assertEquals(FillReport.DATES_HEADER, lines[0]);
        assertEquals(5, lines.length);
        assertEquals("2021-06-10,1200,600,600,1200,0.500000,0.500000,1.000000,3,2", lines[2]);
        String[] fits = report.fitsCsv().split("\n");
        assertEquals(FillReport.FITS_HEADER, fits[0]);
        assertEquals(1 + report.fits().size(), fits.length);
        assertTrue(fits[1].startsWith(report.fits().get(0).target() + "," + report.fits().get(0).neighbour() + ",1,"),
                fits[1]);
    }
}
