package org.ssm.algorithms.gapfill;

import org.ssm.core.ParameterException;

/**
 * The min-max normalisation of one variable to [0, 1] (paper D §2.2.1, the superscript * of eq. 1:
 * "normalized to the range 0 to 1.0 based on the maximum and minimum values of that variable found
 * across" the domain).
 *
 * <p>A variable that is constant over the domain has no range to normalise by; it maps to 0, and
 * the regression then drops its column as dependent on the intercept.
 *
 * @param min smallest value over the domain
 * @param max largest value over the domain, &ge; min
 */
public record MinMax(double min, double max) {

    public MinMax {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min <= max)) {
            throw new ParameterException("minMax", "[" + min + ", " + max + "]", "finite bounds with min <= max");
        }
    }

    /** max − min. */
    public double range() {
        return max - min;
    }

    /** (v − min) / (max − min), or 0 when the range is 0. */
    public double normalise(double value) {
        return max > min ? (value - min) / (max - min) : 0.0;
    }

    /** The inverse of {@link #normalise}: min + v* · (max − min). */
    public double restore(double normalised) {
        return min + normalised * (max - min);
    }

    /** Running bounds of the finite values seen, for a pass over a series. */
    static final class Scan {
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;

        /** Takes the values of {@code band} at cells where {@code domain} is finite. */
        void add(float[] band, float[] domain) {
            double lo = min;
            double hi = max;
            for (int i = 0; i < band.length; i++) {
                float v = band[i];
                if (Float.isFinite(v) && Float.isFinite(domain[i])) {
                    if (v < lo) {
                        lo = v;
                    }
                    if (v > hi) {
                        hi = v;
                    }
                }
            }
            min = lo;
            max = hi;
        }

        boolean isEmpty() {
            return min > max;
        }

        MinMax result() {
            return new MinMax(min, max);
        }
    }
}
