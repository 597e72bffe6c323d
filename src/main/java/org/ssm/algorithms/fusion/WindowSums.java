package org.ssm.algorithms.fusion;

import java.util.stream.IntStream;

/**
 * The window sums behind the temporal weights of paper B eq. 3 for one prediction date: for every
 * fine pixel, over the w×w window centred on it and the pixels valid in all five images,
 * Σ (C(t_p) − C(t_m)) and Σ (C(t_p) − C(t_n)) per band, and the number of such pixels.
 *
 * <p>They are box sums, computed in O(1) per pixel by sliding the window along rows and then along
 * columns: the overlap of neighbouring windows is used exactly. The row pass sums in double and
 * rounds to float; the column pass adds and removes those floats in a double accumulator, which is
 * exact, so no error builds up along a column.
 */
final class WindowSums {

    private static final int COLUMN_BLOCK = 64;

    private WindowSums() {}

    /**
     * Fills {@code sums} ([2·nb + 1][pixel]: Σ ΔC_m per band, Σ ΔC_n per band, count).
     *
     * @param p the base pairs
     * @param coarseP the coarse image at t_p, [band][coarse cell]
     * @param cellValid whether each coarse cell of {@code coarseP} is valid in every band
     * @param sums the output, reused between dates
     */
    static void compute(BasePairs p, float[][] coarseP, boolean[] cellValid, float[][] sums) {
        int nb = p.bands;
        int width = p.width;
        int h = p.parameters.radius();
        IntStream.range(0, p.height).parallel().forEach(r -> {
            double[] row = new double[width];
            int cellRow = p.rowCell[r] * p.coarseWidth;
            int off = r * width;
            for (int q = 0; q <= 2 * nb; q++) {
                for (int c = 0; c < width; c++) {
                    int i = off + c;
                    int cell = cellRow + p.colCell[c];
                    if (!p.valid[i] || !cellValid[cell]) {
                        row[c] = 0;
                    } else if (q < nb) {
                        row[c] = (double) coarseP[q][cell] - p.coarseM[q][cell];
                    } else if (q < 2 * nb) {
                        row[c] = (double) coarseP[q - nb][cell] - p.coarseN[q - nb][cell];
                    } else {
                        row[c] = 1;
                    }
                }
                slide(row, width, h, sums[q], off);
            }
        });
        int blocks = (width + COLUMN_BLOCK - 1) / COLUMN_BLOCK;
        IntStream.range(0, blocks * (2 * nb + 1)).parallel().forEach(task -> {
            int q = task / blocks;
            int c0 = (task % blocks) * COLUMN_BLOCK;
            int cols = Math.min(COLUMN_BLOCK, width - c0);
            columns(sums[q], width, p.height, c0, cols, h);
        });
    }

    /** Sliding sums of {@code in[0..n)} over [i − h, i + h] into {@code out[off..off + n)}. */
    private static void slide(double[] in, int n, int h, float[] out, int off) {
        double s = 0;
        for (int i = 0; i <= Math.min(n - 1, h); i++) {
            s += in[i];
        }
        for (int i = 0; i < n; i++) {
            out[off + i] = (float) s;
            int add = i + h + 1;
            int remove = i - h;
            if (add < n) {
                s += in[add];
            }
            if (remove >= 0) {
                s -= in[remove];
            }
        }
    }

    /** Column sliding sums over [r − h, r + h], in place, for columns [c0, c0 + cols). */
    private static void columns(float[] data, int width, int height, int c0, int cols, int h) {
        float[] copy = new float[height * cols];
        for (int r = 0; r < height; r++) {
            System.arraycopy(data, r * width + c0, copy, r * cols, cols);
        }
        double[] s = new double[cols];
        for (int r = 0; r <= Math.min(height - 1, h); r++) {
            for (int j = 0; j < cols; j++) {
                s[j] += copy[r * cols + j];
            }
        }
        for (int r = 0; r < height; r++) {
            int off = r * width + c0;
            for (int j = 0; j < cols; j++) {
                data[off + j] = (float) s[j];
            }
            int add = r + h + 1;
            int remove = r - h;
            if (add < height) {
                for (int j = 0; j < cols; j++) {
                    s[j] += copy[add * cols + j];
                }
            }
            if (remove >= 0) {
                for (int j = 0; j < cols; j++) {
                    s[j] -= copy[remove * cols + j];
                }
            }
        }
    }
}
