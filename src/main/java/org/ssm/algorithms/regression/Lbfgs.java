package org.ssm.algorithms.regression;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.IntConsumer;
import org.ssm.core.ParameterException;

/**
 * Limited-memory BFGS minimisation (Nocedal 1980; Liu and Nocedal 1989) within simple bounds, for
 * the hyperparameters of paper E §3.2.4's GPR (eq. 7–9; R&amp;W 2006 eq. 5.8–5.9): the
 * two-loop recursion gives the search direction from the last {@code memory} steps, a backtracking
 * line search with the Armijo condition (c₁ = 10⁻⁴) finds the step, and every trial point is
 * projected onto the box. Used to maximise the log marginal likelihood of {@link
 * GaussianProcessRegression} over its log hyperparameters, where the box keeps the kernel matrix
 * well away from the degenerate ends (length scales of 0 or ∞).
 *
 * <p>Stops when the projected gradient's largest component falls below {@code gradientTolerance},
 * when an iteration lowers the objective by less than {@code relativeTolerance} of its size, when no
 * step lowers it, or after {@code maxIterations} iterations.
 *
 * @param memory number of correction pairs kept, 1 to 50
 * @param maxIterations most iterations, at least 1
 * @param gradientTolerance convergence threshold on the projected gradient, &gt; 0
 * @param relativeTolerance convergence threshold on the relative decrease, &gt; 0
 */
public record Lbfgs(int memory, int maxIterations, double gradientTolerance, double relativeTolerance) {

    /** An objective with its gradient; it may return +∞ (or NaN) where it is undefined. */
    @FunctionalInterface
    public interface Objective {
        /** The value at {@code x}, with its gradient written into {@code gradient}. */
        double value(double[] x, double[] gradient);
    }

    /**
     * The outcome of a minimisation.
     *
     * @param x the best point found
     * @param value the objective there
     * @param iterations iterations done
     * @param evaluations objective evaluations
     * @param converged whether a tolerance was met (rather than the iteration cap or a failed line search)
     */
    public record Result(double[] x, double value, int iterations, int evaluations, boolean converged) {}

    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 40;

    public Lbfgs {
        ParameterException.requireInRange("memory", memory, 1, 50);
        ParameterException.requireInRange("maxIterations", maxIterations, 1, 1_000_000);
        ParameterException.requirePositive("gradientTolerance", gradientTolerance);
        ParameterException.requirePositive("relativeTolerance", relativeTolerance);
    }

    /**
     * Minimises {@code f} from {@code start} within [{@code lower}, {@code upper}].
     *
     * @param onIteration told the number of each finished iteration (for progress and cancellation)
     */
    public Result minimize(Objective f, double[] start, double[] lower, double[] upper, IntConsumer onIteration) {
        int n = start.length;
        double[] x = project(start.clone(), lower, upper);
        double[] g = new double[n];
        double fx = f.value(x, g);
        int evaluations = 1;
        if (!Double.isFinite(fx)) {
            throw new IllegalArgumentException("the objective is not finite at the starting point");
        }
        Deque<double[][]> pairs = new ArrayDeque<>();
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            onIteration.accept(iteration);
            if (projectedGradientNorm(x, g, lower, upper) < gradientTolerance) {
                return new Result(x, fx, iteration, evaluations, true);
            }
            double[] d = direction(g, pairs);
            double slope = dot(g, d);
            if (!(slope < 0)) {
                pairs.clear();
                d = negate(g);
                slope = dot(g, d);
            }
            double t = pairs.isEmpty() ? Math.min(1, 1 / Math.sqrt(dot(g, g))) : 1;
            double fNew = Double.NaN;
            boolean moved = false;
            for (int h = 0; h < MAX_HALVINGS; h++, t *= 0.5) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + t * d[i];
                }
                project(xNew, lower, upper);
                double decrease = 0;
                boolean changed = false;
                for (int i = 0; i < n; i++) {
                    decrease += g[i] * (xNew[i] - x[i]);
                    changed |= xNew[i] != x[i];
                }
                if (!changed) {
                    break;
                }
                fNew = f.value(xNew, gNew);
                evaluations++;
                if (fNew <= fx + ARMIJO * decrease && fNew < fx) {
                    moved = true;
                    break;
                }
            }
            if (!moved) {
                if (!pairs.isEmpty()) {
                    // The quasi-Newton direction failed; start again from steepest descent.
                    pairs.clear();
                    continue;
                }
                return new Result(x, fx, iteration, evaluations, true);
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            double sy = dot(s, y);
            if (sy > 1e-10 * Math.sqrt(dot(s, s) * dot(y, y))) {
                pairs.addLast(new double[][] {s, y, {1 / sy}});
                if (pairs.size() > memory) {
                    pairs.removeFirst();
                }
            }
            double relative = (fx - fNew) / Math.max(1, Math.max(Math.abs(fx), Math.abs(fNew)));
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            if (relative < relativeTolerance) {
                return new Result(x, fx, iteration + 1, evaluations, true);
            }
        }
        return new Result(x, fx, maxIterations, evaluations, false);
    }

    /** The two-loop recursion: −H·g with H the L-BFGS inverse-Hessian approximation. */
    private static double[] direction(double[] g, Deque<double[][]> pairs) {
        double[] q = g.clone();
        int m = pairs.size();
        double[] a = new double[m];
        double[][][] list = pairs.toArray(new double[0][][]);
        for (int k = m - 1; k >= 0; k--) {
            a[k] = list[k][2][0] * dot(list[k][0], q);
            axpy(-a[k], list[k][1], q);
        }
        if (m > 0) {
            double[] y = list[m - 1][1];
            double gamma = 1 / (list[m - 1][2][0] * dot(y, y));
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
        }
        for (int k = 0; k < m; k++) {
            double b = list[k][2][0] * dot(list[k][1], q);
            axpy(a[k] - b, list[k][0], q);
        }
        return negate(q);
    }

    private static double projectedGradientNorm(double[] x, double[] g, double[] lower, double[] upper) {
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            boolean blocked = (x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0);
            if (!blocked) {
                max = Math.max(max, Math.abs(g[i]));
            }
        }
        return max;
    }

    private static double[] project(double[] x, double[] lower, double[] upper) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }
}
