package org.ssm.host.wms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ssm.host.wms.WmsFixture.assertException;
import static org.ssm.host.wms.WmsFixture.get;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GetLegendGraphic, and the WMS 1.3.0 exception code and locator of each kind of bad request. */
class WmsLegendAndErrorsTest extends WmsHostTestBase {

    private static final String MAP = "/wms?service=WMS&version=1.3.0&request=GetMap&format=image/png";
    private static final String OK_LAYER = "&layers=ssm_utm&styles=";
    private static final String OK_CRS = "&crs=EPSG:32633";
    private static final String OK_BBOX = "&bbox=500000,4980000,520000,5000000";
    private static final String OK_SIZE = "&width=20&height=20";

    private static BufferedImage legend(String query) throws Exception {
        return WmsFixture.image(get(host, "/wms?service=WMS&version=1.3.0&request=GetLegendGraphic" + query),
                "image/png");
    }

    private static Set<Integer> colours(BufferedImage img) {
        Set<Integer> set = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                set.add(img.getRGB(x, y));
            }
        }
        return set;
    }

    /** Whether some pixel is within ±{@code tol} per channel of {@code rgb}. */
    private static boolean contains(BufferedImage img, int rgb, int tol) {
        for (int colour : colours(img)) {
            boolean close = true;
            for (int shift = 0; shift <= 16; shift += 8) {
                close &= Math.abs(((colour >> shift) & 0xFF) - ((rgb >> shift) & 0xFF)) <= tol;
            }
            if (close && (colour >>> 24) == 0xFF) {
                return true;
            }
        }
        return false;
    }

    @Test
    void rampLegendShowsTheRampEndsAndText() throws Exception {
        BufferedImage img = legend("&format=image/png&layer=ssm_utm");
        assertTrue(colours(img).size() > 20, "a ramp legend has many colours, got " + colours(img).size());
        // The 100-row bar samples row centres and its border covers the first and last rows, so its ends
        // show 0.4925 and 0.0075: 7.5 % of a segment from the end entries #01665e and #8c510a, within
        // 0.075 × 98 ≈ 7.4 per channel of them.
        assertTrue(contains(img, 0x01665E, 8), "the wet end of the ssm ramp is missing");
        assertTrue(contains(img, 0x8C510A, 8), "the dry end of the ssm ramp is missing");
        assertTrue(contains(img, 0x222222, 0), "no label text is drawn");
    }

    @Test
    void classLegendHasOneExactSwatchPerClass() throws Exception {
        BufferedImage img = legend("&format=image/png&layer=ssm_utm&style=landcover&width=16&height=12");
        for (int rgb : new int[] {0xE69F00, 0xF0E442, 0x009E73, 0x7F7F7F, 0x0072B2}) {
            assertTrue(contains(img, rgb, 0), String.format("swatch #%06X is missing", rgb));
        }
        // Five 12-pixel swatches 2 pixels apart fit in the body.
        assertTrue(img.getHeight() >= 5 * 12 + 4 * 2, "height " + img.getHeight());
    }

    @Test
    void legendErrors() throws Exception {
        assertException(get(host, "/wms?request=GetLegendGraphic&format=image/png&layer=nope"),
                "LayerNotDefined", "layer");
        assertException(get(host, "/wms?request=GetLegendGraphic&format=image/png"), "MissingParameterValue",
                "layer");
        assertException(get(host, "/wms?request=GetLegendGraphic&layer=ssm_utm&style=nope"), "StyleNotDefined",
                "style");
        assertException(get(host, "/wms?request=GetLegendGraphic&layer=ssm_utm&format=image/gif"), "InvalidFormat",
                "format");
        assertException(get(host, "/wms?request=GetLegendGraphic&layer=ssm_utm&width=0"), "InvalidParameterValue",
                "width");
    }

    @Test
    void unknownLayerIsLayerNotDefined() throws Exception {
        assertException(get(host, MAP + "&layers=nope&styles=" + OK_CRS + OK_BBOX + OK_SIZE), "LayerNotDefined",
                "layers");
        assertException(get(host, MAP + "&layers=ssm_utm,nope&styles=" + OK_CRS + OK_BBOX + OK_SIZE),
                "LayerNotDefined", "layers");
    }

    @Test
    void unknownStyleIsStyleNotDefined() throws Exception {
        assertException(get(host, MAP + "&layers=ssm_utm&styles=nope" + OK_CRS + OK_BBOX + OK_SIZE),
                "StyleNotDefined", "styles");
        assertException(get(host, MAP + "&layers=ssm_utm,ndvi_geo&styles=ssm" + OK_CRS + OK_BBOX + OK_SIZE),
                "StyleNotDefined", "styles");
        // Path-like names never reach the class path.
        assertException(get(host, MAP + "&layers=ssm_utm&styles=../styles/ssm" + OK_CRS + OK_BBOX + OK_SIZE),
                "StyleNotDefined", "styles");
    }

    @Test
    void unknownCrsIsInvalidCrs() throws Exception {
        assertException(get(host, MAP + OK_LAYER + "&crs=EPSG:99999" + OK_BBOX + OK_SIZE), "InvalidCRS", "crs");
        assertException(get(host, MAP + OK_LAYER + "&crs=FOO:1" + OK_BBOX + OK_SIZE), "InvalidCRS", "crs");
    }

    @Test
    void dateNotInTheLayerIsInvalidDimensionValue() throws Exception {
        String ok = MAP + OK_LAYER + OK_CRS + OK_BBOX + OK_SIZE;
        assertException(get(host, ok + "&time=2021-04-02"), "InvalidDimensionValue", "time");
        assertException(get(host, ok + "&time=yesterday"), "InvalidDimensionValue", "time");
        assertException(get(host, ok + "&time=2021-04-01/2021-04-10"), "InvalidDimensionValue", "time");
    }

    @Test
    void missingParametersAreMissingParameterValue() throws Exception {
        assertException(get(host, MAP + OK_CRS + OK_BBOX + OK_SIZE), "MissingParameterValue", "layers");
        assertException(get(host, MAP + OK_LAYER + OK_BBOX + OK_SIZE), "MissingParameterValue", "crs");
        assertException(get(host, MAP + OK_LAYER + OK_CRS + OK_SIZE), "MissingParameterValue", "bbox");
        assertException(get(host, MAP + OK_LAYER + OK_CRS + OK_BBOX + "&height=20"), "MissingParameterValue",
                "width");
        assertException(get(host, "/wms?service=WMS&request=GetMap" + OK_LAYER + OK_CRS + OK_BBOX + OK_SIZE),
                "MissingParameterValue", "format");
        assertException(get(host, "/wms?service=WMS"), "MissingParameterValue", "request");
    }

    @Test
    void badValuesAreInvalidParameterValue() throws Exception {
        String layerCrs = MAP + OK_LAYER + OK_CRS;
        assertException(get(host, layerCrs + "&bbox=1,2,3" + OK_SIZE), "InvalidParameterValue", "bbox");
        assertException(get(host, layerCrs + "&bbox=520000,4980000,500000,5000000" + OK_SIZE),
                "InvalidParameterValue", "bbox");
        assertException(get(host, layerCrs + "&bbox=a,b,c,d" + OK_SIZE), "InvalidParameterValue", "bbox");
        assertException(get(host, layerCrs + "&bbox=-1e308,-1e308,1e308,1e308" + OK_SIZE), "InvalidParameterValue",
                "bbox");
        assertException(get(host, layerCrs + OK_BBOX + "&width=0&height=20"), "InvalidParameterValue", "width");
        assertException(get(host, layerCrs + OK_BBOX + "&width=20&height=5000"), "InvalidParameterValue", "height");
        assertException(get(host, layerCrs + OK_BBOX + OK_SIZE + "&transparent=maybe"), "InvalidParameterValue",
                "transparent");
        assertException(get(host, layerCrs + OK_BBOX + OK_SIZE + "&bgcolor=red"), "InvalidParameterValue",
                "bgcolor");
        assertException(get(host, "/wms?service=WCS&request=GetMap&format=image/png" + OK_LAYER + OK_CRS + OK_BBOX
                + OK_SIZE), "InvalidParameterValue", "service");
    }

    @Test
    void latitudeFirstBoxWithSwappedLatitudesIsRejected() throws Exception {
        // EPSG:4326 in WMS 1.3.0 is lat,lon: 50,10,49,12 asks for latitudes 50..49.
        assertException(get(host, MAP + "&layers=ndvi_geo&styles=&crs=EPSG:4326&bbox=50,10,49,12" + OK_SIZE),
                "InvalidParameterValue", "bbox");
    }

    @Test
    void unsupportedFormatIsInvalidFormat() throws Exception {
        assertException(get(host, "/wms?service=WMS&version=1.3.0&request=GetMap&format=image/gif" + OK_LAYER
                + OK_CRS + OK_BBOX + OK_SIZE), "InvalidFormat", "format");
    }

    @Test
    void unknownRequestIsOperationNotSupported() throws Exception {
        assertException(get(host, "/wms?service=WMS&version=1.3.0&request=GetFeatureStuff"), "OperationNotSupported",
                "request");
        assertException(get(host, "/ows?service=WMS&version=1.3.0&request=GetFeatureStuff"),
                "OperationNotSupported", "request");
    }

    @Test
    void errorsAreNeverImages() throws Exception {
        var r = get(host, MAP + "&layers=nope&styles=" + OK_CRS + OK_BBOX + OK_SIZE);
        assertEquals(400, r.statusCode());
        assertTrue(!r.headers().firstValue("Content-Type").orElse("").startsWith("image/"));
    }
}
