package org.ssm.algorithms.kriging;

import java.util.ArrayList;
import java.util.List;
import org.ssm.core.ParameterException;
import org.ssm.grid.Grid;
import org.ssm.grid.GridGeometry;

/**
 * The experimental (areal) semivariogram of coarse-pixel residuals, γ̂_v(h) = Σ (r_i − r_j)² /
 * (2 N(h)) over the N(h) pairs of valid pixels at lag h, the input of the deconvolution in paper E
 * §3.2.5 (ATARK).
 *
 * <p>Pairs are grouped by lag vector {@code (|dCol|, |dRow|)} in coarse cells, because the
 * regularised model depends on that vector (pixels are rectangles, not points), and the vectors are
 * grouped into distance bins of one coarse cell for fitting and display. Lags up to {@code maxLag}
 * cells (rounded distance) are kept.
 */
public final class ExperimentalVariogram {

    /** One distance class: mean pair distance (map units), pair count and semivariance. */
    public record Bin(double distance, long pairs, double semivariance) {}

    private final double cellWidth;
    private final double cellHeight;
    private final int maxLag;
    /** Per lag vector (index a * (maxLag + 1) + b for |dCol| = a, |dRow| = b). */
    private final long[] pairs;
    private final double[] sums;

    ExperimentalVariogram(double cellWidth, double cellHeight, int maxLag, long[] pairs, double[] sums) {
        this.cellWidth = cellWidth;
        this.cellHeight = cellHeight;
        this.maxLag = maxLag;
        this.pairs = pairs;
        this.sums = sums;
    }

    /**
     * The experimental variogram of the valid (non-NaN) pixels of {@code residuals}.
     *
     * @param maxLag largest lag, in coarse cells
     */
    public static ExperimentalVariogram of(Grid residuals, int maxLag) {
        ParameterException.requireInRange("maxLag", maxLag, 1, 200);
        GridGeometry g = residuals.geometry();
        int w = g.width();
        int h = g.height();
        float[] v = residuals.values();
        int side = maxLag + 1;
        long[] pairs = new long[side * side];
        double[] sums = new double[side * side];
        double unit = Math.min(g.cellWidth(), g.cellHeight());
        // Half-plane of lag vectors, so that each unordered pair is counted once.
        for (int dr = 0; dr <= maxLag; dr++) {
            for (int dc = -maxLag; dc <= maxLag; dc++) {
                if (dr == 0 && dc <= 0) {
                    continue;
                }
                double dist = Math.hypot(dc * g.cellWidth(), dr * g.cellHeight());
                if (Math.round(dist / unit) > maxLag) {
                    continue;
                }
                int slot = Math.abs(dc) * side + dr;
                long n = 0;
                double sum = 0;
                for (int r = 0; r + dr < h; r++) {
                    for (int c = Math.max(0, -dc); c < w && c + dc < w; c++) {
                        float a = v[r * w + c];
                        float b = v[(r + dr) * w + c + dc];
                        if (!Float.isNaN(a) && !Float.isNaN(b)) {
                            double d = (double) a - b;
                            sum += 0.5 * d * d;
                            n++;
                        }
                    }
                }
                pairs[slot] += n;
                sums[slot] += sum;
            }
        }
        return new ExperimentalVariogram(g.cellWidth(), g.cellHeight(), maxLag, pairs, sums);
    }

    public double cellWidth() {
        return cellWidth;
    }

    public double cellHeight() {
        return cellHeight;
    }

    public int maxLag() {
        return maxLag;
    }

    /** Pairs at lag vector (|dCol|, |dRow|) = (a, b). */
    public long pairs(int a, int b) {
        return pairs[a * (maxLag + 1) + b];
    }

    /** Semivariance at lag vector (a, b), NaN without pairs. */
    public double semivariance(int a, int b) {
        long n = pairs(a, b);
        return n == 0 ? Double.NaN : sums[a * (maxLag + 1) + b] / n;
    }

    /** Distance class (1 … maxLag) of lag vector (a, b): its length rounded to whole coarse cells. */
    public int binOf(int a, int b) {
        return (int) Math.round(Math.hypot(a * cellWidth, b * cellHeight) / Math.min(cellWidth, cellHeight));
    }

    /** The non-empty distance classes, nearest first. */
    public List<Bin> bins() {
        int side = maxLag + 1;
        long[] n = new long[maxLag + 1];
        double[] s = new double[maxLag + 1];
        double[] d = new double[maxLag + 1];
        for (int a = 0; a < side; a++) {
            for (int b = 0; b < side; b++) {
                long p = pairs[a * side + b];
                int bin = binOf(a, b);
                if (p == 0 || bin < 1 || bin > maxLag) {
                    continue;
                }
                n[bin] += p;
                s[bin] += sums[a * side + b];
                d[bin] += p * Math.hypot(a * cellWidth, b * cellHeight);
            }
        }
        List<Bin> bins = new ArrayList<>();
        for (int bin = 1; bin <= maxLag; bin++) {
            if (n[bin] > 0) {
                bins.add(new Bin(d[bin] / n[bin], n[bin], s[bin] / n[bin]));
            }
        }
        return bins;
    }
}
