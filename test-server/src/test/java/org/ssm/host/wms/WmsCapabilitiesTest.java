package org.ssm.host.wms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * GetCapabilities over HTTP, read with DOM. Expected geographic and Web Mercator extents were computed
 * independently with GDAL's gdaltransform (PROJ), and agree with GeoTools to within the stated tolerances.
 */
class WmsCapabilitiesTest extends WmsHostTestBase {

    private static final String WMS = "http://www.opengis.net/wms";
    /** Degrees: PROJ and GeoTools agree on UTM to about 1e-9°. */
    private static final double DEG = 1e-6;
    /** Metres. */
    private static final double M = 0.01;

    private static Document caps;

    @BeforeAll
    static void fetch() throws Exception {
        HttpResponse<byte[]> r = WmsFixture.get(host, "/wms?service=WMS&version=1.3.0&request=GetCapabilities");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
        caps = WmsFixture.xml(r.body());
    }

    @Test
    void isAWms130CapabilitiesDocument() {
        Element root = caps.getDocumentElement();
        assertEquals("WMS_Capabilities", root.getLocalName());
        assertEquals(WMS, root.getNamespaceURI());
        assertEquals("1.3.0", root.getAttribute("version"));
        assertEquals("WMS", text(child(child(root, "Service"), "Name")));
    }

    @Test
    void offersGetMapInPngAndJpegAndLegendsAndXmlExceptions() {
        Element capability = child(caps.getDocumentElement(), "Capability");
        Element request = child(capability, "Request");
        List<String> mapFormats = texts(children(child(request, "GetMap"), "Format"));
        assertEquals(List.of("image/png", "image/jpeg"), mapFormats);
        assertNotNull(child(request, "GetCapabilities"));
        Element legend = (Element) request.getElementsByTagNameNS("http://www.opengis.net/sld", "GetLegendGraphic")
                .item(0);
        assertNotNull(legend, "GetLegendGraphic is not advertised");
        String href = ((Element) legend.getElementsByTagNameNS(WMS, "OnlineResource").item(0))
                .getAttributeNS("http://www.w3.org/1999/xlink", "href");
        assertEquals(host.localBaseUrl() + "/wms?", href);
        assertEquals(List.of("XML"), texts(children(child(capability, "Exception"), "Format")));
    }

    @Test
    void offersGetFeatureInfoInJsonTextAndHtmlOnQueryableLayers() {
        Element request = child(child(caps.getDocumentElement(), "Capability"), "Request");
        Element gfi = child(request, "GetFeatureInfo");
        assertNotNull(gfi, "GetFeatureInfo is not advertised");
        assertEquals(List.of("application/json", "text/plain", "text/html"), texts(children(gfi, "Format")));
        Element root = child(child(caps.getDocumentElement(), "Capability"), "Layer");
        for (Element l : children(root, "Layer")) {
            assertEquals("1", l.getAttribute("queryable"), text(child(l, "Name")));
        }
    }

    @Test
    void listsEveryLayerUnderOneRootLayer() {
        Element root = child(child(caps.getDocumentElement(), "Capability"), "Layer");
        assertNull(child(root, "Name"), "the root layer is a group, not a named layer");
        List<String> names = new ArrayList<>();
        for (Element l : children(root, "Layer")) {
            names.add(text(child(l, "Name")));
        }
        assertEquals(List.of("ndvi_geo", "ramp_utm", "ssm_utm"), names);
        assertEquals(List.of("EPSG:4326", "CRS:84", "EPSG:3857"), texts(children(root, "CRS")));
    }

    @Test
    void seriesLayerHasItsDatesAsTheTimeDimension() {
        Element ssm = layer("ssm_utm");
        List<Element> dims = children(ssm, "Dimension");
        assertEquals(1, dims.size());
        Element time = dims.get(0);
        assertEquals("time", time.getAttribute("name"));
        assertEquals("ISO8601", time.getAttribute("units"));
        assertEquals("2021-04-10", time.getAttribute("default"));
        assertEquals("0", time.getAttribute("nearestValue"));
        assertEquals("2021-04-01,2021-04-03,2021-04-10", text(time));
        assertTrue(children(layer("ndvi_geo"), "Dimension").isEmpty(), "an undated layer has no TIME");
    }

    @Test
    void utmLayerHasItsGeographicExtentAndBoxesInEveryCrs() {
        Element ssm = layer("ssm_utm");
        assertEquals(List.of("EPSG:32633"), texts(children(ssm, "CRS")));
        Element geo = child(ssm, "EX_GeographicBoundingBox");
        // Corners of the grid by gdaltransform EPSG:32633 -> EPSG:4326: the west edge is the central
        // meridian; the north-west corner is the northernmost point, the south-east the southernmost.
        assertEquals(15.0, num(child(geo, "westBoundLongitude")), DEG);
        assertEquals(15.2544367778502, num(child(geo, "eastBoundLongitude")), DEG);
        assertEquals(44.9731589970555, num(child(geo, "southBoundLatitude")), DEG);
        assertEquals(45.153477183356, num(child(geo, "northBoundLatitude")), DEG);

        Map<String, Element> boxes = boxes(ssm);
        assertBox(boxes.get("EPSG:32633"), 500000, 4980000, 520000, 5000000, M);
        assertBox(boxes.get("CRS:84"), 15.0, 44.9731589970555, 15.2544367778502, 45.153477183356, DEG);
        // WMS 1.3.0: EPSG:4326 boxes are latitude first.
        assertBox(boxes.get("EPSG:4326"), 44.9731589970555, 15.0, 45.153477183356, 15.2544367778502, DEG);
        // The Mercator box of the geographic box (gdaltransform EPSG:4326 -> EPSG:3857 of its corners).
        assertBox(boxes.get("EPSG:3857"), 1669792.3618991, 5617296.90891536, 1698116.13444847,
                5645715.77543671, M);
    }

