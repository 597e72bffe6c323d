package org.ssm.algorithms.whittaker;

/**
 * The V-curve's solves of one series at every λ of the grid at once: the same weights, one
 * (W + λ_g DᵀD) z_g = W y per grid point g, factored and substituted as in {@link WhittakerSolver}
 * but side by side. One λ alone is a chain of dependent divisions; the grid's chains are independent,
 * so stepping them together lets the processor overlap them, which makes the grid several times
 * cheaper than one solve after another. The backward sweep accumulates each solution's weighted
 * residual sum of squares Σ w (y − z)² and roughness Σ (Δ²z)² without storing the solutions.
 *
 * <p>Per-thread, allocation-free after construction, like {@link WhittakerSolver}.
 */
final class GridSolver {

    private final int n;
    private final int points;
    private final double[] lambda;
    private final double[] penalty0;
    private final double[] penalty1;
    private final double[] penalty2;
    /** Per step i and grid point g at [i · points + g]: 1/d, L_{i+1,i}, L_{i+2,i}, forward-substituted rhs. */
    private final double[] inversePivot;
    private final double[] lower1;
    private final double[] lower2;
    private final double[] forward;
    /** The recurrences' state, one entry per grid point. */
    private final double[] pivot1;
    private final double[] pivot2;
    private final double[] l1Prev1;
    private final double[] l2Prev1;
    private final double[] l2Prev2;
    private final double[] fPrev1;
    private final double[] fPrev2;
    private final double[] smallestPivot;
    private final double[] zNext1;
    private final double[] zNext2;

    GridSolver(int n, double[] lambdas) {
        WhittakerSolver bands = new WhittakerSolver(n);
        this.n = n;
        this.points = lambdas.length;
        this.lambda = lambdas.clone();
        penalty0 = new double[n];
        penalty1 = new double[n];
        penalty2 = new double[n];
        bands.penaltyBands(penalty0, penalty1, penalty2);
        inversePivot = new double[n * points];
        lower1 = new double[n * points];
        lower2 = new double[n * points];
        forward = new double[n * points];
        pivot1 = new double[points];
        pivot2 = new double[points];
        l1Prev1 = new double[points];
        l2Prev1 = new double[points];
        l2Prev2 = new double[points];
        fPrev1 = new double[points];
        fPrev2 = new double[points];
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
        java.util.Arrays.fill(pivot1, 0);
        java.util.Arrays.fill(pivot2, 0);
        java.util.Arrays.fill(l1Prev1, 0);
        java.util.Arrays.fill(l2Prev1, 0);
        java.util.Arrays.fill(l2Prev2, 0);
        java.util.Arrays.fill(fPrev1, 0);
        java.util.Arrays.fill(fPrev2, 0);
        java.util.Arrays.fill(smallestPivot, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            double wi = w[i];
            double wy = wi * y[i];
            double p0 = penalty0[i];
            double p1 = penalty1[i];
            double p2 = penalty2[i];
            int base = i * points;
            for (int g = 0; g < points; g++) {
                double lam = lambda[g];
                double d1 = pivot1[g];
                double l1 = l1Prev1[g];
                double l2pp = l2Prev2[g];
                double pivot = wi + lam * p0 - d1 * l1 * l1 - pivot2[g] * l2pp * l2pp;
                double inverse = 1 / pivot;
                double newL1 = (lam * p1 - d1 * l1 * l2Prev1[g]) * inverse;
                double newL2 = lam * p2 * inverse;
                double f = wy - l1 * fPrev1[g] - l2pp * fPrev2[g];
                inversePivot[base + g] = inverse;
                lower1[base + g] = newL1;
                lower2[base + g] = newL2;
                forward[base + g] = f;
                double smallest = smallestPivot[g];
                smallestPivot[g] = pivot > smallest ? smallest : pivot;
                pivot2[g] = d1;
                pivot1[g] = pivot;
                l2Prev2[g] = l2Prev1[g];
                l2Prev1[g] = newL2;
                l1Prev1[g] = newL1;
                fPrev2[g] = fPrev1[g];
                fPrev1[g] = f;
            }
        }
        java.util.Arrays.fill(fidelity, 0, points, 0);
        java.util.Arrays.fill(roughness, 0, points, 0);
        java.util.Arrays.fill(zNext1, 0);
        java.util.Arrays.fill(zNext2, 0);
        for (int i = n - 1; i >= 0; i--) {
            double wi = w[i];
            double yi = y[i];
            int base = i * points;
            // Δ²z_i needs z_{i+1} and z_{i+2}, which exist from i = n − 3 on.
            double hasSecondDifference = i <= n - 3 ? 1 : 0;
            for (int g = 0; g < points; g++) {
                double z1 = zNext1[g];
                double z2 = zNext2[g];
                double z = forward[base + g] * inversePivot[base + g] - lower1[base + g] * z1 - lower2[base + g] * z2;
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
