package org.ssm.algorithms.whittaker;

import java.util.Arrays;

/**
 * The V-curve's solves of one series at every λ of the grid at once: the same weights, one
 * (W + λ_g DᵀD) z_g = W y per grid point g, factored and substituted as in {@link WhittakerSolver}
 * but side by side. One λ alone is a chain of dependent divisions; the grid's chains are independent,
 * so stepping them together lets the processor overlap them, which makes the grid several times
 * cheaper than one solve after another. The backward sweep accumulates each solution's weighted
 * residual sum of squares Σ w (y − z)² and roughness Σ (Δ²z)² without storing the solutions.
 *
 * <p>The factorisation is written with e_i = d_i L_{i+1,i}, the unscaled sub-diagonal, so that each
 * step reads only the two previous rows:
 *
 * <pre>d_i = a_i − e_{i−1} L_{i,i−1} − c_{i−2} L_{i,i−2},  e_i = b_i − e_{i−1} L_{i+1,i−1},
 * L_{i+1,i} = e_i / d_i,  L_{i+2,i} = c_i / d_i,</pre>
 *
 * with a, b, c the diagonal and super-diagonals of W + λDᵀD. Every per-λ array holds two leading
 * rows of zeros, so the first two steps need no special case.
 *
 * <p>Per-thread, allocation-free after construction, like {@link WhittakerSolver}.
 */
final class GridSolver {

    private static final int PAD = 2;

    private final int n;
    private final int points;
    private final double[] lambda;
    /** DᵀD bands at [PAD + i], zero-padded on both sides. */
    private final double[] penalty0;
    private final double[] penalty1;
    private final double[] penalty2;
    /** Per step i and grid point g at [(PAD + i) · points + g]: e_i, L_{i+1,i}, L_{i+2,i}, 1/d_i and the forward-substituted rhs. */
    private final double[] upper;
    private final double[] lower1;
    private final double[] lower2;
    private final double[] inversePivot;
    private final double[] forward;
    /** Per grid point: the smallest pivot, and z_{i+1}, z_{i+2} of the backward sweep. */
    private final double[] smallestPivot;
    private final double[] zNext1;
    private final double[] zNext2;

    GridSolver(int n, double[] lambdas) {
        this.n = n;
        this.points = lambdas.length;
        this.lambda = lambdas.clone();
        double[] d0 = new double[n];
        double[] d1 = new double[n];
        double[] d2 = new double[n];
        new WhittakerSolver(n).penaltyBands(d0, d1, d2);
        penalty0 = new double[n + PAD];
        penalty1 = new double[n + PAD];
        penalty2 = new double[n + PAD];
        System.arraycopy(d0, 0, penalty0, PAD, n);
        System.arraycopy(d1, 0, penalty1, PAD, n);
        System.arraycopy(d2, 0, penalty2, PAD, n);
        int size = (n + PAD) * points;
        upper = new double[size];
        lower1 = new double[size];
        lower2 = new double[size];
        inversePivot = new double[size];
        forward = new double[size];
        smallestPivot = new double[points];
        zNext1 = new double[points];
        zNext2 = new double[points];
    }

    /**
     * Solves at every grid λ and stores, per grid point, Σ w (y − z)² in {@code fidelity} and
     * Σ (Δ²z)² in {@code roughness}, both NaN where a pivot was not positive.
     *
     * @param y the series, 0 where the weight is 0
     * @param w the weights, at least two positive
     */
    void evaluate(double[] y, double[] w, double[] fidelity, double[] roughness) {
        Arrays.fill(smallestPivot, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            double wi = w[i];
            double wy = wi * y[i];
            double p0 = penalty0[PAD + i];
            double p1 = penalty1[PAD + i];
            double p2 = penalty2[PAD + i];
            double p2Before2 = penalty2[i];
            int row = (PAD + i) * points;
            int before1 = row - points;
            int before2 = before1 - points;
            for (int g = 0; g < points; g++) {
                double lam = lambda[g];
                double e1 = upper[before1 + g];
                double l1 = lower1[before1 + g];
                double l2 = lower2[before1 + g];
                double l2Before2 = lower2[before2 + g];
                double pivot = wi + lam * p0 - e1 * l1 - lam * p2Before2 * l2Before2;
                double inverse = 1 / pivot;
                double e = lam * p1 - e1 * l2;
                upper[row + g] = e;
                lower1[row + g] = e * inverse;
                lower2[row + g] = lam * p2 * inverse;
                inversePivot[row + g] = inverse;
                forward[row + g] = wy - l1 * forward[before1 + g] - l2Before2 * forward[before2 + g];
                double smallest = smallestPivot[g];
                smallestPivot[g] = pivot > smallest ? smallest : pivot;
            }
        }
        Arrays.fill(fidelity, 0, points, 0);
        Arrays.fill(roughness, 0, points, 0);
        Arrays.fill(zNext1, 0);
        Arrays.fill(zNext2, 0);
        for (int i = n - 1; i >= 0; i--) {
            double wi = w[i];
            double yi = y[i];
            int row = (PAD + i) * points;
            // Δ²z_i needs z_{i+1} and z_{i+2}, which exist from i = n − 3 on.
            double hasSecondDifference = i <= n - 3 ? 1 : 0;
            for (int g = 0; g < points; g++) {
                double z1 = zNext1[g];
                double z2 = zNext2[g];
                double z = forward[row + g] * inversePivot[row + g] - lower1[row + g] * z1 - lower2[row + g] * z2;
                double r = yi - z;
                fidelity[g] += wi * r * r;
                double d2 = z - 2 * z1 + z2;
                roughness[g] += hasSecondDifference * d2 * d2;
                zNext2[g] = z1;
                zNext1[g] = z;
            }
        }
        for (int g = 0; g < points; g++) {
            if (!(smallestPivot[g] > 0)) {
                fidelity[g] = Double.NaN;
                roughness[g] = Double.NaN;
            }
        }
    }
}
