package org.ssm.algorithms.kriging;

import java.util.HashMap;
import java.util.Map;

/**
 * Area-to-area and area-to-point covariances by discretisation (paper E §3.2.5, eq. 11: C(v_h, v_i)
 * and C(v_h, v_j)): a coarse pixel is represented by s × s points at the centres of its s × s
 * sub-cells, a fine pixel by t × t points, and the covariance between two supports is the mean of
 * the point covariance over all pairs of their points (Kyriakidis 2004's discrete approximation of
 * the block average).
 *
 * <p>Positions are relative: blocks are addressed by their offset in coarse cells from a reference
 * coarse pixel, fine pixels by their offset in fine cells inside that reference pixel. On a regular
 * grid the covariances depend on nothing else, so they are cached by offset.
 *
 * <p>Block-to-block averages use the multiplicity of point offsets: two s × s point sets on the same
 * lattice differ by only (2s − 1)² distinct vectors, vector e occurring (s − |e_x|)(s − |e_y|) times,
 * so the s⁴ pair sum costs (2s − 1)² evaluations.
 */
final class SupportCovariances {

    private final PointVariogram point;
    private final double coarseWidth;
    private final double coarseHeight;
    private final int s;
    private final double fineWidth;
    private final double fineHeight;
    private final int t;
    private final Map<Long, Double> blocks = new HashMap<>();
    private final Map<Long, Double> blockToFine = new HashMap<>();

    /**
     * @param point the point variogram
     * @param coarseWidth coarse cell width (map units)
     * @param coarseHeight coarse cell height
     * @param s points per coarse cell side
     * @param fineWidth fine cell width
     * @param fineHeight fine cell height
     * @param t points per fine cell side
     */
    SupportCovariances(PointVariogram point, double coarseWidth, double coarseHeight, int s,
            double fineWidth, double fineHeight, int t) {
        this.point = point;
        this.coarseWidth = coarseWidth;
        this.coarseHeight = coarseHeight;
        this.s = s;
        this.fineWidth = fineWidth;
        this.fineHeight = fineHeight;
        this.t = t;
    }

    /** C̄(v, v') for two coarse pixels {@code dCol} columns and {@code dRow} rows apart. */
    double blockToBlock(int dCol, int dRow) {
        int a = Math.abs(dCol);
        int b = Math.abs(dRow);
        long key = ((long) a << 32) | b;
        Double cached = blocks.get(key);
        if (cached != null) {
            return cached;
        }
        double sum = 0;
        double stepX = coarseWidth / s;
        double stepY = coarseHeight / s;
        for (int ey = -(s - 1); ey < s; ey++) {
            double y = b * coarseHeight + ey * stepY;
            double wy = s - Math.abs(ey);
            double row = 0;
            for (int ex = -(s - 1); ex < s; ex++) {
                double x = a * coarseWidth + ex * stepX;
                row += (s - Math.abs(ex)) * point.covariance(Math.sqrt(x * x + y * y));
            }
            sum += wy * row;
        }
        double value = sum / ((double) s * s * s * s);
        blocks.put(key, value);
        return value;
    }

    /**
     * C̄(v_h, u) between the coarse pixel {@code (dCol, dRow)} coarse cells from the reference pixel
     * and the fine pixel at fine offset {@code (fineCol, fineRow)} inside the reference pixel.
     */
    double blockToFine(int dCol, int dRow, int fineCol, int fineRow) {
        long key = ((long) (dCol + 32768) << 48) | ((long) (dRow + 32768) << 32) | ((long) fineCol << 16) | fineRow;
        Double cached = blockToFine.get(key);
        if (cached != null) {
            return cached;
        }
        double[] xs = differences(dCol, coarseWidth, fineCol, fineWidth);
        double[] ys = differences(dRow, coarseHeight, fineRow, fineHeight);
        double sum = 0;
        for (double y : ys) {
            for (double x : xs) {
                sum += point.covariance(Math.sqrt(x * x + y * y));
            }
        }
        double value = sum / ((double) xs.length * ys.length);
        blockToFine.put(key, value);
        return value;
    }

    /** All differences along one axis between the block's s points and the fine pixel's t points. */
    private double[] differences(int dCell, double cell, int fineCell, double fine) {
        double[] d = new double[s * t];
        for (int p = 0; p < s; p++) {
            double block = dCell * cell + (p + 0.5) * cell / s;
            for (int q = 0; q < t; q++) {
                d[p * t + q] = block - (fineCell + (q + 0.5) / t) * fine;
            }
        }
        return d;
    }

    /**
     * The regularised (pixel-support) semivariogram of the point model at a lag of {@code (dCol,
     * dRow)} coarse cells: γ_v(h) = C̄(v, v) − C̄(v, v_h).
     */
    double regularisedSemivariance(int dCol, int dRow) {
        return blockToBlock(0, 0) - blockToBlock(dCol, dRow);
    }
}
