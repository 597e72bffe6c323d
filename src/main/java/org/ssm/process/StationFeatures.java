package org.ssm.process;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.ssm.core.ParameterException;
import org.ssm.stations.Observation;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;

/**
 * Stations as GeoTools features, the type GeoServer's WPS exchanges (GeoJSON on the wire): one
 * WGS84 point per observation with the properties of SPEC §4 ({@code station}, {@code network},
 * {@code time} as an ISO-8601 instant, {@code sm} in m³/m³, {@code depth_from}, {@code depth_to}
 * in metres, {@code flag}).
 */
public final class StationFeatures {

    /** The feature type of station observations. */
    public static final SimpleFeatureType TYPE = type();

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private StationFeatures() {}

    private static SimpleFeatureType type() {
        SimpleFeatureTypeBuilder b = new SimpleFeatureTypeBuilder();
        b.setName("stations");
        b.setCRS(DefaultGeographicCRS.WGS84);
        b.add("geometry", Point.class);
        b.add("station", String.class);
        b.add("network", String.class);
        b.add("time", String.class);
        b.add("sm", Double.class);
        b.add("depth_from", Double.class);
        b.add("depth_to", Double.class);
        b.add("flag", String.class);
        return b.buildFeatureType();
    }

    /** One feature per observation, station by station. */
    public static SimpleFeatureCollection toFeatures(List<StationSeries> stations) {
        // A list keeps observations in time order; DefaultFeatureCollection would sort them by id.
        ListFeatureCollection features = new ListFeatureCollection(TYPE);
        SimpleFeatureBuilder fb = new SimpleFeatureBuilder(TYPE);
        int i = 0;
        for (StationSeries s : stations) {
            Station st = s.station();
            Point point = GEOMETRY.createPoint(new Coordinate(st.lon(), st.lat()));
            for (Observation o : s.observations()) {
                fb.add(point);
                fb.add(st.id());
                fb.add(st.network());
                fb.add(o.time().toString());
                fb.add(Double.isNaN(o.sm()) ? null : o.sm());
                fb.add(st.depthFrom());
                fb.add(st.depthTo());
                fb.add(o.flag());
                features.add(fb.buildFeature("obs." + i++));
            }
        }
        return features;
    }

    /**
     * The stations of a feature collection (any schema with those properties, e.g. decoded
     * GeoJSON), grouped by network and station in order of appearance; errors name
     * {@code parameter} and the offending feature.
     */
    public static List<StationSeries> toSeries(String parameter, SimpleFeatureCollection features) {
        Map<String, Station> stations = new LinkedHashMap<>();
        Map<String, List<Observation>> observations = new LinkedHashMap<>();
        int index = 0;
        try (SimpleFeatureIterator it = features.features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                String where = parameter + ", feature " + index++;
                if (!(f.getDefaultGeometry() instanceof Point p)) {
                    throw ParameterException.because(parameter, where + ": the geometry must be a point");
                }
                String id = text(parameter, f, "station", where, true);
                String network = text(parameter, f, "network", where, false);
                Station station = new Station(id, network, p.getX(), p.getY(), number(parameter, f, "depth_from", where, 0),
                        number(parameter, f, "depth_to", where, 0));
                String key = network + "\u0000" + id;
                Station known = stations.putIfAbsent(key, station);
                if (known != null && !known.equals(station)) {
                    throw ParameterException.because(parameter, where + ": station " + id + " changes position or"
                            + " depth");
                }
                Instant time;
                try {
                    time = Instant.parse(text(parameter, f, "time", where, true));
                } catch (DateTimeParseException e) {
                    throw ParameterException.because(parameter, where + ": property 'time' = "
                            + f.getAttribute("time") + ": expected an ISO-8601 instant such as 2021-04-01T00:00:00Z");
                }
                Object sm = attribute(f, "sm");
                double value = sm == null ? Double.NaN : sm instanceof Number n ? n.doubleValue() : Double.NaN;
                if (sm != null && !(sm instanceof Number)) {
                    throw ParameterException.because(parameter, where + ": property 'sm' = " + sm
                            + ": expected a number (m3/m3) or null");
                }
                observations.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new Observation(time, value, text(parameter, f, "flag", where, false)));
            }
        }
        List<StationSeries> out = new ArrayList<>();
        stations.forEach((key, station) -> out.add(new StationSeries(station, observations.get(key))));
        return out;
    }

    private static Object attribute(SimpleFeature f, String name) {
        return f.getFeatureType().getDescriptor(name) == null ? null : f.getAttribute(name);
    }

    private static String text(String parameter, SimpleFeature f, String name, String where, boolean required) {
        Object v = attribute(f, name);
        if (v == null || v.toString().isBlank()) {
            if (required) {
                throw ParameterException.because(parameter, where + ": property '" + name + "' is missing");
            }
            return "";
        }
        return v.toString();
    }

    private static double number(String parameter, SimpleFeature f, String name, String where, double fallback) {
        Object v = attribute(f, name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw ParameterException.because(parameter, where + ": property '" + name + "' = " + v
                + ": expected a number of metres");
    }
}
