package org.ssm.algorithms.whittaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The V-curve grid solved side by side gives what one solve per λ gives. */
class GridSolverTest {

    @Test
    void fidelityAndRoughnessEqualThoseOfSeparateSolves() {
        int n = 73;
        SplittableRandom rnd = new SplittableRandom(11);
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = rnd.nextDouble() < 0.3 ? 0 : rnd.nextDouble();
            y[i] = w[i] == 0 ? 0 : Math.sin(i / 7.0) + 0.1 * rnd.nextGaussian();
        }
        double[] lambdas = {0.01, 0.3, 1, 7.5, 100, 1e4};
        double[] fidelity = new double[lambdas.length];
        double[] roughness = new double[lambdas.length];
        new GridSolver(n, lambdas).evaluate(y, w, fidelity, roughness);
        WhittakerSolver solver = new WhittakerSolver(n);
        double[] z = new double[n];
        for (int g = 0; g < lambdas.length; g++) {
            assertTrue(solver.solve(y, w, lambdas[g], z));
            double f = 0;
            double r = 0;
            for (int i = 0; i < n; i++) {
                f += w[i] * (y[i] - z[i]) * (y[i] - z[i]);
            }
            for (int i = 0; i + 2 < n; i++) {
                r += (z[i] - 2 * z[i + 1] + z[i + 2]) * (z[i] - 2 * z[i + 1] + z[i + 2]);
            }
            // Two algebraically equal, backward-stable factorisations (GridSolver scales the sub-diagonal
            // differently) and sums in opposite orders: z agrees to about cond · 1e-16 ≈ 1e-11 at λ = 1e4,
            // and R, built from second differences ~1e-2 of z, to ~1e-9 relative at worst (1e-12 observed).
            assertEquals(f, fidelity[g], 1e-9 * f, "fidelity at lambda " + lambdas[g]);
            assertEquals(r, roughness[g], 1e-9 * r, "roughness at lambda " + lambdas[g]);
        }
    }

    @Test
    void aSingularSystemGivesNaN() {
        int n = 10;
        double[] fidelity = new double[3];
        double[] roughness = new double[3];
        // Without weights the matrix is λDᵀD; with λ = 1, 2, 4 its factorisation is exact in binary
        // (λ times small integers), so the last pivot is exactly 0, as in WhittakerSolverTest.
        new GridSolver(n, new double[] {1, 2, 4}).evaluate(new double[n], new double[n], fidelity, roughness);
        for (int g = 0; g < 3; g++) {
            assertTrue(Double.isNaN(fidelity[g]) && Double.isNaN(roughness[g]), "lambda index " + g);
        }
    }
}
