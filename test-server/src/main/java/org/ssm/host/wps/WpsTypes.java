package org.ssm.host.wps;

import java.awt.image.RenderedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.geotools.api.coverage.grid.GridCoverage;
import org.geotools.api.data.Parameter;
import org.geotools.feature.FeatureCollection;

/**
 * How process parameters appear in WPS 1.0.0: literal data types, and the formats of complex data.
 *
 * <p>Complex are rasters (GeoTIFF), feature collections (GeoJSON), images (PNG) and text documents:
 * a {@code String} parameter or result whose annotation declares {@code meta = {"mimeTypes=..."}},
 * the convention GeoServer uses for raw data.
 */
public final class WpsTypes {

    public static final String GEOTIFF = "image/tiff";
    public static final String GEOJSON = "application/json";
    public static final String PNG = "image/png";

    /** Metadata key of the formats of a text parameter, as in GeoServer process annotations. */
    public static final String MIME_TYPES = "mimeTypes";

    /** Formats accepted and produced for rasters; the first is the default. */
    public static final List<String> RASTER_FORMATS = List.of(GEOTIFF, "image/geotiff", "application/geotiff");

    /** Formats accepted and produced for features; the first is the default. */
    public static final List<String> FEATURE_FORMATS = List.of(GEOJSON, "application/geo+json");

    /**
     * Formats also accepted for feature inputs: station files (ISMN, CSV), read into station features
     * ({@link FeatureInputs}).
     */
    public static final List<String> STATION_FILE_FORMATS = List.of("text/csv", "text/plain");

    private WpsTypes() {}

    /** Whether the parameter travels as complex data (a document) rather than a literal. */
    public static boolean isComplex(Parameter<?> p) {
        return GridCoverage.class.isAssignableFrom(p.type) || FeatureCollection.class.isAssignableFrom(p.type)
                || RenderedImage.class.isAssignableFrom(p.type) || !textFormats(p).isEmpty();
    }

    /** Whether the parameter is a text document (a String with declared formats). */
    public static boolean isText(Parameter<?> p) {
        return p.type == String.class && !textFormats(p).isEmpty();
    }

    /** The formats of a complex parameter; the first is the default. */
    public static List<String> formats(Parameter<?> p) {
        if (GridCoverage.class.isAssignableFrom(p.type)) {
            return RASTER_FORMATS;
        }
        if (FeatureCollection.class.isAssignableFrom(p.type)) {
            return FEATURE_FORMATS;
        }
        if (RenderedImage.class.isAssignableFrom(p.type)) {
            return List.of(PNG);
        }
        return textFormats(p);
    }

    /** The formats an input accepts: those of {@link #formats}, and station files for feature inputs. */
    public static List<String> inputFormats(Parameter<?> p) {
        if (FeatureCollection.class.isAssignableFrom(p.type)) {
            List<String> all = new ArrayList<>(FEATURE_FORMATS);
            all.addAll(STATION_FILE_FORMATS);
            return all;
        }
        return formats(p);
    }

    private static List<String> textFormats(Parameter<?> p) {
        Object declared = p.metadata == null ? null : p.metadata.get(MIME_TYPES);
        if (p.type != String.class || declared == null) {
            return List.of();
        }
        List<String> formats = new ArrayList<>();
        for (String f : declared.toString().split(",")) {
            if (!f.isBlank()) {
                formats.add(f.strip());
            }
        }
        return formats;
    }

    /** Whether {@code mimeType} (parameters after ';' ignored) is one of {@code formats}. */
    public static boolean accepts(List<String> formats, String mimeType) {
        if (mimeType == null) {
            return true;
        }
        String base = mimeType.split(";")[0].strip();
        return formats.stream().anyMatch(f -> f.equalsIgnoreCase(base));
    }

    /** The file extension used to store a document of {@code mimeType}. */
    public static String extension(String mimeType) {
        String base = mimeType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return switch (base) {
            case GEOTIFF, "image/geotiff", "application/geotiff" -> ".tif";
            case PNG -> ".png";
            case GEOJSON, "application/geo+json" -> ".json";
            case "text/csv" -> ".csv";
            case "application/xml", "text/xml" -> ".xml";
            default -> ".txt";
        };
    }

    /** The MIME type of a stored file, from its extension. */
    public static String mimeTypeOf(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".tif")) {
            return GEOTIFF;
        }
        if (name.endsWith(".png")) {
            return PNG;
        }
        if (name.endsWith(".json")) {
            return GEOJSON;
        }
        if (name.endsWith(".csv")) {
            return "text/csv; charset=UTF-8";
        }
        if (name.endsWith(".xml")) {
            return "application/xml";
        }
        return "text/plain; charset=UTF-8";
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
