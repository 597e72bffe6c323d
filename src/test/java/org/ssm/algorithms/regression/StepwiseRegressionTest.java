package org.ssm.algorithms.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ssm.algorithms.model.FittedModel;
import org.ssm.algorithms.model.Normalization;
import org.ssm.core.CancelledException;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;

class StepwiseRegressionTest {

    /**
     * y = 1 + 2·x0 − x1 + 0.4·x2 + 0.5·x2·x0 + 0.3·x1² (eq. 4 with five of its nine terms, hierarchical as
     * the selection requires), plus noise.
     */
    private static double polynomial(double[] x, int o) {
        return 1 + 2 * x[o] - x[o + 1] + 0.4 * x[o + 2] + 0.5 * x[o + 2] * x[o] + 0.3 * x[o + 1] * x[o + 1];
    }

    private static final Map<String, Double> TRUE_TERMS = Map.of("x0", 2.0, "x1", -1.0, "x2", 0.4, "x2*x0", 0.5,
            "x1^2", 0.3);

    private static double[][] data(int n, double noise, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n * 3];
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < 3; c++) {
                x[r * 3 + c] = 2 * rnd.nextDouble() - 1;
            }
            y[r] = polynomial(x, r * 3) + noise * rnd.nextGaussian();
        }
        return new double[][] {x, y};
    }

    private static Map<String, Double> terms(PolynomialRegressor p) {
        Map<String, Double> m = new HashMap<>();
        List<String> names = p.termNames(List.of("x0", "x1", "x2"));
        for (int t = 0; t < names.size(); t++) {
            m.put(names.get(t), p.coefficients()[t]);
        }
        return m;
    }

    @Test
    void recoversAKnownPolynomialExactlyFromNoiseFreeData() {
        double[][] d = data(200, 0, 1);
        PolynomialRegressor p = new StepwiseRegression(StepwiseParameters.DEFAULTS).fit(d[0], 3, d[1], Monitor.NONE);
        Map<String, Double> found = terms(p);
        assertEquals(TRUE_TERMS.keySet(), found.keySet(), "exactly the terms of the generating polynomial");
        // Noise-free data: least squares is exact up to rounding in the cross-product sums (n = 200, O(1) values).
        TRUE_TERMS.forEach((term, a) -> assertEquals(a, found.get(term), 1e-9, term));
        assertEquals(1, p.intercept(), 1e-9);
        double[] z = {0.3, -0.7, 0.9};
        assertEquals(polynomial(z, 0), p.predict(z), 1e-9);
    }

    @Test
    void recoversAKnownPolynomialFromNoisyData() {
        // Noise 0.01 over 400 samples: standard errors of the coefficients are about 0.01 / sqrt(400 · var(term))
        // <= 1.5e-3 (var >= 1/9 for these terms); 4e-3 is more than 2.5 of them. A strict entry p-value keeps the 40
        // false candidates out (expected false entries 40 · 1e-4 = 0.004).
        double[][] d = data(400, 0.01, 2);
        StepwiseParameters strict = new StepwiseParameters(1e-4, 1e-3, 44, true);
        PolynomialRegressor p = new StepwiseRegression(strict).fit(d[0], 3, d[1], Monitor.NONE);
        Map<String, Double> found = terms(p);
        assertEquals(TRUE_TERMS.keySet(), found.keySet());
        TRUE_TERMS.forEach((term, a) -> assertEquals(a, found.get(term), 4e-3, term));
        assertEquals(1, p.intercept(), 4e-3);
    }

    @Test
    void productsEnterOnlyAfterTheirFactors() {
        // y = x0·x1 alone. Without the entry rule the product would enter first (it explains all of y);
        // with it, the first term must be x0 or x1, so a one-term model is linear, and the full run
        // still ends with the product (the factors may leave once it carries their effect).
        SplittableRandom rnd = new SplittableRandom(11);
        int n = 300;
        double[] x = new double[3 * n];
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < 3; k++) {
                x[3 * r + k] = 0.5 + rnd.nextDouble();
            }
            y[r] = x[3 * r] * x[3 * r + 1] + 0.01 * rnd.nextGaussian();
        }
        StepwiseParameters oneTerm = new StepwiseParameters(StepwiseParameters.DEFAULT_P_ENTER,
                StepwiseParameters.DEFAULT_P_REMOVE, 1, true);
        Map<String, Double> first = terms(new StepwiseRegression(oneTerm).fit(x, 3, y, Monitor.NONE));
        assertEquals(1, first.size(), first.keySet().toString());
        assertTrue(first.containsKey("x0") || first.containsKey("x1"), "first term " + first.keySet());
        Map<String, Double> full = terms(new StepwiseRegression(StepwiseParameters.DEFAULTS).fit(x, 3, y, Monitor.NONE));
        assertTrue(full.containsKey("x1*x0"), "the product is found: " + full.keySet());
        int[][] candidates = StepwiseRegression.candidates(3, true);
        boolean[] in = new boolean[candidates.length];
        int product = java.util.stream.IntStream.range(0, candidates.length)
                .filter(j -> candidates[j].length == 2 && candidates[j][0] == 1 && candidates[j][1] == 0)
                .findFirst().orElseThrow();
        assertFalse(StepwiseRegression.parentsIn(candidates, in, product));
        in[0] = true;
        assertFalse(StepwiseRegression.parentsIn(candidates, in, product), "x0 alone is not enough");
        in[1] = true;
        assertTrue(StepwiseRegression.parentsIn(candidates, in, product));
    }

    @Test
    void linearOnlyAndTermCap() {
        double[][] d = data(300, 0.01, 3);
        PolynomialRegressor linear = new StepwiseRegression(new StepwiseParameters(0.05, 0.1, 44, false))
                .fit(d[0], 3, d[1], Monitor.NONE);
        for (int[] t : linear.terms()) {
            assertEquals(1, t.length, "only linear terms are candidates");
        }
        assertTrue(terms(linear).containsKey("x0") && terms(linear).containsKey("x1"));
        PolynomialRegressor two = new StepwiseRegression(new StepwiseParameters(0.05, 0.1, 2, true))
                .fit(d[0], 3, d[1], Monitor.NONE);
        assertEquals(2, two.terms().length);
        // The two strongest terms by variance explained: x0 (coefficient 2) and x1 (coefficient -1).
        assertEquals(java.util.Set.of("x0", "x1"), terms(two).keySet());
    }

    @Test
    void pureNoiseKeepsTheInterceptAlone() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] x = new double[100 * 2];
        double[] y = new double[100];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble();
        }
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            y[i] = 7 + 0.001 * rnd.nextGaussian();
            sum += y[i];
        }
        // With pEnter 1e-6 the chance that one of the 5 noise candidates enters is about 5e-6.
        PolynomialRegressor p = new StepwiseRegression(new StepwiseParameters(1e-6, 1e-5, 44, true))
                .fit(x, 2, y, Monitor.NONE);
        assertEquals(0, p.terms().length);
        assertEquals(sum / 100, p.intercept(), 1e-12);
    }

    @Test
    void modelDocumentPredictsBitForBit() {
        double[][] d = data(200, 0.05, 4);
        Normalization features = Normalization.zScore(d[0], 200, 3);
        Normalization target = Normalization.zScore(d[1], 200, 1);
        double[] z = d[0].clone();
        features.applyInPlace(z, 200);
        double[] t = d[1].clone();
        for (int i = 0; i < t.length; i++) {
            t[i] = (t[i] - target.offset()[0]) / target.scale()[0];
        }
        PolynomialRegressor p = new StepwiseRegression(StepwiseParameters.DEFAULTS).fit(z, 3, t, Monitor.NONE);
        FittedModel model = new FittedModel("MSR", List.of("x0", "x1", "x2"), features, target, p, Map.of());
        FittedModel back = FittedModel.fromJson("model", model.toJson());
        assertEquals(p, back.regressor());
        double[] out1 = new double[200];
        double[] out2 = new double[200];
        model.predictInPlace(d[0].clone(), 200, out1);
        back.predictInPlace(d[0].clone(), 200, out2);
        assertArrayEquals(out1, out2, 0);
        // The model fits the raw data as the generating polynomial does (noise 0.05).
        double sq = 0;
        for (int r = 0; r < 200; r++) {
            sq += Math.pow(out1[r] - polynomial(d[0], 3 * r), 2);
        }
        assertTrue(Math.sqrt(sq / 200) < 0.02, "RMSE to the noise-free polynomial " + Math.sqrt(sq / 200));
    }

    @Test
    void pValuesOfTheFTest() {
        // F(1, 10) upper 5 % point is 4.9646 (statistical tables).
        assertEquals(0.05, StepwiseRegression.pValue(4.9646, 10), 1e-4);
        assertEquals(1, StepwiseRegression.pValue(0, 10), 0);
        assertEquals(0, StepwiseRegression.pValue(Double.POSITIVE_INFINITY, 10), 0);
    }

    @Test
    void badParametersAndCancellation() {
        assertEquals("pEnter", assertThrows(ParameterException.class,
                () -> new StepwiseParameters(0, 0.1, 10, true)).parameter());
        assertEquals("pRemove", assertThrows(ParameterException.class,
                () -> new StepwiseParameters(0.1, 0.05, 10, true)).parameter());
        assertEquals("maxTerms", assertThrows(ParameterException.class,
                () -> new StepwiseParameters(0.05, 0.1, 0, true)).parameter());
        double[][] d = data(50, 0.1, 6);
        Monitor cancelled = new Monitor() {
            @Override
            public void progress(double fraction) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancelledException.class,
                () -> new StepwiseRegression(StepwiseParameters.DEFAULTS).fit(d[0], 3, d[1], cancelled));
    }
}
