package org.ssm.algorithms.neural;

import java.util.SplittableRandom;

/**
 * The network being trained: a feed-forward network with hidden units of one {@link Activation} and
 * a linear output, its mean-squared-error gradient by back-propagation (Rumelhart, Hinton &amp;
 * Williams 1986), and its conversion to an immutable {@link MlpRegressor}. The BPNN starts it from
 * random weights; the DBN from the weights of its RBMs (Hinton &amp; Salakhutdinov 2006), so both
 * share this forward and backward code.
 *
 * <p>The loss of a batch of B rows is E = (1/2B) Σ_r (ŷ_r − y_r)². Weight decay is added by the
 * optimiser, not here.
 */
final class Mlp {

    final int[] layers;
    final Activation activation;
    /** Per layer l, {@code layers[l] × layers[l + 1]} weights, row-major. */
    final double[][] w;
    final double[][] b;

    Mlp(int[] layers, Activation activation) {
        this.layers = layers.clone();
        this.activation = activation;
        w = new double[layers.length - 1][];
        b = new double[layers.length - 1][];
        for (int l = 0; l < w.length; l++) {
            w[l] = new double[layers[l] * layers[l + 1]];
            b[l] = new double[layers[l + 1]];
        }
    }

    int depth() {
        return w.length;
    }

    /**
     * Glorot &amp; Bengio (2010) uniform initialisation of layer {@code l}: weights uniform in ±√(6 /
     * (n_in + n_out)), four times wider for the logistic function (whose slope at 0 is 1/4), biases
     * zero. This keeps the variance of activations and gradients about constant through the layers.
     */
    void initialiseRandomly(int l, SplittableRandom rnd) {
        double limit = Math.sqrt(6.0 / (layers[l] + layers[l + 1]));
        if (activation == Activation.SIGMOID && l < w.length - 1) {
            limit *= 4;
        }
        for (int k = 0; k < w[l].length; k++) {
            w[l][k] = limit * (2 * rnd.nextDouble() - 1);
        }
        java.util.Arrays.fill(b[l], 0);
    }

    Mlp copy() {
        Mlp c = new Mlp(layers, activation);
        c.copyFrom(this);
        return c;
    }

    void copyFrom(Mlp other) {
        for (int l = 0; l < w.length; l++) {
            System.arraycopy(other.w[l], 0, w[l], 0, w[l].length);
            System.arraycopy(other.b[l], 0, b[l], 0, b[l].length);
        }
    }

    /** Work arrays for batches of up to {@code capacity} rows. */
    final class Workspace {
        final int capacity;
        /** Activations of each layer, the inputs first. */
        final double[][] a;
        /** Error signals ∂E/∂z of each layer's pre-activations (index l + 1 for layer l's outputs). */
        final double[][] delta;
        final double[][] gw;
        final double[][] gb;

        Workspace(int capacity) {
            this.capacity = capacity;
            a = new double[layers.length][];
            delta = new double[layers.length][];
            for (int l = 0; l < layers.length; l++) {
                a[l] = new double[capacity * layers[l]];
                delta[l] = new double[capacity * layers[l]];
            }
            gw = new double[w.length][];
            gb = new double[w.length][];
            for (int l = 0; l < w.length; l++) {
                gw[l] = new double[w[l].length];
                gb[l] = new double[b[l].length];
            }
        }

        /** Forward pass of the {@code rows} rows already in {@code a[0]}; returns the outputs array. */
        double[] forward(int rows) {
            int last = w.length - 1;
            for (int l = 0; l <= last; l++) {
                int m = layers[l + 1];
                Dense.affine(a[l], 0, rows, layers[l], w[l], b[l], m, a[l + 1]);
                if (l < last) {
                    activation.applyInPlace(a[l + 1], 0, rows * m);
                }
            }
            return a[layers.length - 1];
        }

        /**
         * The loss E of the rows in {@code a[0]} with targets {@code y[0 .. rows)} and its gradient
         * into {@code gw}, {@code gb}.
         */
        double gradient(double[] y, int rows) {
            double[] out = forward(rows);
            int L = layers.length - 1;
            double[] d = delta[L];
            double loss = 0;
            for (int r = 0; r < rows; r++) {
                double e = out[r] - y[r];
                loss += e * e;
                d[r] = e / rows;
            }
            for (int l = L - 1; l >= 0; l--) {
                int n = layers[l];
                int m = layers[l + 1];
                java.util.Arrays.fill(gw[l], 0);
                java.util.Arrays.fill(gb[l], 0);
                Dense.accumulateOuter(a[l], delta[l + 1], rows, n, m, 1.0, gw[l]);
                Dense.accumulateColumns(delta[l + 1], rows, m, 1.0, gb[l]);
                if (l > 0) {
                    double[] dl = delta[l];
                    Dense.affineTransposed(delta[l + 1], rows, m, w[l], null, n, dl);
                    double[] al = a[l];
                    for (int k = 0; k < rows * n; k++) {
                        dl[k] *= activation.slope(al[k]);
                    }
                }
            }
            return loss / (2.0 * rows);
        }
    }

    /** The immutable network with the current weights. */
    MlpRegressor toRegressor() {
        return new MlpRegressor(layers, w, b, activation);
    }
}
