package org.ssm.algorithms.tch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.ssm.core.CancelledException;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesBuffer;
import org.ssm.grid.SeriesDates;
import org.ssm.grid.SeriesReader;

/**
 * The three-cornered hat on synthetic products with known error variances (paper E §3.5).
 *
 * <p>Tolerances come from the sampling error of the estimates. A variance estimated from T samples
 * of one Gaussian variable has a standard error σ²·√(2/(T−1)). A TCH variance (inside the domain of
 * eq. 24) is a fixed linear combination tr(C S) of the sample covariance S of the differences; S being
 * Wishart with T−1 degrees of freedom, its standard error is √(2 tr((CΣ)²)/(T−1)), Σ = E[S] — the
 * same formula, which reduces to σ²·√(2/(T−1)) for one variable. {@link #standardErrors} computes it,
 * with C found by differentiating the estimate in S.
 */
class ThreeCorneredHatTest {

    private static final ThreeCorneredHat TCH = ThreeCorneredHat.DEFAULTS;

    /**
     * N products X_i = truth + bias_i + e_i on {@code dates} dates, e ~ N(0, errors): a seasonal
     * soil-moisture-like truth with autocorrelated weather noise (which TCH must cancel, eq. 21).
     */
    static double[][] products(int dates, double[][] errors, double[] bias, SplittableRandom rnd) {
        int n = errors.length;
        double[][] lower = cholesky(errors);
        double[][] x = new double[n][dates];
        double weather = 0;
        double[] z = new double[n];
        for (int t = 0; t < dates; t++) {
            weather = 0.8 * weather + 0.02 * rnd.nextGaussian();
            double truth = 0.25 + 0.08 * Math.sin(2 * Math.PI * t / 365.0) + weather;
            for (int i = 0; i < n; i++) {
                z[i] = rnd.nextGaussian();
            }
            for (int i = 0; i < n; i++) {
                double e = 0;
                for (int k = 0; k <= i; k++) {
                    e += lower[i][k] * z[k];
                }
                x[i][t] = truth + bias[i] + e;
            }
        }
        return x;
    }

