package org.ssm.host.wms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ssm.host.wms.WmsFixture.get;
import static org.ssm.host.wms.WmsFixture.image;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;
import org.ssm.core.Json;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A station layer ({@link StationFixture}) through WMS: listed in the capabilities with its box and
 * dates, drawn as points of its network's colour where the stations are in EPSG:4326, EPSG:3857 and
 * EPSG:3035, styled by TIME, queried for its series, and absent from WCS.
 *
 * <p>Expected pixels are computed here from the stations' coordinates: for EPSG:4326 linearly, for
 * EPSG:3857 with the spherical Mercator formula x = R λ, y = R ln tan(π/4 + φ/2), R = 6378137 m, and
 * for EPSG:3035 from the projection's definition (its origin 10°E 52°N is false easting 4321000 m,
 * northing 3210000 m). A circle has a radius of 6 px, so a pixel within 1 px of the computed centre is
 * inside it: centre pixels must have the exact network colour.
 */
class WmsStationsTest {

    private static final String WMS = "http://www.opengis.net/wms";
    private static final double R = 6378137;

    @TempDir
    static Path dataDir;

    static Host host;

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(HostConfig.defaults(0, dataDir));
        WmsFixture.publish(host);
        StationFixture.publish(host);
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    private static double mercX(double lon) {
        return R * Math.toRadians(lon);
    }

    private static double mercY(double lat) {
        return R * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
    }

    private static int argb(BufferedImage img, double x, double y) {
        return img.getRGB((int) Math.floor(x), (int) Math.floor(y));
    }

    private static void assertColour(int rgb, int argb, String what) {
        assertEquals(String.format("%08X", 0xFF000000 | rgb), String.format("%08X", argb), what);
    }

    // ---------------------------------------------------------------- capabilities

    private static Element stationLayerElement() throws Exception {
        HttpResponse<byte[]> r = get(host, "/wms?service=WMS&version=1.3.0&request=GetCapabilities");
        assertEquals(200, r.statusCode());
        Document caps = WmsFixture.xml(r.body());
        List<String> names = new ArrayList<>();
        Element found = null;
        Element root = (Element) caps.getElementsByTagNameNS(WMS, "Capability").item(0);
        for (Element l : children(children(root, "Layer").get(0), "Layer")) {
            String name = children(l, "Name").get(0).getTextContent();
            names.add(name);
            if (name.equals(StationFixture.LAYER)) {
                found = l;
            }
        }
        assertEquals(List.of("ndvi_geo", "ramp_utm", "ssm_utm", StationFixture.LAYER), names,
                "station layers follow the rasters");
        return found;
    }

    @Test
    void capabilitiesListTheStationLayerWithItsBoxDatesStyleAndKeyword() throws Exception {
        Element layer = stationLayerElement();
        assertEquals("1", layer.getAttribute("queryable"));
        assertEquals("stations", children(children(layer, "KeywordList").get(0), "Keyword").get(0).getTextContent());
        // Stations span 10..11.583 E and 49.353..52 N; the margin is 5 % of the larger span, 2.647 deg.
        double m = 0.05 * (52 - 49.353);
        Element geo = children(layer, "EX_GeographicBoundingBox").get(0);
        assertEquals(10 - m, num(geo, "westBoundLongitude"), 1e-9);
        assertEquals(11.583 + m, num(geo, "eastBoundLongitude"), 1e-9);
        assertEquals(49.353 - m, num(geo, "southBoundLatitude"), 1e-9);
        assertEquals(52 + m, num(geo, "northBoundLatitude"), 1e-9);
        Map<String, Element> boxes = new java.util.HashMap<>();
        for (Element b : children(layer, "BoundingBox")) {
            boxes.put(b.getAttribute("CRS"), b);
        }
        assertEquals(49.353 - m, Double.parseDouble(boxes.get("EPSG:4326").getAttribute("minx")), 1e-9,
                "EPSG:4326 is latitude first");
        assertEquals(mercX(11.583 + m), Double.parseDouble(boxes.get("EPSG:3857").getAttribute("maxx")), 1e-3);
        assertEquals(mercY(52 + m), Double.parseDouble(boxes.get("EPSG:3857").getAttribute("maxy")), 1e-3);
        Element time = children(layer, "Dimension").get(0);
        assertEquals("time", time.getAttribute("name"));
        assertEquals("2021-04-01,2021-04-03,2021-04-10", time.getTextContent(),
                "the UTC dates with a reading that has a value");
        Element style = children(layer, "Style").get(0);
        assertEquals("stations", children(style, "Name").get(0).getTextContent());
        String legend = ((Element) children(children(style, "LegendURL").get(0), "OnlineResource").get(0))
                .getAttributeNS("http://www.w3.org/1999/xlink", "href");
        assertTrue(legend.endsWith("request=GetLegendGraphic&format=image/png&layer=stations_pts&style=stations"),
                legend);
        String abstractText = children(layer, "Abstract").get(0).getTextContent();
        assertTrue(abstractText.contains("4 stations, 7 readings; networks: ALPHA, BETA. Units: m3 m-3."
                + " Produced by test."), abstractText);
    }

