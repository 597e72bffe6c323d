package org.ssm.algorithms.kriging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ssm.core.CancelledException;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.Grid;
import org.ssm.grid.GridGeometry;

class AreaToPointKrigingTest {

    /** 8 x 6 coarse cells of 5 km; the fine grid is 40 x 30 cells of 1 km (nesting factor 5). */
    static final GridGeometry COARSE = new GridGeometry("EPSG:32633", 500_000, 5_300_000, 5000, 5000, 8, 6);
    static final GridGeometry FINE = new GridGeometry("EPSG:32633", 500_000, 5_300_000, 1000, 1000, 40, 30);
    static final int F = 5;

    /**
     * Coherence tolerance. The kriged values are stored as float32, so each fine value carries a
     * relative rounding of at most 2^-24 ≈ 6e-8 of its magnitude (residuals here are below 0.1, so
     * below 6e-9 absolute); the mean of 25 of them errs by no more than that, and the double-precision
     * solve of a 10 x 10 system adds ~1e-14. 1e-7 m3/m3 leaves room for both and is still a million
     * times smaller than the residuals themselves.
     */
    static final double COHERENCE_TOLERANCE = 1e-7;

    /** A smooth field plus noise, with two coarse gaps, values of order 0.05 m3/m3. */
    static Grid residuals(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[COARSE.size()];
        for (int r = 0; r < COARSE.height(); r++) {
            for (int c = 0; c < COARSE.width(); c++) {
                v[r * COARSE.width() + c] = (float) (0.04 * Math.sin(c / 2.0) * Math.cos(r / 3.0)
                        + 0.02 * (random.nextDouble() - 0.5));
            }
        }
        v[2 * COARSE.width() + 3] = Float.NaN;
        v[5 * COARSE.width() + 7] = Float.NaN;
        return Grid.of(COARSE, v);
    }

    /** Mean of the fine values inside coarse cell (c, r). */
    static double blockMean(Grid fine, int c, int r) {
        double sum = 0;
        for (int y = 0; y < F; y++) {
            for (int x = 0; x < F; x++) {
                sum += fine.get(c * F + x, r * F + y);
            }
        }
        return sum / (F * F);
    }

    static double worstCoherenceError(Grid coarse, Grid fine) {
        double worst = 0;
        for (int r = 0; r < COARSE.height(); r++) {
            for (int c = 0; c < COARSE.width(); c++) {
                float value = coarse.get(c, r);
                if (Float.isNaN(value)) {
                    assertTrue(Float.isNaN(fine.get(c * F, r * F)), "fine pixels of a coarse gap stay NaN");
                    continue;
                }
                worst = Math.max(worst, Math.abs(blockMean(fine, c, r) - value));
            }
        }
        return worst;
    }

    @Test
    void fineEstimatesAverageToTheCoarseResidualWithDefaults() {
        // Default: neighbours counted from the coarse pixel (same set for all its fine pixels) and
        // s = nesting factor (discretisation points = fine centres), the two conditions of coherence.
        Grid coarse = residuals(1);
        KrigedResiduals result = new AreaToPointKriging(AtaParameters.defaults()).krige(coarse, FINE, Monitor.NONE);
        assertFalse(result.variogram().degenerate());
        assertTrue(worstCoherenceError(coarse, result.fine()) < COHERENCE_TOLERANCE,
                "worst |block mean - coarse| = " + worstCoherenceError(coarse, result.fine()));
        // Kriging is not the trivial solution: fine values vary inside a coarse pixel.
        assertTrue(Math.abs(result.fine().get(0, 0) - result.fine().get(4, 4)) > 1e-4);
    }

    @Test
    void coherenceHoldsForNeighbourhoodsFollowingTheFinePixelWhenKCoversEveryCoarsePixel() {
        Grid coarse = residuals(2);
        AtaParameters all = AtaParameters.defaults().withCentre(NeighbourCentre.FINE_PIXEL).withNeighbours(48)
                .withModel(VariogramModel.SPHERICAL);
        Grid fine = new AreaToPointKriging(all).krige(coarse, FINE, Monitor.NONE).fine();
        assertTrue(worstCoherenceError(coarse, fine) < COHERENCE_TOLERANCE);
    }

