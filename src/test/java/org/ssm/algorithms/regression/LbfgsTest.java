package org.ssm.algorithms.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LbfgsTest {

    private static final double[] FREE_LOWER = {-10, -10};
    private static final double[] FREE_UPPER = {10, 10};

    /** Rosenbrock's function: minimum 0 at (1, 1), a curved valley that defeats steepest descent. */
    private static double rosenbrock(double[] x, double[] g) {
        double a = 1 - x[0];
        double b = x[1] - x[0] * x[0];
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
        return a * a + 100 * b * b;
    }

    @Test
    void findsTheRosenbrockMinimum() {
        Lbfgs.Result r = new Lbfgs(7, 500, 1e-8, 1e-15).minimize(LbfgsTest::rosenbrock, new double[] {-1.2, 1},
                FREE_LOWER, FREE_UPPER, i -> {});
        // At the minimum the Hessian has eigenvalues of about 0.4 and 1000: a gradient of 1e-8 places x within
        // 1e-8 / 0.4 of (1, 1).
        assertEquals(1, r.x()[0], 1e-6);
        assertEquals(1, r.x()[1], 1e-6);
        assertTrue(r.converged());
        assertTrue(r.iterations() < 100, "quasi-Newton speed: " + r.iterations() + " iterations");
    }

    @Test
    void stopsOnAnActiveBound() {
        // min (x - 3)^2 + (y + 1)^2 within [0, 2] x [0, 2]: the solution is (2, 0), both bounds active.
        Lbfgs.Result r = new Lbfgs(5, 100, 1e-10, 1e-15).minimize((x, g) -> {
            g[0] = 2 * (x[0] - 3);
            g[1] = 2 * (x[1] + 1);
            return (x[0] - 3) * (x[0] - 3) + (x[1] + 1) * (x[1] + 1);
        }, new double[] {1, 1}, new double[] {0, 0}, new double[] {2, 2}, i -> {});
        assertEquals(2, r.x()[0], 0);
        assertEquals(0, r.x()[1], 0);
        assertEquals(2, r.value(), 0);
    }
}
