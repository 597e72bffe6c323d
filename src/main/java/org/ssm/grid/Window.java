package org.ssm.grid;

import java.util.ArrayList;
import java.util.List;
import org.ssm.core.ParameterException;

/**
 * A rectangle of cells of a grid: the unit in which a series is read and written when it is
 * processed tile by tile.
 *
 * @param col first column
 * @param row first row
 * @param width columns, &gt; 0
 * @param height rows, &gt; 0
 */
public record Window(int col, int row, int width, int height) {

    public Window {
        if (col < 0 || row < 0 || width <= 0 || height <= 0) {
            throw new ParameterException("window", col + "," + row + " " + width + "x" + height,
                    "a non-empty window at non-negative offsets");
        }
    }

    /** The whole grid. */
    public static Window all(GridGeometry grid) {
        return new Window(0, 0, grid.width(), grid.height());
    }

    /** Tiles of at most {@code size}×{@code size} cells covering {@code grid}, row by row. */
    public static List<Window> tiles(GridGeometry grid, int size) {
        ParameterException.requireInRange("tileSize", size, 1, Integer.MAX_VALUE);
        List<Window> tiles = new ArrayList<>();
        for (int r = 0; r < grid.height(); r += size) {
            for (int c = 0; c < grid.width(); c += size) {
                tiles.add(new Window(c, r, Math.min(size, grid.width() - c), Math.min(size, grid.height() - r)));
            }
        }
        return tiles;
    }

    /** Number of cells. */
    public int size() {
        return width * height;
    }

    /** Whether the window lies inside {@code grid}. */
    public boolean within(GridGeometry grid) {
        return col + width <= grid.width() && row + height <= grid.height();
    }

    /** Copies this window out of a whole row-major band of {@code gridWidth} columns. */
    public float[] copyFrom(float[] band, int gridWidth) {
        float[] out = new float[size()];
        for (int r = 0; r < height; r++) {
            System.arraycopy(band, (row + r) * gridWidth + col, out, r * width, width);
        }
        return out;
    }

    /** Copies {@code values} (this window, row-major) into a whole band of {@code gridWidth} columns. */
    public void copyInto(float[] values, float[] band, int gridWidth) {
        for (int r = 0; r < height; r++) {
            System.arraycopy(values, r * width, band, (row + r) * gridWidth + col, width);
        }
    }
}
