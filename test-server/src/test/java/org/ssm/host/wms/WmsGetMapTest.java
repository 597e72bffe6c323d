package org.ssm.host.wms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ssm.host.wms.WmsFixture.assertColour;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * GetMap over HTTP, decoded with ImageIO. Expected colours are the {@code ssm}, {@code ndvi} and
 * generated ramps computed by hand from their entries (see each constant); PNG colours are compared
 * within ±1 per channel, for the rounding of interpolation, and JPEG colours within ±16, for its loss.
 */
class WmsGetMapTest extends WmsHostTestBase {

    private static final int PNG_TOL = 1;
    private static final int JPEG_TOL = 16;

    // ssm.sld entries: 0 #8c510a (140,81,10), 0.1 #d8b365 (216,179,101), 0.2 #f6e8c3 (246,232,195),
    // 0.3 #c7eae5 (199,234,229), 0.4 #5ab4ac (90,180,172), 0.5 #01665e (1,102,94). Each test value is a
    // segment midpoint, so each channel is the mean of the two entries.
    /** 0.05: (178, 130, 55.5). */
    private static final int SSM_005 = 0xB28238;
    /** 0.15: (231, 205.5, 148). */
    private static final int SSM_015 = 0xE7CE94;
    /** 0.25: (222.5, 233, 212). */
    private static final int SSM_025 = 0xDEE9D4;
    /** 0.45: (45.5, 141, 133). */
    private static final int SSM_045 = 0x2E8D85;
    // ndvi.sld: 0 #d8b365, 0.2 #f6e8c3, 0.8 #238443 (35,132,67), 1 #004529 (0,69,41).
    /** NDVI 0.1: (231, 205.5, 148). */
    private static final int NDVI_01 = 0xE7CE94;
    /** NDVI 0.9: (17.5, 100.5, 54). */
    private static final int NDVI_09 = 0x126536;
    // Generated 0..1 ramp of ramp_utm: 0 #E0E0E0, 0.5 #6BAED6 (107,174,214), 1 #08306B (8,48,107).
    /** Column 17, value 17/19: t = 0.7895 in [0.5, 1]: (28.8, 74.5, 129.5). */
    private static final int RAMP_COL17 = 0x1D4B82;
    /** Column 10, value 10/19: t = 0.0526 in [0.5, 1]: (101.8, 167.4, 208.4). */
    private static final int RAMP_COL10 = 0x66A7D0;

    private static final String NATIVE = "/wms?service=WMS&version=1.3.0&request=GetMap&layers=ssm_utm&styles="
            + "&crs=EPSG:32633&bbox=500000,4980000,520000,5000000&width=20&height=20&format=image/png"
            + "&transparent=true";

    private static BufferedImage png(String query) throws Exception {
        return WmsFixture.image(WmsFixture.get(host, query), "image/png");
    }

    @Test
    void nativeCrsMapsOneCellToOnePixelWithTheStyleColours() throws Exception {
        BufferedImage img = png(NATIVE + "&time=2021-04-03");
        assertEquals(20, img.getWidth());
        assertEquals(20, img.getHeight());
        assertColour(SSM_045, img.getRGB(2, 2), PNG_TOL, "north-west block (0.45)");
        assertColour(SSM_015, img.getRGB(10, 10), PNG_TOL, "base value of 2021-04-03 (0.15)");
        assertColour(SSM_015, img.getRGB(19, 0), PNG_TOL, "north-east corner");
        assertEquals(0, img.getRGB(17, 17) >>> 24, "NaN must be fully transparent");
        assertEquals(0, img.getRGB(15, 19) >>> 24, "NaN must be fully transparent");
        assertColour(SSM_015, img.getRGB(14, 19), PNG_TOL, "just west of the NaN block");
    }

    @Test
    void timePicksTheBandOfThatDateAndDefaultsToTheLatest() throws Exception {
        assertColour(SSM_005, png(NATIVE + "&time=2021-04-01").getRGB(10, 10), PNG_TOL, "2021-04-01");
        assertColour(SSM_015, png(NATIVE + "&time=2021-04-03T00:00:00.000Z").getRGB(10, 10), PNG_TOL,
                "2021-04-03 as a date-time");
        assertColour(SSM_025, png(NATIVE + "&time=2021-04-10").getRGB(10, 10), PNG_TOL, "2021-04-10");
        assertColour(SSM_025, png(NATIVE).getRGB(10, 10), PNG_TOL, "no TIME: the latest date");
    }

