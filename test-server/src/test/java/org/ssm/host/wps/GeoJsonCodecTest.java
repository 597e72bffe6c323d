package org.ssm.host.wps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.ssm.host.TestSupport;
import org.ssm.host.ows.OwsException;

class GeoJsonCodecTest {

    private static Map<String, SimpleFeature> byId(SimpleFeatureCollection fc) {
        Map<String, SimpleFeature> map = new java.util.LinkedHashMap<>();
        try (SimpleFeatureIterator it = fc.features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                map.put(f.getID(), f);
            }
        }
        return map;
    }

    @Test
    void decodesPointsPolygonsAndTypedProperties() throws Exception {
        SimpleFeatureCollection fc = GeoJsonCodec.decode("stations", TestSupport.template("wps/stations.geojson", Map.of()));
        Map<String, SimpleFeature> f = byId(fc);
        assertEquals(3, f.size());
        Point p = (Point) f.get("s1").getDefaultGeometry();
        assertEquals(15.61, p.getX(), 0);
        assertEquals(48.15, p.getY(), 0);
        assertEquals(0.31, (Double) f.get("s1").getAttribute("sm"), 0);
        assertNull(f.get("s2").getAttribute("sm"));
        Polygon area = (Polygon) f.get("area").getDefaultGeometry();
        assertEquals(1, area.getNumInteriorRing());
        // 1 x 1 degree square minus a triangle of 0.2 x 0.2 / 2.
        assertEquals(1 - 0.02, area.getArea(), 1e-12);
    }

    @Test
    void encodeThenDecodeKeepsEverything() throws Exception {
        SimpleFeatureCollection fc = GeoJsonCodec.decode("stations", TestSupport.template("wps/stations.geojson", Map.of()));
        Map<String, SimpleFeature> again = byId(GeoJsonCodec.decode("again", GeoJsonCodec.encode(fc)));
        Map<String, SimpleFeature> first = byId(fc);
        assertEquals(first.keySet(), again.keySet());
        for (String id : first.keySet()) {
            assertTrue(((org.locationtech.jts.geom.Geometry) first.get(id).getDefaultGeometry())
                    .equalsExact((org.locationtech.jts.geom.Geometry) again.get(id).getDefaultGeometry()), id);
            assertEquals(first.get(id).getAttribute("station"), again.get(id).getAttribute("station"));
        }
    }

    @Test
    void badDocumentsNameTheInputAndFeature() {
        OwsException notJson = assertThrows(OwsException.class, () -> GeoJsonCodec.decode("points", "{nope"));
        assertEquals("points", notJson.locator());
        OwsException badGeometry = assertThrows(OwsException.class, () -> GeoJsonCodec.decode("points",
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1]},\"properties\":{}}"));
        assertEquals("points", badGeometry.locator());
        assertTrue(badGeometry.getMessage().contains("feature 0"), badGeometry.getMessage());
        OwsException mixedTypes = assertThrows(OwsException.class, () -> GeoJsonCodec.decode("points",
                "{\"type\":\"FeatureCollection\",\"features\":["
                        + "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"sm\":0.1}},"
                        + "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"sm\":\"wet\"}}]}"));
        assertTrue(mixedTypes.getMessage().contains("feature 1") && mixedTypes.getMessage().contains("sm"),
                mixedTypes.getMessage());
    }
}
