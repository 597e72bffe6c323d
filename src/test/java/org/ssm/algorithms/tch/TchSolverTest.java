package org.ssm.algorithms.tch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.junit.jupiter.api.Test;
import org.ssm.core.ParameterException;

/** The constrained minimisation of paper E eq. 22–25 on covariance matrices with known answers. */
class TchSolverTest {

    private static final ThreeCorneredHat TCH = ThreeCorneredHat.DEFAULTS;

    /** S = J R Jᵀ (eq. 22) with J = [I −U]: the covariance of X_i − X_N for an error covariance R. */
    static double[][] differences(double[][] r) {
        int n = r.length - 1;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = r[i][j] - r[i][n] - r[j][n] + r[n][n];
            }
        }
        return s;
    }

    static double[][] diagonal(double... variances) {
        double[][] r = new double[variances.length][variances.length];
        for (int i = 0; i < variances.length; i++) {
            r[i][i] = variances[i];
        }
        return r;
    }

    @Test
    void threeProductsGiveTheClassicalThreeCorneredHat() {
        // With N = 3, F = 0 is reached with R diagonal: R_33 = S_12, R_11 = S_11 − S_12, R_22 = S_22 − S_12
        // (the classical three-cornered hat), as long as all three are positive.
        double[][] s = {{0.0013, 0.0004}, {0.0004, 0.0020}};
        TchSolution r = TCH.solve(s);
        assertEquals(TchOutcome.SOLVED, r.outcome());
        // Double rounding of a few operations on numbers of order 1e-3: 1e-15 absolute.
        assertEquals(0.0013 - 0.0004, r.variance(0), 1e-15);
        assertEquals(0.0020 - 0.0004, r.variance(1), 1e-15);
        assertEquals(0.0004, r.variance(2), 1e-15);
        assertEquals(0, r.covariance(0, 1), 1e-15);
        assertEquals(0, r.objective(), 1e-20);
        assertTrue(r.constraint() < 0);
        assertEquals(1, r.iterations(), "one Newton step on a quadratic");
    }

    @Test
    void independentErrorsAreRecoveredExactlyFromTheirPopulationCovariance() {
        double[][] cases = {{4e-4, 9e-4, 16e-4}, {4e-4, 9e-4, 16e-4, 1e-4}, {1e-4, 2.5e-3, 9e-4, 4e-4, 1.6e-3}};
        for (double[] variances : cases) {
            TchSolution r = TCH.solve(differences(diagonal(variances)));
            assertEquals(TchOutcome.SOLVED, r.outcome());
            for (int i = 0; i < variances.length; i++) {
                // F has its unique minimum 0 at the true diagonal R; rounding only: 1e-15 on 1e-3.
                assertEquals(variances[i], r.variance(i), 1e-15, "N = " + variances.length + ", product " + i);
                for (int j = 0; j < variances.length; j++) {
                    if (j != i) {
                        assertEquals(0, r.covariance(i, j), 1e-15);
                    }
                }
            }
            assertEquals(0, r.objective(), 1e-20);
        }
    }

    @Test
    void theLeastUncertainProductHasTheSmallestVariance() {
        TchSolution r = TCH.solve(differences(diagonal(4e-4, 9e-4, 1e-4, 16e-4)));
        assertEquals(2, r.leastUncertain());
        assertEquals(0.01, r.uncertainty(2), 1e-12);
    }

    @Test
    void theReferenceProductDoesNotMatter() {
        // A correlated R, so that the minimum is not trivial: the estimate must follow the products
        // whichever of them is the reference (last).
        double[][] r = {
            {9e-4, 2e-4, 0, 1e-4},
            {2e-4, 16e-4, 3e-4, 0},
            {0, 3e-4, 4e-4, -1e-4},
            {1e-4, 0, -1e-4, 25e-4}};
        TchSolution base = TCH.solve(differences(r));
        assertEquals(TchOutcome.SOLVED, base.outcome());
        int[] order = {2, 0, 3, 1};
        double[][] permuted = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                permuted[i][j] = r[order[i]][order[j]];
            }
        }
        TchSolution other = TCH.solve(differences(permuted));
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                // The minimum is unique; both solves are direct: agreement to rounding (1e-15 on 1e-3).
                assertEquals(base.covariance(order[i], order[j]), other.covariance(i, j), 1e-15);
            }
        }
        assertEquals(base.objective(), other.objective(), 1e-12);
    }

    @Test
    void scalingTheProductsScalesTheVariances() {
        double[][] s = differences(new double[][] {{2, 0.5, 0}, {0.5, 3, 0.2}, {0, 0.2, 1}});
        double[][] scaled = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                scaled[i][j] = s[i][j] * 1e-6;
            }
        }
        TchSolution a = TCH.solve(s);
        TchSolution b = TCH.solve(scaled);
        for (int i = 0; i < 3; i++) {
            assertEquals(a.variance(i) * 1e-6, b.variance(i), 1e-18);
        }
        assertEquals(a.objective(), b.objective(), 1e-12, "F is free of units (eq. 23 divides by K²)");
    }

    @Test
    void theInitialValueOfEquation25IsStrictlyFeasible() {
        double[][] s = differences(new double[][] {{2, 0.5, 0, 0.1}, {0.5, 3, 0.2, 0}, {0, 0.2, 1, 0}, {0.1, 0, 0, 4}});
        TchSolver solver = new TchSolver(4, 50, 1e-9);
        double[] flat = flat(s);
        assertEquals(TchOutcome.SOLVED, solver.solve(flat, new double[4]));
        double[] x0 = new double[4];
        solver.initialValue(x0);
        double k = solver.scale();
        // Eq. 25 in units of K: R_iN = 0, R_NN = 1/(2 S*), S* = Uᵀ S⁻¹ U.
        RealMatrix sm = new Array2DRowRealMatrix(s);
        RealMatrix inverse = new LUDecomposition(sm).getSolver().getInverse();
        double sStar = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                sStar += inverse.getEntry(i, j);
            }
        }
        assertEquals(0, x0[0], 0);
        assertEquals(1 / (2 * sStar), x0[3] * k, 1e-12);
        // G of eq. 24 from determinants, at the initial value: −1/(4 K S*) < 0.
        double g0 = constraint(s, new double[] {0, 0, 0, 1 / (2 * sStar)});
        assertEquals(-1 / (4 * k * sStar), g0, 1e-12);
    }

    @Test
    void aNegativeClassicalVarianceIsReplacedByTheBoundaryMinimum() {
        // S_12 < 0: the classical estimate R_33 = S_12 is negative, R indefinite. The constrained
        // minimum lies on G = 0.
        double[][] s = {{1.0e-3, -1.0e-4}, {-1.0e-4, 1.5e-3}};
        TchSolution r = TCH.solve(s);
        assertEquals(TchOutcome.SOLVED_ON_BOUNDARY, r.outcome());
        assertTrue(Math.abs(r.constraint()) <= ThreeCorneredHat.DEFAULT_TOLERANCE, "G = " + r.constraint());
        assertTrue(r.iterations() > 1 && r.iterations() < 20, r.iterations() + " steps");
        double[] x = {r.covariance(0, 2), r.covariance(1, 2), r.covariance(2, 2)};
        // G from the determinants of eq. 24, independent of the solver's Schur complement.
        assertEquals(r.constraint(), constraint(s, x), 1e-9);
        for (int i = 0; i < 3; i++) {
            assertTrue(r.variance(i) > -1e-12, "variance " + i + " = " + r.variance(i));
        }
        // The rest of R follows S (eq. 22).
        assertEquals(s[0][1], r.covariance(0, 1) - r.covariance(0, 2) - r.covariance(1, 2) + r.covariance(2, 2), 1e-15);
        // Reference: Nelder–Mead (Commons Math) on F with a wall where R stops being positive
        // definite, from eq. 25. Its simplex stops within about 1e-10 (relative) of the minimum: F of
        // the solver must not exceed it by more than that, and the unknowns agree to 1e-7 (in units of
        // S, i.e. 1e-4 of their size).
        PointValuePair nm = nelderMead(s);
        assertTrue(r.objective() <= nm.getValue() + 1e-9, r.objective() + " vs Nelder–Mead " + nm.getValue());
        for (int i = 0; i < 3; i++) {
            assertEquals(nm.getPoint()[i], x[i], 1e-7, "unknown " + i);
        }
        assertKuhnTucker(s, x);
    }

    @Test
    void aBoundaryMinimumWithFiveProducts() {
        // Product 5 nearly perfect and errors 1–2 correlated negatively: the sample S makes the
        // unconstrained minimum indefinite.
        double[][] rTrue = {
            {9e-4, -6e-4, 0, 0, 0},
            {-6e-4, 9e-4, 0, 0, 0},
            {0, 0, 4e-4, 0, 0},
            {0, 0, 0, 16e-4, 0},
            {0, 0, 0, 0, 1e-8}};
        double[][] s = differences(rTrue);
        s[0][1] -= 2e-4;
        s[1][0] -= 2e-4;
        TchSolution r = TCH.solve(s);
        assertEquals(TchOutcome.SOLVED_ON_BOUNDARY, r.outcome());
        double[] x = new double[5];
        for (int i = 0; i < 5; i++) {
            x[i] = r.covariance(i, 4);
        }
        assertKuhnTucker(s, x);
        // Nelder–Mead stalls against the wall short of the minimum with five unknowns; it still
        // bounds the minimum from above.
        PointValuePair nm = nelderMead(s);
        assertTrue(r.objective() <= nm.getValue() + 1e-9, r.objective() + " vs Nelder–Mead " + nm.getValue());
    }

    /**
     * The Kuhn–Tucker conditions of min F subject to G ≤ 0 at a boundary point, with F and G taken
     * literally from eq. 23–24 (determinants) and differentiated by central differences: G ≈ 0 and
     * ∇F = −λ∇G with λ &gt; 0. F is convex and G convex too (G = −H/K with H concave), so they make x
     * the global minimum.
     */
    private static void assertKuhnTucker(double[][] s, double[] x) {
        assertEquals(0, constraint(s, x), 1e-8, "on the boundary");
        int m = x.length;
        double[] gradF = new double[m];
        double[] gradG = new double[m];
        double h = 1e-6 * k(s);
        for (int i = 0; i < m; i++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += h;
            minus[i] -= h;
            gradF[i] = (objective(s, plus) - objective(s, minus)) / (2 * h);
            gradG[i] = (constraint(s, plus) - constraint(s, minus)) / (2 * h);
        }
        double dot = 0;
        double nf = 0;
        double ng = 0;
        for (int i = 0; i < m; i++) {
            dot += gradF[i] * gradG[i];
            nf += gradF[i] * gradF[i];
            ng += gradG[i] * gradG[i];
        }
        // Antiparallel gradients: cosine −1. Central differences of a quadratic (F) are exact and of
        // the polynomial G err by O(h²); with rounding, 1e-6 on the cosine.
        assertEquals(-1, dot / Math.sqrt(nf * ng), 1e-6, "cosine of the gradients of F and G");
    }

    @Test
    void arbitraryCovariancesAreSolvedWithinTheDefaultIterationLimit() {
        // S = B Bᵀ with Gaussian B: most are far from any S of independent errors, many badly
        // conditioned (K down to 1e-4 of the largest element), so the minimum lies on the boundary.
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        int boundary = 0;
        for (int k = 0; k < 2000; k++) {
            int n = 2 + rnd.nextInt(4);
            double[][] b = new double[n][n];
            for (double[] row : b) {
                for (int j = 0; j < n; j++) {
                    row[j] = rnd.nextGaussian();
                }
            }
            double[][] s = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double v = 0;
                    for (int q = 0; q < n; q++) {
                        v += b[i][q] * b[j][q];
                    }
                    s[i][j] = v;
                    s[j][i] = v;
                }
            }
            TchSolution r = TCH.solve(s);
            if (r.outcome() == TchOutcome.SINGULAR_DIFFERENCES) {
                continue;
            }
            assertTrue(r.outcome().solved(), "case " + k + ": " + r.outcome());
            if (r.outcome() == TchOutcome.SOLVED) {
                assertTrue(r.constraint() < 0, "case " + k);
            } else {
                boundary++;
                // G is met to the tolerance, or to rounding when the bracket on μ is pinned, on its
                // feasible side: G of order 1e-16·cond(S/K), at most 1e-4 for these matrices.
                assertTrue(Math.abs(r.constraint()) <= 1e-4 && r.constraint() <= ThreeCorneredHat.DEFAULT_TOLERANCE,
                        "case " + k + ": G = " + r.constraint());
            }
            for (int i = 0; i <= n; i++) {
                // R is positive semidefinite to rounding: no variance below −1e-9 of the largest.
                assertTrue(r.variance(i) >= -1e-9 * maxDiagonal(s), "case " + k + ", variance " + i);
            }
            // Eq. 22 holds for the estimate.
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double sij = r.covariance(i, j) - r.covariance(i, n) - r.covariance(j, n) + r.covariance(n, n);
                    assertEquals(s[i][j], sij, 1e-9 * maxDiagonal(s), "case " + k);
                }
            }
        }
        assertTrue(boundary > 1500, boundary + " boundary cases");
    }

    private static double maxDiagonal(double[][] s) {
        double m = 0;
        for (int i = 0; i < s.length; i++) {
            m = Math.max(m, s[i][i]);
        }
        return m;
    }

    @Test
    void identicalProductsMakeSSingular() {
        // Products 1 and 2 identical: Y_1 = Y_2, S has two equal rows.
        double[][] s = {{1e-3, 1e-3, 2e-4}, {1e-3, 1e-3, 2e-4}, {2e-4, 2e-4, 2e-3}};
        TchSolution r = TCH.solve(s);
        assertEquals(TchOutcome.SINGULAR_DIFFERENCES, r.outcome());
        assertTrue(Double.isNaN(r.variance(0)) && Double.isNaN(r.uncertainty(3)));
        assertEquals(-1, r.leastUncertain());
        // A product identical to the reference: Y_i = 0.
        assertEquals(TchOutcome.SINGULAR_DIFFERENCES, TCH.solve(new double[][] {{0, 0}, {0, 1e-3}}).outcome());
    }

    @Test
    void aTightIterationLimitIsReportedAsNotConverged() {
        double[][] s = {{1.0e-3, -1.0e-4}, {-1.0e-4, 1.5e-3}};
        assertEquals(TchOutcome.NOT_CONVERGED, new ThreeCorneredHat(30, 1, 1e-9).solve(s).outcome());
    }

    @Test
    void badMatricesAndSettingsNameTheParameter() {
        assertEquals("s", assertThrows(ParameterException.class, () -> TCH.solve(new double[][] {{1}})).parameter());
        assertEquals("s", assertThrows(ParameterException.class,
                () -> TCH.solve(new double[][] {{1, 0.1}, {0.2, 1}})).parameter());
        assertEquals("minDates", assertThrows(ParameterException.class, () -> new ThreeCorneredHat(2, 50, 1e-9))
                .parameter());
        assertEquals("maxIterations", assertThrows(ParameterException.class, () -> new ThreeCorneredHat(30, 0, 1e-9))
                .parameter());
        assertEquals("tolerance", assertThrows(ParameterException.class, () -> new ThreeCorneredHat(30, 50, 0))
                .parameter());
        assertEquals("tolerance", assertThrows(ParameterException.class,
                () -> new ThreeCorneredHat(30, 50, Double.NaN)).parameter());
    }

    private static double[] flat(double[][] s) {
        int n = s.length;
        double[] f = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(s[i], 0, f, i * n, n);
        }
        return f;
    }

    /** R from S and the free unknowns x = (R_1N, …, R_NN), by eq. 22. */
    private static double[][] covariance(double[][] s, double[] x) {
        int n = s.length;
        double[][] r = new double[n + 1][n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                r[i][j] = s[i][j] - x[n] + x[i] + x[j];
            }
            r[i][n] = x[i];
            r[n][i] = x[i];
        }
        r[n][n] = x[n];
        return r;
    }

    private static double k(double[][] s) {
        return Math.pow(new LUDecomposition(new Array2DRowRealMatrix(s)).getDeterminant(), 1.0 / s.length);
    }

    /** Eq. 23 literally. */
    private static double objective(double[][] s, double[] x) {
        double[][] r = covariance(s, x);
        double sum = 0;
        for (int i = 0; i < r.length; i++) {
            for (int j = i + 1; j < r.length; j++) {
                sum += r[i][j] * r[i][j];
            }
        }
        double k = k(s);
        return sum / (k * k);
    }

    /** Eq. 24 literally: −|R| / (|S|·K). */
    private static double constraint(double[][] s, double[] x) {
        double detR = new LUDecomposition(new Array2DRowRealMatrix(covariance(s, x))).getDeterminant();
        double detS = new LUDecomposition(new Array2DRowRealMatrix(s)).getDeterminant();
        return -detR / (detS * k(s));
    }

    private static boolean positiveDefinite(double[][] r) {
        try {
            new CholeskyDecomposition(new Array2DRowRealMatrix(r), 1e-12, 0);
            return true;
        } catch (NonPositiveDefiniteMatrixException e) {
            return false;
        }
    }

    /** Nelder–Mead on eq. 23 with R required positive definite, from eq. 25. */
    private static PointValuePair nelderMead(double[][] s) {
        int n = s.length;
        RealMatrix inverse = new LUDecomposition(new Array2DRowRealMatrix(s)).getSolver().getInverse();
        double sStar = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sStar += inverse.getEntry(i, j);
            }
        }
        double[] start = new double[n + 1];
        start[n] = 1 / (2 * sStar);
        double step = start[n] / 10;
        PointValuePair best = null;
        double[] from = start;
        // Restarts from the last best point, as a simplex collapsed against the wall can stall.
        for (int restart = 0; restart < 6; restart++) {
            NelderMeadSimplex simplex = new NelderMeadSimplex(n + 1, step);
            PointValuePair p = new SimplexOptimizer(1e-13, 1e-15).optimize(new MaxEval(200_000),
                    new ObjectiveFunction(x -> positiveDefinite(covariance(s, x)) ? objective(s, x)
                            : Double.POSITIVE_INFINITY),
                    GoalType.MINIMIZE, new InitialGuess(from), simplex);
            if (best == null || p.getValue() < best.getValue()) {
                best = p;
            }
            from = best.getPoint();
            step /= 10;
        }
        assertFalse(Double.isInfinite(best.getValue()));
        return best;
    }
}
