package org.ssm.host.wms;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.host.catalog.Catalog;
import org.ssm.host.catalog.Layer;
import org.ssm.host.catalog.PublishedLayer;
import org.ssm.host.catalog.StationLayer;
import org.ssm.host.ows.Kvp;
import org.ssm.host.ows.OwsException;

/**
 * A validated GetMap request: what to draw, in which grid, and how to encode it.
 *
 * @param layers the layers to draw, bottom first: rasters with their style and band, station layers
 *     with their date
 * @param crs the request CRS
 * @param grid the output image as a grid in the request CRS (x first, north up)
 * @param format the image encoding
 * @param transparent whether pixels without data stay transparent (PNG only)
 * @param background the background colour 0xRRGGBB for opaque images
 */
public record GetMapRequest(List<Drawn> layers, WmsCrs crs, GridGeometry grid, ImageFormat format,
        boolean transparent, int background) {

    /**
     * The request parameter of the sample dimension {@code band} ({@code DIM_} and the dimension's name,
     * WMS 1.3.0 §6.7.7 and Annex C), as a KVP key.
     */
    public static final String DIM_BAND = "dim_band";

    /** Largest WIDTH and HEIGHT, each, in pixels. */
    public static final int MAX_SIZE = 4096;
    /** Most layers drawn by one request. */
    public static final int MAX_LAYERS = 32;

    /** One layer of a map: a raster or a station layer. */
    public sealed interface Drawn permits MapLayer, StationMapLayer {
        /** The layer name. */
        String name();
    }

    /**
     * One raster layer of a map.
     *
     * @param layer the catalogue layer
     * @param style the style it is drawn with
     * @param band the band drawn: the date's band for a series, the DIM_BAND band for an undated layer
     */
    public record MapLayer(Layer layer, ColorMapStyle style, int band) implements Drawn {
        @Override
        public String name() {
            return layer.name();
        }
    }

    /**
     * One station layer of a map.
     *
     * @param layer the catalogue layer
     * @param date the TIME asked for: stations with a reading that UTC date are drawn filled, the others as
     *     rings; {@code null} draws every station filled
     */
    public record StationMapLayer(StationLayer layer, LocalDate date) implements Drawn {
        @Override
        public String name() {
            return layer.name();
        }
    }

    public GetMapRequest {
        layers = List.copyOf(layers);
    }

    /**
     * Reads and checks the KVP parameters of a GetMap request.
     *
     * @throws OwsException with the WMS 1.3.0 code and the offending parameter as locator
     */
    public static GetMapRequest parse(Kvp kvp, Catalog catalog, StyleLibrary styles) {
        return parse(kvp, catalog, styles, false);
    }

    /**
     * Reads the GetMap parameters, either of a GetMap request or of the map part of a GetFeatureInfo
     * request. For the latter FORMAT may be absent (many clients leave it out, and no image is drawn),
     * and TIME is left to the caller, since there it may be a range: every layer then carries its latest
     * band.
     */
    static GetMapRequest parse(Kvp kvp, Catalog catalog, StyleLibrary styles, boolean featureInfo) {
        boolean wms13 = isWms13(kvp);
        List<PublishedLayer> layers = layers(kvp.require("layers"), catalog, "layers");
        List<String> styleNames = styleNames(kvp.get("styles"), layers.size());
        String time = featureInfo ? null : kvp.get("time");
        String dimBand = kvp.get(DIM_BAND);
        List<Drawn> mapLayers = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof StationLayer stations) {
                StationStyle.requireKnown(stations, styleNames.get(i), "styles");
                mapLayers.add(new StationMapLayer(stations, stationDate(time)));
            } else {
                Layer layer = (Layer) layers.get(i);
                mapLayers.add(new MapLayer(layer, styles.resolve(layer, styleNames.get(i), "styles"),
                        layer.isSeries() ? bandFor(layer, time) : bandOf(layer, dimBand)));
            }
        }
        String crsKey = wms13 ? "crs" : "srs";
        WmsCrs crs = WmsCrs.parse(kvp.require(crsKey), crsKey, wms13);
        double[] box = bbox(kvp.require("bbox"), crs);
        int width = size(kvp, "width");
        int height = size(kvp, "height");
        ImageFormat format = featureInfo && !kvp.has("format") ? ImageFormat.PNG
                : ImageFormat.of(kvp.require("format"));
        boolean transparent = bool(kvp, "transparent");
        int background = color(kvp.get("bgcolor"));
        GridGeometry grid;
        try {
            grid = new GridGeometry(crs.code(), box[0], box[3], (box[2] - box[0]) / width,
                    (box[3] - box[1]) / height, width, height);
        } catch (ParameterException e) {
            // Only a box too large for double arithmetic gets here: its cell size overflows.
            throw OwsException.invalid("bbox", "BBOX=" + kvp.get("bbox") + ": " + e.getMessage());
        }
        return new GetMapRequest(mapLayers, crs, grid, format, transparent, background);
    }

    /** Whether a request follows WMS 1.3.0; 1.1.x clients send SRS and x-first coordinates. */
    static boolean isWms13(Kvp kvp) {
        String version = kvp.get("version");
        return version == null || !version.strip().startsWith("1.1");
    }

    /**
     * The layers of either kind named by a comma list, checked against the catalogue; {@code key} names
     * the parameter.
     */
    static List<PublishedLayer> layers(String text, Catalog catalog, String key) {
        String name = key.toUpperCase(Locale.ROOT);
        List<PublishedLayer> layers = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String layer = part.strip();
            if (layer.isEmpty()) {
                throw WmsErrors.layerNotDefined(key, name + "=" + text + " has an empty layer name");
            }
            layers.add(catalog.findAny(layer).orElseThrow(() -> WmsErrors.layerNotDefined(key,
                    "layer '" + layer + "' is not defined; GetCapabilities lists the layers")));
        }
        if (layers.size() > MAX_LAYERS) {
            throw OwsException.invalid(key, "at most " + MAX_LAYERS + " layers can be named at once, not "
                    + layers.size());
        }
        return layers;
    }

    private static List<String> styleNames(String text, int count) {
        List<String> names = new ArrayList<>();
        if (text == null) {
            for (int i = 0; i < count; i++) {
                names.add("");
            }
            return names;
        }
        for (String part : text.split(",", -1)) {
            names.add(part.strip());
        }
        if (names.size() != count) {
            throw WmsErrors.styleNotDefined("styles", "STYLES=" + text + " names " + names.size()
                    + " styles for " + count + " layers: give one per layer, or leave STYLES empty");
        }
        return names;
    }

    /** The band of {@code layer} for the TIME parameter: the latest date when none is given. */
    static int bandFor(Layer layer, String time) {
        if (!layer.isSeries()) {
            return 0;
        }
        if (time == null || time.strip().equalsIgnoreCase("current")) {
            return layer.bands() - 1;
        }
        LocalDate date = parseTime(time);
        int band = layer.indexOf(date);
        if (band < 0) {
            throw WmsErrors.invalidDimension("time", "TIME=" + time + ": layer " + layer.name()
                    + " has no map on " + date + " (its dates run from " + layer.dates().get(0) + " to "
                    + layer.dates().get(layer.dates().size() - 1) + "; GetCapabilities lists them)");
        }
        return band;
    }

    /**
     * The band of an undated {@code layer} for the DIM_BAND parameter: a band name or a 1-based band
     * number; the first band (the declared default) when none is given or it is empty. Values are case
     * sensitive (WMS 1.3.0 §6.8.1). A layer without the band dimension (a single band) ignores the
     * parameter: the dimension is not declared for it, and a server must accept parameters it does not use
     * (§6.8.1), so one DIM_BAND can go with a map that also draws such layers.
     *
     * @throws OwsException InvalidDimensionValue (locator {@code dim_band}) for a value naming no band
     */
    static int bandOf(Layer layer, String dimBand) {
        if (!layer.hasBandDimension() || dimBand == null || dimBand.isBlank()) {
            return 0;
        }
        int band = layer.bandOf(dimBand.strip());
        if (band < 0) {
            throw WmsErrors.invalidDimension(DIM_BAND, "DIM_BAND=" + dimBand + ": layer " + layer.name()
                    + " has no band of that name or number; its bands are " + String.join(", ", layer.bandNames())
                    + " (or their numbers 1 to " + layer.bands() + "; GetCapabilities lists them)");
        }
        return band;
    }

    /**
     * The date of a station layer for the TIME parameter, or {@code null} (every station drawn alike)
     * when none is given. Any date is valid: on a date without readings every station is a ring.
     */
    static LocalDate stationDate(String time) {
        return time == null || time.strip().equalsIgnoreCase("current") ? null : parseTime(time);
    }

    /** An ISO 8601 date or date-time as the UTC date it falls on. */
    static LocalDate parseTime(String time) {
        String t = time.strip();
        if (t.contains(",") || t.contains("/")) {
            throw WmsErrors.invalidDimension("time", "TIME=" + time
                    + ": a single date is expected; a list or a range cannot be drawn as one map");
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            // Not a bare date: try the date-time forms below.
        }
        try {
            return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            // Not a date-time with an offset either.
        }
        try {
            return LocalDateTime.parse(t).toLocalDate();
        } catch (DateTimeParseException e) {
            throw WmsErrors.invalidDimension("time", "TIME=" + time
                    + ": expected an ISO 8601 date such as 2021-04-01 or 2021-04-01T00:00:00Z");
        }
    }

    /** BBOX as minX, minY, maxX, maxY with x first. */
    private static double[] bbox(String text, WmsCrs crs) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw OwsException.invalid("bbox", "BBOX=" + text + ": expected four numbers minx,miny,maxx,maxy");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw OwsException.invalid("bbox", "BBOX=" + text + ": '" + parts[i] + "' is not a number");
            }
            if (!Double.isFinite(v[i])) {
                throw OwsException.invalid("bbox", "BBOX=" + text + ": coordinates must be finite");
            }
        }
        double[] box = crs.yx() ? new double[] {v[1], v[0], v[3], v[2]} : v;
        if (!(box[0] < box[2] && box[1] < box[3])) {
            throw OwsException.invalid("bbox", "BBOX=" + text + ": the minimum must be below the maximum on each axis"
                    + (crs.yx() ? " (" + crs.code() + " is written latitude first in WMS 1.3.0)" : ""));
        }
        return box;
    }

    private static int size(Kvp kvp, String key) {
        kvp.require(key);
        return kvp.intValue(key, 0, 1, MAX_SIZE);
    }

    private static boolean bool(Kvp kvp, String key) {
        String v = kvp.get(key);
        if (v == null || v.equalsIgnoreCase("false")) {
            return false;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        throw OwsException.invalid(key, key.toUpperCase(Locale.ROOT) + "=" + v + ": expected TRUE or FALSE");
    }

    /** BGCOLOR as 0xRRGGBB (or #RRGGBB); white when absent, as WMS 1.3.0 specifies. */
    static int color(String text) {
        if (text == null) {
            return 0xFFFFFF;
        }
        String hex = text.strip();
        if (hex.startsWith("0x") || hex.startsWith("0X")) {
            hex = hex.substring(2);
        } else if (hex.startsWith("#")) {
            hex = hex.substring(1);
        }
        if (hex.length() == 6) {
            try {
                return Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                // Reported below.
            }
        }
        throw OwsException.invalid("bgcolor", "BGCOLOR=" + text + ": expected a colour 0xRRGGBB");
    }

    /** The image encodings GetMap offers. */
    public enum ImageFormat {
        PNG("image/png", "png"),
        JPEG("image/jpeg", "jpeg");

        private final String mimeType;
        private final String imageIoName;

        ImageFormat(String mimeType, String imageIoName) {
            this.mimeType = mimeType;
            this.imageIoName = imageIoName;
        }

        public String mimeType() {
            return mimeType;
        }

        String imageIoName() {
            return imageIoName;
        }

        /** The format named by a FORMAT value; parameters such as {@code ;mode=8bit} are ignored. */
        static ImageFormat of(String text) {
            String base = text.split(";")[0].strip().toLowerCase(Locale.ROOT);
            return switch (base) {
                case "image/png", "png", "image/png8" -> PNG;
                case "image/jpeg", "image/jpg", "jpeg", "jpg" -> JPEG;
                default -> throw WmsErrors.invalidFormat("format", "FORMAT=" + text
                        + " is not offered: use image/png or image/jpeg");
            };
        }
    }
}
