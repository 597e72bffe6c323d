package org.ssm.algorithms.nonlinear;

import java.util.Arrays;
import org.ssm.grid.GridGeometry;

/**
 * For every coarse pixel P0, the pixels of its ws × ws window (clipped at the grid's edges) and their
 * bi-square weights w_i of eq. 4; pixels at or beyond the bandwidth (weight 0) are left out.
 */
final class KernelWindows {

    private final int[][] cells;
    private final double[][] weights;

    KernelWindows(GridGeometry coarse, LinkParameters parameters, CellDistances distances) {
        int n = coarse.size();
        int width = coarse.width();
        int height = coarse.height();
        int r = parameters.radius();
        cells = new int[n][];
        weights = new double[n][];
        int[] cellBuffer = new int[parameters.ws() * parameters.ws()];
        double[] weightBuffer = new double[cellBuffer.length];
        for (int p = 0; p < n; p++) {
            int col = p % width;
            int row = p / width;
            int m = 0;
            for (int rr = Math.max(0, row - r); rr <= Math.min(height - 1, row + r); rr++) {
                for (int cc = Math.max(0, col - r); cc <= Math.min(width - 1, col + r); cc++) {
                    int q = rr * width + cc;
                    double w = parameters.weight(distances.metres(p, q));
                    if (w > 0) {
                        cellBuffer[m] = q;
                        weightBuffer[m] = w;
                        m++;
                    }
                }
            }
            cells[p] = Arrays.copyOf(cellBuffer, m);
            weights[p] = Arrays.copyOf(weightBuffer, m);
        }
    }

    /** The window pixels of {@code p} with a positive weight, {@code p} itself included. */
    int[] cells(int p) {
        return cells[p];
    }

    /** Their weights, in the order of {@link #cells(int)}. */
    double[] weights(int p) {
        return weights[p];
    }
}
