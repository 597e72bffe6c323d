package org.ssm.algorithms.whittaker;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * An independent reference for the tests: the Whittaker system built as dense matrices from the
 * explicit second-difference matrix D (DᵀD by matrix product, not by the solver's band formulas),
 * solved by Apache Commons Math's Cholesky decomposition, and the V-curve evaluated from those
 * solutions.
 */
final class DenseWhittaker {

    private final int n;
    private final RealMatrix penalty;

    DenseWhittaker(int n) {
        this.n = n;
        RealMatrix d = new Array2DRowRealMatrix(n - 2, n);
        for (int k = 0; k < n - 2; k++) {
            d.setEntry(k, k, 1);
            d.setEntry(k, k + 1, -2);
            d.setEntry(k, k + 2, 1);
        }
        penalty = d.transpose().multiply(d);
    }

    /** The solution of (W + λDᵀD) z = W y; entries of y with weight 0 are ignored. */
    double[] solve(double[] y, double[] w, double lambda) {
        RealMatrix a = penalty.scalarMultiply(lambda);
        double[] rhs = new double[n];
        for (int i = 0; i < n; i++) {
            a.addToEntry(i, i, w[i]);
            rhs[i] = w[i] == 0 ? 0 : w[i] * y[i];
        }
        return new CholeskyDecomposition(a).getSolver().solve(new ArrayRealVector(rhs)).toArray();
    }

    /** The log10 λ the V-curve definition of docs/algorithms/whittaker.md chooses on {@code grid}. */
    double vCurveLogLambda(double[] y, double[] w, double[] grid) {
        double[] fit = new double[grid.length];
        double[] pen = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            double[] z = solve(y, w, Math.pow(10, grid[i]));
            double f = 0;
            for (int t = 0; t < n; t++) {
                f += w[t] == 0 ? 0 : w[t] * (y[t] - z[t]) * (y[t] - z[t]);
            }
            double p = 0;
            for (int t = 0; t < n - 2; t++) {
                double d2 = z[t + 2] - 2 * z[t + 1] + z[t];
                p += d2 * d2;
            }
            fit[i] = Math.log(f);
            pen[i] = Math.log(p);
        }
        int best = -1;
        double shortest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < grid.length - 1; k++) {
            double v = Math.hypot(fit[k + 1] - fit[k], pen[k + 1] - pen[k]) / (Math.log(10) * (grid[k + 1] - grid[k]));
            if (v < shortest) {
                shortest = v;
                best = k;
            }
        }
        return (grid[best] + grid[best + 1]) / 2;
    }
}