    @Test
    void geographicLayerBoxesFollowTheAxisOrderOfEachCrs() {
        Element ndvi = layer("ndvi_geo");
        assertTrue(children(ndvi, "CRS").isEmpty(), "EPSG:4326 is inherited from the root layer");
        Map<String, Element> boxes = boxes(ndvi);
        assertBox(boxes.get("CRS:84"), 10, 49, 12, 50, 1e-9);
        assertBox(boxes.get("EPSG:4326"), 49, 10, 50, 12, 1e-9);
        // gdaltransform EPSG:4326 -> EPSG:3857 of (10, 49) and (12, 50)
        assertBox(boxes.get("EPSG:3857"), 1113194.90793274, 6274861.39400658, 1335833.88951928, 6446275.84101716, M);
        Element geo = child(ndvi, "EX_GeographicBoundingBox");
        assertEquals(10, num(child(geo, "westBoundLongitude")), 1e-9);
        assertEquals(49, num(child(geo, "southBoundLatitude")), 1e-9);
    }

    @Test
    void eachLayerHasItsDefaultStyleWithALegendUrl() throws Exception {
        Element style = child(layer("ssm_utm"), "Style");
        assertEquals("ssm", text(child(style, "Name")));
        assertTrue(text(child(style, "Title")).contains("m³/m³"), text(child(style, "Title")));
        Element legendUrl = child(style, "LegendURL");
        assertEquals("image/png", text(child(legendUrl, "Format")));
        String href = child(legendUrl, "OnlineResource").getAttributeNS("http://www.w3.org/1999/xlink", "href");
        assertTrue(href.contains("request=GetLegendGraphic") && href.contains("layer=ssm_utm")
                && href.contains("style=ssm"), href);
        // The advertised legend size is the size of the image the URL returns.
        HttpResponse<byte[]> r = WmsFixture.get(host, href.substring(host.localBaseUrl().length()));
        var img = WmsFixture.image(r, "image/png");
        assertEquals(Integer.parseInt(legendUrl.getAttribute("width")), img.getWidth());
        assertEquals(Integer.parseInt(legendUrl.getAttribute("height")), img.getHeight());
        // A layer whose style has no SLD is offered under that style name with a generated ramp.
        assertEquals("no-such-sld", text(child(child(layer("ramp_utm"), "Style"), "Name")));
    }

    @Test
    void isAlsoServedThroughOws() throws Exception {
        HttpResponse<byte[]> r = WmsFixture.get(host, "/ows?service=WMS&request=GetCapabilities");
        assertEquals(200, r.statusCode());
        assertEquals("WMS_Capabilities", WmsFixture.xml(r.body()).getDocumentElement().getLocalName());
    }

    @Test
    void longRegularSeriesAreWrittenAsAnInterval() {
        List<LocalDate> daily = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            daily.add(LocalDate.parse("2021-01-01").plusDays(i));
        }
        assertEquals("2021-01-01/2021-05-30/P1D", WmsCapabilities.timeExtent(daily));
        List<LocalDate> shortSeries = daily.subList(0, 3);
        assertEquals("2021-01-01,2021-01-02,2021-01-03", WmsCapabilities.timeExtent(shortSeries));
        List<LocalDate> irregular = new ArrayList<>(daily);
        irregular.remove(7);
        String text = WmsCapabilities.timeExtent(irregular);
        assertFalse(text.contains("/"), "an irregular series is listed");
        assertEquals(149, text.split(",").length);
    }

    // --- DOM helpers -------------------------------------------------------------------------------

    private static Element layer(String name) {
        Element root = child(child(caps.getDocumentElement(), "Capability"), "Layer");
        for (Element l : children(root, "Layer")) {
            if (name.equals(text(child(l, "Name")))) {
                return l;
            }
        }
        throw new AssertionError("layer " + name + " is not in the capabilities");
    }

    private static Map<String, Element> boxes(Element layer) {
        Map<String, Element> map = new HashMap<>();
        for (Element b : children(layer, "BoundingBox")) {
            assertNull(map.put(b.getAttribute("CRS"), b), "two BoundingBox elements for " + b.getAttribute("CRS"));
        }
        return map;
    }

    private static void assertBox(Element box, double minx, double miny, double maxx, double maxy, double tol) {
        assertNotNull(box, "missing BoundingBox");
        String crs = box.getAttribute("CRS");
        assertEquals(minx, Double.parseDouble(box.getAttribute("minx")), tol, crs + " minx");
        assertEquals(miny, Double.parseDouble(box.getAttribute("miny")), tol, crs + " miny");
        assertEquals(maxx, Double.parseDouble(box.getAttribute("maxx")), tol, crs + " maxx");
        assertEquals(maxy, Double.parseDouble(box.getAttribute("maxy")), tol, crs + " maxy");
    }

    private static List<Element> children(Element parent, String local) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName()) && WMS.equals(e.getNamespaceURI())) {
                list.add(e);
            }
        }
        return list;
    }

    private static Element child(Element parent, String local) {
        List<Element> list = children(parent, local);
        return list.isEmpty() ? null : list.get(0);
    }

    private static String text(Element e) {
        assertNotNull(e);
        return e.getTextContent().strip();
    }

    private static List<String> texts(List<Element> elements) {
        List<String> list = new ArrayList<>();
        for (Element e : elements) {
            list.add(text(e));
        }
        return list;
    }

    private static double num(Element e) {
        return Double.parseDouble(text(e));
    }
}
