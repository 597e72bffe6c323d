package org.ssm.algorithms.kriging;

import java.util.ArrayList;
import java.util.List;
import org.ssm.core.Monitor;

/**
 * Deconvolution of the point variogram from the coarse residuals' areal variogram (paper E §3.2.5;
 * the point covariance C that eq. 11 averages over pixels must be known, but only pixel averages are
 * observed).
 *
 * <p>The point model γ(h) = c · shape(h / a) is sought whose regularised version γ_v(h) = C̄(v, v) −
 * C̄(v, v_h) (computed by the same s × s discretisation as the kriging, {@link SupportCovariances})
 * matches the experimental areal variogram γ̂_v in the least-squares sense, each distance class
 * weighted by its number of pairs N(h):
 *
 * <pre>min over c ≥ 0, a &gt; 0 of Σ_h N(h) (γ̂_v(h) − c · g_v(h; a))²,</pre>
 *
 * where g_v is the regularised model of unit sill. Without nugget γ_v is linear in c, so for each
 * range a the best sill has the closed form c(a) = Σ N γ̂ g / Σ N g², and the fit is a
 * one-dimensional search over a: a log-spaced scan from a tenth of a coarse cell to ten times the
 * largest lag, refined by golden-section iterations around the best scanned value. This is the
 * iterative deconvolution of Kyriakidis (2004) / Goovaerts (2008) reduced to one free parameter by
 * the linearity in the sill; it is deterministic.
 */
public final class VariogramDeconvolution {

    /** Ranges scanned on the log grid. */
    static final int SCAN = 41;

    /** Golden-section iterations after the scan (bracket shrinks by 0.618 each). */
    static final int REFINE = 40;

    /** Nominal range, in coarse cells, of the variogram of a field without spatial variation. */
    public static final double DEGENERATE_RANGE_CELLS = 2;

    private VariogramDeconvolution() {}

    /**
     * Fits the point variogram.
     *
     * @param experimental areal variogram of the coarse residuals
     * @param model the point variogram shape
     * @param s discretisation points per coarse cell side
     */
    public static DeconvolvedVariogram fit(ExperimentalVariogram experimental, VariogramModel model, int s,
            Monitor monitor) {
        double cw = experimental.cellWidth();
        double ch = experimental.cellHeight();
        double unit = Math.min(cw, ch);
        List<ExperimentalVariogram.Bin> bins = experimental.bins();
        double norm = 0;
        for (ExperimentalVariogram.Bin b : bins) {
            norm += b.pairs() * b.semivariance() * b.semivariance();
        }
        if (bins.isEmpty() || !(norm > 0)) {
            PointVariogram flat = new PointVariogram(model, 0, DEGENERATE_RANGE_CELLS * unit);
            return new DeconvolvedVariogram(flat, bins, new double[bins.size()], 0, true);
        }
        Objective objective = new Objective(experimental, model, s);
        double lo = Math.log(0.1 * unit);
        double hi = Math.log(10 * bins.get(bins.size() - 1).distance());
        int total = SCAN + REFINE;
        double[] logs = new double[SCAN];
        double[] values = new double[SCAN];
        int best = 0;
        for (int i = 0; i < SCAN; i++) {
            monitor.checkpoint(i, total);
            logs[i] = lo + (hi - lo) * i / (SCAN - 1);
            values[i] = objective.misfit(Math.exp(logs[i]));
            if (values[i] < values[best]) {
                best = i;
            }
        }
        double a = logs[Math.max(0, best - 1)];
        double b = logs[Math.min(SCAN - 1, best + 1)];
        double golden = (Math.sqrt(5) - 1) / 2;
        double x1 = b - golden * (b - a);
        double x2 = a + golden * (b - a);
        double f1 = objective.misfit(Math.exp(x1));
        double f2 = objective.misfit(Math.exp(x2));
        for (int i = 0; i < REFINE; i++) {
            monitor.checkpoint(SCAN + i, total);
            if (f1 <= f2) {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - golden * (b - a);
                f1 = objective.misfit(Math.exp(x1));
            } else {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + golden * (b - a);
                f2 = objective.misfit(Math.exp(x2));
            }
        }
        // Keep the scanned optimum if the refinement did not improve on it (flat or boundary minima).
        double range = f1 <= f2 ? Math.exp(x1) : Math.exp(x2);
        if (Math.min(f1, f2) > values[best]) {
            range = Math.exp(logs[best]);
        }
        double[] shape = objective.shape(range);
        double sill = objective.sill(shape);
        double[] regularised = new double[shape.length];
        double residual = 0;
        for (int i = 0; i < shape.length; i++) {
            regularised[i] = sill * shape[i];
            double d = bins.get(i).semivariance() - regularised[i];
            residual += bins.get(i).pairs() * d * d;
        }
        monitor.checkpoint(total, total);
        if (!(sill > 0)) {
            PointVariogram flat = new PointVariogram(model, 0, DEGENERATE_RANGE_CELLS * unit);
            return new DeconvolvedVariogram(flat, bins, regularised, 1, true);
        }
        return new DeconvolvedVariogram(new PointVariogram(model, sill, range), bins, regularised,
                Math.sqrt(residual / norm), false);
    }

