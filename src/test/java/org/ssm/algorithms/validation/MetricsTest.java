package org.ssm.algorithms.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The metrics of paper E eq. 12–15 and paper B Table S1 on samples small enough to compute by hand.
 * Tolerance 1e-12 unless stated: the inputs are decimal fractions such as 0.1 that doubles hold to
 * about 1e-17, and the sums run over a handful of terms.
 */
class MetricsTest {

    private static final double TOL = 1e-12;

    // x = estimated, y = observed. d = x - y = {-0.02, 0.05, 0.05, 0.10, 0.12}; x̄ = 0.3, ȳ = 0.24;
    // Σ(x-x̄)(y-ȳ) = 0.067, Σ(x-x̄)² = 0.1, Σ(y-ȳ)² = 0.0458, Σd² = 0.0298, Σ|d| = 0.34.
    private static final double[] X = {0.10, 0.20, 0.30, 0.40, 0.50};
    private static final double[] Y = {0.12, 0.15, 0.25, 0.30, 0.38};

    @Test
    void handComputedSample() {
        Metrics m = Metrics.of(X, Y);
        assertEquals(5, m.n());
        assertEquals(0.30 / 5, m.bias(), TOL, "E eq. 15: mean(x - y), positive when the product is wetter");
        assertEquals(Math.sqrt(0.0298 / 5), m.rmse(), TOL, "E eq. 13");
        assertEquals(0.34 / 5, m.mae(), TOL, "B Table S1");
        assertEquals(Math.sqrt(0.0298 / 5 - 0.06 * 0.06), m.ubrmse(), TOL, "E eq. 14 = sqrt(RMSE^2 - bias^2)");
        assertEquals(0.067 / Math.sqrt(0.1 * 0.0458), m.pcc(), TOL, "E eq. 12");
        assertEquals(0.067 / 0.0458, m.slope(), TOL, "slope of x regressed on y");
        assertEquals("", m.note());
    }

    @Test
    void ubRmseIsTheCentredRmse() {
        // eq. 14 is computed from centred differences; it must equal sqrt(RMSE² - bias²) on any sample.
        SplittableRandom rnd = new SplittableRandom(3);
        double[] x = new double[200];
        double[] y = new double[200];
        for (int i = 0; i < x.length; i++) {
            y[i] = 0.1 + 0.3 * rnd.nextDouble();
            x[i] = 0.05 + 0.8 * y[i] + 0.03 * rnd.nextGaussian();
        }
        Metrics m = Metrics.of(x, y);
        // RMSE² - bias² cancels two numbers of about 1e-3 in doubles: 1e-15 absolute is ample.
        assertEquals(Math.sqrt(m.rmse() * m.rmse() - m.bias() * m.bias()), m.ubrmse(), 1e-12);
        assertTrue(m.bias() > 0.0 && m.pcc() > 0.8, m.toString());
    }

    @Test
    void pairsWithANanAreSkipped() {
        double[] x = {0.10, Double.NaN, 0.20, 0.30, 0.40, 0.50, 0.7};
        double[] y = {0.12, 0.2, 0.15, 0.25, 0.30, 0.38, Double.NaN};
        assertEquals(Metrics.of(X, Y), Metrics.of(x, y));
    }

    @Test
    void noPairsOnePairAndConstantSeries() {
        assertEquals(Metrics.NONE, Metrics.of(new double[] {Double.NaN}, new double[] {0.2}));
        assertEquals("no pairs", Metrics.NONE.note());

        Metrics one = Metrics.of(new double[] {0.3}, new double[] {0.25});
        assertEquals(1, one.n());
        assertEquals(0.05, one.bias(), TOL);
        assertEquals(0.05, one.rmse(), TOL);
        assertEquals(0.05, one.mae(), TOL);
        assertTrue(Double.isNaN(one.pcc()) && Double.isNaN(one.ubrmse()) && Double.isNaN(one.slope()));
        assertTrue(one.note().startsWith("1 pair"), one.note());

        // A stuck sensor: PCC and slope divide by its zero variance.
        Metrics stuck = Metrics.of(new double[] {0.1, 0.2, 0.3}, new double[] {0.25, 0.25, 0.25});
        assertTrue(Double.isNaN(stuck.pcc()) && Double.isNaN(stuck.slope()));
        assertEquals(Math.sqrt(0.02 / 3), stuck.ubrmse(), TOL, "ubRMSE is still the spread of x");
        assertTrue(stuck.note().contains("observed values constant"), stuck.note());

        // A constant product: no correlation, but its regression on y is flat.
        Metrics flat = Metrics.of(new double[] {0.2, 0.2, 0.2}, new double[] {0.1, 0.2, 0.3});
        assertTrue(Double.isNaN(flat.pcc()));
        assertEquals(0.0, flat.slope(), 0.0);
        assertTrue(flat.note().contains("estimated values constant"), flat.note());
    }

    @Test
    void perfectAgreement() {
        Metrics m = Metrics.of(X, X);
        assertEquals(1.0, m.pcc(), 0.0, "identical samples: the co-moment equals both sums of squares exactly");
        assertEquals(0.0, m.rmse(), 0.0);
        assertEquals(0.0, m.ubrmse(), 0.0);
        assertEquals(0.0, m.bias(), 0.0);
        assertEquals(1.0, m.slope(), 0.0);
    }

    @Test
    void meanOverStationsSkipsUndefinedMetrics() {
        Metrics a = Metrics.of(X, Y);
        Metrics stuck = Metrics.of(new double[] {0.1, 0.2, 0.3}, new double[] {0.25, 0.25, 0.25});
        Metrics mean = Metrics.meanOf(List.of(a, stuck));
        assertEquals(8, mean.n(), "the pairs of both stations");
        assertEquals(a.pcc(), mean.pcc(), 0.0, "the stuck station has no PCC");
        assertEquals((a.rmse() + stuck.rmse()) / 2, mean.rmse(), TOL);
        assertEquals((a.bias() + stuck.bias()) / 2, mean.bias(), TOL);
        assertTrue(mean.note().contains("pcc over 1"), mean.note());
    }
}
