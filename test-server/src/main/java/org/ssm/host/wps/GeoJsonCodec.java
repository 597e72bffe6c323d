package org.ssm.host.wps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.feature.type.AttributeDescriptor;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.ssm.host.ows.OwsException;
import org.ssm.core.Json;

/**
 * GeoJSON (RFC 7946, WGS84 longitude/latitude) to and from GeoTools feature collections, the type
 * GeoServer's own WPS uses for vector inputs. Attribute types are inferred from the first
 * non-null value of each property: number to Double, boolean to Boolean, anything else to String.
 */
public final class GeoJsonCodec {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private GeoJsonCodec() {}

    @SuppressWarnings("unchecked")
    public static SimpleFeatureCollection decode(String input, String text) {
        Map<String, Object> root;
        try {
            root = Json.parseObject(text);
        } catch (Json.JsonException e) {
            throw OwsException.invalid(input, "input " + input + " is not valid JSON: " + e.getMessage());
        }
        List<Map<String, Object>> features = new ArrayList<>();
        if ("FeatureCollection".equals(root.get("type")) && root.get("features") instanceof List<?> list) {
            for (Object f : list) {
                features.add((Map<String, Object>) f);
            }
        } else if ("Feature".equals(root.get("type"))) {
            features.add(root);
        } else {
            throw OwsException.invalid(input, "input " + input + ": expected a GeoJSON Feature or FeatureCollection");
        }
        Map<String, Class<?>> attributes = new LinkedHashMap<>();
        for (Map<String, Object> f : features) {
            if (f.get("properties") instanceof Map<?, ?> props) {
                for (Map.Entry<?, ?> e : props.entrySet()) {
                    if (e.getValue() != null) {
                        attributes.putIfAbsent(e.getKey().toString(), e.getValue() instanceof Number ? Double.class
                                : e.getValue() instanceof Boolean ? Boolean.class : String.class);
                    }
                }
            }
        }
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName(input);
        tb.setCRS(DefaultGeographicCRS.WGS84);
        tb.add("geometry", Geometry.class);
        attributes.forEach(tb::add);
        SimpleFeatureType type = tb.buildFeatureType();
        // A list keeps the document order; DefaultFeatureCollection would sort features by id.
        ListFeatureCollection collection = new ListFeatureCollection(type);
        SimpleFeatureBuilder fb = new SimpleFeatureBuilder(type);
        for (int i = 0; i < features.size(); i++) {
            Map<String, Object> f = features.get(i);
            String where = "input " + input + ", feature " + i;
            fb.set("geometry", f.get("geometry") == null ? null
                    : geometry(input, where, (Map<String, Object>) f.get("geometry")));
            if (f.get("properties") instanceof Map<?, ?> props) {
                for (Map.Entry<?, ?> e : props.entrySet()) {
                    Object v = e.getValue();
                    Class<?> t = attributes.get(e.getKey().toString());
                    if (v != null && t == Double.class && !(v instanceof Number)) {
                        throw OwsException.invalid(input, where + ": property " + e.getKey() + " = " + v
                                + ": expected a number like the other features");
                    }
                    fb.set(e.getKey().toString(), v instanceof Number n ? n.doubleValue()
                            : t == String.class && v != null ? v.toString() : v);
                }
            }
            Object id = f.get("id");
            collection.add(fb.buildFeature(id == null ? input + "." + i : id.toString()));
        }
        return collection;
    }

    @SuppressWarnings("unchecked")
    private static Geometry geometry(String input, String where, Map<String, Object> g) {
        Object type = g.get("type");
        Object c = g.get("coordinates");
        try {
            return switch (String.valueOf(type)) {
                case "Point" -> GEOMETRY.createPoint(coordinate(c));
                case "MultiPoint" -> GEOMETRY.createMultiPointFromCoords(coordinates(c));
                case "LineString" -> GEOMETRY.createLineString(coordinates(c));
                case "MultiLineString" -> GEOMETRY.createMultiLineString(((List<Object>) c).stream()
                        .map(l -> GEOMETRY.createLineString(coordinates(l))).toArray(LineString[]::new));
                case "Polygon" -> polygon(c);
                case "MultiPolygon" -> GEOMETRY.createMultiPolygon(((List<Object>) c).stream()
                        .map(GeoJsonCodec::polygon).toArray(Polygon[]::new));
                default -> throw new IllegalArgumentException("unsupported geometry type " + type);
            };
        } catch (RuntimeException e) {
            throw OwsException.invalid(input, where + ": bad geometry: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Polygon polygon(Object rings) {
        List<Object> list = (List<Object>) rings;
        LinearRing shell = GEOMETRY.createLinearRing(coordinates(list.get(0)));
        LinearRing[] holes = list.subList(1, list.size()).stream().map(r -> GEOMETRY.createLinearRing(coordinates(r)))
                .toArray(LinearRing[]::new);
        return GEOMETRY.createPolygon(shell, holes);
    }

    @SuppressWarnings("unchecked")
    private static Coordinate[] coordinates(Object list) {
        return ((List<Object>) list).stream().map(GeoJsonCodec::coordinate).toArray(Coordinate[]::new);
    }

    @SuppressWarnings("unchecked")
    private static Coordinate coordinate(Object position) {
        List<Object> p = (List<Object>) position;
        if (p.size() < 2) {
            throw new IllegalArgumentException("a position needs two numbers");
        }
        return new Coordinate(((Number) p.get(0)).doubleValue(), ((Number) p.get(1)).doubleValue());
    }

    /** GeoJSON text of {@code features} (assumed to be in WGS84 longitude/latitude). */
    public static String encode(SimpleFeatureCollection features) {
        List<Object> list = new ArrayList<>();
        try (SimpleFeatureIterator it = features.features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                Map<String, Object> feature = new LinkedHashMap<>();
                feature.put("type", "Feature");
                feature.put("id", f.getID());
                Object geometry = f.getDefaultGeometry();
                feature.put("geometry", geometry instanceof Geometry g ? geometry(g) : null);
                Map<String, Object> props = new LinkedHashMap<>();
                for (AttributeDescriptor a : f.getFeatureType().getAttributeDescriptors()) {
                    Object v = f.getAttribute(a.getLocalName());
                    if (!(v instanceof Geometry)) {
                        props.put(a.getLocalName(), v instanceof Number || v instanceof Boolean || v == null ? v
                                : v.toString());
                    }
                }
                feature.put("properties", props);
                list.add(feature);
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("type", "FeatureCollection");
        root.put("features", list);
        return Json.write(root);
    }

    private static Map<String, Object> geometry(Geometry g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", g.getGeometryType());
        m.put("coordinates", coordinatesOf(g));
        return m;
    }

    private static Object coordinatesOf(Geometry g) {
        if (g instanceof Point p) {
            return List.of(p.getX(), p.getY());
        }
        if (g instanceof LineString l) {
            return positions(l.getCoordinates());
        }
        if (g instanceof Polygon p) {
            List<Object> rings = new ArrayList<>();
            rings.add(positions(p.getExteriorRing().getCoordinates()));
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                rings.add(positions(p.getInteriorRingN(i).getCoordinates()));
            }
            return rings;
        }
        List<Object> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            parts.add(coordinatesOf(g.getGeometryN(i)));
        }
        return parts;
    }

    private static List<Object> positions(Coordinate[] cs) {
        List<Object> list = new ArrayList<>(cs.length);
        for (Coordinate c : cs) {
            list.add(List.of(c.x, c.y));
        }
        return list;
    }
}
