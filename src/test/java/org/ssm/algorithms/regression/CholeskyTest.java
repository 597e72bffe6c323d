package org.ssm.algorithms.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CholeskyTest {

    /** The textbook example A = L·Lᵀ with L = [[2, 0, 0], [6, 1, 0], [−8, 5, 3]]: every step is exact in binary. */
    private static final double[] A = {4, 12, -16, 12, 37, -43, -16, -43, 98};

    @Test
    void factorSolveDeterminantAndInverseOfAKnownMatrix() {
        Cholesky c = Cholesky.of(A, 3);
        // log det A = 2 log(2 · 1 · 3) = 2 log 6; the pivots are exact, only the logarithms round.
        assertEquals(2 * Math.log(6), c.logDeterminant(), 1e-15);
        // A x = b with x = (1, −2, 0.5): b = A x computed by hand.
        double[] x = c.solve(new double[] {4 - 24 - 8, 12 - 74 - 21.5, -16 + 86 + 49});
        assertArrayEquals(new double[] {1, -2, 0.5}, x, 1e-12);
        double[] z = {2, 6 + 1, -8 + 5 + 3};
        c.solveLower(z);
        // L·(1, 1, 1) = (2, 7, 0): solving recovers the ones exactly.
        assertArrayEquals(new double[] {1, 1, 1}, z, 0);
    }

    @Test
    void inverseTimesMatrixIsTheIdentity() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 37;
        double[] b = new double[n * n];
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextDouble() - 0.5;
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? n : 0;
                for (int k = 0; k < n; k++) {
                    s += b[i * n + k] * b[j * n + k];
                }
                a[i * n + j] = s;
            }
        }
        double[] inv = Cholesky.of(a, n).inverse();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[i * n + k] * inv[k * n + j];
                }
                // A = BBᵀ + nI has condition number below 3 here: rounding in the products stays near 1e-15.
                assertEquals(i == j ? 1 : 0, s, 1e-12, i + "," + j);
            }
        }
    }

    @Test
    void largeMatricesTakeTheBlockedPathAndSolveToRounding() {
        // EJML switches to its blocked factorisation from n = 1000 (GPR's posterior uses n = 2000).
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 1200;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                // A diagonally dominant symmetric matrix: positive definite, condition number below 3.
                double v = i == j ? n : rnd.nextDouble() - 0.5;
                a[i * n + j] = v;
                a[j * n + i] = v;
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble();
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                b[i] += a[i * n + k] * x[k];
            }
        }
        Cholesky chol = Cholesky.of(a, n);
        double[] solved = chol.solve(b);
        for (int i = 0; i < n; i++) {
            // Well conditioned: the error of the solve is a few hundred ulps of the unit-sized unknowns.
            assertEquals(x[i], solved[i], 1e-12, "x" + i);
        }
        assertArrayEquals(solved, Cholesky.of(a, n).solve(b), 0, "the same matrix gives the same bits");
    }

    @Test
    void notPositiveDefiniteGivesNull() {
        assertNull(Cholesky.of(new double[] {1, 2, 2, 1}, 2), "eigenvalues 3 and -1");
        assertNull(Cholesky.of(new double[] {1, 1, 1, 1}, 2), "singular");
        assertNull(Cholesky.of(new double[] {Double.NaN}, 1));
    }
}
