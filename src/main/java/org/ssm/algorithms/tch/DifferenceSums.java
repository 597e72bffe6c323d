package org.ssm.algorithms.tch;

/**
 * One pass over the dates of one pixel: the sums behind each product's mean and the covariance S of
 * the differences Y_i = X_i − X_N to the reference product N (paper E eq. 21–22).
 *
 * <p>Each product is shifted by its value on the first date, which leaves covariances unchanged and
 * keeps the sums of squares free of cancellation when a product's mean is large against its spread
 * (LST in kelvin). One instance serves one thread and is reset per pixel.
 */
final class DifferenceSums {

    private final int products;
    private final int differences;
    private final double[] shift;
    private final double[] sum;
    private final double[] sumSquares;
    /** Σ y_i y_j over i ≤ j &lt; N, packed row by row. */
    private final double[] crossSums;
    private final double[] y;
    private int count;

    DifferenceSums(int products) {
        this.products = products;
        this.differences = products - 1;
        this.shift = new double[products];
        this.sum = new double[products];
        this.sumSquares = new double[products];
        this.crossSums = new double[differences * (differences + 1) / 2];
        this.y = new double[differences];
    }

    void reset() {
        count = 0;
        java.util.Arrays.fill(sum, 0);
        java.util.Arrays.fill(sumSquares, 0);
        java.util.Arrays.fill(crossSums, 0);
    }

    /** Adds one date on which every product has a finite value. */
    void add(double[] values) {
        if (count == 0) {
            System.arraycopy(values, 0, shift, 0, products);
        }
        count++;
        double reference = values[differences] - shift[differences];
        for (int p = 0; p < products; p++) {
            double v = values[p] - shift[p];
            sum[p] += v;
            sumSquares[p] += v * v;
            if (p < differences) {
                y[p] = v - reference;
            }
        }
        int k = 0;
        for (int i = 0; i < differences; i++) {
            double yi = y[i];
            for (int j = i; j < differences; j++) {
                crossSums[k++] += yi * y[j];
            }
        }
    }

    /** Dates added. */
    int count() {
        return count;
    }

    /** The mean of product {@code p}. */
    double mean(int p) {
        return shift[p] + sum[p] / count;
    }

    /** Whether product {@code p} had the same value on every date added. */
    boolean isConstant(int p) {
        return sumSquares[p] == 0;
    }

    /** S = cov(Y) with the unbiased divisor count − 1, into {@code s} ((N−1)×(N−1), row-major). */
    void covariance(double[] s) {
        double reference = sum[differences];
        int k = 0;
        for (int i = 0; i < differences; i++) {
            double si = sum[i] - reference;
            for (int j = i; j < differences; j++) {
                double sj = sum[j] - reference;
                double c = (crossSums[k++] - si * sj / count) / (count - 1);
                s[i * differences + j] = c;
                s[j * differences + i] = c;
            }
        }
    }
}
