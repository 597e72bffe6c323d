package org.ssm.algorithms.neural;

/**
 * The matrix kernels of fully connected layers on flat row-major arrays. A layer of {@code n}
 * inputs and {@code m} outputs stores its weights as {@code w[i * m + j]} (input i to output j), so
 * that the innermost loops run over contiguous outputs, which HotSpot's superword optimisation
 * turns into vector instructions. Every kernel visits its terms in a fixed order, so results do not
 * depend on how rows are split into blocks or threads.
 */
final class Dense {

    private Dense() {}

    /**
     * {@code out[r m + j] = b[j] + Σ_i in[start + r n + i] w[i m + j]} for r in [0, rows): the
     * pre-activations of a block of rows.
     */
    static void affine(double[] in, int start, int rows, int n, double[] w, double[] b, int m, double[] out) {
        if (m == 1) {
            double b0 = b[0];
            for (int r = 0; r < rows; r++) {
                int row = start + r * n;
                double s = b0;
                for (int i = 0; i < n; i++) {
                    s += in[row + i] * w[i];
                }
                out[r] = s;
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            int o = r * m;
            System.arraycopy(b, 0, out, o, m);
            int row = start + r * n;
            for (int i = 0; i < n; i++) {
                double a = in[row + i];
                int wi = i * m;
                for (int j = 0; j < m; j++) {
                    out[o + j] += a * w[wi + j];
                }
            }
        }
    }

    /**
     * {@code out[r n + i] = a[i] + Σ_j h[r m + j] w[i m + j]} ({@code a} null for no bias): the
     * downward pass of an RBM (visible pre-activations from hidden states) and of back-propagation
     * (the error signals of a layer's inputs), with the same weight layout as {@link #affine}.
     */
    static void affineTransposed(double[] h, int rows, int m, double[] w, double[] a, int n, double[] out) {
        for (int r = 0; r < rows; r++) {
            int hr = r * m;
            for (int i = 0; i < n; i++) {
                int wi = i * m;
                double s = 0;
                for (int j = 0; j < m; j++) {
                    s += h[hr + j] * w[wi + j];
                }
                out[r * n + i] = a == null ? s : a[i] + s;
            }
        }
    }

    /** {@code g[i m + j] += scale Σ_r u[r n + i] v[r m + j]}: the outer-product sums of a gradient. */
    static void accumulateOuter(double[] u, double[] v, int rows, int n, int m, double scale, double[] g) {
        for (int r = 0; r < rows; r++) {
            int ur = r * n;
            int vr = r * m;
            for (int i = 0; i < n; i++) {
                double a = scale * u[ur + i];
                int gi = i * m;
                for (int j = 0; j < m; j++) {
                    g[gi + j] += a * v[vr + j];
                }
            }
        }
    }

    /** {@code g[j] += scale Σ_r v[r m + j]}: the bias part of a gradient. */
    static void accumulateColumns(double[] v, int rows, int m, double scale, double[] g) {
        for (int r = 0; r < rows; r++) {
            int vr = r * m;
            for (int j = 0; j < m; j++) {
                g[j] += scale * v[vr + j];
            }
        }
    }
}
