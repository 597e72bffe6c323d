package org.ssm.algorithms.regression;

/**
 * The lower Cholesky factor L (A = L·Lᵀ) of a symmetric positive-definite matrix, with the solves,
 * log-determinant and inverse that Gaussian process regression needs (Rasmussen and Williams 2006,
 * Algorithm 2.1 and eq. 5.9).
 *
 * <p>Written here because the project carries no dense linear-algebra library (EJML is not a
 * dependency, and commons-math3's Cholesky works on {@code double[][]} with column access that is
 * several times slower at n = 2000). Matrices are row-major {@code double[n·n]}; the factorisation
 * is the row-oriented Cholesky–Crout form L_ij = (A_ij − Σ_{k&lt;j} L_ik·L_jk) / L_jj, whose inner
 * product runs along two contiguous rows, so the n³/3 multiply-adds stream through memory in order.
 * Single-threaded and deterministic: the same matrix gives the same factor bit for bit.
 */
final class Cholesky {

    /** Row-major lower factor; the strict upper triangle is zero. */
    private final double[] lower;
    private final int n;

    private Cholesky(double[] lower, int n) {
        this.lower = lower;
        this.n = n;
    }

    /**
     * The factor of the row-major n × n matrix {@code a} (left unchanged; only its lower triangle is
     * read), or null when {@code a} is not numerically positive definite (a pivot ≤ 0 or NaN).
     */
    static Cholesky of(double[] a, int n) {
        if (a.length != (long) n * n) {
            throw new IllegalArgumentException(a.length + " values for a " + n + " x " + n + " matrix");
        }
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            for (int j = 0; j <= i; j++) {
                int rj = j * n;
                double s = a[ri + j] - dot(l, ri, l, rj, j);
                if (i == j) {
                    if (!(s > 0)) {
                        return null;
                    }
                    l[ri + i] = Math.sqrt(s);
                } else {
                    l[ri + j] = s / l[rj + j];
                }
            }
        }
        return new Cholesky(l, n);
    }

    /**
     * Σ_{k<len} a[ia+k]·b[ib+k] with four partial sums: the JIT does not vectorise a floating-point
     * reduction (it may not reorder the additions), so independent accumulators let the CPU overlap
     * four multiply-adds, about twice as fast for the n³/3 inner products. The order of the additions
     * is fixed, so results stay bit-identical from run to run.
     */
    static double dot(double[] a, int ia, double[] b, int ib, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < len; k += 4) {
            s0 += a[ia + k] * b[ib + k];
            s1 += a[ia + k + 1] * b[ib + k + 1];
            s2 += a[ia + k + 2] * b[ib + k + 2];
            s3 += a[ia + k + 3] * b[ib + k + 3];
        }
        for (; k < len; k++) {
            s0 += a[ia + k] * b[ib + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Order n. */
    int size() {
        return n;
    }

    /** log det A = 2 Σ log L_ii. */
    double logDeterminant() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(lower[i * n + i]);
        }
        return 2 * s;
    }

    /** A⁻¹·b, in a new array: L·z = b forwards, then Lᵀ·x = z backwards. */
    double[] solve(double[] b) {
        double[] x = b.clone();
        solveLower(x);
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i] / lower[i * n + i];
            x[i] = s;
            // Column i of L is row i of Lᵀ: subtract its contribution from the earlier unknowns.
            int ri = i * n;
            for (int k = 0; k < i; k++) {
                x[k] -= lower[ri + k] * s;
            }
        }
        return x;
    }

    /** L⁻¹·b, in place (forward substitution). */
    void solveLower(double[] b) {
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= lower[ri + k] * b[k];
            }
            b[i] = s / lower[ri + i];
        }
    }

    /**
     * A⁻¹ = L⁻ᵀ·L⁻¹, row-major n × n. L⁻¹ is built by forward substitution and stored transposed
     * (U = L⁻ᵀ, upper triangular), so that (A⁻¹)_ij = Σ_{k ≥ max(i,j)} U_ik·U_jk is again a product of
     * two contiguous rows.
     */
    double[] inverse() {
        double[] u = new double[n * n];
        double[] column = new double[n];
        for (int c = 0; c < n; c++) {
            // Column c of L⁻¹: solve L·v = e_c; v is zero above row c.
            java.util.Arrays.fill(column, 0);
            column[c] = 1 / lower[c * n + c];
            for (int i = c + 1; i < n; i++) {
                int ri = i * n;
                column[i] = -dot(lower, ri + c, column, c, i - c) / lower[ri + i];
            }
            System.arraycopy(column, c, u, c * n + c, n - c);
        }
        double[] inv = new double[n * n];
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            for (int j = 0; j <= i; j++) {
                int rj = j * n;
                double s = dot(u, ri + i, u, rj + i, n - i);
                inv[ri + j] = s;
                inv[rj + i] = s;
            }
        }
        return inv;
    }
}
