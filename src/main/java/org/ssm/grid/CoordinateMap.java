package org.ssm.grid;

/**
 * A map between the coordinates of two grids' CRSs, applied in place to {@code count} (x, y)
 * pairs; a point with no image becomes (NaN, NaN). Kept free of referencing libraries so that
 * algorithms can resample across CRSs; {@code org.ssm.io.CrsTransforms} builds one from GeoTools.
 */
@FunctionalInterface
public interface CoordinateMap {

    /** The identity, for grids in one CRS. */
    CoordinateMap IDENTITY = (xy, count) -> {};

    void apply(double[] xy, int count);
}
