package org.ssm.algorithms.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A per-column affine normalisation z = (x − offset) / scale, fitted on training data: z-scores
 * (offset = mean, scale = standard deviation) or min–max to [0, 1] (offset = min, scale = range).
 * A column with no spread gets scale 1 so that it maps to a constant instead of NaN.
 *
 * @param offset per column
 * @param scale per column, non-zero
 */
public record Normalization(double[] offset, double[] scale) {

    public Normalization {
        if (offset.length != scale.length) {
            throw new IllegalArgumentException(offset.length + " offsets for " + scale.length + " scales");
        }
        offset = offset.clone();
        scale = scale.clone();
        for (double s : scale) {
            if (!(s != 0 && Double.isFinite(s))) {
                throw new IllegalArgumentException("a normalisation scale must be finite and non-zero, not " + s);
            }
        }
    }

    /** The identity on {@code columns} columns. */
    public static Normalization identity(int columns) {
        double[] one = new double[columns];
        java.util.Arrays.fill(one, 1);
        return new Normalization(new double[columns], one);
    }

    /** Z-scores of the columns of row-major {@code x} ({@code rows} × {@code columns}), NaN ignored. */
    public static Normalization zScore(double[] x, int rows, int columns) {
        double[] mean = new double[columns];
        double[] sd = new double[columns];
        for (int c = 0; c < columns; c++) {
            double sum = 0;
            double sq = 0;
            int n = 0;
            for (int r = 0; r < rows; r++) {
                double v = x[r * columns + c];
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
            double m = n == 0 ? 0 : sum / n;
            for (int r = 0; r < rows; r++) {
                double v = x[r * columns + c];
                if (!Double.isNaN(v)) {
                    sq += (v - m) * (v - m);
                }
            }
            mean[c] = m;
            double s = n > 1 ? Math.sqrt(sq / (n - 1)) : 0;
            sd[c] = s > 0 && Double.isFinite(s) ? s : 1;
        }
        return new Normalization(mean, sd);
    }

    /** Min–max scaling of the columns of row-major {@code x} to [0, 1], NaN ignored. */
    public static Normalization minMax(double[] x, int rows, int columns) {
        double[] min = new double[columns];
        double[] range = new double[columns];
        for (int c = 0; c < columns; c++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < rows; r++) {
                double v = x[r * columns + c];
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            min[c] = lo <= hi ? lo : 0;
            range[c] = hi > lo ? hi - lo : 1;
        }
        return new Normalization(min, range);
    }

    public int size() {
        return offset.length;
    }

    /** A normalised copy of one row. */
    public double[] apply(double[] x) {
        double[] z = new double[x.length];
        for (int c = 0; c < x.length; c++) {
            z[c] = (x[c] - offset[c]) / scale[c];
        }
        return z;
    }

    /** Normalises {@code rows} row-major rows in place. */
    public void applyInPlace(double[] x, int rows) {
        int p = offset.length;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < p; c++) {
                x[r * p + c] = (x[r * p + c] - offset[c]) / scale[c];
            }
        }
    }

    /** The raw value of normalised {@code z} in column {@code column}. */
    public double inverse(int column, double z) {
        return z * scale[column] + offset[column];
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("offset", offset);
        m.put("scale", scale);
        return m;
    }

    @SuppressWarnings("unchecked")
    static Normalization fromJson(Map<String, Object> m) {
        return new Normalization(numbers((List<Object>) m.get("offset")), numbers((List<Object>) m.get("scale")));
    }

    /** A JSON list of integers as an array; a number with a fraction is refused. */
    public static int[] integers(List<Object> list) {
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            Number n = (Number) list.get(i);
            if (n.doubleValue() != n.intValue()) {
                throw new IllegalArgumentException("expected an integer, not " + n);
            }
            out[i] = n.intValue();
        }
        return out;
    }

    /** A JSON list of numbers as an array. */
    public static double[] numbers(List<Object> list) {
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) list.get(i)).doubleValue();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalization n && java.util.Arrays.equals(offset, n.offset)
                && java.util.Arrays.equals(scale, n.scale);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(offset) + java.util.Arrays.hashCode(scale);
    }
}
