package org.ssm.algorithms.quality;

import org.ssm.core.ParameterException;

/**
 * A rule on the data value itself: it must lie in [min, max] (for instance the valid range of a
 * product, or plausible LST in kelvin). NaN is never inside.
 *
 * @param min smallest accepted value, finite
 * @param max largest accepted value, finite, &ge; min
 */
public record ValueRange(double min, double max) {

    public ValueRange {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min <= max)) {
            throw new ParameterException("rules", "range=" + min + ":" + max, "finite bounds with min <= max");
        }
    }

    public boolean accepts(double value) {
        return value >= min && value <= max;
    }

    /** The rule text, e.g. {@code range=250.0:350.0}. */
    public String text() {
        return "range=" + min + ":" + max;
    }
}
