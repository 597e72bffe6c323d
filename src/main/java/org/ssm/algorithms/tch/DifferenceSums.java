package org.ssm.algorithms.tch;

import java.util.Arrays;

/**
 * One pass over the dates of a block of pixels: per pixel, the sums behind each product's mean and
 * the covariance S of the differences Y_i = X_i − X_N to the reference product N (paper E eq. 21–22).
 *
 * <p>Each product is shifted by its value on the pixel's first date valid in every product, which
 * leaves covariances unchanged and keeps the sums of squares free of cancellation when a product's
 * mean is large against its spread (LST in kelvin). The sums are kept one array per term over the
 * pixels of the block, so that a window is summed date by date in short loops over contiguous
 * pixels, which the JIT compiles to vector instructions. One instance serves one thread.
 */
final class DifferenceSums {

    private final int products;
    private final int differences;
    private final int cells;
    private final double[][] sum;
    private final double[][] sumSquares;
    /** Σ y_i y_j over i ≤ j &lt; N, packed row by row. */
    private final double[][] cross;
    private final double[][] shift;
    private final int[] count;
    private final double[][] x;
    private final double[][] y;
    private final int[] valid;

    DifferenceSums(int products, int cells) {
        this.products = products;
        this.differences = products - 1;
        this.cells = cells;
        this.sum = new double[products][cells];
        this.sumSquares = new double[products][cells];
        this.cross = new double[differences * (differences + 1) / 2][cells];
        this.shift = new double[products][cells];
        this.count = new int[cells];
        this.x = new double[products][cells];
        this.y = new double[differences][cells];
        this.valid = new int[cells];
    }

    /** Adds one date of pixel {@code cell}, on which every product has a finite value. */
    void add(int cell, double[] values) {
        if (count[cell] == 0) {
            for (int p = 0; p < products; p++) {
                shift[p][cell] = values[p];
            }
        }
        count[cell]++;
        for (int p = 0; p < products; p++) {
            double v = values[p] - shift[p][cell];
            x[p][cell] = v;
            sum[p][cell] += v;
            sumSquares[p][cell] += v * v;
        }
        for (int i = 0; i < differences; i++) {
            y[i][cell] = x[i][cell] - x[differences][cell];
        }
        int k = 0;
        for (int i = 0; i < differences; i++) {
            for (int j = i; j < differences; j++) {
                cross[k++][cell] += y[i][cell] * y[j][cell];
            }
        }
    }

    /**
     * Adds the dates of pixels {@code from} to {@code from + cells} of a window, {@code data[p][t][cell]};
     * a date counts for a pixel only where every product has a finite value. The sums are those of
     * {@link #add}, term for term in the same order; a missing date adds zeros.
     */
    void addWindow(float[][][] data, int from) {
        int dates = data[0].length;
        findShifts(data, from, dates);
        for (int t = 0; t < dates; t++) {
            Arrays.fill(valid, 1);
            for (int p = 0; p < products; p++) {
                float[] band = data[p][t];
                for (int c = 0; c < cells; c++) {
                    float v = band[from + c];
                    valid[c] &= v - v == 0 ? 1 : 0;
                }
            }
            for (int c = 0; c < cells; c++) {
                count[c] += valid[c];
            }
            for (int p = 0; p < products; p++) {
                float[] band = data[p][t];
                double[] xp = x[p];
                double[] shiftP = shift[p];
                for (int c = 0; c < cells; c++) {
                    double v = band[from + c] - shiftP[c];
                    xp[c] = valid[c] != 0 ? v : 0;
                }
                double[] sumP = sum[p];
                double[] squaresP = sumSquares[p];
                for (int c = 0; c < cells; c++) {
                    sumP[c] += xp[c];
                    squaresP[c] += xp[c] * xp[c];
                }
            }
            double[] reference = x[differences];
            for (int i = 0; i < differences; i++) {
                double[] xi = x[i];
                double[] yi = y[i];
                for (int c = 0; c < cells; c++) {
                    yi[c] = xi[c] - reference[c];
                }
            }
            int k = 0;
            for (int i = 0; i < differences; i++) {
                double[] yi = y[i];
                for (int j = i; j < differences; j++) {
                    double[] yj = y[j];
                    double[] term = cross[k++];
                    for (int c = 0; c < cells; c++) {
                        term[c] += yi[c] * yj[c];
                    }
                }
            }
        }
    }

    /** Shifts each pixel by its values on its first date valid in every product (as {@link #add} does). */
    private void findShifts(float[][][] data, int from, int dates) {
        boolean[] found = new boolean[cells];
        int remaining = cells;
        for (int t = 0; t < dates && remaining > 0; t++) {
            for (int c = 0; c < cells; c++) {
                if (found[c]) {
                    continue;
                }
                boolean ok = true;
                for (int p = 0; p < products && ok; p++) {
                    float v = data[p][t][from + c];
                    ok = v - v == 0;
                }
                if (ok) {
                    for (int p = 0; p < products; p++) {
                        shift[p][c] = data[p][t][from + c];
                    }
                    found[c] = true;
                    remaining--;
                }
            }
        }
    }

    /** Dates added to pixel {@code cell}. */
    int count(int cell) {
        return count[cell];
    }

    /** The mean of product {@code p} at pixel {@code cell}. */
    double mean(int cell, int p) {
        return shift[p][cell] + sum[p][cell] / count[cell];
    }

    /** Whether product {@code p} had the same value on every date added to pixel {@code cell}. */
    boolean isConstant(int cell, int p) {
        return sumSquares[p][cell] == 0;
    }

    /** S = cov(Y) of pixel {@code cell} with the unbiased divisor count − 1, into {@code s} ((N−1)², row-major). */
    void covariance(int cell, double[] s) {
        int n = count[cell];
        double reference = sum[differences][cell];
        int k = 0;
        for (int i = 0; i < differences; i++) {
            double si = sum[i][cell] - reference;
            for (int j = i; j < differences; j++) {
                double sj = sum[j][cell] - reference;
                double c = (cross[k++][cell] - si * sj / n) / (n - 1);
                s[i * differences + j] = c;
                s[j * differences + i] = c;
            }
        }
    }
}
