package org.ssm.grid;

import java.util.Objects;
import org.ssm.core.ParameterException;

/**
 * One raster band of float32 values on a {@link GridGeometry}, NaN meaning no data.
 *
 * <p>Values are stored row-major ({@code index = row * width + col}). A grid is treated as
 * immutable: {@link #values()} exposes the backing array for speed and callers must not modify it;
 * algorithms write their results into new arrays and wrap them with {@link #of}.
 */
public final class Grid {

    private final GridGeometry geometry;
    private final float[] values;

    private Grid(GridGeometry geometry, float[] values) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        if (values.length != geometry.size()) {
            throw new ParameterException("values", values.length + " values",
                    geometry.size() + " values for a " + geometry.width() + "x" + geometry.height() + " grid");
        }
        this.values = values;
    }

    /** Wraps {@code values} (which the grid now owns) on {@code geometry}. */
    public static Grid of(GridGeometry geometry, float[] values) {
        return new Grid(geometry, values);
    }

    /** A grid of NaN (no data). */
    public static Grid empty(GridGeometry geometry) {
        float[] v = new float[geometry.size()];
        java.util.Arrays.fill(v, Float.NaN);
        return new Grid(geometry, v);
    }

    public GridGeometry geometry() {
        return geometry;
    }

    /** The backing array, row-major. Do not modify. */
    public float[] values() {
        return values;
    }

    public float get(int col, int row) {
        return values[row * geometry.width() + col];
    }

    /** Number of cells that hold data (not NaN). */
    public int validCount() {
        int n = 0;
        for (float v : values) {
            if (!Float.isNaN(v)) {
                n++;
            }
        }
        return n;
    }
}
