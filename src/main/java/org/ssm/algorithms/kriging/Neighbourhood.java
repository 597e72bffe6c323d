package org.ssm.algorithms.kriging;

import java.util.ArrayList;
import java.util.List;

/**
 * The k nearest valid coarse pixels of a fine pixel (paper E eq. 10), as offsets from the coarse
 * pixel that contains it. Ties in distance are broken by row offset, then column offset, so the
 * choice depends only on relative geometry and the result is deterministic and translation
 * invariant (which the weight cache relies on).
 */
final class Neighbourhood {

    private final boolean[] valid;
    private final int width;
    private final int height;
    private final double cellWidth;
    private final double cellHeight;
    private final double fineWidth;
    private final double fineHeight;
    private final int k;
    private final NeighbourCentre centre;

    Neighbourhood(boolean[] valid, int width, int height, double cellWidth, double cellHeight,
            double fineWidth, double fineHeight, int k, NeighbourCentre centre) {
        this.valid = valid;
        this.width = width;
        this.height = height;
        this.cellWidth = cellWidth;
        this.cellHeight = cellHeight;
        this.fineWidth = fineWidth;
        this.fineHeight = fineHeight;
        this.k = k;
        this.centre = centre;
    }

    /**
     * Offsets {dCol0, dRow0, dCol1, dRow1, …} of the chosen coarse pixels relative to coarse pixel
     * (col, row), nearest first; fewer than k when the grid holds fewer valid pixels.
     *
     * @param fineCol fine column offset inside the coarse pixel (used only for {@link NeighbourCentre#FINE_PIXEL})
     * @param fineRow fine row offset inside the coarse pixel
     */
    int[] select(int col, int row, int fineCol, int fineRow) {
        double unit = Math.min(cellWidth, cellHeight);
        double px = centre == NeighbourCentre.FINE_PIXEL ? (fineCol + 0.5) * fineWidth - 0.5 * cellWidth : 0;
        double py = centre == NeighbourCentre.FINE_PIXEL ? (fineRow + 0.5) * fineHeight - 0.5 * cellHeight : 0;
        int r = Math.max(1, (int) Math.ceil((Math.sqrt(k) - 1) / 2));
        while (true) {
            List<double[]> candidates = new ArrayList<>();
            for (int dr = -r; dr <= r; dr++) {
                int rr = row + dr;
                if (rr < 0 || rr >= height) {
                    continue;
                }
                for (int dc = -r; dc <= r; dc++) {
                    int cc = col + dc;
                    if (cc < 0 || cc >= width || !valid[rr * width + cc]) {
                        continue;
                    }
                    double x = dc * cellWidth - px;
                    double y = dr * cellHeight - py;
                    candidates.add(new double[] {Math.sqrt(x * x + y * y), dr, dc});
                }
            }
            candidates.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0])
                    : a[1] != b[1] ? Double.compare(a[1], b[1]) : Double.compare(a[2], b[2]));
            // Pixels outside the window are at least this far: r + 1 cells from the coarse centre,
            // r + 1/2 from any point inside the centre pixel.
            double beyond = (centre == NeighbourCentre.FINE_PIXEL ? r + 0.5 : r + 1) * unit;
            boolean whole = r >= Math.max(width, height);
            if (whole || candidates.size() >= k && candidates.get(k - 1)[0] < beyond) {
                int n = Math.min(k, candidates.size());
                int[] offsets = new int[2 * n];
                for (int i = 0; i < n; i++) {
                    offsets[2 * i] = (int) candidates.get(i)[2];
                    offsets[2 * i + 1] = (int) candidates.get(i)[1];
                }
                return offsets;
            }
            r++;
        }
    }
}