    @Test
    void coherenceIsOnlyApproximateWhenTheConditionsFail() {
        // Neighbourhoods that follow the fine pixel (k = 9) differ within a coarse pixel; the block
        // means then drift from the coarse value by far more than rounding, though still less than
        // the residual's spread. This shows the conditions above are needed, not decorative.
        Grid coarse = residuals(3);
        AtaParameters moving = AtaParameters.defaults().withCentre(NeighbourCentre.FINE_PIXEL);
        double error = worstCoherenceError(coarse,
                new AreaToPointKriging(moving).krige(coarse, FINE, Monitor.NONE).fine());
        assertTrue(error > 100 * COHERENCE_TOLERANCE, "error " + error);
        assertTrue(error < 0.05, "error " + error);
    }

    @Test
    void aConstantResidualFieldGivesThatConstant() {
        float[] v = new float[COARSE.size()];
        java.util.Arrays.fill(v, 0.037f);
        v[10] = Float.NaN;
        KrigedResiduals result = new AreaToPointKriging(AtaParameters.defaults()).krige(Grid.of(COARSE, v), FINE,
                Monitor.NONE);
        assertTrue(result.variogram().degenerate(), "no spatial variation: sill 0");
        assertEquals(0, result.variogram().point().sill());
        for (float value : result.fine().values()) {
            if (!Float.isNaN(value)) {
                // Weights sum to 1 within ~1e-15, so the only error is float32 rounding of 0.037 (< 4e-9).
                assertEquals(0.037, value, 1e-8);
            }
        }
        assertEquals(FINE.size() - F * F, result.fine().validCount());
    }

