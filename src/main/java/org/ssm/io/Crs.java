package org.ssm.io;

import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.referencing.CRS;
import org.ssm.core.ParameterException;

/**
 * Converts between the CRS strings of the grid model and GeoTools CRS objects.
 *
 * <p>Codes are decoded with longitude (easting) first, matching the grid model's x/y.
 */
public final class Crs {

    private Crs() {}

    /** The GeoTools CRS for an authority code (EPSG:32633, urn:ogc:def:crs:EPSG::4326) or WKT. */
    public static CoordinateReferenceSystem decode(String parameter, String crs) {
        try {
            String text = crs.strip();
            if (text.startsWith("PROJCS") || text.startsWith("GEOGCS") || text.startsWith("COMPD_CS")
                    || text.startsWith("PROJCRS") || text.startsWith("GEOGCRS")) {
                return CRS.parseWKT(text);
            }
            return CRS.decode(text, true);
        } catch (FactoryException | RuntimeException e) {
            throw new ParameterException(parameter, crs, "a known CRS code such as EPSG:4326 or EPSG:32633, or WKT");
        }
    }

    /** The EPSG code of {@code crs} ("EPSG:n") when it has one, else its WKT. */
    public static String encode(CoordinateReferenceSystem crs) {
        try {
            Integer code = CRS.lookupEpsgCode(crs, false);
            if (code == null) {
                code = CRS.lookupEpsgCode(crs, true);
            }
            if (code != null) {
                return "EPSG:" + code;
            }
        } catch (FactoryException e) {
            // No code could be found; WKT still describes the CRS fully.
        }
        return crs.toWKT();
    }

    /** The integer EPSG code in "EPSG:n", or -1 when the string is not of that form. */
    public static int epsgCode(String crs) {
        String text = crs.strip().toUpperCase(java.util.Locale.ROOT);
        if (text.startsWith("EPSG:")) {
            try {
                return Integer.parseInt(text.substring(5));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }
}
