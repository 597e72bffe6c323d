package org.ssm.host.wms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.host.Host;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Synthetic layers with known values, and HTTP helpers, shared by the WMS tests.
 *
 * <p>{@code ssm_utm}: 20×20 cells of 1 km in EPSG:32633 from (500000, 5000000), dates 2021-04-01,
 * 2021-04-03 and 2021-04-10 with base values 0.05, 0.15 and 0.25; a 5×5 block of 0.45 in the
 * north-west corner and a 5×5 block of NaN in the south-east corner on every date.
 *
 * <p>{@code ndvi_geo}: 20×10 cells of 0.1° in EPSG:4326 from (10°E, 50°N), undated, 0.1 everywhere
 * except 0.9 in the north-west quarter (10–11°E, 49.5–50°N).
 *
 * <p>{@code ramp_utm}: the grid of {@code ssm_utm}, undated, value = column / 19, with a style that has
 * no SLD (so a generated 0..1 ramp).
 *
 * <p>{@code bands_utm} (published by {@link #publishBands} only): the grid of {@code ssm_utm}, undated,
 * three bands named MSR, DisPATCh and RF (the band dimension's values), constant 0.1, 0.3 and 0.45, except
 * no data at the north-west cell (col 0, row 0) of RF; style ssm. The names are passed as band
 * descriptions, as WpsService passes a coverage's.
 */
final class WmsFixture {

    static final GridGeometry UTM = new GridGeometry("EPSG:32633", 500000, 5000000, 1000, 1000, 20, 20);
    static final GridGeometry GEO = new GridGeometry("EPSG:4326", 10, 50, 0.1, 0.1, 20, 10);
    static final List<LocalDate> DATES = List.of(LocalDate.parse("2021-04-01"), LocalDate.parse("2021-04-03"),
            LocalDate.parse("2021-04-10"));
    static final float[] BASE = {0.05f, 0.15f, 0.25f};
    static final float HIGH = 0.45f;
    static final String BANDS_LAYER = "bands_utm";
    static final List<String> BAND_NAMES = List.of("MSR", "DisPATCh", "RF");
    static final float[] BAND_VALUES = {0.1f, 0.3f, 0.45f};

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private WmsFixture() {}

    static void publish(Host host) throws IOException {
        float[][] bands = new float[DATES.size()][];
        for (int b = 0; b < bands.length; b++) {
            float[] v = new float[UTM.size()];
            Arrays.fill(v, BASE[b]);
            for (int r = 0; r < 5; r++) {
                for (int c = 0; c < 5; c++) {
                    v[r * 20 + c] = HIGH;
                    v[(15 + r) * 20 + 15 + c] = Float.NaN;
                }
            }
            bands[b] = v;
        }
        host.catalog().publish("ssm_utm", "Synthetic SSM", "A synthetic soil-moisture series.", "ssm", "m3 m-3",
                "test", GridSeries.of(UTM, DATES, bands));

        float[] ndvi = new float[GEO.size()];
        for (int r = 0; r < GEO.height(); r++) {
            for (int c = 0; c < GEO.width(); c++) {
                ndvi[r * GEO.width() + c] = r < 5 && c < 10 ? 0.9f : 0.1f;
            }
        }
        host.catalog().publish("ndvi_geo", "Synthetic NDVI", "An undated NDVI field.", "ndvi", "1", "test",
                GridSeries.undated(GEO, new float[][] {ndvi}));

        float[] ramp = new float[UTM.size()];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (i % 20) / 19f;
        }
        host.catalog().publish("ramp_utm", "Column ramp", "Value = column / 19.", "no-such-sld", "1", "test",
                GridSeries.undated(UTM, new float[][] {ramp}));
    }

    static void publishBands(Host host) throws IOException {
        float[][] bands = new float[BAND_NAMES.size()][];
        for (int b = 0; b < bands.length; b++) {
            bands[b] = new float[UTM.size()];
            Arrays.fill(bands[b], BAND_VALUES[b]);
        }
        bands[2][0] = Float.NaN;
        host.catalog().publish(BANDS_LAYER, "Three products", "One band per product.", "ssm", "m3 m-3", "test",
                GridSeries.undated(UTM, bands), BAND_NAMES);
    }

    static HttpResponse<byte[]> get(Host host, String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(host.localBaseUrl() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static BufferedImage image(HttpResponse<byte[]> r, String contentType) throws IOException {
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(contentType, r.headers().firstValue("Content-Type").orElse(""));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertNotNull(img, "the body does not decode as an image");
        return img;
    }

    static Document xml(byte[] body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    /** Asserts a WMS 1.3.0 ServiceExceptionReport with {@code code} and {@code locator}, and no stack trace. */
    static void assertException(HttpResponse<byte[]> r, String code, String locator) throws Exception {
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(400, r.statusCode(), body);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.ogc.se_xml"), body);
        Element root = xml(r.body()).getDocumentElement();
        assertEquals("ServiceExceptionReport", root.getLocalName(), body);
        assertEquals("http://www.opengis.net/ogc", root.getNamespaceURI(), body);
        Element e = (Element) root.getElementsByTagNameNS("http://www.opengis.net/ogc", "ServiceException").item(0);
        assertNotNull(e, body);
        assertEquals(code, e.getAttribute("code"), body);
        assertEquals(locator, e.getAttribute("locator"), body);
        assertTrue(!body.contains("\tat ") && !body.contains("Exception:"), "stack trace in " + body);
    }

    /** Asserts {@code argb} equals the RGB of {@code expected} within {@code tolerance} per channel, opaque. */
    static void assertColour(int expected, int argb, int tolerance, String what) {
        int[] e = {(expected >> 16) & 0xFF, (expected >> 8) & 0xFF, expected & 0xFF};
        int[] a = {(argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF};
        boolean ok = (argb >>> 24) == 0xFF;
        for (int i = 0; i < 3; i++) {
            ok &= Math.abs(e[i] - a[i]) <= tolerance;
        }
        assertTrue(ok, what + ": expected opaque " + String.format("#%06X", expected & 0xFFFFFF) + " ±" + tolerance
                + ", got " + String.format("#%08X", argb));
    }
}
