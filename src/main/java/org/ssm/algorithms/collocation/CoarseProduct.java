package org.ssm.algorithms.collocation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ssm.core.ParameterException;
import org.ssm.grid.CoordinateMap;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;

/**
 * A dated coarse soil-moisture series (satellite or model) to be sampled at stations: the value of
 * the cell that contains the station, without interpolation, since TC compares the product as it
 * is delivered.
 */
public final class CoarseProduct {

    private final String parameter;
    private final GridSeries series;
    private final CoordinateMap fromLonLat;
    private final Map<LocalDate, Integer> bandOf = new HashMap<>();

    /**
     * @param parameter the public name of the input, for error messages
     * @param series the product, one band per date
     * @param fromLonLat the map from WGS84 longitude/latitude to the series' CRS
     * @throws ParameterException naming {@code parameter} if the series has no dates
     */
    public CoarseProduct(String parameter, GridSeries series, CoordinateMap fromLonLat) {
        if (series == null) {
            throw ParameterException.missing(parameter, "a dated coverage");
        }
        if (!series.isDated()) {
            throw ParameterException.because(parameter, "the coverage has no dates: give them (band i = date i)");
        }
        if (fromLonLat == null) {
            throw ParameterException.missing(parameter, "a map from longitude/latitude to the grid's CRS");
        }
        this.parameter = parameter;
        this.series = series;
        this.fromLonLat = fromLonLat;
        List<LocalDate> dates = series.dates();
        for (int b = 0; b < dates.size(); b++) {
            bandOf.put(dates.get(b), b);
        }
    }

    /** The public name of the input. */
    public String parameter() {
        return parameter;
    }

    public GridGeometry geometry() {
        return series.geometry();
    }

    /**
     * The row-major index of the cell containing the WGS84 point, or -1 when the point falls outside
     * the grid (or outside the domain of its projection). A point on an inner cell edge belongs to
     * the cell to its right or below.
     */
    public int cellOf(double lon, double lat) {
        double[] xy = {lon, lat};
        fromLonLat.apply(xy, 1);
        GridGeometry g = series.geometry();
        double col = g.colOf(xy[0]);
        double row = g.rowOf(xy[1]);
        if (!(col >= 0 && col < g.width() && row >= 0 && row < g.height())) {
            return -1;
        }
        return (int) row * g.width() + (int) col;
    }

    /** The value of {@code cell} on {@code date}, or NaN when the product has no such date or no value. */
    public double valueAt(int cell, LocalDate date) {
        Integer band = bandOf.get(date);
        return band == null ? Double.NaN : series.band(band)[cell];
    }
}
