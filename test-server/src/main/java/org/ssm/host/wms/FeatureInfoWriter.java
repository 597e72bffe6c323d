package org.ssm.host.wms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssm.host.wms.FeatureInfoQuery.FeatureInfo;
import org.ssm.host.wms.FeatureInfoQuery.QueryPoint;
import org.ssm.core.Json;

/**
 * Encodes a GetFeatureInfo answer as GeoJSON (a FeatureCollection with one feature per layer cell, as
 * GeoServer answers {@code application/json}), as plain text, or as an HTML page. Every encoding
 * carries the value on the selected date and the time series at the point; no data is {@code null}.
 */
public final class FeatureInfoWriter {

    private FeatureInfoWriter() {}

    /** The answer in {@code format}, UTF-8. */
    public static byte[] write(GetFeatureInfoRequest.InfoFormat format, QueryPoint point, List<FeatureInfo> features) {
        String text = switch (format) {
            case JSON -> json(point, features);
            case TEXT -> text(point, features);
            case HTML -> html(point, features);
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String json(QueryPoint point, List<FeatureInfo> features) {
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
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("type", "FeatureCollection");
        root.put("query", query);
        root.put("numberReturned", features.size());
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
        p.put("value", f.value());
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

    static String text(QueryPoint point, List<FeatureInfo> features) {
        StringBuilder sb = new StringBuilder();
        sb.append("GetFeatureInfo at pixel i=").append(point.i()).append(" j=").append(point.j()).append(" in ")
                .append(point.crs()).append(": x=").append(point.x()).append(" y=").append(point.y());
        if (Double.isFinite(point.lon())) {
            sb.append(" (lon ").append(point.lon()).append(", lat ").append(point.lat()).append(')');
        }
        sb.append('\n');
        if (features.isEmpty()) {
            sb.append("\nno queried layer has a cell at this point\n");
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
            sb.append("value: ").append(number(f.value())).append('\n');
            if (f.layer().isSeries()) {
                sb.append("series: ").append(f.dates().size()).append(" dates\n");
                for (int k = 0; k < f.values().length; k++) {
                    sb.append(f.dates().get(k)).append('\t').append(number(f.values()[k])).append('\n');
                }
            }
        }
        return sb.toString();
    }

    static String html(QueryPoint point, List<FeatureInfo> features) {
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
        if (features.isEmpty()) {
            sb.append("<p>No queried layer has a cell at this point.</p>\n");
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
            row(sb, "value", number(f.value()) + " " + units);
            sb.append("</table>\n");
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