    @Test
    void epsg4326IsLatitudeFirstAndPutsTheNorthWestBlockTopLeft() throws Exception {
        // 0.001° pixels over lon 14.99..15.27, lat 44.96..45.17, written lat,lon as WMS 1.3.0 requires.
        BufferedImage img = png("/wms?service=WMS&version=1.3.0&request=GetMap&layers=ssm_utm&styles="
                + "&crs=EPSG:4326&bbox=44.96,14.99,45.17,15.27&width=280&height=210&format=image/png"
                + "&transparent=true&time=2021-04-10");
        // gdaltransform EPSG:32633 -> 4326: block centre (502500, 4997500) = (15.03179°E, 45.13097°N),
        // grid centre (510000, 4990000) = (15.12702, 45.06339), NaN block centre (517500, 4982500) =
        // (15.22202, 44.99573). Pixel = ((lon - 14.99) / 0.001, (45.17 - lat) / 0.001).
        assertColour(SSM_045, img.getRGB(41, 39), PNG_TOL, "north-west block");
        assertColour(SSM_025, img.getRGB(137, 106), PNG_TOL, "grid centre");
        assertEquals(0, img.getRGB(232, 174) >>> 24, "NaN block");
        assertEquals(0, img.getRGB(5, 5) >>> 24, "west of the grid (lon 14.995)");
        assertBlockOnlyInTopLeftQuadrant(img, SSM_045);
    }

    @Test
    void webMercatorPutsTheNorthWestBlockTopLeft() throws Exception {
        // 100 m pixels over x 1669000..1699000, y 5617000..5646500.
        BufferedImage img = png("/wms?service=WMS&version=1.3.0&request=GetMap&layers=ssm_utm&styles="
                + "&crs=EPSG:3857&bbox=1669000,5617000,1699000,5646500&width=300&height=295&format=image/png"
                + "&transparent=true");
        // gdaltransform EPSG:32633 -> 3857: block centre = (1673331.46, 5642163.42), grid centre =
        // (1683932.06, 5631506.31). Pixel = ((x - 1669000) / 100, (5646500 - y) / 100).
        assertColour(SSM_045, img.getRGB(43, 43), PNG_TOL, "north-west block");
        assertColour(SSM_025, img.getRGB(149, 149), PNG_TOL, "grid centre");
        assertBlockOnlyInTopLeftQuadrant(img, SSM_045);
    }

