package org.ssm.host.wms;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.ssm.grid.GridGeometry;
import org.ssm.stations.StationSeries;

/**
 * Where the stations of a layer fall on a map: their WGS84 positions transformed into the request CRS
 * and then to image pixels, the same positions for GetMap and GetFeatureInfo so that a click on a
 * drawn circle finds its station.
 */
final class StationPositions {

    private StationPositions() {}

    /**
     * The pixel coordinates (x, y, continuous, 0 at the left and top edges) of each station on the map
     * {@code grid} in {@code crs}; NaN for a station the CRS cannot hold.
     */
    static double[] of(List<StationSeries> stations, WmsCrs crs, GridGeometry grid) {
        double[] xy = new double[2 * stations.size()];
        for (int s = 0; s < stations.size(); s++) {
            xy[2 * s] = stations.get(s).station().lon();
            xy[2 * s + 1] = stations.get(s).station().lat();
        }
        toRequestCrs(xy, crs);
        for (int s = 0; s < stations.size(); s++) {
            double x = xy[2 * s];
            double y = xy[2 * s + 1];
            xy[2 * s] = Double.isFinite(x) && Double.isFinite(y) ? grid.colOf(x) : Double.NaN;
            xy[2 * s + 1] = Double.isFinite(x) && Double.isFinite(y) ? grid.rowOf(y) : Double.NaN;
        }
        return xy;
    }

    private static void toRequestCrs(double[] xy, WmsCrs crs) {
        MathTransform mt;
        try {
            WmsCrs wgs84 = WmsCrs.parse("CRS:84", "crs", true);
            mt = WmsCrs.transform(wgs84.xy(), "CRS:84", crs.xy(), crs.code().toUpperCase(Locale.ROOT));
        } catch (FactoryException e) {
            throw WmsErrors.invalidCrs("crs", "stations cannot be drawn in " + crs.code() + ": " + e.getMessage());
        }
        if (mt == null) {
            return;
        }
        double[] lonLat = xy.clone();
        try {
            mt.transform(lonLat, 0, xy, 0, xy.length / 2);
        } catch (TransformException e) {
            // One point outside the projection's domain fails the batch: transform them one by one.
            double[] one = new double[2];
            for (int s = 0; s < xy.length / 2; s++) {
                one[0] = lonLat[2 * s];
                one[1] = lonLat[2 * s + 1];
                try {
                    mt.transform(one, 0, one, 0, 1);
                    xy[2 * s] = one[0];
                    xy[2 * s + 1] = one[1];
                } catch (TransformException outside) {
                    Arrays.fill(xy, 2 * s, 2 * s + 2, Double.NaN);
                }
            }
        }
    }
}
