package org.ssm.io;

import org.ssm.core.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssm.core.ParameterException;
import org.ssm.stations.Observation;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;

/**
 * Station time series as GeoJSON (SPEC §4): a FeatureCollection with one Point feature per
 * observation, coordinates {@code [lon, lat]} in WGS84, and properties {@code station},
 * {@code network}, {@code time} (ISO-8601 instant), {@code sm} (m³/m³, null when missing),
 * {@code depth_from}, {@code depth_to} (m) and {@code flag}.
 *
 * <p>Reading groups the features into one series per station and layer (station, network and
 * depths), in order of first appearance, with observations sorted by time. Any malformed feature
 * fails the whole read with a {@link ParameterException} that names the feature's index and the
 * offending property.
 */
public final class StationsGeoJson {

    private StationsGeoJson() {}

    /** The GeoJSON text of {@code series}. */
    public static String write(List<StationSeries> series) {
        List<Object> features = new ArrayList<>();
        for (StationSeries s : series) {
            Station st = s.station();
            Map<String, Object> geometry = new LinkedHashMap<>();
            geometry.put("type", "Point");
            geometry.put("coordinates", new double[] {st.lon(), st.lat()});
            for (Observation o : s.observations()) {
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("station", st.id());
                props.put("network", st.network());
                props.put("time", o.time().toString());
                props.put("sm", o.sm());
                props.put("depth_from", st.depthFrom());
                props.put("depth_to", st.depthTo());
                props.put("flag", o.flag());
                Map<String, Object> feature = new LinkedHashMap<>();
                feature.put("type", "Feature");
                feature.put("geometry", geometry);
                feature.put("properties", props);
                features.add(feature);
            }
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return Json.write(collection);
    }

    /** Reads GeoJSON text; errors name the parameter {@code stations}. */
    public static List<StationSeries> read(String text) {
        return read("stations", text);
    }

    /**
     * Reads GeoJSON text.
     *
     * @param parameter the input's public name, used as the locator of errors
     */
    public static List<StationSeries> read(String parameter, String text) {
        Object root;
        try {
            root = Json.parse(text == null ? "" : text);
        } catch (Json.JsonException e) {
            throw ParameterException.because(parameter, "not valid JSON: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> collection) || !"FeatureCollection".equals(collection.get("type"))
                || !(collection.get("features") instanceof List<?> features)) {
            throw ParameterException.because(parameter,
                    "expected a GeoJSON FeatureCollection with a \"features\" array");
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        for (int i = 0; i < features.size(); i++) {
            new FeatureReader(parameter, i, features.get(i)).addTo(groups);
        }
        List<StationSeries> result = new ArrayList<>();
        for (Group g : groups.values()) {
            g.observations.sort(Comparator.comparing(Observation::time));
            result.add(new StationSeries(g.station, g.observations));
        }
        return result;
    }

    private static final class Group {
        final Station station;
        final List<Observation> observations = new ArrayList<>();

        Group(Station station) {
            this.station = station;
        }
    }

    /** Reads one feature, turning every problem into an error that names the feature and property. */
    private static final class FeatureReader {
        /** Positions are compared to ~1 cm, well below any station's stated accuracy. */
        private static final double SAME_POSITION_DEG = 1e-7;

        private final String parameter;
        private final int index;
        private final Map<?, ?> feature;
        private final Map<?, ?> properties;

        FeatureReader(String parameter, int index, Object value) {
            this.parameter = parameter;
            this.index = index;
            if (!(value instanceof Map<?, ?> f) || !"Feature".equals(f.get("type"))) {
                throw fail("type", value instanceof Map<?, ?> m ? m.get("type") : value, "a GeoJSON Feature");
            }
            this.feature = f;
            if (!(f.get("properties") instanceof Map<?, ?> p)) {
                throw fail("properties", f.get("properties"), "an object");
            }
            this.properties = p;
        }

        void addTo(Map<String, Group> groups) {
            double[] lonLat = coordinates();
            String id = text("station", true);
            String network = text("network", false);
            double depthFrom = number("depth_from", false);
            double depthTo = number("depth_to", false);
            if (depthTo < depthFrom) {
                throw fail("depth_to", depthTo, "a depth >= depth_from (" + depthFrom + ")");
            }
            Instant time = time();
            double sm = number("sm", true);
            Object flag = properties.get("flag");
            if (flag != null && !(flag instanceof String)) {
                throw fail("flag", flag, "a string or null");
            }
            Station station = new Station(id, network, lonLat[0], lonLat[1], depthFrom, depthTo);
            String key = network + '\u0000' + id + '\u0000' + depthFrom + '\u0000' + depthTo;
            Group group = groups.computeIfAbsent(key, k -> new Group(station));
            if (Math.abs(group.station.lon() - station.lon()) > SAME_POSITION_DEG
                    || Math.abs(group.station.lat() - station.lat()) > SAME_POSITION_DEG) {
                throw fail("geometry", lonLat[0] + "," + lonLat[1], "the position given earlier for station " + id
                        + " (" + group.station.lon() + "," + group.station.lat() + ")");
            }
            group.observations.add(new Observation(time, sm, flag == null ? "" : (String) flag));
        }

        private double[] coordinates() {
            if (!(feature.get("geometry") instanceof Map<?, ?> g) || !"Point".equals(g.get("type"))
                    || !(g.get("coordinates") instanceof List<?> c) || c.size() < 2
                    || !(c.get(0) instanceof Number lon) || !(c.get(1) instanceof Number lat)) {
                throw fail("geometry", feature.get("geometry"), "a Point with coordinates [lon, lat]");
            }
            double x = lon.doubleValue();
            double y = lat.doubleValue();
            if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) {
                throw fail("geometry", x + "," + y, "WGS84 longitude in [-180, 180] and latitude in [-90, 90]");
            }
            return new double[] {x, y};
        }

        private String text(String name, boolean nonBlank) {
            Object v = properties.get(name);
            if (!(v instanceof String s) || (nonBlank && s.isBlank())) {
                throw fail(name, v, nonBlank ? "a non-blank string" : "a string");
            }
            return s;
        }

        private double number(String name, boolean nullable) {
            Object v = properties.get(name);
            if (v == null && nullable) {
                return Double.NaN;
            }
            if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw fail(name, v, nullable ? "a number or null" : "a number");
            }
            double d = n.doubleValue();
            if (name.startsWith("depth_") && !(d >= 0 && d <= 100)) {
                throw fail(name, d, "a depth in metres in [0, 100]");
            }
            return d;
        }

        private Instant time() {
            Object v = properties.get("time");
            if (v instanceof String s) {
                try {
                    return OffsetDateTime.parse(s).toInstant();
                } catch (DateTimeParseException e) {
                    try {
                        return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
                    } catch (DateTimeParseException e2) {
                        // Reported below with the value received.
                    }
                }
            }
            throw fail("time", v, "an ISO-8601 instant such as 2021-04-01T00:00:00Z");
        }

        private ParameterException fail(String property, Object value, String allowed) {
            String shown = String.valueOf(value);
            if (shown.length() > 80) {
                shown = shown.substring(0, 77) + "...";
            }
            return ParameterException.because(parameter,
                    "feature " + index + ", property '" + property + "' = " + shown + ": expected " + allowed);
        }
    }
}
