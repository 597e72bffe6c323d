package org.ssm.algorithms.validation;

import java.util.List;
import org.ssm.grid.CoordinateMap;
import org.ssm.grid.GridGeometry;
import org.ssm.stations.Station;

/**
 * The grid cell containing each station: the value a product delivers there, without
 * interpolation, as in paper B's and E's comparisons of pixels with the sensors inside them.
 */
public final class StationCells {

    /** Index of a station outside the grid (or outside the domain of its projection). */
    public static final int OUTSIDE = -1;

    private StationCells() {}

    /**
     * The row-major index of the cell of {@code grid} containing each station, or {@link #OUTSIDE}. A
     * station on an inner cell edge belongs to the cell to its right or below.
     */
    public static int[] of(List<Station> stations, GridGeometry grid, CoordinateMap fromLonLat) {
        double[] xy = new double[2 * stations.size()];
        for (int s = 0; s < stations.size(); s++) {
            xy[2 * s] = stations.get(s).lon();
            xy[2 * s + 1] = stations.get(s).lat();
        }
        fromLonLat.apply(xy, stations.size());
        int[] cells = new int[stations.size()];
        for (int s = 0; s < cells.length; s++) {
            double col = grid.colOf(xy[2 * s]);
            double row = grid.rowOf(xy[2 * s + 1]);
            cells[s] = col >= 0 && col < grid.width() && row >= 0 && row < grid.height()
                    ? (int) row * grid.width() + (int) col : OUTSIDE;
        }
        return cells;
    }
}
