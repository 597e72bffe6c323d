package org.ssm.algorithms.nonlinear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The weighted least-squares fit of eq. 3 (paper D §2.2.2). */
class LinkFitTest {

    private static final LinkingModel TRUE = new LinkingModel(-0.15, 0.8, 0.05);

    /** {@code n} samples of {@link #TRUE} with SEE in [0.1, 0.8], NMDI in [0.1, 0.6] and Gaussian noise. */
    private static LinkSamples samples(int n, double noise, double nmdiSpread, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        LinkSamples s = new LinkSamples();
        for (int i = 0; i < n; i++) {
            double see = 0.1 + 0.7 * rnd.nextDouble();
            double nmdi = 0.35 + nmdiSpread * (rnd.nextDouble() - 0.5);
            double weight = 0.2 + 0.8 * rnd.nextDouble();
            s.add(see, nmdi, TRUE.value(see, nmdi) + noise * rnd.nextGaussian(), weight);
        }
        return s;
    }

    @Test
    void recoversKnownCoefficientsFromExactSamples() {
        LinkFit fit = LinkFit.of(samples(120, 0, 0.5, 1), 10);
        assertEquals(FitOutcome.NONLINEAR, fit.outcome());
        // Noise-free and well conditioned: Levenberg–Marquardt stops at relative tolerances of 1e-10,
        // so the coefficients agree far below 1e-6.
        assertEquals(TRUE.a(), fit.model().a(), 1e-6);
        assertEquals(TRUE.b(), fit.model().b(), 1e-6);
        assertEquals(TRUE.c(), fit.model().c(), 1e-6);
        assertTrue(fit.rms() < 1e-8, "rms " + fit.rms());
        assertTrue(fit.evaluations() > 0);
    }

    @Test
    void recoversKnownCoefficientsFromNoisySamples() {
        // 0.01 m³/m³ of noise on 400 samples: a few standard errors of each coefficient stay within
        // these tolerances (the spread over seeds is about a third of them).
        LinkFit fit = LinkFit.of(samples(400, 0.01, 0.5, 2), 10);
        assertEquals(FitOutcome.NONLINEAR, fit.outcome());
        assertEquals(TRUE.a(), fit.model().a(), 0.02);
        assertEquals(TRUE.b(), fit.model().b(), 0.1);
        assertEquals(TRUE.c(), fit.model().c(), 0.01);
        // The weighted RMS residual estimates the noise.
        assertEquals(0.01, fit.rms(), 0.002);
    }

    @Test
    void fallsBackToBZeroWhenNmdiDoesNotVary() {
        // One NMDI value: ∂/∂b is proportional to ∂/∂a, so b is not determined. The b = 0 fit is then
        // the weighted regression on ln(1 − SEE): with NMDI fixed at 0.35 the data are exactly
        // a' · L + c with a' = a / (1 − 0.35·b).
        LinkFit fit = LinkFit.of(samples(60, 0, 0, 3), 10);
        assertEquals(FitOutcome.LINEAR, fit.outcome());
        assertEquals(0, fit.model().b());
        assertEquals(TRUE.a() / (1 - 0.35 * TRUE.b()), fit.model().a(), 1e-12);
        assertEquals(TRUE.c(), fit.model().c(), 1e-12);
    }

    @Test
    void refusesTooFewSamplesAndFlatSee() {
        LinkFit few = LinkFit.of(samples(9, 0, 0.5, 4), 10);
        assertEquals(FitOutcome.TOO_FEW_SAMPLES, few.outcome());
        assertNull(few.model());
        assertTrue(Double.isNaN(few.rms()));
        LinkSamples flat = new LinkSamples();
        for (int i = 0; i < 20; i++) {
            flat.add(0.4, 0.1 + 0.02 * i, 0.2 + 0.001 * i, 1);
        }
        assertEquals(FitOutcome.FLAT_SEE, LinkFit.of(flat, 10).outcome());
        LinkingModelTest.assertNamed("minSamples", () -> LinkFit.of(flat, 3));
    }

    @Test
    void sameSamplesGiveTheSameFit() {
        assertEquals(LinkFit.of(samples(200, 0.01, 0.5, 5), 10), LinkFit.of(samples(200, 0.01, 0.5, 5), 10));
    }
}
