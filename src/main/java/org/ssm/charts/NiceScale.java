package org.ssm.charts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An axis range rounded outwards to a "nice" step (1, 2 or 5 times a power of ten) so that the
 * ticks fall on round numbers.
 *
 * @param lo the lower end, a multiple of the step
 * @param hi the upper end, a multiple of the step, &gt; lo
 * @param step the distance between ticks
 */
public record NiceScale(double lo, double hi, double step) {

    /** A scale covering [min, max] with at most about {@code ticks} intervals. */
    public static NiceScale of(double min, double max, int ticks) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            return new NiceScale(0, 1, 0.2);
        }
        if (max <= min) {
            double pad = min == 0 ? 0.5 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double step = niceStep((max - min) / Math.max(1, ticks));
        double lo = Math.floor(min / step + 1e-9) * step;
        double hi = Math.ceil(max / step - 1e-9) * step;
        if (hi <= lo) {
            hi = lo + step;
        }
        return new NiceScale(lo, hi, step);
    }

    private static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / power;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * power;
    }

    /** The tick values from lo to hi. */
    public List<Double> ticks() {
        List<Double> out = new ArrayList<>();
        long count = Math.round((hi - lo) / step);
        for (long i = 0; i <= count; i++) {
            out.add(lo + i * step);
        }
        return out;
    }

    /** A tick label with as many decimals as the step needs. */
    public String label(double value) {
        // Steps are 1, 2 or 5 times a power of ten: the power gives the decimals.
        int decimals = Math.max(0, -(int) Math.floor(Math.log10(step) + 1e-9));
        BigDecimal v = BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP);
        String text = v.toPlainString();
        return text.matches("-0(\\.0*)?") ? text.substring(1) : text;
    }
}
