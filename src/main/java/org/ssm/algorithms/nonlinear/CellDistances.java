package org.ssm.algorithms.nonlinear;

import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;

/**
 * Distances in metres between the centres of two cells of the coarse grid, dis_i of paper D eq. 4.
 * Built from map coordinates in metres ({@link #planar}) or from WGS84 positions ({@link
 * #greatCircle}), so that the bandwidth of the bi-square kernel keeps its meaning in any CRS.
 */
@FunctionalInterface
public interface CellDistances {

    /** Mean Earth radius (IUGG), m. */
    double EARTH_RADIUS = 6_371_008.8;

    /** Distance in metres between the centres of cells {@code from} and {@code to} (row-major indices). */
    double metres(int from, int to);

    /** Euclidean distances between cell centres of a grid whose map units are metres. */
    static CellDistances planar(GridGeometry grid) {
        int width = grid.width();
        double dx = grid.cellWidth();
        double dy = grid.cellHeight();
        return (from, to) -> Math.hypot((from % width - to % width) * dx, (from / width - to / width) * dy);
    }

    /**
     * Great-circle distances on the sphere of {@link #EARTH_RADIUS} between cell centres given in
     * WGS84: within 0.5 % of the ellipsoidal distance, far below what matters to a kernel weight.
     *
     * @param grid the coarse grid
     * @param lonLat longitude and latitude of every cell centre in degrees, interleaved, row-major
     */
    static CellDistances greatCircle(GridGeometry grid, double[] lonLat) {
        if (lonLat.length != 2 * grid.size()) {
            throw new ParameterException("lonLat", lonLat.length + " values", 2 * grid.size()
                    + " values (longitude, latitude of each cell centre)");
        }
        double[] lon = new double[grid.size()];
        double[] lat = new double[grid.size()];
        for (int i = 0; i < lon.length; i++) {
            lon[i] = Math.toRadians(lonLat[2 * i]);
            lat[i] = Math.toRadians(lonLat[2 * i + 1]);
        }
        return (from, to) -> {
            // Haversine: well conditioned for the short distances of a kernel window.
            double sLat = Math.sin(0.5 * (lat[to] - lat[from]));
            double sLon = Math.sin(0.5 * (lon[to] - lon[from]));
            double h = sLat * sLat + Math.cos(lat[from]) * Math.cos(lat[to]) * sLon * sLon;
            return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
        };
    }
}
