package org.ssm.host.wms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssm.core.Json;
import org.ssm.host.catalog.StationLayer;
import org.ssm.host.wms.FeatureInfoQuery.FeatureInfo;
import org.ssm.host.wms.FeatureInfoQuery.QueryPoint;
import org.ssm.host.wms.StationInfoQuery.StationInfo;
import org.ssm.stations.Observation;
import org.ssm.stations.Station;

/**
 * Encodes a GetFeatureInfo answer as GeoJSON (a FeatureCollection with one feature per layer cell, as
 * GeoServer answers {@code application/json}), as plain text, or as an HTML page. Every encoding
 * carries the value on the selected date and the time series at the point, and for an undated layer of
 * several bands the selected band and every band's value; no data is {@code null}.
 * Stations near the point follow the raster cells, each with its readings (times, values, flags).
 */
public final class FeatureInfoWriter {

    private FeatureInfoWriter() {}

    /** The answer in {@code format}, UTF-8. */
    public static byte[] write(GetFeatureInfoRequest.InfoFormat format, QueryPoint point, List<FeatureInfo> features) {
        return write(format, point, features, List.of());
    }

    /** The answer in {@code format}, UTF-8, with the raster cells and then the stations. */
    static byte[] write(GetFeatureInfoRequest.InfoFormat format, QueryPoint point, List<FeatureInfo> features,
            List<StationInfo> stations) {
        String text = switch (format) {
            case JSON -> json(point, features, stations);
            case TEXT -> text(point, features, stations);
            case HTML -> html(point, features, stations);
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String json(QueryPoint point, List<FeatureInfo> features) {
        return json(point, features, List.of());
    }

    static String json(QueryPoint point, List<FeatureInfo> features, List<StationInfo> stations) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("crs", point.crs());
        query.put("i", point.i());
        query.put("j", point.j());
        query.put("x", point.x());
        query.put("y", point.y());
        query.put("lon", point.lon());
        query.put("lat", point.lat());
        List<Object> list = new ArrayList<>();
        for (FeatureInfo f : features) {
            list.add(feature(f));
        }
        for (StationInfo s : stations) {
            list.add(stationFeature(s));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("type", "FeatureCollection");
        root.put("query", query);
        root.put("numberReturned", list.size());
        root.put("features", list);
        return Json.write(root);
    }

    private static Map<String, Object> feature(FeatureInfo f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("layer", f.layer().name());
        p.put("title", title(f));
        p.put("units", f.layer().units());
        p.put("crs", f.crs());
        p.put("col", f.col());
        p.put("row", f.row());
        p.put("x", f.x());
        p.put("y", f.y());
        p.put("time", f.date() == null ? null : f.date().toString());
        if (f.band() != null) {
            p.put("band", f.band());
        }
        p.put("value", f.value());
        if (f.band() != null) {
            Map<String, Object> bands = new LinkedHashMap<>();
            for (int b = 0; b < f.bandValues().length; b++) {
                bands.put(f.layer().bandNames().get(b), f.bandValues()[b]);
            }
            p.put("bands", bands);
        }
        if (f.layer().isSeries()) {
            Map<String, Object> series = new LinkedHashMap<>();
            series.put("dates", f.dates().stream().map(Object::toString).toList());
            series.put("values", f.values());
            p.put("series", series);
        }
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        feature.put("id", f.layer().name() + "." + f.col() + "." + f.row());
        if (Double.isFinite(f.lon()) && Double.isFinite(f.lat())) {
            // RFC 7946: GeoJSON positions are WGS 84 longitude, latitude; the native ones are properties.
            Map<String, Object> geometry = new LinkedHashMap<>();
            geometry.put("type", "Point");
            geometry.put("coordinates", new double[] {f.lon(), f.lat()});
            feature.put("geometry", geometry);
        } else {
            feature.put("geometry", null);
        }
        feature.put("properties", p);
        return feature;
    }

    /** A station as GeoJSON: its position, its fields and its readings as parallel arrays. */
    private static Map<String, Object> stationFeature(StationInfo s) {
        Station st = s.series().station();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("layer", s.layer().name());
        p.put("title", stationTitle(s.layer()));
        p.put("kind", "station");
        p.put("units", StationLayer.UNITS);
        p.put("station", st.id());
        p.put("network", st.network());
        p.put("depth_from", st.depthFrom());
        p.put("depth_to", st.depthTo());
        p.put("distance_px", s.distancePx());
        p.put("time", s.date() == null ? null : s.date().toString());
        p.put("value", s.value());
        List<String> times = new ArrayList<>();
        double[] values = new double[s.readings().size()];
        List<String> flags = new ArrayList<>();
        for (int k = 0; k < values.length; k++) {
            Observation o = s.readings().get(k);
            times.add(o.time().toString());
            values[k] = o.sm();
            flags.add(o.flag());
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("dates", times);
        series.put("values", values);
        series.put("flags", flags);
        p.put("series", series);
        Map<String, Object> geometry = new LinkedHashMap<>();
        geometry.put("type", "Point");
        geometry.put("coordinates", new double[] {st.lon(), st.lat()});
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        feature.put("id", s.layer().name() + "." + st.network() + "." + st.id());
        feature.put("geometry", geometry);
        feature.put("properties", p);
        return feature;
    }

    private static String stationTitle(StationLayer layer) {
        return layer.title() == null || layer.title().isBlank() ? layer.name() : layer.title();
    }

    private static String describe(Station st) {
        return st.id() + (st.network().isEmpty() ? "" : " (" + st.network() + ")") + ", " + st.depthFrom() + "-"
                + st.depthTo() + " m, at " + st.lon() + ", " + st.lat();
    }

    static String text(QueryPoint point, List<FeatureInfo> features) {
        return text(point, features, List.of());
    }

    static String text(QueryPoint point, List<FeatureInfo> features, List<StationInfo> stations) {
        StringBuilder sb = new StringBuilder();
        sb.append("GetFeatureInfo at pixel i=").append(point.i()).append(" j=").append(point.j()).append(" in ")
                .append(point.crs()).append(": x=").append(point.x()).append(" y=").append(point.y());
        if (Double.isFinite(point.lon())) {
            sb.append(" (lon ").append(point.lon()).append(", lat ").append(point.lat()).append(')');
        }
        sb.append('\n');
        if (features.isEmpty() && stations.isEmpty()) {
            sb.append("\nno queried layer has a cell or a station at this point\n");
        }
        for (FeatureInfo f : features) {
            sb.append('\n').append("layer: ").append(f.layer().name()).append('\n');
            sb.append("title: ").append(title(f)).append('\n');
            sb.append("units: ").append(f.layer().units()).append('\n');
            sb.append("cell: col ").append(f.col()).append(", row ").append(f.row()).append(" (")
                    .append(f.crs() == null ? "native CRS" : f.crs()).append(" x=").append(f.x()).append(" y=")
                    .append(f.y()).append(")\n");
            if (f.date() != null) {
                sb.append("time: ").append(f.date()).append('\n');
            }
            if (f.band() != null) {
                sb.append("band: ").append(f.band()).append('\n');
            }
            sb.append("value: ").append(number(f.value())).append('\n');
            if (f.band() != null) {
                sb.append("bands: ").append(f.bandValues().length).append(" bands\n");
                for (int b = 0; b < f.bandValues().length; b++) {
                    sb.append(f.layer().bandNames().get(b)).append('\t').append(number(f.bandValues()[b]))
                            .append('\n');
                }
            }
            if (f.layer().isSeries()) {
                sb.append("series: ").append(f.dates().size()).append(" dates\n");
                for (int k = 0; k < f.values().length; k++) {
                    sb.append(f.dates().get(k)).append('\t').append(number(f.values()[k])).append('\n');
                }
            }
        }
        for (StationInfo s : stations) {
            sb.append('\n').append("layer: ").append(s.layer().name()).append('\n');
            sb.append("title: ").append(stationTitle(s.layer())).append('\n');
            sb.append("units: ").append(StationLayer.UNITS).append('\n');
            sb.append("station: ").append(describe(s.series().station())).append("; ")
                    .append(String.format(java.util.Locale.ROOT, "%.1f", s.distancePx())).append(" px away\n");
            if (s.date() != null) {
                sb.append("time: ").append(s.date()).append('\n');
            }
            sb.append("value: ").append(number(s.value())).append('\n');
            sb.append("series: ").append(s.readings().size()).append(" readings\n");
            for (Observation o : s.readings()) {
                sb.append(o.time()).append('\t').append(number(o.sm())).append('\t').append(o.flag()).append('\n');
            }
        }
        return sb.toString();
    }

    static String html(QueryPoint point, List<FeatureInfo> features) {
        return html(point, features, List.of());
    }

    static String html(QueryPoint point, List<FeatureInfo> features, List<StationInfo> stations) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>GetFeatureInfo</title>")
                .append("<style>body{font:13px sans-serif}table{border-collapse:collapse;margin:4px 0 12px}")
                .append("th,td{border:1px solid #ccc;padding:2px 6px;text-align:left}")
                .append("td.v{text-align:right;font-variant-numeric:tabular-nums}</style></head><body>\n");
        sb.append("<p>Pixel i=").append(point.i()).append(", j=").append(point.j()).append(" in ")
                .append(escape(point.crs())).append(": x=").append(point.x()).append(", y=").append(point.y());
        if (Double.isFinite(point.lon())) {
            sb.append(" (lon ").append(point.lon()).append(", lat ").append(point.lat()).append(')');
        }
        sb.append("</p>\n");
        if (features.isEmpty() && stations.isEmpty()) {
            sb.append("<p>No queried layer has a cell or a station at this point.</p>\n");
        }
        for (FeatureInfo f : features) {
            String units = f.layer().units() == null ? "" : f.layer().units();
            sb.append("<h3>").append(escape(title(f))).append(" <small>(").append(escape(f.layer().name()))
                    .append(")</small></h3>\n<table class=\"feature\">");
            row(sb, "cell", "col " + f.col() + ", row " + f.row());
            row(sb, (f.crs() == null ? "native" : f.crs()) + " x, y", f.x() + ", " + f.y());
            if (f.date() != null) {
                row(sb, "time", f.date().toString());
            }
            if (f.band() != null) {
                row(sb, "band", f.band());
            }
            row(sb, "value", number(f.value()) + " " + units);
            sb.append("</table>\n");
            if (f.band() != null) {
                sb.append("<table class=\"bands\"><tr><th>band</th><th>value (").append(escape(units))
                        .append(")</th></tr>");
                for (int b = 0; b < f.bandValues().length; b++) {
                    sb.append("<tr><td>").append(escape(f.layer().bandNames().get(b))).append("</td><td class=\"v\">")
                            .append(number(f.bandValues()[b])).append("</td></tr>");
                }
                sb.append("</table>\n");
            }
            if (f.layer().isSeries()) {
                sb.append("<table class=\"series\"><tr><th>date</th><th>value (").append(escape(units))
                        .append(")</th></tr>");
                for (int k = 0; k < f.values().length; k++) {
                    sb.append("<tr><td>").append(f.dates().get(k)).append("</td><td class=\"v\">")
                            .append(number(f.values()[k])).append("</td></tr>");
                }
                sb.append("</table>\n");
            }
        }
        for (StationInfo s : stations) {
            sb.append("<h3>").append(escape(stationTitle(s.layer()))).append(" <small>(")
                    .append(escape(s.layer().name())).append(")</small></h3>\n<table class=\"feature\">");
            Station st = s.series().station();
            row(sb, "station", st.id());
            row(sb, "network", st.network());
            row(sb, "layer", st.depthFrom() + "-" + st.depthTo() + " m");
            row(sb, "lon, lat", st.lon() + ", " + st.lat());
            if (s.date() != null) {
                row(sb, "time", s.date().toString());
            }
            row(sb, "value", number(s.value()) + " " + StationLayer.UNITS);
            sb.append("</table>\n<table class=\"series\"><tr><th>time</th><th>value (").append(StationLayer.UNITS)
                    .append(")</th><th>flag</th></tr>");
            for (Observation o : s.readings()) {
                sb.append("<tr><td>").append(o.time()).append("</td><td class=\"v\">").append(number(o.sm()))
                        .append("</td><td>").append(escape(o.flag())).append("</td></tr>");
            }
            sb.append("</table>\n");
        }
        sb.append("</body></html>\n");
        return sb.toString();
    }

    private static void row(StringBuilder sb, String key, String value) {
        sb.append("<tr><th>").append(escape(key)).append("</th><td>").append(escape(value)).append("</td></tr>");
    }

    private static String title(FeatureInfo f) {
        String t = f.layer().title();
        return t == null || t.isBlank() ? f.layer().name() : t;
    }

    /** A value as the shortest text that reads back to the same float; no data is {@code null}. */
    private static String number(float v) {
        return Float.isNaN(v) ? "null" : Float.toString(v);
    }

    /** A reading as the shortest text that reads back to the same double; no value is {@code null}. */
    private static String number(double v) {
        return Double.isNaN(v) ? "null" : Double.toString(v);
    }

    /** Text made safe for HTML element content and attribute values: layer titles are user-supplied. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
