package org.ssm.algorithms.nonlinear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssm.core.ParameterException;

/** Eq. 2, its derivatives, the Taylor step of eq. 5 and the gap filling of eq. 6 (paper D §2.2.2). */
class LinkingModelTest {

    private static final LinkingModel MODEL = new LinkingModel(-0.2, 0.5, 0.1);

    @Test
    void valueMatchesEquation2() {
        // ln(1 − SEE) = −1 at SEE = 1 − 1/e; 1 − 0.5·0.4 = 0.8: −0.2·(−1)/0.8 + 0.1 = 0.35.
        assertEquals(0.35, MODEL.value(1 - Math.exp(-1), 0.4), 1e-15);
    }

    @Test
    void derivativesMatchCentralDifferences() {
        double see = 0.45;
        double nmdi = 0.3;
        // Central differences err by h²·f'''/6 (≈1e-8 here) plus rounding eps·f/h (≈1e-11 at h = 1e-4);
        // second differences by h²·f''''/12 plus eps·f/h² (≈1e-8), so 1e-6 separates a wrong formula.
        double h = 1e-4;
        assertEquals((MODEL.value(see + h, nmdi) - MODEL.value(see - h, nmdi)) / (2 * h), MODEL.dSee(see, nmdi), 1e-6);
        assertEquals((MODEL.value(see, nmdi + h) - MODEL.value(see, nmdi - h)) / (2 * h), MODEL.dNmdi(see, nmdi),
                1e-6);
        assertEquals((MODEL.value(see + h, nmdi) - 2 * MODEL.value(see, nmdi) + MODEL.value(see - h, nmdi)) / (h * h),
                MODEL.d2See(see, nmdi), 1e-5);
        assertEquals((MODEL.value(see, nmdi + h) - 2 * MODEL.value(see, nmdi) + MODEL.value(see, nmdi - h)) / (h * h),
                MODEL.d2Nmdi(see, nmdi), 1e-5);
    }

    @Test
    void taylorDownscalingEqualsDirectEvaluationForALinearModel() {
        // f = 0.3·SEE − 0.2·NMDI + 0.05: first derivatives constant, second ones zero, so eq. 5 is exact
        // and only rounding (1e-16 relative) separates it from f at the fine values.
        double alpha = 0.3;
        double beta = -0.2;
        Sensitivities linear = new Sensitivities(alpha, 0, beta, 0);
        double meanSee = 0.4;
        double meanNmdi = 0.25;
        double coarse = alpha * meanSee + beta * meanNmdi + 0.05;
        double[][] fine = {{0.1, 0.6}, {0.55, 0.2}, {0.4, 0.25}, {0.93, -0.1}};
        for (double[] p : fine) {
            assertEquals(alpha * p[0] + beta * p[1] + 0.05,
                    linear.downscale(coarse, p[0] - meanSee, p[1] - meanNmdi), 1e-15);
        }
        // A model quadratic in each variable without a mixed term is reproduced exactly as well.
        Sensitivities quadratic = new Sensitivities(alpha + 2 * 0.7 * meanSee, 2 * 0.7, beta, 0);
        double coarseQ = alpha * meanSee + 0.7 * meanSee * meanSee + beta * meanNmdi;
        for (double[] p : fine) {
            assertEquals(alpha * p[0] + 0.7 * p[0] * p[0] + beta * p[1],
                    quadratic.downscale(coarseQ, p[0] - meanSee, p[1] - meanNmdi), 1e-15);
        }
    }