    @Test
    void geographicLayerIsTheSameInEpsg4326AndCrs84() throws Exception {
        BufferedImage latLon = png("/wms?service=WMS&version=1.3.0&request=GetMap&layers=ndvi_geo&styles="
                + "&crs=EPSG:4326&bbox=49,10,50,12&width=200&height=100&format=image/png");
        BufferedImage lonLat = png("/wms?service=WMS&version=1.3.0&request=GetMap&layers=ndvi_geo&styles="
                + "&crs=CRS:84&bbox=10,49,12,50&width=200&height=100&format=image/png");
        // The 0.9 quarter is 10–11°E, 49.5–50°N: the top-left quarter of the image.
        assertColour(NDVI_09, latLon.getRGB(50, 25), PNG_TOL, "top-left");
        assertColour(NDVI_01, latLon.getRGB(150, 25), PNG_TOL, "top-right");
        assertColour(NDVI_01, latLon.getRGB(50, 75), PNG_TOL, "bottom-left");
        assertColour(NDVI_01, latLon.getRGB(150, 75), PNG_TOL, "bottom-right");
        assertColour(NDVI_09, latLon.getRGB(99, 49), PNG_TOL, "last pixel of the quarter");
        assertColour(NDVI_01, latLon.getRGB(100, 50), PNG_TOL, "first pixel past the quarter");
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 200; x++) {
                assertEquals(latLon.getRGB(x, y), lonLat.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void layersAreDrawnInOrderWithTheLowerOneShowingThroughNoData() throws Exception {
        String base = "/wms?service=WMS&version=1.3.0&request=GetMap&crs=EPSG:32633"
                + "&bbox=500000,4980000,520000,5000000&width=20&height=20&format=image/png&transparent=true";
        BufferedImage ssmOnTop = png(base + "&layers=ramp_utm,ssm_utm&styles=,");
        assertColour(SSM_025, ssmOnTop.getRGB(10, 10), PNG_TOL, "ssm over the ramp");
        assertColour(RAMP_COL17, ssmOnTop.getRGB(17, 17), PNG_TOL, "ramp under ssm's NaN block");
        BufferedImage rampOnTop = png(base + "&layers=ssm_utm,ramp_utm");
        assertColour(RAMP_COL10, rampOnTop.getRGB(10, 10), PNG_TOL, "ramp over ssm");
    }

    @Test
    void namedStyleReplacesTheDefault() throws Exception {
        // albedo.sld: 0 #1a1a1a (26), 0.25 #878787 (135): 0.15 -> t = 0.6 -> 26 + 0.6 * 109 = 91.4 -> 91.
        BufferedImage img = png(NATIVE.replace("&styles=", "&styles=albedo") + "&time=2021-04-03");
        assertColour(0x5B5B5B, img.getRGB(10, 10), PNG_TOL, "0.15 in the albedo ramp");
    }

    @Test
    void opaquePngAndJpegFillNoDataWithTheBackgroundColour() throws Exception {
        String opaque = NATIVE.replace("&transparent=true", "&transparent=false") + "&bgcolor=0x00FF00";
        BufferedImage png = png(opaque);
        assertColour(0x00FF00, png.getRGB(17, 17), 0, "BGCOLOR under NaN");
        assertColour(SSM_025, png.getRGB(10, 10), PNG_TOL, "data");

        String jpeg = "/wms?service=WMS&version=1.3.0&request=GetMap&layers=ssm_utm&styles=&crs=EPSG:32633"
                + "&bbox=500000,4980000,520000,5000000&width=200&height=200&format=image/jpeg&bgcolor=0xFF0000";
        BufferedImage img = WmsFixture.image(WmsFixture.get(host, jpeg), "image/jpeg");
        assertColour(0xFF0000, img.getRGB(175, 175), JPEG_TOL, "BGCOLOR under NaN in JPEG");
        assertColour(SSM_025, img.getRGB(100, 100), JPEG_TOL, "data in JPEG");
        assertColour(SSM_045, img.getRGB(25, 25), JPEG_TOL, "block in JPEG");
    }

    @Test
    void mapOutsideEveryLayerIsEmptyButValid() throws Exception {
        BufferedImage img = png("/wms?service=WMS&version=1.3.0&request=GetMap&layers=ssm_utm&styles="
                + "&crs=EPSG:4326&bbox=-10,-10,0,0&width=64&height=64&format=image/png&transparent=true");
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                assertEquals(0, img.getRGB(x, y) >>> 24);
            }
        }
    }

    @Test
    void worldMapShowsTheUtmLayerOnlyWhereItIs() throws Exception {
        // 360/1024 = 0.3516° pixels; the layer (15–15.25°E, 44.97–45.15°N) is at most a pixel or two
        // near column (15 + 180) / 0.3516 = 554.7, row (90 - 45.06) / 0.3516 = 127.8. A projection folding
        // far-away points back onto the grid would draw it elsewhere too.
        BufferedImage img = png("/wms?service=WMS&version=1.3.0&request=GetMap&layers=ssm_utm&styles="
                + "&crs=EPSG:4326&bbox=-90,-180,90,180&width=1024&height=512&format=image/png&transparent=true");
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) >>> 24) != 0) {
                    assertTrue(Math.abs(x - 554.7) <= 2 && Math.abs(y - 127.8) <= 2,
                            "layer drawn at pixel " + x + "," + y);
                }
            }
        }
    }

    @Test
    void wms111RequestsUseSrsAndLongitudeFirst() throws Exception {
        BufferedImage img = png("/wms?service=WMS&version=1.1.1&request=GetMap&layers=ndvi_geo&styles="
                + "&srs=EPSG:4326&bbox=10,49,12,50&width=200&height=100&format=image/png");
        assertColour(NDVI_09, img.getRGB(50, 25), PNG_TOL, "top-left");
        assertColour(NDVI_01, img.getRGB(150, 75), PNG_TOL, "bottom-right");
    }

    /** Pixels of {@code colour} exist in the top-left quadrant and nowhere else. */
    private static void assertBlockOnlyInTopLeftQuadrant(BufferedImage img, int colour) {
        int[] counts = new int[4];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int argb = img.getRGB(x, y);
                if ((argb >>> 24) == 0xFF && close(argb, colour)) {
                    counts[(y < img.getHeight() / 2 ? 0 : 2) + (x < img.getWidth() / 2 ? 0 : 1)]++;
                }
            }
        }
        assertTrue(counts[0] > 100, "top-left has only " + counts[0] + " block pixels");
        assertEquals(0, counts[1] + counts[2] + counts[3], "block pixels outside the top-left quadrant");
    }

    private static boolean close(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) > PNG_TOL) {
                return false;
            }
        }
        return true;
    }
}
