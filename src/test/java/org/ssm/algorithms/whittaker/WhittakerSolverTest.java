package org.ssm.algorithms.whittaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ssm.core.ParameterException;

/** The banded solver of (W + λDᵀD) z = W y on hand-made series with analytic answers. */
class WhittakerSolverTest {

    private static double[] random(int n, double lo, double hi, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * rnd.nextDouble();
        }
        return v;
    }

    private static double norm2(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    @Test
    void lambdaTowardsZeroReturnsTheInput() {
        int n = 50;
        double[] y = random(n, 0, 1, 1);
        double[] w = random(n, 0.2, 1, 2);
        double[] z = new double[n];
        WhittakerSolver solver = new WhittakerSolver(n);
        double previous = Double.POSITIVE_INFINITY;
        for (double lambda : new double[] {1e-2, 1e-4, 1e-6, 1e-8}) {
            assertTrue(solver.solve(y, w, lambda, z));
            double[] diff = new double[n];
            for (int i = 0; i < n; i++) {
                diff[i] = z[i] - y[i];
            }
            // z − y = −λ (W + λDᵀD)⁻¹ DᵀD y, and ‖DᵀD‖₂ ≤ 16, ‖(W + λDᵀD)⁻¹‖₂ ≤ 1 / min w, so the error
            // is at most 16 λ ‖y‖₂ / min w (= 0.2): it vanishes linearly with λ.
            double bound = 16 * lambda * norm2(y) / 0.2;
            assertTrue(norm2(diff) <= bound, "lambda " + lambda + ": |z - y| = " + norm2(diff) + " > " + bound);
            assertTrue(norm2(diff) < previous, "the error shrinks with lambda");
            previous = norm2(diff);
        }
    }

    @Test
    void aStraightLineIsReturnedWhateverTheWeightsAndLambda() {
        int n = 60;
        double[] y = new double[n];
        double[] w = random(n, 0, 1, 3);
        for (int i = 0; i < n; i++) {
            y[i] = 0.25 + 0.01 * i;
        }
        // Gaps: their values must not matter, and are filled on the line.
        for (int i = 20; i < 30; i++) {
            w[i] = 0;
            y[i] = Double.NaN;
        }
        double[] z = new double[n];
        WhittakerSolver solver = new WhittakerSolver(n);
        for (double lambda : new double[] {1e-2, 1, 1e2, 1e4}) {
            assertTrue(solver.solve(y, w, lambda, z));
            for (int i = 0; i < n; i++) {
                // D applied to a line is 0, so the line solves the system exactly; what remains is rounding,
                // about cond(W + λDᵀD) · 1e-16 ≤ 1e-10 here.
                assertEquals(0.25 + 0.01 * i, z[i], 1e-9, "lambda " + lambda + ", i " + i);
            }
        }
    }

    @Test
    void gapsAreFilledWithACubic() {
        int n = 40;
        double[] y = random(n, 0.2, 0.8, 4);
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        for (int i = 10; i < 20; i++) {
            w[i] = 0;
        }
        double[] z = new double[n];
        assertTrue(new WhittakerSolver(n).solve(y, w, 5, z));
        for (int i = 10; i < 20; i++) {
            // Where w_i = 0 row i reads λ (DᵀD z)_i = 0, and inside the series (DᵀD z)_i is the fourth
            // difference z_{i−2} − 4z_{i−1} + 6z_i − 4z_{i+1} + z_{i+2}: the fill is a cubic. Rounding of
            // values of order 1 through 16 terms: 1e-12.
            double fourth = z[i - 2] - 4 * z[i - 1] + 6 * z[i] - 4 * z[i + 1] + z[i + 2];
            assertEquals(0, fourth, 1e-12, "fourth difference at " + i);
        }
    }

    @Test
    void theSolutionSatisfiesTheNormalEquations() {
        int n = 101;
        double[] y = random(n, -1, 1, 5);
        double[] w = random(n, 0, 1, 6);
        double lambda = 37.5;
        double[] z = new double[n];
        assertTrue(new WhittakerSolver(n).solve(y, w, lambda, z));
        // (DᵀD z)_i = Σ_k D_ki (Dz)_k, from the second differences of z, independent of the solver's bands.
        double[] dz = new double[n - 2];
        for (int k = 0; k < n - 2; k++) {
            dz[k] = z[k] - 2 * z[k + 1] + z[k + 2];
        }
        for (int i = 0; i < n; i++) {
            double dtdz = 0;
            for (int k = Math.max(0, i - 2); k <= Math.min(i, n - 3); k++) {
                dtdz += dz[k] * (i == k + 1 ? -2 : 1);
            }
            // Residual of values of order λ·16·max|z| ≈ 600 in double precision: 1e-11 is ~100 ulps.
            assertEquals(w[i] * y[i], w[i] * z[i] + lambda * dtdz, 1e-11, "row " + i);
        }
    }

    @Test
    void agreesWithADenseCholeskySolve() {
        int n = 30;
        double[] y = random(n, 0, 1, 7);
        double[] w = random(n, 0, 1, 8);
        w[3] = 0;
        w[4] = 0;
        double[] z = new double[n];
        WhittakerSolver solver = new WhittakerSolver(n);
        DenseWhittaker dense = new DenseWhittaker(n);
        for (double lambda : new double[] {0.01, 1, 100}) {
            assertTrue(solver.solve(y, w, lambda, z));
            double[] expected = dense.solve(y, w, lambda);
            for (int i = 0; i < n; i++) {
                // Two backward-stable factorisations of a system with cond ≤ ~1e5: they agree to ~1e-11.
                assertEquals(expected[i], z[i], 1e-9, "lambda " + lambda + ", i " + i);
            }
        }
    }

    @Test
    void theShortestSeriesHasThreeValues() {
        double[] z = new double[3];
        // n = 3: DᵀD = [[1,−2,1],[−2,4,−2],[1,−2,1]]; with w = (1, 0, 1) the fill is the midpoint.
        assertTrue(new WhittakerSolver(3).solve(new double[] {1, Double.NaN, 3}, new double[] {1, 0, 1}, 10, z));
        assertEquals(1, z[0], 1e-12);
        assertEquals(2, z[1], 1e-12);
        assertEquals(3, z[2], 1e-12);
        ParameterException e = assertThrows(ParameterException.class, () -> new WhittakerSolver(2));
        assertEquals("series", e.parameter());
    }

    @Test
    void aZeroPivotIsReported() {
        int n = 10;
        // Without weights the matrix is λDᵀD, singular (straight lines are its null space). With λ = 1
        // its factorisation runs in small integers (pivots 1, l = −2 and 1), exactly, to a last pivot of
        // exactly 0.
        assertFalse(new WhittakerSolver(n).solve(new double[n], new double[n], 1, new double[n]));
    }
}
