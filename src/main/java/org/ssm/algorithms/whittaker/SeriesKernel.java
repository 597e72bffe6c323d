package org.ssm.algorithms.whittaker;

import org.ssm.core.ParameterException;

/**
 * The per-thread work of the smoother: weights from values and weights, λ from the V-curve or as
 * given, and the solve. It owns every work array, so smoothing a series allocates nothing.
 */
final class SeriesKernel {

    private static final double LN10 = Math.log(10);

    /**
     * Fidelity or roughness below this fraction of Σ w y² is rounding noise (double rounding leaves
     * ~1e-32 relative in a square, float32 data resolve ~1e-14) and counts as an exact 0.
     */
    static final double EXACT_FIT = 1e-24;

    private final LambdaSelection selection;
    private final WhittakerSolver solver;
    /** The V-curve grid's solves side by side; null for a fixed λ. */
    private final GridSolver gridSolver;
    private final int n;
    private final double[] y;
    private final double[] w;
    private final double[] z;
    /** Per V-curve grid point: log10 λ, λ, log fidelity and log roughness of its solution. */
    private final double[] gridLogLambda;
    private final double[] gridLambda;
    private final double[] fidelity;
    private final double[] roughness;
    /** Σ w y² of the prepared series: the scale of fidelity and roughness. */
    private double energy;

    SeriesKernel(LambdaSelection selection, int n) {
        this.selection = selection;
        this.solver = new WhittakerSolver(n);
        this.n = n;
        y = new double[n];
        w = new double[n];
        z = new double[n];
        int points = selection instanceof LambdaSelection.VCurve v ? v.size() : 0;
        gridLogLambda = new double[points];
        gridLambda = new double[points];
        fidelity = new double[points];
        roughness = new double[points];
        for (int i = 0; i < points; i++) {
            gridLogLambda[i] = ((LambdaSelection.VCurve) selection).logLambda(i);
            gridLambda[i] = Math.pow(10, gridLogLambda[i]);
        }
        gridSolver = points == 0 ? null : new GridSolver(n, gridLambda);
    }

    /**
     * Smooths series {@code cell} of a block ({@code values[date][cell]}) in place.
     *
     * @param weights the weights block, or {@code null} for weight 1 wherever there is a value
     * @return the log10 λ used, or NaN where the series could not be smoothed (fewer than two
     *     positive weights), in which case the series becomes NaN
     */
    float smoothCell(float[][] values, float[][] weights, int cell) {
        int positive = 0;
        double sum = 0;
        for (int t = 0; t < n; t++) {
            double wt = weights == null ? 1 : checkedWeight(weights[t][cell]);
            float v = values[t][cell];
            if (!Float.isFinite(v)) {
                wt = 0;
            }
            double yt = wt == 0 ? 0 : v;
            w[t] = wt;
            y[t] = yt;
            sum += wt * yt * yt;
            if (wt > 0) {
                positive++;
            }
        }
        energy = sum;
        double logLambda = positive < 2 ? Double.NaN : smoothPrepared();
        for (int t = 0; t < n; t++) {
            values[t][cell] = Double.isNaN(logLambda) ? Float.NaN : (float) z[t];
        }
        return (float) logLambda;
    }

    /** Smooths one double series into {@code out}; returns the log10 λ used, or NaN (then {@code out} is NaN). */
    double smooth(double[] values, double[] weights, double[] out) {
        double logLambda = prepare(values, weights) < 2 ? Double.NaN : smoothPrepared();
        for (int t = 0; t < n; t++) {
            out[t] = Double.isNaN(logLambda) ? Double.NaN : z[t];
        }
        return logLambda;
    }

    /** Copies a double series into y and w; returns the number of positive weights. */
    private int prepare(double[] values, double[] weights) {
        int positive = 0;
        double sum = 0;
        for (int t = 0; t < n; t++) {
            double wt = weights == null ? 1 : checkedWeight(weights[t]);
            if (!Double.isFinite(values[t])) {
                wt = 0;
            }
            double yt = wt == 0 ? 0 : values[t];
            w[t] = wt;
            y[t] = yt;
            sum += wt * yt * yt;
            if (wt > 0) {
                positive++;
            }
        }
        energy = sum;
        return positive;
    }

    private static double checkedWeight(double weight) {
        if (Double.isNaN(weight)) {
            return 0;
        }
        if (!(weight >= 0 && weight <= 1)) {
            throw new ParameterException("weights", weight, "values in [0, 1], or NaN for weight 0");
        }
        return weight;
    }

    /** z from the prepared y and w; the log10 λ used, or NaN if the system was singular. */
    private double smoothPrepared() {
        if (selection instanceof LambdaSelection.Fixed fixed) {
            return solver.solve(y, w, fixed.lambda(), z) ? Math.log10(fixed.lambda()) : Double.NaN;
        }
        int k = shortestSegment();
        double logLambda = (gridLogLambda[k] + gridLogLambda[k + 1]) / 2;
        return solver.solve(y, w, Math.pow(10, logLambda), z) ? logLambda : Double.NaN;
    }

    /**
     * Evaluates the V-curve on the grid and returns the index k of its shortest segment, between grid
     * points k and k + 1; the first of equal minima, and 0 when no segment has a finite length
     * (every λ fits the weighted values exactly, as for a straight line or a constant, so any λ
     * will do).
     */
    private int shortestSegment() {
        evaluateGrid();
        int best = 0;
        double shortest = Double.POSITIVE_INFINITY;
        for (int k = 0; k + 1 < gridLambda.length; k++) {
            double d = segmentLength(k);
            if (d < shortest) {
                shortest = d;
                best = k;
            }
        }
        return best;
    }

    /**
     * Log fidelity and log roughness of the solution at every grid point: −∞ for an exact fit or a
     * straight line (see {@link #EXACT_FIT}), NaN where the solve failed.
     */
    private void evaluateGrid() {
        gridSolver.evaluate(y, w, fidelity, roughness);
        double noise = EXACT_FIT * energy;
        for (int i = 0; i < gridLambda.length; i++) {
            // ln of NaN (a failed solve) stays NaN.
            fidelity[i] = Math.log(fidelity[i] <= noise ? 0 : fidelity[i]);
            roughness[i] = Math.log(roughness[i] <= noise ? 0 : roughness[i]);
        }
    }

    /** The V-curve value of segment k: its length in the (log fidelity, log roughness) plane per unit of ln λ. */
    private double segmentLength(int k) {
        double df = fidelity[k + 1] - fidelity[k];
        double dr = roughness[k + 1] - roughness[k];
        // NaN (from −∞ − −∞) fails every comparison, so degenerate segments are never chosen.
        return Math.sqrt(df * df + dr * dr) / (LN10 * (gridLogLambda[k + 1] - gridLogLambda[k]));
    }

    /** The V-curve of one series, for {@link WhittakerSmoother#vCurve}; allocates its result. */
    VCurvePoints vCurvePoints(double[] values, double[] weights) {
        if (prepare(values, weights) < 2) {
            throw ParameterException.because("weights", "the V-curve needs at least two positive weights");
        }
        int chosen = shortestSegment();
        double[] distance = new double[gridLambda.length - 1];
        for (int k = 0; k < distance.length; k++) {
            distance[k] = segmentLength(k);
        }
        return new VCurvePoints(gridLogLambda.clone(), fidelity.clone(), roughness.clone(), distance, chosen);
    }
}
