package org.ssm.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The five-number summary of a box plot (Tukey 1977): quartiles by linear interpolation between
 * order statistics (Hyndman and Fan 1996, definition 7, the default of NumPy and R), whiskers at
 * the most extreme values within 1.5 interquartile ranges of the box, and the values beyond them.
 *
 * @param n number of finite values
 * @param q1 first quartile
 * @param median median
 * @param q3 third quartile
 * @param low lower whisker end
 * @param high upper whisker end
 * @param outliers values beyond the whiskers
 */
public record BoxStats(int n, double q1, double median, double q3, double low, double high, double[] outliers) {

    /** Whisker reach in interquartile ranges. */
    public static final double WHISKER = 1.5;

    /** The summary of the finite values of {@code values}; n = 0 and NaN quartiles when there are none. */
    public static BoxStats of(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return new BoxStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, new double[0]);
        }
        double q1 = quantile(v, 0.25);
        double q3 = quantile(v, 0.75);
        double reach = WHISKER * (q3 - q1);
        double low = Double.NaN;
        double high = Double.NaN;
        List<Double> outliers = new ArrayList<>();
        for (double x : v) {
            if (x < q1 - reach || x > q3 + reach) {
                outliers.add(x);
            } else {
                low = Double.isNaN(low) ? x : low;
                high = x;
            }
        }
        return new BoxStats(v.length, q1, quantile(v, 0.5), q3, low, high,
                outliers.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Quantile {@code p} of sorted values, definition 7 of Hyndman and Fan. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int i = (int) Math.floor(h);
        return i + 1 < sorted.length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
    }

    @Override
    public double[] outliers() {
        return outliers.clone();
    }
}