    @Test
    void taylorDownscalingOfTheLinkingModelIsSecondOrderAccurate() {
        // With no NMDI offset the error of eq. 5 is the third-order remainder f'''·ΔSEE³/6; halving ΔSEE
        // divides it by about 8.
        double see = 0.4;
        double nmdi = 0.3;
        Sensitivities s = MODEL.sensitivities(see, nmdi);
        double e1 = Math.abs(s.downscale(MODEL.value(see, nmdi), 0.02, 0) - MODEL.value(see + 0.02, nmdi));
        double e2 = Math.abs(s.downscale(MODEL.value(see, nmdi), 0.01, 0) - MODEL.value(see + 0.01, nmdi));
        assertTrue(e1 > 0 && e2 > 0);
        assertEquals(8, e1 / e2, 0.5);
    }

    @Test
    void swathGapFillMatchesEquation6ByHand() {
        // SEE chosen so that ln(1 − SEE) is −1, −0.5 and −1; a = −0.2, b = 0.5, c = 0.1:
        //   t0:     SEE with L = −1,   NMDI 0 → D = 1,   SSM_mod = 0.2 + 0.1 = 0.30
        //   t0 − 1: L = −0.5, NMDI 0 → D = 1,   SSM_mod = 0.1 + 0.1 = 0.20, observed 0.25
        //   t0 + 1: L = −1,   NMDI 1 → D = 0.5, SSM_mod = 0.4 + 0.1 = 0.50, observed 0.35
        // Eq. 6: ½(0.25 + 0.35) + 0.30 − ½(0.20 + 0.50) = 0.30 + 0.30 − 0.35 = 0.25.
        double t0 = 1 - Math.exp(-1);
        SwathGapFill.Neighbour before = new SwathGapFill.Neighbour(0.25, 1 - Math.exp(-0.5), 0);
        SwathGapFill.Neighbour after = new SwathGapFill.Neighbour(0.35, 1 - Math.exp(-1), 1);
        // Each term is exact to a few ulps of 0.5.
        assertEquals(0.25, SwathGapFill.fill(MODEL, t0, 0, List.of(before, after)), 1e-15);
        // Only t0 − 1: 0.25 + 0.30 − 0.20 = 0.35.
        assertEquals(0.35, SwathGapFill.fill(MODEL, t0, 0, List.of(before)), 1e-15);
        // No neighbour: the three days are missing.
        assertTrue(Double.isNaN(SwathGapFill.fill(MODEL, t0, 0, List.of())));
    }

    @Test
    void badParametersAreNamed() {
        assertNamed("a", () -> new LinkingModel(Double.NaN, 0, 0));
        assertNamed("b", () -> new LinkingModel(0, Double.POSITIVE_INFINITY, 0));
        assertNamed("ws", () -> LinkParameters.defaults().withWindows(5, 6));
        assertNamed("ws", () -> LinkParameters.defaults().withWindows(5, LinkParameters.MAX_WS + 2));
        assertNamed("dl", () -> LinkParameters.defaults().withWindows(-1, 7));
        assertNamed("bandwidth", () -> LinkParameters.defaults().withBandwidth(0));
        assertNamed("minCoverage", () -> LinkParameters.defaults().withMinCoverage(0));
        assertNamed("minCoverage", () -> LinkParameters.defaults().withMinCoverage(1.5));
        assertNamed("minSamples", () -> LinkParameters.defaults().withMinSamples(LinkFit.PARAMETERS));
        assertNamed("parameters", () -> new NonlinearLinkDownscaler(null));
    }

    @Test
    void defaultsAreThoseOfPaperD() {
        LinkParameters p = LinkParameters.defaults();
        assertEquals(5, p.dl());
        assertEquals(7, p.ws());
        assertEquals(200_000, p.bandwidth());
        assertEquals(3, p.radius());
        // Eq. 4: w = (1 − (d/b)²)², 0 from the bandwidth on.
        assertEquals(0.5625, p.weight(100_000), 1e-15);
        assertEquals(0, p.weight(200_000));
        assertEquals(1, p.weight(0));
    }

    static void assertNamed(String parameter, Runnable action) {
        ParameterException e = assertThrows(ParameterException.class, action::run);
        assertEquals(parameter, e.parameter(), e.getMessage());
    }
}