    @Test
    void wcsDoesNotOfferTheStationLayer() throws Exception {
        HttpResponse<byte[]> caps = get(host, "/wcs?service=WCS&version=2.0.1&request=GetCapabilities");
        String text = new String(caps.body(), StandardCharsets.UTF_8);
        assertEquals(200, caps.statusCode());
        assertTrue(text.contains("ssm_utm"), "the rasters are coverages");
        assertFalse(text.contains(StationFixture.LAYER), "station layers are not coverages");
        HttpResponse<byte[]> describe = get(host, "/wcs?service=WCS&version=2.0.1&request=DescribeCoverage"
                + "&coverageId=" + StationFixture.LAYER);
        assertEquals(404, describe.statusCode(), new String(describe.body(), StandardCharsets.UTF_8));
        assertTrue(new String(describe.body(), StandardCharsets.UTF_8).contains("NoSuchCoverage"));
    }

    // ---------------------------------------------------------------- GetMap

    @Test
    void getMapInEpsg4326DrawsEachStationInItsNetworkColour() throws Exception {
        // BBOX 49,10,50,12 (latitude first), 200 x 100 px: 0.01 deg a pixel.
        BufferedImage img = image(get(host, "/wms?service=WMS&version=1.3.0&request=GetMap&layers=stations_pts"
                + "&styles=&crs=EPSG:4326&bbox=49,10,50,12&width=200&height=100&format=image/png&transparent=true"),
                "image/png");
        assertColour(StationFixture.ALPHA_RGB, argb(img, (10.253 - 10) / 0.01, (50 - 49.747) / 0.01), "A1");
        assertColour(StationFixture.BETA_RGB, argb(img, (11.553 - 10) / 0.01, (50 - 49.353) / 0.01), "B1");
        assertColour(StationFixture.BETA_RGB, argb(img, (11.583 - 10) / 0.01, (50 - 49.353) / 0.01), "B2");
        assertEquals(0, argb(img, 100, 50) >>> 24, "transparent away from the stations");
        assertEquals(0, argb(img, 25.3 + 8, 25.3) >>> 24, "a circle has a radius of 6 px");
    }

