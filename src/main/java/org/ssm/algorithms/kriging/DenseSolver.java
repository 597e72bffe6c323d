package org.ssm.algorithms.kriging;

/**
 * Gaussian elimination with partial pivoting for the small dense systems of ordinary kriging
 * (paper E eq. 11: k + 1 unknowns, the k weights and the Lagrange multiplier). The system is
 * symmetric but indefinite because of the Lagrange row, so Cholesky does not apply; k is at most a
 * few hundred, so the O(k³) elimination is cheap, and it runs once per distinct geometry.
 */
final class DenseSolver {

    /** Relative pivot size below which the matrix is treated as singular. */
    static final double SINGULAR = 1e-13;

    private DenseSolver() {}

    /**
     * Solves {@code a x = b}; {@code a} (n × n, row-major) and {@code b} are overwritten.
     *
     * @throws IllegalStateException if the matrix is singular to working precision
     */
    static double[] solve(double[] a, double[] b, int n) {
        double scale = 0;
        for (double v : a) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            double best = Math.abs(a[col * n + col]);
            for (int r = col + 1; r < n; r++) {
                double v = Math.abs(a[r * n + col]);
                if (v > best) {
                    best = v;
                    pivot = r;
                }
            }
            if (!(best > SINGULAR * scale)) {
                throw new IllegalStateException("singular kriging system (pivot " + best + " at column " + col + ")");
            }
            if (pivot != col) {
                for (int c = 0; c < n; c++) {
                    double t = a[col * n + c];
                    a[col * n + c] = a[pivot * n + c];
                    a[pivot * n + c] = t;
                }
                double t = b[col];
                b[col] = b[pivot];
                b[pivot] = t;
            }
            double d = a[col * n + col];
            for (int r = col + 1; r < n; r++) {
                double f = a[r * n + col] / d;
                if (f != 0) {
                    for (int c = col; c < n; c++) {
                        a[r * n + c] -= f * a[col * n + c];
                    }
                    b[r] -= f * b[col];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int c = r + 1; c < n; c++) {
                s -= a[r * n + c] * x[c];
            }
            x[r] = s / a[r * n + r];
        }
        return x;
    }
}
