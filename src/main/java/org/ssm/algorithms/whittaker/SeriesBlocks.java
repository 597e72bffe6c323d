package org.ssm.algorithms.whittaker;

import java.util.ArrayList;
import java.util.List;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.Window;

/**
 * The windows in which a series is smoothed: every date of a window is held at once, so a window's
 * size bounds the heap. Windows are 256 columns wide, matching the 256 × 256 tiles of lazily read
 * coverages and GeoTIFFs, with as many rows (at most 256) as keep a window under {@link #MAX_VALUES}
 * values: 44 rows for a daily series of a year.
 */
final class SeriesBlocks {

    static final int WIDTH = 256;

    /** At most 2^22 float values (16 MiB) per window. */
    static final int MAX_VALUES = 1 << 22;

    private SeriesBlocks() {}

    static int rows(int bands) {
        return Math.max(1, Math.min(WIDTH, MAX_VALUES / (WIDTH * bands)));
    }

    static List<Window> windows(GridGeometry grid, int bands) {
        int rows = rows(bands);
        List<Window> windows = new ArrayList<>();
        for (int r = 0; r < grid.height(); r += rows) {
            for (int c = 0; c < grid.width(); c += WIDTH) {
                windows.add(new Window(c, r, Math.min(WIDTH, grid.width() - c), Math.min(rows, grid.height() - r)));
            }
        }
        return windows;
    }
}
