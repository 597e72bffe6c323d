package org.ssm.algorithms.neural;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.ssm.algorithms.model.Models;
import org.ssm.algorithms.model.Normalization;
import org.ssm.algorithms.model.Regressor;

/**
 * A fitted feed-forward network with one linear output: the model of both the DBN (paper B §3.4,
 * eq. 7: SSM = f(predictors), f the fine-tuned DBN) and the BPNN of paper B's comparison.
 *
 * <p>Layer {@code l} maps {@code layers[l]} values to {@code layers[l + 1]}: {@code z_j = b_j +
 * Σ_i a_i w[i · n_out + j]}, followed by the hidden activation on every layer but the last, which
 * is linear. Like every regressor of the learning framework it works on z-scored predictors and
 * target; the {@link org.ssm.algorithms.model.FittedModel} around it holds the z-scores.
 *
 * <p>Immutable and thread-safe. Batch prediction works on blocks of {@value #BLOCK} rows (two
 * activation buffers of a block fit in the L1/L2 caches), blocks in parallel; each row is computed
 * by the same arithmetic in any block or thread, and {@link #predict(double[])} uses the same kernel,
 * so batch and single-row predictions are bit-identical. JSON type {@value #TYPE}: {@code
 * activation}, {@code layers}, and per layer its {@code weights} (row-major, input by output) and
 * {@code biases}, every number in its exact round-trip decimal form.
 */
public final class MlpRegressor implements Regressor {

    /** The {@code "type"} of the JSON form. */
    public static final String TYPE = "mlp";

    /** Rows per block of batch prediction. */
    static final int BLOCK = 128;
    /** Rows per parallel task: enough blocks to amortise the task and its buffers. */
    private static final int TASK_ROWS = 64 * BLOCK;

    static {
        Models.register(TYPE, MlpRegressor::fromJson);
    }

    private final int[] layers;
    private final double[][] weights;
    private final double[][] biases;
    private final Activation activation;
    private final int widest;

    /**
     * @param layers the number of units of each layer, inputs first, ending with 1 (the output)
     * @param weights per layer l, {@code layers[l] × layers[l + 1]} weights, row-major (copied)
     * @param biases per layer l, {@code layers[l + 1]} biases (copied)
     * @param activation the hidden units' activation
     */
    public MlpRegressor(int[] layers, double[][] weights, double[][] biases, Activation activation) {
        if (layers.length < 2 || layers[layers.length - 1] != 1) {
            throw new IllegalArgumentException("a network needs an input layer and one output, not " + Arrays.toString(layers));
        }
        if (weights.length != layers.length - 1 || biases.length != layers.length - 1) {
            throw new IllegalArgumentException(weights.length + " weight and " + biases.length + " bias arrays for "
                    + (layers.length - 1) + " layers");
        }
        this.layers = layers.clone();
        this.weights = new double[weights.length][];
        this.biases = new double[biases.length][];
        int wide = 0;
        for (int l = 0; l < weights.length; l++) {
            if (layers[l] < 1 || weights[l].length != layers[l] * layers[l + 1] || biases[l].length != layers[l + 1]) {
                throw new IllegalArgumentException("layer " + l + ": " + weights[l].length + " weights and "
                        + biases[l].length + " biases for " + layers[l] + " -> " + layers[l + 1] + " units");
            }
            this.weights[l] = weights[l].clone();
            this.biases[l] = biases[l].clone();
            wide = Math.max(wide, layers[l + 1]);
        }
        this.activation = activation;
        this.widest = wide;
    }

    @Override
    public int inputs() {
        return layers[0];
    }

    /** The number of units of each layer, inputs first. */
    public int[] layers() {
        return layers.clone();
    }

    /** The weights of layer {@code l}, row-major (input by output); a copy. */
    public double[] weights(int l) {
        return weights[l].clone();
    }

    /** The biases of layer {@code l}; a copy. */
    public double[] biases(int l) {
        return biases[l].clone();
    }

    public Activation activation() {
        return activation;
    }

    @Override
    public double predict(double[] x) {
        if (x.length != layers[0]) {
            throw new IllegalArgumentException(x.length + " predictors for a network of " + layers[0] + " inputs");
        }
        double[] out = new double[1];
        block(x, 0, 1, out, new double[widest], new double[widest]);
        return out[0];
    }

    @Override
    public void predict(double[] x, int rows, double[] out) {
        if ((long) rows * layers[0] > x.length || rows > out.length) {
            throw new IllegalArgumentException(rows + " rows of " + layers[0] + " predictors do not fit arrays of "
                    + x.length + " and " + out.length);
        }
        int tasks = (rows + TASK_ROWS - 1) / TASK_ROWS;
        if (tasks <= 1) {
            range(x, 0, rows, out);
        } else {
            IntStream.range(0, tasks).parallel().forEach(t -> range(x, t * TASK_ROWS,
                    Math.min(rows, (t + 1) * TASK_ROWS), out));
        }
    }

    private void range(double[] x, int from, int to, double[] out) {
        double[] a = new double[BLOCK * widest];
        double[] b = new double[BLOCK * widest];
        for (int r = from; r < to; r += BLOCK) {
            block(x, r, Math.min(BLOCK, to - r), out, a, b);
        }
    }

    /** Rows {@code [first, first + rows)} of {@code x} through the network, using two work buffers. */
    private void block(double[] x, int first, int rows, double[] out, double[] a, double[] b) {
        int last = weights.length - 1;
        double[] in = x;
        int start = first * layers[0];
        double[] cur = a;
        for (int l = 0; l < last; l++) {
            int m = layers[l + 1];
            Dense.affine(in, start, rows, layers[l], weights[l], biases[l], m, cur);
            activation.applyInPlace(cur, 0, rows * m);
            in = cur;
            start = 0;
            cur = cur == a ? b : a;
        }
        Dense.affine(in, start, rows, layers[last], weights[last], biases[last], 1, cur);
        System.arraycopy(cur, 0, out, first, rows);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", TYPE);
        m.put("activation", activation.label());
        m.put("layers", layers);
        m.put("weights", weights);
        m.put("biases", biases);
        return m;
    }

    @SuppressWarnings("unchecked")
    static MlpRegressor fromJson(Map<String, Object> m) {
        int[] layers = Normalization.integers((List<Object>) m.get("layers"));
        return new MlpRegressor(layers, arrays((List<Object>) m.get("weights")), arrays((List<Object>) m.get("biases")),
                activation(String.valueOf(m.get("activation"))));
    }

    /** The activation named in a model document; an unknown name makes the document malformed. */
    private static Activation activation(String label) {
        for (Activation a : Activation.values()) {
            if (a.label().equals(label)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation " + label);
    }

    @SuppressWarnings("unchecked")
    private static double[][] arrays(List<Object> list) {
        List<double[]> out = new ArrayList<>();
        for (Object o : list) {
            out.add(Normalization.numbers((List<Object>) o));
        }
        return out.toArray(new double[0][]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpRegressor r && activation == r.activation && Arrays.equals(layers, r.layers)
                && Arrays.deepEquals(weights, r.weights) && Arrays.deepEquals(biases, r.biases);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(layers) * 31 + Arrays.deepHashCode(weights);
    }

    @Override
    public String toString() {
        return "MlpRegressor" + Arrays.toString(layers) + " " + activation.label();
    }
}
