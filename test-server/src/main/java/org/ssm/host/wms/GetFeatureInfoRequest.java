package org.ssm.host.wms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ssm.host.catalog.Catalog;
import org.ssm.host.catalog.Layer;
import org.ssm.host.catalog.PublishedLayer;
import org.ssm.host.catalog.StationLayer;
import org.ssm.host.ows.Kvp;
import org.ssm.host.ows.OwsException;

/**
 * A validated WMS GetFeatureInfo request: the map the client shows, the pixel it asks about, the layers
 * to query, the dates, and the encoding of the answer.
 *
 * @param map the map part (the GetMap parameters); its layers' bands are not used
 * @param queryLayers the raster layers to query, in the order of QUERY_LAYERS
 * @param queryStations the station layers to query, in the order of QUERY_LAYERS
 * @param i the pixel column, 0 at the left edge of the map
 * @param j the pixel row, 0 at the top edge of the map
 * @param infoFormat the encoding of the answer
 * @param featureCount FEATURE_COUNT: a raster layer yields at most one feature (its cell) whatever the
 *     count; a station layer yields up to this many stations, the nearest first
 * @param time the dates asked for
 */
public record GetFeatureInfoRequest(GetMapRequest map, List<Layer> queryLayers, List<StationLayer> queryStations,
        int i, int j, InfoFormat infoFormat, int featureCount, TimeSelection time) {

    public GetFeatureInfoRequest {
        queryLayers = List.copyOf(queryLayers);
        queryStations = List.copyOf(queryStations);
    }

    /**
     * Reads and checks the KVP parameters of a GetFeatureInfo request. WMS 1.1.x requests give the
     * pixel as X and Y instead of I and J.
     *
     * @throws OwsException with the WMS 1.3.0 code and the offending parameter as locator
     */
    public static GetFeatureInfoRequest parse(Kvp kvp, Catalog catalog, StyleLibrary styles) {
        GetMapRequest map = GetMapRequest.parse(kvp, catalog, styles, true);
        List<PublishedLayer> queried = queryLayers(kvp.require("query_layers"), map, catalog);
        List<Layer> query = queried.stream().filter(Layer.class::isInstance).map(Layer.class::cast).toList();
        List<StationLayer> stations = queried.stream().filter(StationLayer.class::isInstance)
                .map(StationLayer.class::cast).toList();
        boolean wms13 = GetMapRequest.isWms13(kvp);
        int i = pixel(kvp, wms13 ? "i" : "x", map.grid().width());
        int j = pixel(kvp, wms13 ? "j" : "y", map.grid().height());
        InfoFormat format = InfoFormat.of(kvp.getOrDefault("info_format", InfoFormat.JSON.mimeType()));
        int count = kvp.intValue("feature_count", 1, 1, Integer.MAX_VALUE);
        TimeSelection time = TimeSelection.parse(kvp.get("time"));
        for (Layer layer : query) {
            // Fail on a date a queried layer lacks now, before any band is read.
            time.select(layer);
        }
        return new GetFeatureInfoRequest(map, query, stations, i, j, format, count, time);
    }

    private static List<PublishedLayer> queryLayers(String text, GetMapRequest map, Catalog catalog) {
        List<PublishedLayer> layers = new ArrayList<>();
        for (PublishedLayer layer : GetMapRequest.layers(text, catalog, "query_layers")) {
            boolean drawn = map.layers().stream().anyMatch(ml -> ml.name().equals(layer.name()));
            if (!drawn) {
                // WMS 1.3.0 asks about features "on the map": a layer the map does not draw has none there.
                throw WmsErrors.layerNotQueryable("query_layers", "QUERY_LAYERS=" + text + ": layer '" + layer.name()
                        + "' is not drawn by this map (LAYERS=" + String.join(",", names(map)) + ")");
            }
            if (layers.stream().noneMatch(l -> l.name().equals(layer.name()))) {
                layers.add(layer);
            }
        }
        return layers;
    }

    private static List<String> names(GetMapRequest map) {
        return map.layers().stream().map(GetMapRequest.Drawn::name).toList();
    }

    /** A pixel index within [0, size), or InvalidPoint naming {@code key}. */
    private static int pixel(Kvp kvp, String key, int size) {
        String text = kvp.require(key);
        String name = key.toUpperCase(Locale.ROOT);
        int v;
        try {
            v = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw WmsErrors.invalidPoint(key, name + "=" + text + " is not an integer pixel index");
        }
        if (v < 0 || v >= size) {
            throw WmsErrors.invalidPoint(key, name + "=" + text + " is outside the map: expected 0 to " + (size - 1));
        }
        return v;
    }

    /** The encodings of a GetFeatureInfo answer. */
    public enum InfoFormat {
        JSON("application/json"),
        TEXT("text/plain"),
        HTML("text/html");

        private final String mimeType;

        InfoFormat(String mimeType) {
            this.mimeType = mimeType;
        }

        public String mimeType() {
            return mimeType;
        }

        /** The format named by an INFO_FORMAT value; parameters such as {@code ;charset=UTF-8} are ignored. */
        static InfoFormat of(String text) {
            String base = text.split(";")[0].strip().toLowerCase(Locale.ROOT);
            for (InfoFormat f : values()) {
                if (f.mimeType.equals(base)) {
                    return f;
                }
            }
            if (base.equals("json") || base.equals("application/geo+json")) {
                return JSON;
            }
            throw WmsErrors.invalidFormat("info_format", "INFO_FORMAT=" + text
                    + " is not offered: use application/json, text/plain or text/html");
        }
    }

    /**
     * The dates a GetFeatureInfo request asks about: none (the latest date), one date, or a range
     * {@code start/end} (either end may be empty or {@code ..} for open) that limits the series.
     *
     * @param date the one date asked for, or {@code null}
     * @param from the first date of the range, or {@code null}
     * @param to the last date of the range, or {@code null}
     * @param range whether a range was given
     * @param text the TIME value as sent, or {@code null}
     */
    public record TimeSelection(LocalDate date, LocalDate from, LocalDate to, boolean range, String text) {

        /** The selection of a TIME value; {@code null}, empty or {@code current} is the latest date. */
        public static TimeSelection parse(String text) {
            if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("current")) {
                return new TimeSelection(null, null, null, false, text);
            }
            String t = text.strip();
            if (t.contains(",")) {
                throw WmsErrors.invalidDimension("time", "TIME=" + text
                        + ": a list cannot be queried; give one date, or a range start/end to limit the series");
            }
            if (!t.contains("/")) {
                return new TimeSelection(GetMapRequest.parseTime(t), null, null, false, text);
            }
            String[] parts = t.split("/", -1);
            if (parts.length != 2) {
                throw WmsErrors.invalidDimension("time", "TIME=" + text
                        + ": expected a range start/end without a period, e.g. 2021-04-01/2021-04-30");
            }
            LocalDate from = end(parts[0]);
            LocalDate to = end(parts[1]);
            if (from != null && to != null && from.isAfter(to)) {
                throw WmsErrors.invalidDimension("time", "TIME=" + text + ": the start is after the end");
            }
            return new TimeSelection(null, from, to, true, text);
        }

        private static LocalDate end(String part) {
            String p = part.strip();
            return p.isEmpty() || p.equals("..") ? null : GetMapRequest.parseTime(p);
        }

        /**
         * The bands of {@code layer} this selection covers: the series bands, oldest first, and the band
         * of the value to report. An undated layer has no series and reports band 0.
         *
         * @throws OwsException InvalidDimensionValue when the layer has no such date, or none in the range
         */
        public Bands select(Layer layer) {
            if (!layer.isSeries()) {
                return new Bands(new int[0], 0);
            }
            List<LocalDate> dates = layer.dates();
            if (!range) {
                int[] all = new int[dates.size()];
                for (int b = 0; b < all.length; b++) {
                    all[b] = b;
                }
                int value = date == null ? dates.size() - 1 : GetMapRequest.bandFor(layer, date.toString());
                return new Bands(all, value);
            }
            List<Integer> selected = new ArrayList<>();
            for (int b = 0; b < dates.size(); b++) {
                LocalDate d = dates.get(b);
                if ((from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to))) {
                    selected.add(b);
                }
            }
            if (selected.isEmpty()) {
                throw WmsErrors.invalidDimension("time", "TIME=" + text + ": layer " + layer.name()
                        + " has no date in this range (its dates run from " + dates.get(0) + " to "
                        + dates.get(dates.size() - 1) + ")");
            }
            return new Bands(selected.stream().mapToInt(Integer::intValue).toArray(),
                    selected.get(selected.size() - 1));
        }
    }

    /**
     * The bands a selection covers in one layer.
     *
     * @param series the bands of the series, oldest first (empty for an undated layer)
     * @param value the band whose value is reported: the date asked for, else the latest in the series
     */
    public record Bands(int[] series, int value) {}
}
