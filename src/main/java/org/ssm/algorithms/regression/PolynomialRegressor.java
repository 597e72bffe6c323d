package org.ssm.algorithms.regression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssm.algorithms.model.Models;
import org.ssm.algorithms.model.Normalization;
import org.ssm.algorithms.model.Regressor;

/**
 * A second-order polynomial of the predictors, paper E §3.2.1 eq. 4:
 *
 * <pre>SM = a_0 + Σ_m a_m·A_m + Σ_{i ≥ j} a_ij·A_i·A_j</pre>
 *
 * holding only the terms a stepwise selection kept. Each term is one predictor index (a linear
 * term) or two indices i ≥ j (an interaction, or a square when i = j).
 *
 * @param inputs number of predictors
 * @param terms the kept terms, each {@code {i}} or {@code {i, j}} with i ≥ j
 * @param coefficients one per term
 * @param intercept a_0
 */
public record PolynomialRegressor(int inputs, int[][] terms, double[] coefficients, double intercept)
        implements Regressor {

    /** The {@code "type"} of the JSON form. */
    public static final String TYPE = "polynomial";

    static {
        Models.register(TYPE, PolynomialRegressor::fromJson);
    }

    public PolynomialRegressor {
        if (terms.length != coefficients.length) {
            throw new IllegalArgumentException(terms.length + " terms for " + coefficients.length + " coefficients");
        }
        int[][] copy = new int[terms.length][];
        for (int t = 0; t < terms.length; t++) {
            copy[t] = terms[t].clone();
            if (copy[t].length < 1 || copy[t].length > 2) {
                throw new IllegalArgumentException("a term has one or two predictor indices, not " + copy[t].length);
            }
            for (int i : copy[t]) {
                if (i < 0 || i >= inputs) {
                    throw new IllegalArgumentException("term index " + i + " outside 0.." + (inputs - 1));
                }
            }
            if (copy[t].length == 2 && copy[t][0] < copy[t][1]) {
                throw new IllegalArgumentException("interaction terms are written i >= j");
            }
        }
        terms = copy;
        coefficients = coefficients.clone();
    }

    @Override
    public int[][] terms() {
        int[][] copy = new int[terms.length][];
        for (int t = 0; t < terms.length; t++) {
            copy[t] = terms[t].clone();
        }
        return copy;
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** The value of term {@code term} ({@code {i}} or {@code {i, j}}) at {@code x} starting at {@code offset}. */
    static double termValue(int[] term, double[] x, int offset) {
        double v = x[offset + term[0]];
        return term.length == 1 ? v : v * x[offset + term[1]];
    }

    @Override
    public double predict(double[] x) {
        double y = intercept;
        for (int t = 0; t < terms.length; t++) {
            y += coefficients[t] * termValue(terms[t], x, 0);
        }
        return y;
    }

    @Override
    public void predict(double[] x, int rows, double[] out) {
        for (int r = 0; r < rows; r++) {
            double y = intercept;
            int offset = r * inputs;
            for (int t = 0; t < terms.length; t++) {
                y += coefficients[t] * termValue(terms[t], x, offset);
            }
            out[r] = y;
        }
    }

    /** Readable names of the terms, e.g. {@code lst}, {@code lst*see}, {@code lat^2}. */
    public List<String> termNames(List<String> predictors) {
        List<String> names = new ArrayList<>();
        for (int[] t : terms) {
            names.add(t.length == 1 ? predictors.get(t[0])
                    : t[0] == t[1] ? predictors.get(t[0]) + "^2" : predictors.get(t[0]) + "*" + predictors.get(t[1]));
        }
        return names;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", TYPE);
        m.put("inputs", inputs);
        m.put("terms", terms);
        m.put("coefficients", coefficients);
        m.put("intercept", intercept);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static PolynomialRegressor fromJson(Map<String, Object> m) {
        List<Object> list = (List<Object>) m.get("terms");
        int[][] terms = new int[list.size()][];
        for (int t = 0; t < terms.length; t++) {
            terms[t] = Normalization.integers((List<Object>) list.get(t));
        }
        return new PolynomialRegressor(((Number) m.get("inputs")).intValue(), terms,
                Normalization.numbers((List<Object>) m.get("coefficients")), ((Number) m.get("intercept")).doubleValue());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolynomialRegressor p && inputs == p.inputs && java.util.Arrays.deepEquals(terms, p.terms)
                && java.util.Arrays.equals(coefficients, p.coefficients)
                && Double.doubleToLongBits(intercept) == Double.doubleToLongBits(p.intercept);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.deepHashCode(terms) * 31 + java.util.Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        return "PolynomialRegressor[" + terms.length + " terms]";
    }
}
