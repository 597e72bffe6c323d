package org.ssm.algorithms.fusion;

import org.ssm.core.ParameterException;

/**
 * The options of {@link Estarfm}.
 *
 * @param window side w of the square moving window, in fine pixels: an odd integer in [3, 401]
 *     (paper B §3.3 uses 51)
 * @param classes estimated number of land-cover classes m of the similar-pixel threshold 2σ/m, an
 *     integer in [1, 100] (Zhu et al. 2010 use 4)
 * @param regression whether the conversion coefficient V is fitted by regression (Zhu et al. 2010);
 *     {@code false} gives the V = 1 variant
 * @param minValue smallest valid value: smaller input values are no data and smaller predictions are
 *     revised; {@code -Infinity} for no lower bound
 * @param maxValue largest valid value, likewise; {@code +Infinity} for no upper bound
 */
public record EstarfmParameters(int window, int classes, boolean regression, double minValue, double maxValue) {

    /** Side of the moving window, paper B §3.3. */
    public static final int DEFAULT_WINDOW = 51;

    /** Number of classes m, Zhu et al. (2010). */
    public static final int DEFAULT_CLASSES = 4;

    /** Largest accepted window side. */
    public static final int MAX_WINDOW = 401;

    /** w = 51, m = 4, V by regression, no value range. */
    public static final EstarfmParameters DEFAULTS = new EstarfmParameters(
            DEFAULT_WINDOW, DEFAULT_CLASSES, true, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public EstarfmParameters {
        if (window < 3 || window > MAX_WINDOW || window % 2 == 0) {
            throw new ParameterException("window", window, "an odd integer in [3, " + MAX_WINDOW + "]");
        }
        ParameterException.requireInRange("classes", classes, 1, 100);
        if (Double.isNaN(minValue) || minValue == Double.POSITIVE_INFINITY) {
            throw new ParameterException("minValue", minValue, "a number, or -Infinity for no lower bound");
        }
        if (Double.isNaN(maxValue) || maxValue == Double.NEGATIVE_INFINITY) {
            throw new ParameterException("maxValue", maxValue, "a number, or +Infinity for no upper bound");
        }
        if (!(maxValue > minValue)) {
            throw new ParameterException("maxValue", maxValue, "a number greater than minValue (" + minValue + ")");
        }
    }

    /** These parameters with another window. */
    public EstarfmParameters withWindow(int newWindow) {
        return new EstarfmParameters(newWindow, classes, regression, minValue, maxValue);
    }

    /** These parameters with the regression switched on or off. */
    public EstarfmParameters withRegression(boolean on) {
        return new EstarfmParameters(window, classes, on, minValue, maxValue);
    }

    /** These parameters with the valid range [min, max]. */
    public EstarfmParameters withRange(double min, double max) {
        return new EstarfmParameters(window, classes, regression, min, max);
    }

    /** Half the window side, (w − 1) / 2. */
    public int radius() {
        return window / 2;
    }

    /** Whether both bounds of the valid range are finite. */
    public boolean hasFiniteRange() {
        return Double.isFinite(minValue) && Double.isFinite(maxValue);
    }

    /** Whether any bound of the valid range is finite. */
    public boolean hasRange() {
        return Double.isFinite(minValue) || Double.isFinite(maxValue);
    }

    /** Whether {@code v} is a valid value: finite and within [minValue, maxValue]. */
    public boolean valid(float v) {
        return Float.isFinite(v) && v >= minValue && v <= maxValue;
    }
}