    /** The weighted squared misfit as a function of the range, with the best sill for each range. */
    private static final class Objective {
        private final ExperimentalVariogram experimental;
        private final VariogramModel model;
        private final int s;
        private final List<ExperimentalVariogram.Bin> bins;
        /** Lag vectors (a, b) with pairs, their bin position in {@link #bins} and pair count. */
        private final List<int[]> vectors = new ArrayList<>();

        Objective(ExperimentalVariogram experimental, VariogramModel model, int s) {
            this.experimental = experimental;
            this.model = model;
            this.s = s;
            this.bins = experimental.bins();
            int maxLag = experimental.maxLag();
            int[] position = new int[maxLag + 1];
            java.util.Arrays.fill(position, -1);
            // Bins are listed in increasing class order; number the non-empty classes the same way.
            List<Integer> classes = new ArrayList<>();
            for (int bin = 1; bin <= maxLag; bin++) {
                boolean any = false;
                for (int a = 0; a <= maxLag && !any; a++) {
                    for (int b = 0; b <= maxLag && !any; b++) {
                        any = experimental.pairs(a, b) > 0 && experimental.binOf(a, b) == bin;
                    }
                }
                if (any) {
                    position[bin] = classes.size();
                    classes.add(bin);
                }
            }
            for (int a = 0; a <= maxLag; a++) {
                for (int b = 0; b <= maxLag; b++) {
                    long n = experimental.pairs(a, b);
                    int bin = experimental.binOf(a, b);
                    if (n > 0 && bin >= 1 && bin <= maxLag) {
                        vectors.add(new int[] {a, b, position[bin], (int) Math.min(Integer.MAX_VALUE, n)});
                    }
                }
            }
        }

        /** Regularised unit-sill semivariance per bin (pair-weighted mean over the bin's vectors). */
        double[] shape(double range) {
            SupportCovariances cov = new SupportCovariances(new PointVariogram(model, 1, range),
                    experimental.cellWidth(), experimental.cellHeight(), s, 1, 1, 1);
            double[] sum = new double[bins.size()];
            for (int[] v : vectors) {
                sum[v[2]] += v[3] * cov.regularisedSemivariance(v[0], v[1]);
            }
            for (int i = 0; i < sum.length; i++) {
                sum[i] /= bins.get(i).pairs();
            }
            return sum;
        }

        /** c(a) = Σ N γ̂ g / Σ N g², at least 0. */
        double sill(double[] shape) {
            double num = 0;
            double den = 0;
            for (int i = 0; i < shape.length; i++) {
                long n = bins.get(i).pairs();
                num += n * bins.get(i).semivariance() * shape[i];
                den += n * shape[i] * shape[i];
            }
            return den > 0 ? Math.max(0, num / den) : 0;
        }

        double misfit(double range) {
            double[] shape = shape(range);
            double c = sill(shape);
            double f = 0;
            for (int i = 0; i < shape.length; i++) {
                double d = bins.get(i).semivariance() - c * shape[i];
                f += bins.get(i).pairs() * d * d;
            }
            return f;
        }
    }
}
