package org.ssm.algorithms.kriging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssm.core.Monitor;
import org.ssm.grid.Grid;
import org.ssm.grid.GridGeometry;

class VariogramDeconvolutionTest {

    static final GridGeometry COARSE = new GridGeometry("EPSG:32633", 0, 100_000, 5000, 5000, 20, 15);

    /**
     * Areal data whose experimental variogram is exactly the regularised version of a known point
     * variogram, with the pair counts of a real 20 x 15 grid: the synthetic input of a deconvolution
     * whose answer is known.
     */
    static ExperimentalVariogram synthetic(PointVariogram truth, int s, int maxLag) {
        ExperimentalVariogram layout = ExperimentalVariogram.of(Grid.of(COARSE, new float[COARSE.size()]), maxLag);
        int side = maxLag + 1;
        long[] pairs = new long[side * side];
        double[] sums = new double[side * side];
        SupportCovariances cov = new SupportCovariances(truth, 5000, 5000, s, 1, 1, 1);
        for (int a = 0; a < side; a++) {
            for (int b = 0; b < side; b++) {
                pairs[a * side + b] = layout.pairs(a, b);
                sums[a * side + b] = layout.pairs(a, b) * cov.regularisedSemivariance(a, b);
            }
        }
        return new ExperimentalVariogram(5000, 5000, maxLag, pairs, sums);
    }

    @Test
    void recoversAKnownPointVariogramFromItsRegularisedVersion() {
        for (VariogramModel model : VariogramModel.values()) {
            for (double range : new double[] {7_000, 18_000, 40_000}) {
                PointVariogram truth = new PointVariogram(model, 0.0016, range);
                DeconvolvedVariogram fit = VariogramDeconvolution.fit(synthetic(truth, 5, 10), model, 5, Monitor.NONE);
                // The input is noise-free, so the objective is 0 at the truth; the golden-section
                // bracket ends ~1e-9 wide in log(range), and a quadratic minimum locates the argument
                // to ~sqrt(machine epsilon) ~ 1e-8 relative. 1e-4 is generous for both.
                assertEquals(range, fit.point().range(), 1e-4 * range, model + " range");
                assertEquals(0.0016, fit.point().sill(), 1e-4 * 0.0016, model + " sill");
                assertTrue(fit.relativeMisfit() < 1e-5, "misfit " + fit.relativeMisfit());
                assertTrue(!fit.degenerate());
            }
        }
    }

    @Test
    void regularisationLowersTheSillAndTheDeconvolvedPointSillExceedsTheArealOne() {
        // Averaging over a pixel removes within-pixel variance: the areal sill is C̄(v, v), smaller
        // than the point sill C(0); the deconvolution must undo that (Kyriakidis 2004).
        PointVariogram truth = new PointVariogram(VariogramModel.EXPONENTIAL, 1, 15_000);
        ExperimentalVariogram areal = synthetic(truth, 5, 10);
        List<ExperimentalVariogram.Bin> bins = areal.bins();
        double largestAreal = bins.stream().mapToDouble(ExperimentalVariogram.Bin::semivariance).max().orElseThrow();
        assertTrue(largestAreal < 1, "areal semivariance " + largestAreal);
        double pointSill = VariogramDeconvolution.fit(areal, VariogramModel.EXPONENTIAL, 5, Monitor.NONE)
                .point().sill();
        assertTrue(pointSill > largestAreal, pointSill + " vs " + largestAreal);
    }

    @Test
    void experimentalVariogramOfACheckerboard() {
        // +1/-1 alternating: neighbours along a row or column differ by 2 (γ = 2), diagonal neighbours
        // are equal (γ = 0), two cells apart equal again. Exact in binary arithmetic.
        float[] v = new float[COARSE.size()];
        for (int r = 0; r < COARSE.height(); r++) {
            for (int c = 0; c < COARSE.width(); c++) {
                v[r * COARSE.width() + c] = (r + c) % 2 == 0 ? 1 : -1;
            }
        }
        ExperimentalVariogram e = ExperimentalVariogram.of(Grid.of(COARSE, v), 3);
        assertEquals(2, e.semivariance(1, 0), 0);
        assertEquals(2, e.semivariance(0, 1), 0);
        assertEquals(0, e.semivariance(1, 1), 0);
        assertEquals(0, e.semivariance(2, 0), 0);
        // 19 x 15 horizontal pairs (each lag vector counted once) and 20 x 14 vertical ones.
        assertEquals(19 * 15, e.pairs(1, 0));
        assertEquals(20 * 14, e.pairs(0, 1));
        // Diagonal lag (1, 1): both diagonals, 19 x 14 each.
        assertEquals(2 * 19 * 14, e.pairs(1, 1));
        assertEquals(1, e.binOf(1, 1));
        // Distance class 1 holds lags 1 and √2 (rounded to whole cells): pair-weighted mean of 2 and 0.
        double mixed = (2.0 * 19 * 15 + 2.0 * 20 * 14) / (19 * 15 + 20 * 14 + 2 * 19 * 14);
        assertEquals(mixed, e.bins().get(0).semivariance(), 1e-15);
    }

    @Test
    void blockCovarianceByOffsetMultiplicityEqualsTheBruteForcePairSum() {
        PointVariogram point = new PointVariogram(VariogramModel.SPHERICAL, 2, 11_000);
        int s = 4;
        SupportCovariances cov = new SupportCovariances(point, 5000, 4000, s, 1, 1, 1);
        for (int[] lag : new int[][] {{0, 0}, {1, 0}, {2, 3}, {-1, 2}}) {
            double sum = 0;
            for (int p = 0; p < s * s; p++) {
                for (int q = 0; q < s * s; q++) {
                    double x = lag[0] * 5000 + ((q % s) - (p % s)) * 5000.0 / s;
                    double y = lag[1] * 4000 + ((q / s) - (p / s)) * 4000.0 / s;
                    sum += point.covariance(Math.hypot(x, y));
                }
            }
            // Same terms, summed in another order: agreement to rounding (~1e-15 relative).
            assertEquals(sum / (s * s * s * s), cov.blockToBlock(lag[0], lag[1]), 1e-12);
        }
        // With one point per cell the block covariance is the point covariance between centres.
        SupportCovariances centres = new SupportCovariances(point, 5000, 4000, 1, 1, 1, 1);
        assertEquals(point.covariance(Math.hypot(5000, 8000)), centres.blockToBlock(1, 2), 1e-15);
    }

    @Test
    void solverMatchesAKnownSystem() {
        // Symmetric indefinite (Lagrange-like) 3 x 3 system with solution (1, 2, -3).
        double[] a = {4, 1, 1, 1, 3, 1, 1, 1, 0};
        double[] b = {4 + 2 - 3, 1 + 6 - 3, 1 + 2};
        double[] x = DenseSolver.solve(a, b, 3);
        assertEquals(1, x[0], 1e-14);
        assertEquals(2, x[1], 1e-14);
        assertEquals(-3, x[2], 1e-14);
    }
}