    @Test
    void weightsSumToOneAndReproduceTheSystem() {
        PointVariogram point = new PointVariogram(VariogramModel.EXPONENTIAL, 3, 12_000);
        for (int t : new int[] {1, 3}) {
            KrigingWeights weights = new KrigingWeights(point, 5000, 5000, 5, 1000, 1000, t);
            SupportCovariances cov = new SupportCovariances(point.unitSill(), 5000, 5000, 5, 1000, 1000, t);
            int[][] neighbourhoods = {
                {0, 0, 1, 0, 0, 1, 1, 1}, // a corner
                {0, 0, -1, 0, 1, 0, 0, -1, 0, 1, -1, -1, 1, 1, -1, 1, 1, -1}, // 3 x 3
                {0, 0, 2, 0, 0, 3}
            };
            for (int[] offsets : neighbourhoods) {
                for (int oy = 0; oy < F; oy += 2) {
                    for (int ox = 0; ox < F; ox++) {
                        KrigingWeights.Weights w = weights.weights(ox, oy, offsets);
                        // Eq. 11's last row; a 10 x 10 double solve is accurate to ~1e-14.
                        assertEquals(1, w.sum(), 1e-12);
                        // First rows of eq. 11, checked independently of the solver.
                        int k = offsets.length / 2;
                        for (int h = 0; h < k; h++) {
                            double lhs = w.mu();
                            for (int i = 0; i < k; i++) {
                                lhs += w.lambda()[i] * cov.blockToBlock(offsets[2 * h] - offsets[2 * i],
                                        offsets[2 * h + 1] - offsets[2 * i + 1]);
                            }
                            assertEquals(cov.blockToFine(offsets[2 * h], offsets[2 * h + 1], ox, oy), lhs, 1e-12);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theCentreFinePixelOfASymmetricNeighbourhoodWeighsOpposedNeighboursEqually() {
        // Symmetry of the 3 x 3 neighbourhood about the middle fine pixel (2, 2) of a 5 x 5 block.
        KrigingWeights weights = new KrigingWeights(new PointVariogram(VariogramModel.SPHERICAL, 1, 20_000),
                5000, 5000, 5, 1000, 1000, 1);
        int[] offsets = {0, 0, -1, 0, 1, 0, 0, -1, 0, 1, -1, -1, 1, 1, -1, 1, 1, -1};
        double[] l = weights.weights(2, 2, offsets).lambda();
        assertEquals(l[1], l[2], 1e-12);
        assertEquals(l[1], l[3], 1e-12);
        assertEquals(l[5], l[6], 1e-12);
        assertTrue(l[0] > l[1], "the containing pixel weighs most");
    }

    @Test
    void weightsAreCachedPerRelativeGeometryAndResultsAreDeterministic() {
        float[] v = residuals(4).values().clone();
        v[2 * COARSE.width() + 3] = 0.01f;
        v[5 * COARSE.width() + 7] = -0.01f;
        Grid coarse = Grid.of(COARSE, v);
        AreaToPointKriging kriging = new AreaToPointKriging(AtaParameters.defaults());
        KrigedResiduals first = kriging.krige(coarse, FINE, Monitor.NONE);
        KrigedResiduals second = kriging.krige(coarse, FINE, Monitor.NONE);
        assertArrayEquals(first.fine().values(), second.fine().values());
        // Without gaps and k = 9 there are 17 neighbour patterns, each with F x F fine offsets:
        // interior (3 x 3), 4 corners, and on each of the 4 edges the plain edge pattern plus the two
        // cells next to the corners (their 9th neighbour, two cells along the edge, falls off the
        // grid on one side). 425 systems serve 1200 fine pixels here and would serve any grid size.
        assertEquals(17 * F * F, first.systems());
    }

    @Test
    void aFineGridCoveringPartOfTheCoarseGridUsesTheSameGeometry() {
        Grid coarse = residuals(5);
        GridGeometry part = new GridGeometry("EPSG:32633", 507_000, 5_296_000, 1000, 1000, 13, 9);
        AreaToPointKriging kriging = new AreaToPointKriging(AtaParameters.defaults());
        KrigedResiduals whole = kriging.krige(coarse, FINE, Monitor.NONE);
        Grid sub = kriging.krige(coarse, part, whole.variogram(), Monitor.NONE).fine();
        for (int r = 0; r < part.height(); r++) {
            for (int c = 0; c < part.width(); c++) {
                assertEquals(whole.fine().get(c + 7, r + 4), sub.get(c, r), 0.0);
            }
        }
    }

    @Test
    void cancellationStopsTheComputation() {
        Monitor cancelled = new Monitor() {
            @Override
            public void progress(double fraction) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancelledException.class,
                () -> new AreaToPointKriging(AtaParameters.defaults()).krige(residuals(6), FINE, cancelled));
    }

    @Test
    void progressReachesOne() {
        double[] last = {-1};
        Monitor monitor = new Monitor() {
            @Override
            public void progress(double fraction) {
                assertTrue(fraction >= last[0] - 1e-12, "progress never goes back");
                last[0] = fraction;
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        new AreaToPointKriging(AtaParameters.defaults()).krige(residuals(7), FINE, monitor);
        assertEquals(1.0, last[0], 1e-12);
    }

    @Test
    void aFineGridThatDoesNotNestIsRefused() {
        GridGeometry shifted = new GridGeometry("EPSG:32633", 500_300, 5_300_000, 1000, 1000, 40, 30);
        ParameterException e = assertThrows(ParameterException.class,
                () -> new AreaToPointKriging(AtaParameters.defaults()).krige(residuals(8), shifted, Monitor.NONE));
        assertEquals("fine", e.parameter());
    }

    @Test
    void parametersAreValidated() {
        ParameterException e = assertThrows(ParameterException.class, () -> AtaParameters.defaults().withNeighbours(0));
        assertEquals("neighbours", e.parameter());
        assertTrue(e.getMessage().contains("0"));
        assertEquals("coarseDiscretisation",
                assertThrows(ParameterException.class, () -> AtaParameters.defaults().withCoarseDiscretisation(65))
                        .parameter());
        assertEquals("fineDiscretisation",
                assertThrows(ParameterException.class, () -> AtaParameters.defaults().withFineDiscretisation(0))
                        .parameter());
        assertEquals("maxLag", assertThrows(ParameterException.class, () -> AtaParameters.defaults().withMaxLag(0))
                .parameter());
        assertEquals(5, AtaParameters.defaults().coarsePoints(5));
        assertEquals(3, AtaParameters.defaults().withCoarseDiscretisation(3).coarsePoints(5));
    }
}
