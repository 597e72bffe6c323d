package org.ssm.io;

import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.referencing.CRS;
import org.ssm.core.ParameterException;

/** Converts map coordinates of a grid's CRS to WGS84 longitude and latitude, through GeoTools. */
public final class Wgs84 {

    private Wgs84() {}

    /**
     * The WGS84 positions of points given in {@code crs}.
     *
     * @param crs the CRS of the points, as in {@link org.ssm.grid.GridGeometry#crs()}
     * @param xy the points, interleaved {@code x0, y0, x1, y1, ...}
     * @return the positions, interleaved {@code lon0, lat0, lon1, lat1, ...}, in degrees
     */
    public static double[] toLonLat(String crs, double[] xy) {
        CoordinateReferenceSystem source = Crs.decode("crs", crs);
        CoordinateReferenceSystem target = Crs.decode("crs", "EPSG:4326");
        double[] lonLat = new double[xy.length];
        try {
            // Lenient: a datum shift of a few metres does not matter for placing stations.
            MathTransform transform = CRS.findMathTransform(source, target, true);
            transform.transform(xy, 0, lonLat, 0, xy.length / 2);
        } catch (FactoryException | TransformException e) {
            throw ParameterException.because("crs", "cannot convert " + crs + " to WGS84: " + e.getMessage());
        }
        return lonLat;
    }
}
