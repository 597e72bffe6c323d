package org.ssm.algorithms.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** G_down and its terms (paper E eq. 16–19) on constructed products. */
class GDownTest {

    private static final double[] INSITU = {0.10, 0.18, 0.22, 0.30, 0.35, 0.27};

    private static double[] linear(double a, double b, double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            x[i] = a + b * y[i];
        }
        return x;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    @Test
    void aProductEqualToInSituGainsFullyOverAnImperfectCoarseProduct() {
        Metrics hr = Metrics.of(INSITU, INSITU);
        // The coarse product: damped (slope 0.5), shifted, and noisy so that R < 1.
        double[] lr = linear(0.1, 0.5, INSITU);
        lr[2] += 0.03;
        GDown g = GDown.of(Metrics.of(lr, INSITU), hr);
        assertEquals(1.0, g.effi(), 0.0, "|1 - slope_HR| = 0");
        assertEquals(1.0, g.prec(), 0.0, "|1 - R_HR| = 0");
        assertEquals(1.0, g.accu(), 0.0, "|bias_HR| = 0");
        assertEquals(1.0, g.down(), 0.0);
        GDown reverse = GDown.of(hr, Metrics.of(lr, INSITU));
        assertEquals(-1.0, reverse.down(), 0.0, "downscaling that ruins a perfect product loses fully");
    }

    @Test
    void termsFromSlopeCorrelationAndBias() {
        // LR = 2y: slope 2, R 1, bias mean(y). HR = y + 0.01: slope 1, R 1, bias 0.01.
        Metrics lr = Metrics.of(linear(0, 2, INSITU), INSITU);
        Metrics hr = Metrics.of(linear(0.01, 1, INSITU), INSITU);
        GDown g = GDown.of(lr, hr);
        // Slopes come from sums of squares of doubles: 1e-12.
        assertEquals(1.0, g.effi(), 1e-12, "(|1-2| - 0) / (|1-2| + 0)");
        assertEquals(0.0, g.prec(), 0.0, "both correlations are 1 (clamped): no gain, the 0/0 convention");
        double m = mean(INSITU);
        assertEquals((m - 0.01) / (m + 0.01), g.accu(), 1e-12);
        assertEquals((g.effi() + g.prec() + g.accu()) / 3, g.down(), 0.0, "E eq. 16");
    }

    @Test
    void undefinedMetricsGiveUndefinedGains() {
        Metrics stuck = Metrics.of(new double[] {0.2, 0.3, 0.4}, new double[] {0.25, 0.25, 0.25});
        GDown g = GDown.of(stuck, Metrics.of(INSITU, INSITU));
        assertTrue(Double.isNaN(g.effi()) && Double.isNaN(g.prec()) && Double.isNaN(g.down()));
        assertEquals(1.0, g.accu(), 0.0, "the biases are still defined");
        assertEquals(0.0, GDown.gain(0, 0), 0.0);
        assertEquals(1.0 / 3, GDown.gain(0.2, 0.1), 1e-15);
    }
}