    @Test
    void getMapInEpsg3857TransformsThePoints() throws Exception {
        double minx = mercX(10);
        double maxx = mercX(12);
        double miny = mercY(49);
        double maxy = mercY(50);
        int w = 256;
        int h = 200;
        BufferedImage img = image(get(host, "/wms?service=WMS&version=1.3.0&request=GetMap&layers=stations_pts"
                + "&styles=&crs=EPSG:3857&bbox=" + minx + "," + miny + "," + maxx + "," + maxy + "&width=" + w
                + "&height=" + h + "&format=image/png&transparent=true"), "image/png");
        double ax = (mercX(10.253) - minx) / (maxx - minx) * w;
        double ay = (maxy - mercY(49.747)) / (maxy - miny) * h;
        assertColour(StationFixture.ALPHA_RGB, argb(img, ax, ay), "A1 at pixel " + ax + ", " + ay);
        double bx = (mercX(11.553) - minx) / (maxx - minx) * w;
        double by = (maxy - mercY(49.353)) / (maxy - miny) * h;
        assertColour(StationFixture.BETA_RGB, argb(img, bx, by), "B1 at pixel " + bx + ", " + by);
    }

    @Test
    void getMapInEpsg3035PutsC1OnTheProjectionOrigin() throws Exception {
        // EPSG:3035 is northing first in WMS 1.3.0: BBOX miny,minx,maxy,maxx, 10 km pixels around the origin.
        BufferedImage img = image(get(host, "/wms?service=WMS&version=1.3.0&request=GetMap&layers=stations_pts"
                + "&styles=&crs=EPSG:3035&bbox=3110000,4221000,3310000,4421000&width=20&height=20"
                + "&format=image/png&transparent=true"), "image/png");
        // (4321000 - 4221000) / 10000 = 10.0 and (3310000 - 3210000) / 10000 = 10.0: pixel (10, 10) holds C1.
        assertColour(StationFixture.ALPHA_RGB, img.getRGB(10, 10), "C1");
        assertColour(StationFixture.ALPHA_RGB, img.getRGB(9, 9), "C1 sits on the corner of four pixels");
    }

    @Test
    void withTimeStationsWithoutAReadingThatDayAreRings() throws Exception {
        BufferedImage img = image(get(host, "/wms?service=WMS&version=1.3.0&request=GetMap&layers=stations_pts"
                + "&styles=stations&crs=EPSG:4326&bbox=49,10,50,12&width=200&height=100&format=image/png"
                + "&transparent=true&time=2021-04-01"), "image/png");
        assertColour(StationFixture.ALPHA_RGB, argb(img, 25.3, 25.3), "A1 has two readings on 2021-04-01");
        // B1 has none: a ring of radius 5 (2.5 px wide) around a transparent centre.
        assertEquals(0, argb(img, 155.3, 64.7) >>> 24, "B1's centre is empty");
        int ring = argb(img, 155.3 - 5, 64.7);
        assertTrue(ring >>> 24 > 200, String.format("B1's ring is opaque: %08X", ring));
        assertTrue(Math.abs(((ring >> 16) & 0xFF) - 0xD5) <= 24 && Math.abs(((ring >> 8) & 0xFF) - 0x5E) <= 24
                && Math.abs((ring & 0xFF) - 0x00) <= 24, String.format("B1's ring is BETA's colour: %08X", ring));
        BufferedImage tenth = image(get(host, "/wms?service=WMS&version=1.3.0&request=GetMap&layers=stations_pts"
                + "&styles=&crs=EPSG:4326&bbox=49,10,50,12&width=200&height=100&format=image/png"
                + "&transparent=true&time=2021-04-10"), "image/png");
        assertColour(StationFixture.BETA_RGB, argb(tenth, 158.3, 64.7), "B2 reported on 2021-04-10");
        assertEquals(0, argb(tenth, 25.3, 25.3) >>> 24, "A1 did not: its centre is empty");
    }

    @Test
    void stationsAreDrawnOverARasterLayer() throws Exception {
        // ndvi_geo: 0.9 in 10-11 E, 49.5-50 N, where A1 is; the NDVI style colours it opaque.
        BufferedImage img = image(get(host, "/wms?service=WMS&version=1.3.0&request=GetMap"
                + "&layers=ndvi_geo,stations_pts&styles=,&crs=EPSG:4326&bbox=49,10,50,12&width=200&height=100"
                + "&format=image/png&transparent=true"), "image/png");
        assertColour(StationFixture.ALPHA_RGB, argb(img, 25.3, 25.3), "A1 on top");
        int under = argb(img, 60, 25);
        assertEquals(0xFF, under >>> 24, "the NDVI raster is drawn around it");
        BufferedImage ndviOnly = image(get(host, "/wms?service=WMS&version=1.3.0&request=GetMap&layers=ndvi_geo"
                + "&styles=&crs=EPSG:4326&bbox=49,10,50,12&width=200&height=100&format=image/png&transparent=true"),
                "image/png");
        assertEquals(ndviOnly.getRGB(60, 25), under, "unchanged away from the stations");
    }