    static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            l[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < n; i++) {
                double v = a[i][j];
                for (int k = 0; k < j; k++) {
                    v -= l[i][k] * l[j][k];
                }
                l[i][j] = v / l[j][j];
            }
        }
        return l;
    }

    static double[][] diagonal(double... sigmas) {
        double[][] r = new double[sigmas.length][sigmas.length];
        for (int i = 0; i < sigmas.length; i++) {
            r[i][i] = sigmas[i] * sigmas[i];
        }
        return r;
    }

    /**
     * Standard error of each TCH variance from {@code dates} samples when the differences have the
     * covariance {@code sigma}: √(2 tr((C_i Σ)²)/(T−1)), C_i the gradient of variance i in S (the
     * estimate is linear in S inside the domain, so a forward difference gives C_i to rounding).
     */
    static double[] standardErrors(double[][] sigma, int dates) {
        int n = sigma.length;
        TchSolution base = TCH.solve(sigma);
        double eps = 1e-6 * sigma[0][0];
        double[][][] c = new double[n + 1][n][n];
        for (int k = 0; k < n; k++) {
            for (int l = k; l < n; l++) {
                double[][] perturbed = new double[n][];
                for (int i = 0; i < n; i++) {
                    perturbed[i] = sigma[i].clone();
                }
                perturbed[k][l] += eps;
                if (k != l) {
                    perturbed[l][k] += eps;
                }
                TchSolution moved = TCH.solve(perturbed);
                assertEquals(TchOutcome.SOLVED, moved.outcome());
                for (int i = 0; i <= n; i++) {
                    double d = (moved.variance(i) - base.variance(i)) / eps;
                    c[i][k][l] = k == l ? d : d / 2;
                    c[i][l][k] = c[i][k][l];
                }
            }
        }
        double[] se = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            double[][] m = new double[n][n];
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    for (int k = 0; k < n; k++) {
                        m[a][b] += c[i][a][k] * sigma[k][b];
                    }
                }
            }
            double trace = 0;
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    trace += m[a][b] * m[b][a];
                }
            }
            se[i] = Math.sqrt(2 * trace / (dates - 1));
        }
        return se;
    }

    @Test
    void independentErrorsOfThreeFourAndFiveProductsAreRecovered() {
        double[][] sigmas = {{0.02, 0.03, 0.04}, {0.02, 0.03, 0.04, 0.05}, {0.02, 0.03, 0.04, 0.05, 0.06}};
        int dates = 4000;
        SplittableRandom rnd = new SplittableRandom(20);
        for (double[] sigma : sigmas) {
            int n = sigma.length;
            double[] bias = new double[n];
            for (int i = 0; i < n; i++) {
                bias[i] = 0.01 * i;
            }
            double[][] errors = diagonal(sigma);
            TchSolution r = TCH.estimate(products(dates, errors, bias, rnd));
            assertEquals(TchOutcome.SOLVED, r.outcome());
            assertEquals(dates, r.dates());
            double[] se = standardErrors(TchSolverTest.differences(errors), dates);
            for (int i = 0; i < n; i++) {
                double truth = sigma[i] * sigma[i];
                // The single-variable error σ²·√(2/(T−1)) is the least a TCH variance can have (it is
                // the error of the sample variance of e_i itself); the others add to it.
                assertTrue(se[i] >= truth * Math.sqrt(2.0 / (dates - 1)) * 0.999, "SE of product " + i);
                // Four standard errors: a fixed seed, and a chance of 6e-5 per comparison that a correct
                // estimator misses.
                assertEquals(truth, r.variance(i), 4 * se[i], "N = " + n + ", product " + (i + 1) + ", SE " + se[i]);
            }
            assertEquals(0, r.leastUncertain(), "N = " + n);
        }
    }

    @Test
    void theGridRunRecoversTheVariancesWithTheStatedSamplingError() throws Exception {
        // 600 pixels, each with its own truth and errors over a year: the spread of the estimates over
        // the pixels shows whether the stated standard error is the right size.
        double[] sigma = {0.015, 0.035, 0.05, 0.03};
        int dates = 365;
        GridGeometry grid = new GridGeometry("EPSG:32633", 500_000, 4_000_000, 1000, 1000, 30, 20);
        List<GridSeries> series = gridProducts(grid, dates, diagonal(sigma), new double[] {0, 0.02, -0.03, 0.05}, 7);
        Result out = run(TCH, series, Monitor.NONE);
        assertEquals(grid.size(), out.report.count(TchOutcome.SOLVED), out.report.outcomesCsv());
        double[] se = standardErrors(TchSolverTest.differences(diagonal(sigma)), dates);
        for (int i = 0; i < sigma.length; i++) {
            double truth = sigma[i] * sigma[i];
            double sum = 0;
            int within = 0;
            for (float u : out.uncertainty.band(i)) {
                double variance = (double) u * u;
                sum += variance;
                if (Math.abs(variance - truth) <= 1.96 * se[i]) {
                    within++;
                }
            }
            // The mean of 600 independent estimates: 4 standard errors of a mean, 4·SE/√600.
            assertEquals(truth, sum / grid.size(), 4 * se[i] / Math.sqrt(grid.size()), "product " + (i + 1));
            // 95 % of the estimates within 1.96 SE; binomial sd of the fraction √(0.95·0.05/600) = 0.0089,
            // three of them allowed.
            assertEquals(0.95, (double) within / grid.size(), 3 * 0.0089, "coverage of product " + (i + 1));
        }
        // Product 1 (σ = 0.015) is the least uncertain; its variance is below product 4's (σ = 0.03) by
        // 6.75e-4, more than 4 standard errors of the difference, so essentially everywhere.
        long ones = 0;
        for (float v : out.least.band(0)) {
            ones += v == 1f ? 1 : 0;
        }
        assertTrue(ones >= grid.size() - 3, ones + " pixels");
        assertEquals(ones, out.report.leastUncertain()[0]);
    }

    @Test
    void theMapsEqualThePerPixelEstimateAndHonourMissingDates() throws Exception {
        double[] sigma = {0.02, 0.03, 0.04};
        int dates = 120;
        GridGeometry grid = new GridGeometry("EPSG:4326", 10, 50, 0.01, 0.01, 9, 7);
        List<GridSeries> series = gridProducts(grid, dates, diagonal(sigma), new double[] {0.1, 0.2, 0.3}, 11);
        // Missing values: product 2 on every third date of the first row, product 3 on the first half of
        // the dates of pixel 20; ±∞ counts as missing.
        for (int t = 0; t < dates; t += 3) {
            for (int c = 0; c < grid.width(); c++) {
                series.get(1).band(t)[c] = Float.NaN;
            }
        }
        for (int t = 0; t < dates / 2; t++) {
            series.get(2).band(t)[20] = t % 2 == 0 ? Float.NaN : Float.POSITIVE_INFINITY;
        }
        Result out = run(TCH, series, Monitor.NONE);
        for (int cell = 0; cell < grid.size(); cell++) {
            // The per-pixel estimate on the common dates only, compacted: no NaN left to skip.
            List<double[]> kept = new ArrayList<>();
            for (int t = 0; t < dates; t++) {
                double[] v = new double[3];
                boolean valid = true;
                for (int p = 0; p < 3; p++) {
                    v[p] = series.get(p).band(t)[cell];
                    valid &= Double.isFinite(v[p]);
                }
                if (valid) {
                    kept.add(v);
                }
            }
            double[][] compact = new double[3][kept.size()];
            for (int t = 0; t < kept.size(); t++) {
                for (int p = 0; p < 3; p++) {
                    compact[p][t] = kept.get(t)[p];
                }
            }
            TchSolution expected = TCH.estimate(compact);
            assertEquals(cell < grid.width() ? 80 : cell == 20 ? 60 : 120, expected.dates(), "cell " + cell);
            for (int p = 0; p < 3; p++) {
                // Same sums in the same order: equal once rounded to float32.
                assertEquals((float) expected.uncertainty(p), out.uncertainty.band(p)[cell], 0f, "cell " + cell);
                assertEquals((float) (expected.uncertainty(p) / Math.abs(expected.means()[p])),
                        out.relative.band(p)[cell], 0f, "relative, cell " + cell);
            }
            assertEquals(expected.leastUncertain() + 1, out.least.band(0)[cell], 0f);
        }
    }

    @Test
    void relativeUncertaintyDividesByTheProductMean() {
        double[][] x = products(2000, diagonal(0.02, 0.03, 0.04), new double[] {0, 0.1, -0.05}, new SplittableRandom(3));
        TchSolution r = TCH.estimate(x);
        for (int p = 0; p < 3; p++) {
            double mean = 0;
            for (double v : x[p]) {
                mean += v;
            }
            mean /= x[p].length;
            assertEquals(mean, r.means()[p], 1e-12);
            assertEquals(r.uncertainty(p) / mean, r.relativeUncertainty(p), 1e-12);
        }
    }

    @Test
    void correlatedErrorsAreShiftedOntoTheOtherProducts() {
        // Errors of products 1 and 2 share a covariance c = ρσ₁σ₂ (ρ = 0.5). Three products leave no
        // room: F = 0 forces R diagonal, so TCH returns σ₁² − c, σ₂² − c and σ₃² + c. The covariance
        // shared by two products looks like agreement, and the third product takes the blame.
        double c = 0.5 * 0.03 * 0.04;
        double[][] errors = {{9e-4, c, 0}, {c, 16e-4, 0}, {0, 0, 4e-4}};
        TchSolution population = TCH.solve(TchSolverTest.differences(errors));
        assertEquals(9e-4 - c, population.variance(0), 1e-15);
        assertEquals(16e-4 - c, population.variance(1), 1e-15);
        assertEquals(4e-4 + c, population.variance(2), 1e-15);
        // From samples: the same within the sampling error (4 SE, see the class comment).
        int dates = 5000;
        TchSolution sample = TCH.estimate(products(dates, errors, new double[3], new SplittableRandom(5)));
        double[] se = standardErrors(TchSolverTest.differences(errors), dates);
        for (int i = 0; i < 3; i++) {
            assertEquals(population.variance(i), sample.variance(i), 4 * se[i], "product " + (i + 1));
        }
        // Here the least uncertain product is product 1 although product 3 (σ = 0.02) is the best.
        assertEquals(0, population.leastUncertain());

        // With a fourth, independent product, the shared covariance is split instead of forced onto
        // one product: the correlated pair is still underestimated, the independent products
        // overestimated, and F > 0 measures the inconsistency.
        double[][] four = {{9e-4, c, 0, 0}, {c, 16e-4, 0, 0}, {0, 0, 4e-4, 0}, {0, 0, 0, 25e-4}};
        TchSolution r4 = TCH.solve(TchSolverTest.differences(four));
        assertEquals(TchOutcome.SOLVED, r4.outcome());
        assertTrue(r4.variance(0) < 9e-4 && r4.variance(1) < 16e-4, "correlated pair underestimated");
        assertTrue(r4.variance(2) > 4e-4 && r4.variance(3) > 25e-4, "independent products overestimated");
        assertTrue(r4.objective() > 0);
        // Each difference variance is kept (eq. 22 holds for the estimate), so the errors are only
        // redistributed: var(e1 − e2) = σ₁² + σ₂² − 2c in both.
        assertEquals(9e-4 + 16e-4 - 2 * c,
                r4.variance(0) + r4.variance(1) - 2 * r4.covariance(0, 1), 1e-15);
    }

    @Test
    void degeneratePixelsAreNaNWithTheirReason() throws Exception {
        int dates = 40;
        GridGeometry grid = new GridGeometry("EPSG:4326", 10, 50, 0.01, 0.01, 3, 2);
        List<GridSeries> series = gridProducts(grid, dates, diagonal(0.02, 0.03, 0.04), new double[3], 13);
        for (int t = 0; t < dates; t++) {
            // Pixel 0: products 1 and 2 identical.
            series.get(1).band(t)[0] = series.get(0).band(t)[0];
            // Pixel 1: product 3 constant.
            series.get(2).band(t)[1] = 0.3f;
            // Pixel 2: no date valid in every product (each product missing on alternate dates).
            series.get(t % 2).band(t)[2] = Float.NaN;
            series.get(2).band(t)[2] = t % 2 == 0 ? series.get(2).band(t)[2] : Float.NaN;
            // Pixel 3: only 20 common dates, fewer than minDates = 30.
            if (t >= 20) {
                series.get(0).band(t)[3] = Float.NaN;
            }
            // Pixel 4: all three identical, S = 0.
            series.get(1).band(t)[4] = series.get(0).band(t)[4];
            series.get(2).band(t)[4] = series.get(0).band(t)[4];
        }
        Result out = run(TCH, series, Monitor.NONE);
        TchReport report = out.report;
        assertEquals(2, report.count(TchOutcome.SINGULAR_DIFFERENCES));
        assertEquals(1, report.count(TchOutcome.CONSTANT_PRODUCT));
        assertEquals(1, report.count(TchOutcome.NO_DATA));
        assertEquals(1, report.count(TchOutcome.TOO_FEW_DATES));
        assertEquals(1, report.count(TchOutcome.SOLVED));
        for (int cell = 0; cell < 5; cell++) {
            for (int p = 0; p < 3; p++) {
                assertTrue(Float.isNaN(out.uncertainty.band(p)[cell]), "cell " + cell);
                assertTrue(Float.isNaN(out.relative.band(p)[cell]), "cell " + cell);
            }
            assertTrue(Float.isNaN(out.least.band(0)[cell]));
        }
        assertTrue(Float.isFinite(out.uncertainty.band(0)[5]));
        assertTrue(report.outcomesCsv().contains("\nsingular_differences,2,0.333333\n"), report.outcomesCsv());
        ThreeCorneredHat fewDates = new ThreeCorneredHat(3, 50, 1e-9);
        assertEquals(TchOutcome.CONSTANT_PRODUCT,
                fewDates.estimate(new double[][] {{1, 2, 3, 4}, {1, 2, 3, 5}, {2, 2, 2, 2}}).outcome());
        // The same pixel with product 3 varying a little is estimated.
        assertTrue(fewDates.estimate(new double[][] {{1, 2, 3, 4}, {1, 2, 3, 5}, {2, 2, 2, 2.5}}).outcome().solved());
    }

    @Test
    void windowsAndThreadsDoNotChangeTheResult() throws Exception {
        GridGeometry grid = new GridGeometry("EPSG:4326", 10, 50, 0.01, 0.01, 37, 11);
        List<GridSeries> series = gridProducts(grid, 60, diagonal(0.02, 0.05, 0.03, 0.04, 0.01), new double[5], 17);
        Result whole = run(TCH, series, Monitor.NONE);
        Result strips = runRows(series, 3);
        Result single = new ForkJoinPool(1).submit(() -> runRows(series, 2)).get();
        for (Result other : List.of(strips, single)) {
            for (int p = 0; p < 5; p++) {
                assertArrayEquals(whole.uncertainty.band(p), other.uncertainty.band(p));
                assertArrayEquals(whole.relative.band(p), other.relative.band(p));
            }
            assertArrayEquals(whole.least.band(0), other.least.band(0));
            assertEquals(whole.report.productsCsv(ProductNames.parse(null, 5)),
                    other.report.productsCsv(ProductNames.parse(null, 5)));
        }
    }

    @Test
    void progressRisesToOneAndCancellationStops() throws Exception {
        GridGeometry grid = new GridGeometry("EPSG:4326", 10, 50, 0.01, 0.01, 5, 8);
        List<GridSeries> series = gridProducts(grid, 40, diagonal(0.02, 0.03, 0.04), new double[3], 19);
        List<Double> seen = new ArrayList<>();
        Monitor recording = new Monitor() {
            @Override
            public void progress(double fraction) {
                seen.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        TCH.run(readers(series), outputs(grid, 3), recording, 2);
        assertEquals(List.of(0.25, 0.5, 0.75, 1.0), seen);
        Monitor cancelled = new Monitor() {
            @Override
            public void progress(double fraction) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancelledException.class, () -> TCH.run(readers(series), outputs(grid, 3), cancelled));
    }

    @Test
    void badInputsNameTheParameter() {
        GridGeometry grid = new GridGeometry("EPSG:4326", 10, 50, 0.01, 0.01, 4, 3);
        List<GridSeries> three = gridProducts(grid, 40, diagonal(0.02, 0.03, 0.04), new double[3], 23);
        ParameterException e = assertThrows(ParameterException.class,
                () -> TCH.run(readers(three.subList(0, 2)), outputs(grid, 2), Monitor.NONE));
        assertEquals("products", e.parameter());
        assertTrue(e.getMessage().contains("at least 3"), e.getMessage());

        GridGeometry shifted = new GridGeometry("EPSG:4326", 10.5, 50, 0.01, 0.01, 4, 3);
        List<SeriesReader> otherGrid = List.of(three.get(0).reader(), three.get(1).reader(),
                GridSeries.of(shifted, three.get(2).dates(), bands(three.get(2))).reader());
        e = assertThrows(ParameterException.class, () -> TCH.run(otherGrid, outputs(grid, 3), Monitor.NONE));
        assertEquals("products", e.parameter());
        assertTrue(e.getMessage().contains("Align"), e.getMessage());

        List<LocalDate> later = SeriesDates.parse("d", "2022-01-01/2022-02-09/P1D");
        List<SeriesReader> otherDates = List.of(three.get(0).reader(), three.get(1).reader(),
                three.get(2).withDates(later).reader());
        e = assertThrows(ParameterException.class, () -> TCH.run(otherDates, outputs(grid, 3), Monitor.NONE));
        assertEquals("products", e.parameter());
        assertTrue(e.getMessage().contains("product 3"), e.getMessage());

        e = assertThrows(ParameterException.class, () -> new ThreeCorneredHat(4, 50, 1e-9)
                .run(readers(gridProducts(grid, 40, diagonal(0.02, 0.03, 0.04, 0.05, 0.01), new double[5], 1)),
                        outputs(grid, 5), Monitor.NONE));
        assertEquals("minDates", e.parameter());

        e = assertThrows(ParameterException.class, () -> new ThreeCorneredHat(50, 50, 1e-9)
                .run(readers(three), outputs(grid, 3), Monitor.NONE));
        assertEquals("products", e.parameter());
        assertTrue(e.getMessage().contains("40 dates"), e.getMessage());

        assertEquals("products", assertThrows(ParameterException.class,
                () -> TCH.estimate(new double[][] {{1, 2}, {1, 2}})).parameter());
    }

    // --- fixtures

    private record Result(GridSeries uncertainty, GridSeries relative, GridSeries least, TchReport report) {}

    private static List<GridSeries> gridProducts(GridGeometry grid, int dates, double[][] errors, double[] bias,
            long seed) {
        int n = errors.length;
        float[][][] bands = new float[n][dates][grid.size()];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int cell = 0; cell < grid.size(); cell++) {
            double[][] x = products(dates, errors, bias, rnd.split());
            for (int p = 0; p < n; p++) {
                for (int t = 0; t < dates; t++) {
                    bands[p][t][cell] = (float) x[p][t];
                }
            }
        }
        List<LocalDate> days = new ArrayList<>();
        for (int t = 0; t < dates; t++) {
            days.add(LocalDate.of(2021, 1, 1).plusDays(t));
        }
        List<GridSeries> out = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            out.add(GridSeries.of(grid, days, bands[p]));
        }
        return out;
    }

    private static float[][] bands(GridSeries s) {
        float[][] b = new float[s.size()][];
        for (int i = 0; i < b.length; i++) {
            b[i] = s.band(i);
        }
        return b;
    }

    private static List<SeriesReader> readers(List<GridSeries> series) {
        return series.stream().map(GridSeries::reader).toList();
    }

    private record Buffers(SeriesBuffer uncertainty, SeriesBuffer relative, SeriesBuffer least, TchOutputs outputs) {}

    private static Buffers buffers(GridGeometry grid, int products) {
        SeriesBuffer u = new SeriesBuffer(grid, List.of(), products);
        SeriesBuffer r = new SeriesBuffer(grid, List.of(), products);
        SeriesBuffer l = new SeriesBuffer(grid, List.of(), 1);
        return new Buffers(u, r, l, new TchOutputs(u, r, l));
    }

    private static TchOutputs outputs(GridGeometry grid, int products) {
        return buffers(grid, products).outputs();
    }

    private static Result run(ThreeCorneredHat tch, List<GridSeries> series, Monitor monitor) throws Exception {
        Buffers b = buffers(series.get(0).geometry(), series.size());
        TchReport report = tch.run(readers(series), b.outputs(), monitor);
        return new Result(b.uncertainty().toSeries(), b.relative().toSeries(), b.least().toSeries(), report);
    }

    private static Result runRows(List<GridSeries> series, int rows) throws Exception {
        Buffers b = buffers(series.get(0).geometry(), series.size());
        TchReport report = TCH.run(readers(series), b.outputs(), Monitor.NONE, rows);
        return new Result(b.uncertainty().toSeries(), b.relative().toSeries(), b.least().toSeries(), report);
    }
}
