package org.ssm.host.wms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ssm.host.wms.WmsFixture.assertColour;
import static org.ssm.host.wms.WmsFixture.assertException;
import static org.ssm.host.wms.WmsFixture.get;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssm.core.Json;
import org.ssm.grid.GridSeries;
import org.ssm.host.catalog.Layer;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The sample dimension {@code band} of undated multi-band layers: declared in the capabilities, chosen
 * by {@code DIM_BAND} (a name or a 1-based number) in GetMap and GetFeatureInfo, ignored by layers
 * without it, and every band's value in GetFeatureInfo.
 *
 * <p>{@code bands_utm} ({@link WmsFixture#publishBands}): three bands MSR, DisPATCh and RF, constant 0.1,
 * 0.3 and 0.45, no data at the north-west cell of RF. {@code pair_utm}: two undated bands
 * published without descriptions, so named "1" and "2". Expected colours are ssm.sld's; PNG within ±1
 * per channel, for the rounding of interpolation (0.1f and 0.3f lie within 2e-8 of their entries).
 */
class WmsBandDimensionTest extends WmsHostTestBase {

    private static final String WMS = "http://www.opengis.net/wms";
    private static final List<String> NAMES = WmsFixture.BAND_NAMES;
    private static final float[] VALUES = WmsFixture.BAND_VALUES;
    private static final int PNG_TOL = 1;
    /** ssm.sld entry 0.1: #d8b365. */
    private static final int SSM_01 = 0xD8B365;
    /** ssm.sld entry 0.3: #c7eae5. */
    private static final int SSM_03 = 0xC7EAE5;
    /** 0.45, midway between 0.4 #5ab4ac (90,180,172) and 0.5 #01665e (1,102,94): (45.5, 141, 133). */
    private static final int SSM_045 = 0x2E8D85;

    private static final String MAP = "/wms?service=WMS&version=1.3.0&request=GetMap&styles="
            + "&crs=EPSG:32633&bbox=500000,4980000,520000,5000000&width=20&height=20&format=image/png"
            + "&transparent=true&layers=";
    private static final String GFI = "/wms?service=WMS&version=1.3.0&request=GetFeatureInfo&styles="
            + "&crs=EPSG:32633&bbox=500000,4980000,520000,5000000&width=20&height=20"
            + "&layers=bands_utm&query_layers=bands_utm";

    @BeforeAll
    static void publishBands() throws Exception {
        WmsFixture.publishBands(host);
        float[][] pair = {new float[WmsFixture.UTM.size()], new float[WmsFixture.UTM.size()]};
        Arrays.fill(pair[0], 0.1f);
        Arrays.fill(pair[1], 0.3f);
        host.catalog().publish("pair_utm", "Two bands", "", "ssm", "m3 m-3", "test",
                GridSeries.undated(WmsFixture.UTM, pair));
    }

    private static BufferedImage png(String query) throws Exception {
        return WmsFixture.image(get(host, query), "image/png");
    }

    private static List<Element> dimensions(String layer) throws Exception {
        HttpResponse<byte[]> r = get(host, "/wms?service=WMS&version=1.3.0&request=GetCapabilities");
        assertEquals(200, r.statusCode());
        NodeList layers = WmsFixture.xml(r.body()).getElementsByTagNameNS(WMS, "Layer");
        for (int i = 0; i < layers.getLength(); i++) {
            Element l = (Element) layers.item(i);
            NodeList name = l.getElementsByTagNameNS(WMS, "Name");
            if (name.getLength() > 0 && name.item(0).getParentNode() == l
                    && layer.equals(name.item(0).getTextContent().strip())) {
                List<Element> dims = new ArrayList<>();
                NodeList all = l.getElementsByTagNameNS(WMS, "Dimension");
                for (int k = 0; k < all.getLength(); k++) {
                    dims.add((Element) all.item(k));
                }
                return dims;
            }
        }
        throw new AssertionError("layer " + layer + " is not in the capabilities");
    }

    @Test
    void capabilitiesDeclareTheBandDimensionWithTheNames() throws Exception {
        List<Element> dims = dimensions("bands_utm");
        assertEquals(1, dims.size());
        Element band = dims.get(0);
        assertEquals("band", band.getAttribute("name"));
        assertTrue(band.hasAttribute("units"), "units is required by the WMS 1.3.0 schema");
        assertEquals("", band.getAttribute("units"));
        assertEquals("MSR", band.getAttribute("default"));
        assertEquals("0", band.getAttribute("multipleValues"));
        assertEquals("0", band.getAttribute("nearestValue"));
        assertEquals("MSR,DisPATCh,RF", band.getTextContent().strip());

        assertEquals("1,2", dimensions("pair_utm").get(0).getTextContent().strip(), "no descriptions: numbers");
        assertEquals("1", dimensions("pair_utm").get(0).getAttribute("default"));
        assertTrue(dimensions("ndvi_geo").isEmpty(), "a single band has no band dimension");
        List<Element> series = dimensions("ssm_utm");
        assertEquals(1, series.size());
        assertEquals("time", series.get(0).getAttribute("name"), "a series has TIME only");
    }

    @Test
    void getMapDrawsTheBandNamedOrNumberedByDimBandAndTheFirstByDefault() throws Exception {
        assertColour(SSM_01, png(MAP + "bands_utm").getRGB(10, 10), PNG_TOL, "no DIM_BAND: the first band");
        assertColour(SSM_01, png(MAP + "bands_utm&dim_band=").getRGB(10, 10), PNG_TOL, "empty DIM_BAND");
        assertColour(SSM_01, png(MAP + "bands_utm&DIM_BAND=MSR").getRGB(10, 10), PNG_TOL, "MSR");
        assertColour(SSM_03, png(MAP + "bands_utm&DIM_BAND=2").getRGB(10, 10), PNG_TOL, "DIM_BAND=2");
        assertColour(SSM_03, png(MAP + "bands_utm&DIM_BAND=DisPATCh").getRGB(10, 10), PNG_TOL, "DisPATCh");
        BufferedImage rf = png(MAP + "bands_utm&dim_band=RF");
        assertColour(SSM_045, rf.getRGB(10, 10), PNG_TOL, "RF");
        assertEquals(0, rf.getRGB(0, 0) >>> 24, "RF has no data at the north-west cell");
        assertColour(SSM_03, png(MAP + "pair_utm&DIM_BAND=2").getRGB(10, 10), PNG_TOL, "pair_utm band 2");
        assertColour(SSM_01, png(MAP + "pair_utm").getRGB(10, 10), PNG_TOL, "pair_utm default");
    }

    @Test
    void layersWithoutTheDimensionIgnoreDimBand() throws Exception {
        BufferedImage plain = png(MAP + "ssm_utm");
        BufferedImage ignored = png(MAP + "ssm_utm&DIM_BAND=no-such-band");
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                assertEquals(plain.getRGB(x, y), ignored.getRGB(x, y), "series pixel " + x + "," + y);
            }
        }
        // One map of a single-band layer under the multi-band one: DIM_BAND applies to the latter only.
        BufferedImage both = png(MAP + "ramp_utm,bands_utm&DIM_BAND=RF");
        assertColour(SSM_045, both.getRGB(10, 10), PNG_TOL, "RF on top");
        assertTrue((both.getRGB(0, 0) >>> 24) == 0xFF, "ramp_utm shows through RF's no data");
    }

    @Test
    void anUnknownBandIsInvalidDimensionValueNamingItAndTheBands() throws Exception {
        for (String bad : List.of("GPR", "msr", "0", "4", "1.0", "MSR,RF")) {
            HttpResponse<byte[]> r = get(host, MAP + "bands_utm&DIM_BAND=" + bad);
            assertException(r, "InvalidDimensionValue", "dim_band");
            String body = new String(r.body(), StandardCharsets.UTF_8);
            assertTrue(body.contains("DIM_BAND=" + bad), body);
            assertTrue(body.contains("MSR, DisPATCh, RF"), body);
        }
        assertException(get(host, GFI + "&i=3&j=3&DIM_BAND=GPR"), "InvalidDimensionValue", "dim_band");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(String query) throws Exception {
        HttpResponse<byte[]> r = get(host, query);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(200, r.statusCode(), body);
        List<Map<String, Object>> features = (List<Map<String, Object>>) Json.parseObject(body).get("features");
        assertEquals(1, features.size(), body);
        return (Map<String, Object>) features.get(0).get("properties");
    }

    @Test
    @SuppressWarnings("unchecked")
    void getFeatureInfoReportsEveryBandAndTheSelectedOne() throws Exception {
        Map<String, Object> p = properties(GFI + "&i=3&j=3&info_format=application/json");
        assertEquals("MSR", p.get("band"), "no DIM_BAND: the first band");
        assertEquals(0.1f, ((Number) p.get("value")).floatValue());
        Map<String, Object> bands = (Map<String, Object>) p.get("bands");
        assertEquals(NAMES, List.copyOf(bands.keySet()), "every band, in band order");
        for (int b = 0; b < 3; b++) {
            assertEquals(VALUES[b], ((Number) bands.get(NAMES.get(b))).floatValue(), NAMES.get(b));
        }
        assertFalse(p.containsKey("series"), "an undated layer has no series");

        Map<String, Object> rf = properties(GFI + "&i=3&j=3&DIM_BAND=3");
        assertEquals("RF", rf.get("band"));
        assertEquals(0.45f, ((Number) rf.get("value")).floatValue());

        Map<String, Object> corner = properties(GFI + "&i=0&j=0&DIM_BAND=RF");
        assertNull(corner.get("value"), "no data is null");
        Map<String, Object> cornerBands = (Map<String, Object>) corner.get("bands");
        assertTrue(cornerBands.containsKey("RF"));
        assertNull(cornerBands.get("RF"));
        assertEquals(0.3f, ((Number) cornerBands.get("DisPATCh")).floatValue());

        Map<String, Object> series = properties(GFI.replace("bands_utm", "ssm_utm") + "&i=10&j=10&DIM_BAND=RF");
        assertFalse(series.containsKey("bands"), "a series has no bands");
        assertFalse(series.containsKey("band"));
    }

    @Test
    void textAndHtmlListEveryBand() throws Exception {
        String t = new String(get(host, GFI + "&i=0&j=0&DIM_BAND=DisPATCh&info_format=text/plain").body(),
                StandardCharsets.UTF_8);
        assertTrue(t.contains("band: DisPATCh\nvalue: 0.3\n"), t);
        assertTrue(t.contains("bands: 3 bands\nMSR\t0.1\nDisPATCh\t0.3\nRF\tnull\n"), t);
        String h = new String(get(host, GFI + "&i=0&j=0&DIM_BAND=DisPATCh&info_format=text/html").body(),
                StandardCharsets.UTF_8);
        assertTrue(h.contains("<th>band</th><td>DisPATCh</td>"), h);
        assertTrue(h.contains("<tr><td>MSR</td><td class=\"v\">0.1</td></tr>"), h);
        assertTrue(h.contains("<tr><td>RF</td><td class=\"v\">null</td></tr>"), h);
    }

    @Test
    void theCatalogueKeepsTheNamesAndLegendsAreUnchanged() throws Exception {
        Layer layer = host.catalog().find("bands_utm").orElseThrow();
        assertEquals(NAMES, layer.bandNames());
        assertEquals(List.of(), host.catalog().find("ssm_utm").orElseThrow().bandNames());
        assertEquals(List.of(), host.catalog().find("ndvi_geo").orElseThrow().bandNames());
        byte[] plain = get(host, "/wms?service=WMS&version=1.3.0&request=GetLegendGraphic&layer=bands_utm").body();
        byte[] withBand = get(host, "/wms?service=WMS&version=1.3.0&request=GetLegendGraphic&layer=bands_utm"
                + "&DIM_BAND=RF").body();
        assertArrayEquals(plain, withBand, "a legend is the style's, whatever the band");
    }
}
