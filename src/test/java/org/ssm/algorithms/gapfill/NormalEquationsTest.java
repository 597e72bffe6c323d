package org.ssm.algorithms.gapfill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

class NormalEquationsTest {

    /** Rows of [1, x1, x2, x3] with y = 2 + 0.5 x1 - 1.5 x2 + 3 x3 + noise. */
    private static double[][] rows(int n, long seed, double[] y) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = new double[n][];
        for (int r = 0; r < n; r++) {
            x[r] = new double[] {1, rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()};
            y[r] = 2 + 0.5 * x[r][1] - 1.5 * x[r][2] + 3 * x[r][3] + 0.1 * rnd.nextGaussian();
        }
        return x;
    }

    @Test
    void solvesLikeCommonsMathOls() {
        int n = 500;
        double[] y = new double[n];
        double[][] x = rows(n, 1, y);
        NormalEquations eq = new NormalEquations(4);
        for (int r = 0; r < n; r++) {
            eq.add(x[r], y[r]);
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.setNoIntercept(true);
        ols.newSampleData(y, x);
        // Regressors in [0, 1] give a normal matrix with condition number ~1e2; Cholesky of it
        // agrees with Commons Math's QR to ~1e-13, so 1e-10 leaves room without hiding a real error.
        assertArrayEquals(ols.estimateRegressionParameters(), eq.solve(), 1e-10);
        assertEquals(ols.calculateResidualSumOfSquares(), eq.residualSumOfSquares(eq.solve()), 1e-9);
        assertEquals(n, eq.rows());
    }

    @Test
    void mergedPartialSumsEqualOnePass() {
        int n = 300;
        double[] y = new double[n];
        double[][] x = rows(n, 2, y);
        NormalEquations whole = new NormalEquations(4);
        NormalEquations first = new NormalEquations(4);
        NormalEquations second = new NormalEquations(4);
        for (int r = 0; r < n; r++) {
            whole.add(x[r], y[r]);
            (r < 120 ? first : second).add(x[r], y[r]);
        }
        first.add(second);
        assertEquals(whole.rows(), first.rows());
        // The same sums in another order: equal to a few ulps.
        assertArrayEquals(whole.solve(), first.solve(), 1e-12);
    }

    @Test
    void dropsAColumnThatDependsOnTheOthersAndKeepsTheFit() {
        int n = 200;
        SplittableRandom rnd = new SplittableRandom(3);
        NormalEquations withConstant = new NormalEquations(3);
        NormalEquations without = new NormalEquations(2);
        for (int r = 0; r < n; r++) {
            double x1 = rnd.nextDouble();
            double y = 1 + 2 * x1 + 0.05 * rnd.nextGaussian();
            // Column 2 is 0.7 times the intercept column: exactly dependent.
            withConstant.add(new double[] {1, x1, 0.7}, y);
            without.add(new double[] {1, x1}, y);
        }
        double[] beta = withConstant.solve();
        double[] reference = without.solve();
        assertEquals(0.0, beta[2], 0.0, "the dependent column gets 0");
        assertEquals(reference[0], beta[0], 1e-12);
        assertEquals(reference[1], beta[1], 1e-12);
    }

    @Test
    void anEmptySystemSolvesToZero() {
        assertArrayEquals(new double[] {0, 0, 0, 0}, new NormalEquations(4).solve(), 0.0);
    }
}
