package org.ssm.algorithms.whittaker;

import org.ssm.core.ParameterException;

/**
 * How the smoothing parameter λ of the Whittaker smoother is set: given for every series, or chosen
 * per series by the V-curve over a grid of log10 λ (Frasso and Eilers 2015, as used by the MODIS
 * smoothing tools that paper D §2.2.1 relies on through Kong et al. 2019).
 */
public sealed interface LambdaSelection permits LambdaSelection.Fixed, LambdaSelection.VCurve {

    /** Largest λ accepted: beyond it the system's condition number (≈ 16 λ / w) leaves too few digits. */
    double MAX_LAMBDA = 1e8;

    /** Bounds of the log10 λ grid, for the same reason as {@link #MAX_LAMBDA}. */
    double MIN_LOG_LAMBDA = -8;

    double MAX_LOG_LAMBDA = 8;

    /** Most grid points; each costs one solve per series. */
    int MAX_GRID_POINTS = 200;

    /**
     * One λ for every series.
     *
     * @param lambda λ &gt; 0, at most {@link #MAX_LAMBDA}
     */
    record Fixed(double lambda) implements LambdaSelection {
        public Fixed {
            if (!(lambda > 0 && lambda <= MAX_LAMBDA)) {
                throw new ParameterException("lambda", lambda, "a number in (0, " + MAX_LAMBDA + "]");
            }
        }
    }

    /**
     * λ chosen per series by the V-curve over log10 λ = start, start + step, … up to the last grid
     * point not beyond {@code end} (a tolerance of 1e-9 steps absorbs decimal rounding, so −2 to 1 by
     * 0.2 has 16 points).
     *
     * @param start first log10 λ
     * @param end last log10 λ, greater than {@code start}
     * @param step spacing of log10 λ, &gt; 0, giving at least 2 and at most {@link #MAX_GRID_POINTS} points
     */
    record VCurve(double start, double end, double step) implements LambdaSelection {

        /** The grid of the common MODIS smoothing tools: −2.0 to 1.0 by 0.2. */
        public static final VCurve MODIS = new VCurve(WhittakerSmoother.DEFAULT_LOG_LAMBDA_START,
                WhittakerSmoother.DEFAULT_LOG_LAMBDA_END, WhittakerSmoother.DEFAULT_LOG_LAMBDA_STEP);

        public VCurve {
            ParameterException.requireInRange("logLambdaStart", start, MIN_LOG_LAMBDA, MAX_LOG_LAMBDA);
            ParameterException.requireInRange("logLambdaEnd", end, MIN_LOG_LAMBDA, MAX_LOG_LAMBDA);
            if (!(end > start)) {
                throw new ParameterException("logLambdaEnd", end, "a value greater than logLambdaStart (" + start + ")");
            }
            if (!(step > 0) || Double.isInfinite(step)) {
                throw new ParameterException("logLambdaStep", step, "a finite number > 0");
            }
            double points = Math.floor((end - start) / step + 1e-9) + 1;
            if (points < 2 || points > MAX_GRID_POINTS) {
                throw new ParameterException("logLambdaStep", step, "a step giving 2 to " + MAX_GRID_POINTS
                        + " grid points between logLambdaStart and logLambdaEnd (it gives " + (long) points + ")");
            }
        }

        /** Number of grid points. */
        public int size() {
            return (int) Math.floor((end - start) / step + 1e-9) + 1;
        }

        /** log10 λ of grid point {@code i}. */
        public double logLambda(int i) {
            return start + i * step;
        }
    }
}