    @Test
    void aRasterStyleOrABadTimeIsAServiceException() throws Exception {
        WmsFixture.assertException(get(host, "/wms?service=WMS&version=1.3.0&request=GetMap&layers=stations_pts"
                + "&styles=ssm&crs=EPSG:4326&bbox=49,10,50,12&width=20&height=10&format=image/png"),
                "StyleNotDefined", "styles");
        WmsFixture.assertException(get(host, "/wms?service=WMS&version=1.3.0&request=GetMap&layers=stations_pts"
                + "&styles=&crs=EPSG:4326&bbox=49,10,50,12&width=20&height=10&format=image/png&time=tomorrow"),
                "InvalidDimensionValue", "time");
    }

    @Test
    void theLegendShowsEachNetworkInItsColour() throws Exception {
        BufferedImage img = image(get(host, "/wms?service=WMS&version=1.3.0&request=GetLegendGraphic"
                + "&layer=stations_pts&format=image/png"), "image/png");
        int alpha = 0;
        int beta = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                alpha += rgb == StationFixture.ALPHA_RGB ? 1 : 0;
                beta += rgb == StationFixture.BETA_RGB ? 1 : 0;
            }
        }
        // A filled circle of radius 6 has about 113 pixels, some of them on its anti-aliased edge.
        assertTrue(alpha > 60 && beta > 60, "swatches of both networks: " + alpha + ", " + beta);
    }

    // ---------------------------------------------------------------- GetFeatureInfo

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> featureInfo(String query) throws Exception {
        HttpResponse<byte[]> r = get(host, "/wms?service=WMS&version=1.3.0&request=GetFeatureInfo" + query);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(200, r.statusCode(), body);
        Map<String, Object> doc = Json.parseObject(body);
        List<Map<String, Object>> features = (List<Map<String, Object>>) doc.get("features");
        assertEquals(features.size(), ((Number) doc.get("numberReturned")).intValue());
        return features;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Map<String, Object> feature) {
        return (Map<String, Object>) feature.get("properties");
    }

    @Test
    @SuppressWarnings("unchecked")
    void getFeatureInfoNearAStationInEpsg3857GivesItsSeries() throws Exception {
        double minx = mercX(10);
        double maxx = mercX(12);
        double miny = mercY(49);
        double maxy = mercY(50);
        double ax = (mercX(10.253) - minx) / (maxx - minx) * 256;
        double ay = (maxy - mercY(49.747)) / (maxy - miny) * 200;
        int i = (int) Math.floor(ax) + 3;
        int j = (int) Math.floor(ay) - 2;
        List<Map<String, Object>> features = featureInfo("&layers=stations_pts&query_layers=stations_pts&styles="
                + "&crs=EPSG:3857&bbox=" + minx + "," + miny + "," + maxx + "," + maxy + "&width=256&height=200"
                + "&i=" + i + "&j=" + j + "&info_format=application/json&time=2021-04-03");
        assertEquals(1, features.size());
        Map<String, Object> p = props(features.get(0));
        assertEquals("A1", p.get("station"));
        assertEquals("ALPHA", p.get("network"));
        assertEquals("station", p.get("kind"));
        assertEquals(Math.hypot(i + 0.5 - ax, j + 0.5 - ay), ((Number) p.get("distance_px")).doubleValue(), 1e-6);
        assertEquals("2021-04-03", p.get("time"));
        assertEquals(0.25, ((Number) p.get("value")).doubleValue(), 0);
        Map<String, Object> series = (Map<String, Object>) p.get("series");
        assertEquals(List.of("2021-04-01T06:00:00Z", "2021-04-01T18:00:00Z", "2021-04-03T06:00:00Z"),
                series.get("dates"));
        assertEquals(List.of(0.21, 0.23, 0.25), series.get("values"));
        assertEquals(List.of("G", "G", "G"), series.get("flags"));
        Map<String, Object> geometry = (Map<String, Object>) features.get(0).get("geometry");
        assertEquals(List.of(10.253, 49.747), geometry.get("coordinates"));
    }

    @Test
    void featureCountGivesTheNearestStationsFirstAndAFarClickNone() throws Exception {
        String map = "&layers=stations_pts&query_layers=stations_pts&styles=&crs=EPSG:4326&bbox=49,10,50,12"
                + "&width=200&height=100&info_format=application/json";
        // B1's centre is pixel (155.3, 64.7); B2's is 3 px east.
        List<Map<String, Object>> two = featureInfo(map + "&i=155&j=64&feature_count=2");
        assertEquals(List.of("B1", "B2"), two.stream().map(f -> props(f).get("station")).toList());
        List<Map<String, Object>> one = featureInfo(map + "&i=155&j=64");
        assertEquals(List.of("B1"), one.stream().map(f -> props(f).get("station")).toList());
        assertTrue(featureInfo(map + "&i=100&j=50").isEmpty(), "no station within 8 px of the map centre");
        // Without TIME: the last date with a value, 2021-04-03 for B1 (its 2021-04-10 reading has none).
        assertEquals("2021-04-03", props(one.get(0)).get("time"));
        assertEquals(0.30, ((Number) props(one.get(0)).get("value")).doubleValue(), 0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTimeRangeLimitsTheSeriesAndRastersComeFirst() throws Exception {
        List<Map<String, Object>> features = featureInfo("&layers=ndvi_geo,stations_pts&styles=,"
                + "&query_layers=stations_pts,ndvi_geo&crs=EPSG:4326&bbox=49,10,50,12&width=200&height=100"
                + "&i=25&j=25&info_format=application/json&time=2021-04-02/2021-04-10");
        assertEquals(List.of("ndvi_geo", "stations_pts"), features.stream().map(f -> props(f).get("layer")).toList());
        Map<String, Object> a1 = props(features.get(1));
        assertEquals(List.of("2021-04-03T06:00:00Z"), ((Map<String, Object>) a1.get("series")).get("dates"));
        assertEquals("2021-04-03", a1.get("time"));
    }

    @Test
    void textAndHtmlCarryTheReadings() throws Exception {
        String map = "/wms?service=WMS&version=1.3.0&request=GetFeatureInfo&layers=stations_pts"
                + "&query_layers=stations_pts&styles=&crs=EPSG:4326&bbox=49,10,50,12&width=200&height=100&i=25&j=25";
        String text = new String(get(host, map + "&info_format=text/plain").body(), StandardCharsets.UTF_8);
        assertTrue(text.contains("station: A1 (ALPHA), 0.0-0.05 m, at 10.253, 49.747;"), text);
        assertTrue(text.contains("series: 3 readings\n2021-04-01T06:00:00Z\t0.21\tG\n2021-04-01T18:00:00Z\t0.23\tG\n"
                + "2021-04-03T06:00:00Z\t0.25\tG\n"), text);
        String html = new String(get(host, map + "&info_format=text/html").body(), StandardCharsets.UTF_8);
        assertTrue(html.contains("<tr><td>2021-04-01T18:00:00Z</td><td class=\"v\">0.23</td><td>G</td></tr>"), html);
    }

    // ---------------------------------------------------------------- DOM helpers

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static double num(Element parent, String name) {
        return Double.parseDouble(children(parent, name).get(0).getTextContent());
    }
}
