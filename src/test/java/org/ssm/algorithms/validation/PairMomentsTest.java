package org.ssm.algorithms.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Pooling samples with {@link PairMoments#plus} gives the statistics of all their pairs at once. */
class PairMomentsTest {

    @Test
    void mergedMomentsEqualOnePass() {
        SplittableRandom rnd = new SplittableRandom(11);
        double[] x = new double[1000];
        double[] y = new double[1000];
        for (int i = 0; i < x.length; i++) {
            y[i] = 0.3 + 0.1 * Math.sin(i / 30.0) + 0.02 * rnd.nextGaussian();
            x[i] = 0.02 + 0.9 * y[i] + 0.03 * rnd.nextGaussian();
        }
        PairMoments parts = PairMoments.EMPTY;
        int[] cuts = {0, 1, 7, 300, 301, 999, 1000};
        for (int k = 0; k + 1 < cuts.length; k++) {
            parts = parts.plus(PairMoments.of(Arrays.copyOfRange(x, cuts[k], cuts[k + 1]),
                    Arrays.copyOfRange(y, cuts[k], cuts[k + 1])));
        }
        Metrics whole = Metrics.of(x, y);
        Metrics merged = parts.metrics();
        assertEquals(whole.n(), merged.n());
        // Both compute the same quantities in different orders: relative differences of a few ulps.
        double[] a = whole.values();
        double[] b = merged.values();
        for (int k = 0; k < a.length; k++) {
            assertEquals(a[k], b[k], 1e-12 * Math.abs(a[k]), Metrics.NAMES.get(k));
        }
        assertEquals(PairMoments.of(x, y).sdObserved(), parts.sdObserved(), 1e-14);
    }

    @Test
    void floatBandsAgreeWithTheirDoubleValues() {
        float[] x = {0.1f, Float.NaN, 0.3f, 0.25f};
        float[] y = {0.12f, 0.2f, Float.NaN, 0.2f};
        Metrics m = PairMoments.of(x, y).metrics();
        assertEquals(Metrics.of(new double[] {0.1f, 0.25f}, new double[] {0.12f, 0.2f}), m);
    }
}
