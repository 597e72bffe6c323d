package org.ssm.algorithms.model;

import java.util.Map;

/**
 * A fitted regression function of a fixed number of (normalised) predictors: the common face of
 * the downscalers' models (trees, networks, polynomials, Gaussian processes), so that any of them
 * can be stored as JSON, read back and applied again.
 *
 * <p>Implementations are immutable and thread-safe, and give bit-identical results after a JSON
 * round trip: {@link #toJson()} writes every number exactly (Java's shortest round-trip decimal
 * form), and {@link Models#regressor} rebuilds an equal model.
 */
public interface Regressor {

    /** Number of predictors. */
    int inputs();

    /** The prediction for one row of predictors; NaN in, NaN out. */
    double predict(double[] x);

    /**
     * Predictions for {@code rows} rows stored row-major in {@code x} ({@code inputs()} values each)
     * into {@code out}. Implementations may override this to predict faster than row by row.
     */
    default void predict(double[] x, int rows, double[] out) {
        int p = inputs();
        double[] row = new double[p];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(x, r * p, row, 0, p);
            out[r] = predict(row);
        }
    }

    /**
     * The model as JSON-compatible values (maps, lists, numbers, strings) with a {@code "type"} key
     * naming the kind of model, as registered in {@link Models}.
     */
    Map<String, Object> toJson();
}
