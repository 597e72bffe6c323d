package org.ssm.host.wps;

import java.util.List;
import org.geotools.api.coverage.grid.GridCoverage;
import org.geotools.api.data.Parameter;
import org.geotools.feature.FeatureCollection;

/** How process parameter types appear in WPS 1.0.0: literal data types and complex formats. */
public final class WpsTypes {

    public static final String GEOTIFF = "image/tiff";
    public static final String GEOJSON = "application/json";

    /** Formats accepted and produced for rasters; the first is the default. */
    public static final List<String> RASTER_FORMATS = List.of(GEOTIFF, "image/geotiff", "application/geotiff");

    /** Formats accepted and produced for features; the first is the default. */
    public static final List<String> FEATURE_FORMATS = List.of(GEOJSON, "application/geo+json");

    private WpsTypes() {}

    /** Whether values of {@code type} travel as complex data (documents) rather than literals. */
    public static boolean isComplex(Class<?> type) {
        return GridCoverage.class.isAssignableFrom(type) || FeatureCollection.class.isAssignableFrom(type);
    }

    public static boolean isComplex(Parameter<?> p) {
        return isComplex(p.type);
    }

    /** The formats for a complex type. */
    public static List<String> formats(Class<?> type) {
        return GridCoverage.class.isAssignableFrom(type) ? RASTER_FORMATS : FEATURE_FORMATS;
    }

    /** Whether {@code mimeType} (parameters after ';' ignored) is one of {@code formats}. */
    public static boolean accepts(List<String> formats, String mimeType) {
        if (mimeType == null) {
            return true;
        }
        String base = mimeType.split(";")[0].strip();
        return formats.stream().anyMatch(f -> f.equalsIgnoreCase(base));
    }

    /** The XML Schema data type of a literal, e.g. {@code xs:double}. */
    public static String dataType(Class<?> type) {
        if (type == Double.class || type == Float.class) {
            return "xs:double";
        }
        if (type == Integer.class || type == Long.class || type == Short.class) {
            return "xs:int";
        }
        if (type == Boolean.class) {
            return "xs:boolean";
        }
        return "xs:string";
    }

    /** The W3C reference URL of a literal data type. */
    public static String dataTypeReference(Class<?> type) {
        return "http://www.w3.org/TR/xmlschema-2/#" + dataType(type).substring(3);
    }
}
