package org.ssm.host.wcs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ssm.host.wcs.WcsFixture.element;
import static org.ssm.host.wcs.WcsFixture.elements;
import static org.ssm.host.wcs.WcsFixture.numbers;
import static org.ssm.host.wcs.WcsFixture.text;
import static org.ssm.host.wcs.WcsFixture.xml;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ssm.host.ows.Namespaces;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class WcsCapabilitiesTest extends WcsHostTestBase {

    private static final String WCS = Namespaces.WCS_20;
    private static final String OWS = Namespaces.OWS_20;

    /**
     * The WGS 84 box of the UTM layer, from PROJ 9.1 (GDAL 3.6.2's osr) on the corners: the west
     * edge lies on the central meridian (15°E), the north edge bulges north at it, and the south
     * edge dips lowest at its east end.
     */
    private static final double[] UTM_WGS84 = {15.0, 45.1264607406072, 15.0508875971129, 45.153477183356};
    /** Tolerance on WGS 84 boxes: 1e-9 degrees, about 0.1 mm. */
    private static final double DEG_TOLERANCE = 1e-9;


    private static Map<String, Element> summaries(Document d) {
        Map<String, Element> byId = new HashMap<>();
        for (Element s : elements(d, WCS, "CoverageSummary")) {
            byId.put(text(s, WCS, "CoverageId"), s);
        }
        return byId;
    }

    private static double[] wgs84Box(Element summary) {
        Element box = element(summary, OWS, "WGS84BoundingBox");
        double[] lower = numbers(text(box, OWS, "LowerCorner"));
        double[] upper = numbers(text(box, OWS, "UpperCorner"));
        return new double[] {lower[0], lower[1], upper[0], upper[1]};
    }

    @Test
    void listsEveryCoverageWithItsWgs84BoundingBox() throws Exception {
        Document d = xml(wcs.get("service=WCS&request=GetCapabilities"));
        assertEquals("Capabilities", d.getDocumentElement().getLocalName());
        assertEquals("2.0.1", d.getDocumentElement().getAttribute("version"));
        Map<String, Element> byId = summaries(d);
        assertEquals(List.of("dem", "geo", "utm"), byId.keySet().stream().sorted().toList());
        for (Element s : byId.values()) {
            assertEquals("RectifiedGridCoverage", text(s, WCS, "CoverageSubtype"));
        }
        assertArrayEquals(UTM_WGS84, wgs84Box(byId.get("utm")), DEG_TOLERANCE);
        assertArrayEquals(UTM_WGS84, wgs84Box(byId.get("dem")), DEG_TOLERANCE);
        // A geographic layer's box is its own extent, exactly (up to decimal printing).
        assertArrayEquals(new double[] {10.0, 45.8, 10.5, 46.0}, wgs84Box(byId.get("geo")), 1e-12);
        // The native box of the WGS 84 layer follows EPSG:4326's axis order: latitude first.
        Element native4326 = element(byId.get("geo"), OWS, "BoundingBox");
        assertEquals("http://www.opengis.net/def/crs/EPSG/0/4326", native4326.getAttribute("crs"));
        assertArrayEquals(new double[] {45.8, 10.0}, numbers(text(native4326, OWS, "LowerCorner")), 1e-12);
        Element nativeUtm = element(byId.get("utm"), OWS, "BoundingBox");
        assertEquals("http://www.opengis.net/def/crs/EPSG/0/32633", nativeUtm.getAttribute("crs"));
        assertArrayEquals(new double[] {504000, 5000000}, numbers(text(nativeUtm, OWS, "UpperCorner")), 0);
    }

    @Test
    void announcesProfilesOperationsOnTheRequestedHostAndGeoTiff() throws Exception {
        // Asked through 127.0.0.1, the endpoints must name 127.0.0.1 too, not a configured name.
        String url = "http://127.0.0.1:" + wcs.host.port() + "/wcs?service=WCS&request=GetCapabilities";
        Document d = xml(wcs.send(HttpRequest.newBuilder(URI.create(url)).build()));
        List<String> profiles = elements(d, OWS, "Profile").stream().map(e -> e.getTextContent().strip()).toList();
        for (String p : List.of("http://www.opengis.net/spec/WCS/2.0/conf/core",
                "http://www.opengis.net/spec/WCS_protocol-binding_get-kvp/1.0/conf/get-kvp",
                "http://www.opengis.net/spec/WCS_protocol-binding_post-xml/1.0/conf/post-xml",
                "http://www.opengis.net/spec/WCS_coverage-encoding_geotiff/1.0/conf/geotiff-coverage",
                "http://www.opengis.net/spec/WCS_service-extension_crs/1.0/conf/crs",
                "http://www.opengis.net/spec/WCS_service-extension_scaling/1.0/conf/scaling")) {
            assertTrue(profiles.contains(p), p);
        }
        assertEquals("OGC WCS", text(d, OWS, "ServiceType"));
        List<String> operations = elements(d, OWS, "Operation").stream().map(e -> e.getAttribute("name")).toList();
        assertEquals(List.of("GetCapabilities", "DescribeCoverage", "GetCoverage"), operations);
        String endpoint = "http://127.0.0.1:" + wcs.host.port() + "/wcs";
        for (Element op : elements(d, OWS, "Operation")) {
            assertEquals(endpoint + "?", element(op, OWS, "Get").getAttributeNS(Namespaces.XLINK, "href"));
            assertEquals(endpoint, element(op, OWS, "Post").getAttributeNS(Namespaces.XLINK, "href"));
        }
        assertEquals("image/tiff", text(d, WCS, "formatSupported"));
        List<String> crs = elements(d, GetCoverageRequest.CRS_NS, "crsSupported").stream()
                .map(e -> e.getTextContent().strip()).toList();
        assertTrue(crs.contains("http://www.opengis.net/def/crs/EPSG/0/32633"), crs.toString());
        assertTrue(crs.contains("http://www.opengis.net/def/crs/EPSG/0/4326"), crs.toString());
    }

    @Test
    void sectionsLimitTheDocument() throws Exception {
        Document d = xml(wcs.get("service=WCS&request=GetCapabilities&sections=Contents"));
        assertTrue(elements(d, OWS, "ServiceIdentification").isEmpty());
        assertTrue(elements(d, OWS, "OperationsMetadata").isEmpty());
        assertEquals(3, elements(d, WCS, "CoverageSummary").size());
    }

    @Test
    void answersAnXmlPostRequest() throws Exception {
        Document d = xml(wcs.postResource("/wcs", "GetCapabilities.xml"));
        assertEquals(3, elements(d, WCS, "CoverageSummary").size());
        assertTrue(elements(d, OWS, "ServiceIdentification").isEmpty(), "only Contents was asked for");
    }

    @Test
    void isReachedThroughTheOwsEndpoint() throws Exception {
        String url = wcs.base() + "/ows?service=WCS&request=GetCapabilities&acceptVersions=2.0.1";
        Document d = xml(wcs.send(HttpRequest.newBuilder(URI.create(url)).build()));
        assertEquals(3, elements(d, WCS, "CoverageSummary").size());
        Document posted = xml(wcs.postResource("/ows", "GetCapabilities.xml"));
        assertEquals(3, elements(posted, WCS, "CoverageSummary").size());
    }
}
