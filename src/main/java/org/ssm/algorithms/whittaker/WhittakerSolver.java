package org.ssm.algorithms.whittaker;

import org.ssm.core.ParameterException;

/**
 * The linear system of the weighted Whittaker smoother with second-order differences,
 *
 * <pre>(W + λ DᵀD) z = W y,</pre>
 *
 * (Eilers 2003, the weighted smoother with differences of order d = 2; paper D §2.2.1, which gives it
 * no equation number, uses it after Kong et al. 2019), where W =
 * diag(w) and D is the (n − 2) × n second-difference matrix. DᵀD has bandwidth 2, so the matrix is
 * pentadiagonal; it is symmetric positive definite when at least two weights are positive (the null
 * space of D holds only straight lines, which two weighted points pin down). It is factored as
 * L·diag(d)·Lᵀ with L unit lower triangular of bandwidth 2 in one O(n) sweep that also performs
 * the forward substitution, followed by one backward sweep.
 *
 * <p>A solver serves series of one length. It allocates nothing after construction and is not
 * thread-safe: give each thread its own, and reuse it for every λ and every series.
 */
public final class WhittakerSolver {

    private final int n;
    /** Diagonal and first and second super-diagonals of DᵀD, zero-padded to length n. */
    private final double[] penalty0;
    private final double[] penalty1;
    private final double[] penalty2;
    /** 1/d_i, L_{i+1,i}, L_{i+2,i} and the forward-substituted right-hand side. */
    private final double[] inversePivot;
    private final double[] lower1;
    private final double[] lower2;
    private final double[] forward;

    /** A solver for series of {@code n} ≥ 3 values. */
    public WhittakerSolver(int n) {
        if (n < 3) {
            throw new ParameterException("series", n + " dates", "at least 3 dates (the smoother penalises"
                    + " second differences)");
        }
        this.n = n;
        penalty0 = new double[n];
        penalty1 = new double[n];
        penalty2 = new double[n];
        // Accumulating DᵀD row of D by row of D, each row (1, −2, 1), gives the end corrections
        // (1, 5, 6, …, 6, 5, 1) of the diagonal without special cases.
        for (int k = 0; k + 2 < n; k++) {
            penalty0[k] += 1;
            penalty0[k + 1] += 4;
            penalty0[k + 2] += 1;
            penalty1[k] -= 2;
            penalty1[k + 1] -= 2;
            penalty2[k] += 1;
        }
        inversePivot = new double[n];
        lower1 = new double[n];
        lower2 = new double[n];
        forward = new double[n];
    }

    /** Copies the diagonal and the two super-diagonals of DᵀD (zero-padded to length n). */
    void penaltyBands(double[] diagonal, double[] first, double[] second) {
        System.arraycopy(penalty0, 0, diagonal, 0, n);
        System.arraycopy(penalty1, 0, first, 0, n);
        System.arraycopy(penalty2, 0, second, 0, n);
    }

    /** The series length this solver serves. */
    public int length() {
        return n;
    }

    /**
     * Solves (W + λDᵀD) z = W y.
     *
     * @param y the series; entries whose weight is 0 are ignored (they may be NaN)
     * @param w the weights, ≥ 0, at least two of them positive
     * @param lambda λ &gt; 0
     * @param z receives the solution; may not be {@code y} or {@code w}
     * @return {@code false} if a pivot was not positive (the matrix is singular or numerically so, as
     *     with fewer than two positive weights); {@code z} is then unspecified
     */
    public boolean solve(double[] y, double[] w, double lambda, double[] z) {
        double pivot1 = 0;
        double pivot2 = 0;
        double l1Prev1 = 0;
        double l2Prev1 = 0;
        double l2Prev2 = 0;
        double fPrev1 = 0;
        double fPrev2 = 0;
        for (int i = 0; i < n; i++) {
            double wi = w[i];
            double pivot = wi + lambda * penalty0[i] - pivot1 * l1Prev1 * l1Prev1 - pivot2 * l2Prev2 * l2Prev2;
            if (!(pivot > 0)) {
                return false;
            }
            double inverse = 1 / pivot;
            double l1 = (lambda * penalty1[i] - pivot1 * l1Prev1 * l2Prev1) * inverse;
            double l2 = lambda * penalty2[i] * inverse;
            double f = (wi == 0 ? 0 : wi * y[i]) - l1Prev1 * fPrev1 - l2Prev2 * fPrev2;
            inversePivot[i] = inverse;
            lower1[i] = l1;
            lower2[i] = l2;
            forward[i] = f;
            pivot2 = pivot1;
            pivot1 = pivot;
            l2Prev2 = l2Prev1;
            l2Prev1 = l2;
            l1Prev1 = l1;
            fPrev2 = fPrev1;
            fPrev1 = f;
        }
        double zNext2 = forward[n - 1] * inversePivot[n - 1];
        double zNext1 = forward[n - 2] * inversePivot[n - 2] - lower1[n - 2] * zNext2;
        z[n - 1] = zNext2;
        z[n - 2] = zNext1;
        for (int i = n - 3; i >= 0; i--) {
            double zi = forward[i] * inversePivot[i] - lower1[i] * zNext1 - lower2[i] * zNext2;
            z[i] = zi;
            zNext2 = zNext1;
            zNext1 = zi;
        }
        return true;
    }
}
