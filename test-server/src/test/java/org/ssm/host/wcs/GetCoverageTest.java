package org.ssm.host.wcs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.referencing.CRS;
import org.junit.jupiter.api.Test;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.host.ows.Kvp;
import org.ssm.io.Crs;

class GetCoverageTest extends WcsHostTestBase {

    private static final String GET = "service=WCS&version=2.0.1&request=GetCoverage&";


    private static GridSeries coverage(String query) throws Exception {
        return wcs.tiff(wcs.get(GET + encode(query)));
    }

    /** Percent-encodes what a browser would: quotes, spaces and the like, keeping = & ( ) , : / * as they are. */
    private static String encode(String query) {
        StringBuilder out = new StringBuilder();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(pair, 0, eq + 1).append(URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** Asserts equal geometry (exactly, or within 1e-9 of a cell for transformed origins). */
    private static void assertGrid(GridGeometry expected, GridGeometry actual) {
        assertEquals(Crs.epsgCode(expected.crs()), Crs.epsgCode(actual.crs()), actual.crs());
        assertEquals(expected.width(), actual.width(), "width");
        assertEquals(expected.height(), actual.height(), "height");
        double tx = 1e-9 * expected.cellWidth();
        double ty = 1e-9 * expected.cellHeight();
        assertEquals(expected.originX(), actual.originX(), tx, "originX");
        assertEquals(expected.originY(), actual.originY(), ty, "originY");
        assertEquals(expected.cellWidth(), actual.cellWidth(), tx, "cellWidth");
        assertEquals(expected.cellHeight(), actual.cellHeight(), ty, "cellHeight");
    }

    /** Asserts the bands hold exactly the same bits (NaN included). */
    private static void assertSameBits(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                throw new AssertionError("value " + i + ": expected " + expected[i] + ", got " + actual[i]);
            }
        }
    }

    /** The window [col0, col0 + w) × [row0, row0 + h) of band {@code b}. */
    private static float[] window(GridSeries s, int b, int col0, int row0, int w, int h) {
        float[] out = new float[w * h];
        for (int r = 0; r < h; r++) {
            System.arraycopy(s.band(b), (row0 + r) * s.geometry().width() + col0, out, r * w, w);
        }
        return out;
    }

    @Test
    void returnsThePublishedValuesBitForBitWithTheirDates() throws Exception {
        HttpResponse<byte[]> r = wcs.get(GET + "coverageId=utm");
        assertEquals("inline; filename=utm.tif", r.headers().firstValue("Content-Disposition").orElse(""));
        GridSeries got = wcs.tiff(r);
        assertGrid(wcs.utm.geometry(), got.geometry());
        assertEquals(WcsFixture.DATES, got.dates());
        for (int b = 0; b < 3; b++) {
            assertSameBits(wcs.utm.band(b), got.band(b));
        }
        assertTrue(Float.isNaN(got.band(2)[2 * 40 + 3]), "the NaN cell stays NaN");

        GridSeries geo = coverage("coverageId=geo");
        assertGrid(wcs.geo.geometry(), geo.geometry());
        assertEquals(WcsFixture.DATES.subList(0, 2), geo.dates());
        assertSameBits(wcs.geo.band(1), geo.band(1));

        GridSeries dem = coverage("coverageId=dem&format=image/geotiff");
        assertTrue(dem.dates().isEmpty());
        assertEquals(1, dem.size());
        assertSameBits(wcs.dem.band(0), dem.band(0));
    }

    @Test
    void eastingNorthingSubsetSnapsOutwardsToWholeCells() throws Exception {
        // E 500150..500450 covers columns 1.5..4.5, so columns 1-4; N 4999000..4999800 covers rows 2-9.
        GridSeries got = coverage("coverageId=utm&subset=E(500150,500450)&subset=N(4999000,4999800)");
        assertGrid(new GridGeometry("EPSG:32633", 500100, 4999800, 100, 100, 4, 8), got.geometry());
        assertEquals(3, got.size());
        for (int b = 0; b < 3; b++) {
            assertSameBits(window(wcs.utm, b, 1, 2, 4, 8), got.band(b));
        }
        // x/y name the same axes; bounds on cell edges take no extra cell.
        GridSeries xy = coverage("coverageId=utm&subset=x(500100,500500)&subset=y(4999000,4999800)");
        assertGrid(got.geometry(), xy.geometry());
    }

    @Test
    void subsetsAreClippedToTheCoverage() throws Exception {
        GridSeries got = coverage("coverageId=dem&subset=E(499000,500250)&subset=N(*,4999950)");
        assertGrid(new GridGeometry("EPSG:32633", 500000, 5000000, 100, 100, 3, 30), got.geometry());
        assertSameBits(window(wcs.dem, 0, 0, 0, 3, 30), got.band(0));
    }

    @Test
    void latLongSubsetOnAProjectedCoverageCoversTheRequestedBox() throws Exception {
        double[] asked = {15.01, 45.13, 15.02, 45.14};
        GridSeries got = coverage("coverageId=utm&subset=Lat(45.13,45.14)&subset=Long(15.01,15.02)");
        GridGeometry g = got.geometry();
        double[] box = utmBoxOf(asked);
        // The result contains the transformed box, and is at most one cell larger on each side.
        assertTrue(g.minX() <= box[0] && g.minX() > box[0] - 100, "west " + g.minX() + " vs " + box[0]);
        assertTrue(g.minY() <= box[1] && g.minY() > box[1] - 100, "south " + g.minY() + " vs " + box[1]);
        assertTrue(g.maxX() >= box[2] && g.maxX() < box[2] + 100, "east " + g.maxX() + " vs " + box[2]);
        assertTrue(g.maxY() >= box[3] && g.maxY() < box[3] + 100, "north " + g.maxY() + " vs " + box[3]);
        int col0 = (int) Math.round((g.minX() - 500000) / 100);
        int row0 = (int) Math.round((5000000 - g.maxY()) / 100);
        assertSameBits(window(wcs.utm, 1, col0, row0, g.width(), g.height()), got.band(1));

        // The same box through the CRS extension, by KVP and by XML POST.
        GridSeries viaCrs = coverage("coverageId=utm&subsettingCrs=http://www.opengis.net/def/crs/EPSG/0/4326"
                + "&subset=Lat(45.13,45.14)&subset=Long(15.01,15.02)&subset=time(\"2021-04-02\",\"2021-04-03\")");
        assertGrid(g, viaCrs.geometry());
        GridSeries posted = wcs.tiff(wcs.postResource("/wcs", "GetCoverage-subsettingCrs.xml"));
        assertGrid(g, posted.geometry());
        assertEquals(viaCrs.dates(), posted.dates());
        assertSameBits(viaCrs.band(1), posted.band(1));
    }

    /** The UTM 33N bounding box of a WGS 84 box, from 101 points along each edge. */
    private static double[] utmBoxOf(double[] lonLat) throws Exception {
        MathTransform mt = CRS.findMathTransform(Crs.decode("crs", "EPSG:4326"), Crs.decode("crs", "EPSG:32633"));
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        double[] p = new double[2];
        for (int i = 0; i <= 100; i++) {
            double t = i / 100.0;
            double[][] edge = {
                {lonLat[0] + t * (lonLat[2] - lonLat[0]), lonLat[1]}, {lonLat[0] + t * (lonLat[2] - lonLat[0]), lonLat[3]},
                {lonLat[0], lonLat[1] + t * (lonLat[3] - lonLat[1])}, {lonLat[2], lonLat[1] + t * (lonLat[3] - lonLat[1])}};
            for (double[] q : edge) {
                mt.transform(q, 0, p, 0, 1);
                box[0] = Math.min(box[0], p[0]);
                box[1] = Math.min(box[1], p[1]);
                box[2] = Math.max(box[2], p[0]);
                box[3] = Math.max(box[3], p[1]);
            }
        }
        return box;
    }

    @Test
    void latLongSubsetOnAGeographicCoverageIsNative() throws Exception {
        GridSeries got = coverage("coverageId=geo&subset=Lat(45.85,45.9)&subset=Long(10.1,10.2)");
        assertGrid(new GridGeometry("EPSG:4326", 10.1, 45.9, 0.01, 0.01, 10, 5), got.geometry());
        assertSameBits(window(wcs.geo, 0, 10, 10, 10, 5), got.band(0));
    }

    @Test
    void timeSliceSelectsOneBand() throws Exception {
        for (String t : List.of("\"2021-04-02\"", "2021-04-02", "2021-04-02T00:00:00Z", "\"2021-04-02T00:00:00.000Z\"")) {
            GridSeries got = coverage("coverageId=utm&subset=time(" + t + ")");
            assertEquals(List.of(LocalDate.of(2021, 4, 2)), got.dates(), t);
            assertSameBits(wcs.utm.band(1), got.band(0));
        }
        // GDAL numbers the subsets of extra dimensions: SUBSET0=time("...").
        GridSeries gdal = wcs.tiff(wcs.get(GET + "coverageId=utm&SUBSET0=time%28%222021-04-03%22%29"));
        assertEquals(List.of(LocalDate.of(2021, 4, 3)), gdal.dates());
    }

    @Test
    void timeTrimSelectsTheDatesInTheRange() throws Exception {
        GridSeries open = coverage("coverageId=utm&subset=time(\"2021-04-02\",*)");
        assertEquals(WcsFixture.DATES.subList(1, 3), open.dates());
        assertSameBits(wcs.utm.band(2), open.band(1));
        GridSeries first = coverage("coverageId=utm&subset=time(2021-03-01,2021-04-01T12:00:00Z)");
        assertEquals(WcsFixture.DATES.subList(0, 1), first.dates());
        GridSeries combined = coverage("coverageId=utm&subset=E(500000,500200)&subset=N(4999800,5000000)"
                + "&subset=time(\"2021-04-01\",\"2021-04-02\")");
        assertEquals(WcsFixture.DATES.subList(0, 2), combined.dates());
        assertEquals(4, combined.geometry().size());
        assertSameBits(window(wcs.utm, 1, 0, 0, 2, 2), combined.band(1));
    }

    @Test
    void outputCrsReprojectsByNearestNeighbour() throws Exception {
        GridSeries got = coverage("coverageId=dem&outputCrs=http://www.opengis.net/def/crs/EPSG/0/4326");
        GridGeometry g = got.geometry();
        assertEquals(4326, Crs.epsgCode(g.crs()));
        // The result spans the coverage's WGS 84 box (PROJ's figures, see WcsCapabilitiesTest).
        assertEquals(15.0, g.minX(), 1e-9);
        assertEquals(45.1264607406072, g.minY(), 1e-9);
        assertEquals(15.0508875971129, g.maxX(), 1e-9);
        assertEquals(45.153477183356, g.maxY(), 1e-9);
        // Square cells, about as many as the source has.
        assertEquals(g.cellWidth(), g.cellHeight(), 0.05 * g.cellWidth());
        assertEquals(40 * 30, g.size(), 0.1 * 40 * 30);
        // Every cell holds the source cell under its centre.
        MathTransform back = CRS.findMathTransform(Crs.decode("crs", "EPSG:4326"), Crs.decode("crs", "EPSG:32633"));
        double[] p = new double[2];
        int checked = 0;
        for (int r = 0; r < g.height(); r++) {
            for (int c = 0; c < g.width(); c++) {
                back.transform(new double[] {g.centerX(c), g.centerY(r)}, 0, p, 0, 1);
                double col = (p[0] - 500000) / 100;
                double row = (5000000 - p[1]) / 100;
                float v = got.band(0)[r * g.width() + c];
                if (col < 0 || col >= 40 || row < 0 || row >= 30) {
                    assertTrue(Float.isNaN(v), "outside the source at " + c + "," + r);
                } else {
                    float expected = wcs.dem.band(0)[(int) row * 40 + (int) col];
                    assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(v), c + "," + r);
                    checked++;
                }
            }
        }
        assertTrue(checked > g.size() / 2, "most cells fall inside the source");
    }

    @Test
    void scaleSizeResamplesToTheAskedSize() throws Exception {
        GridSeries got = coverage("coverageId=dem&scaleSize=i(20),j(15)");
        assertGrid(new GridGeometry("EPSG:32633", 500000, 5000000, 200, 200, 20, 15), got.geometry());
        // Nearest neighbour at each new cell's centre: source cell (2c + 1, 2r + 1).
        for (int r = 0; r < 15; r++) {
            for (int c = 0; c < 20; c++) {
                float expected = wcs.dem.band(0)[(2 * r + 1) * 40 + 2 * c + 1];
                assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(got.band(0)[r * 20 + c]));
            }
        }
        GridSeries posted = wcs.tiff(wcs.postResource("/wcs", "GetCoverage-scaleToSize.xml"));
        assertGrid(got.geometry(), posted.geometry());
        assertSameBits(got.band(0), posted.band(0));
        GridSeries factor = coverage("coverageId=dem&scaleFactor=2");
        assertGrid(got.geometry(), factor.geometry());
    }

    @Test
    void xmlPostSelectsWhatTheKvpRequestSelects() throws Exception {
        GridSeries kvp = coverage("coverageId=utm&subset=E(500150,500450)&subset=N(4999000,4999800)"
                + "&subset=time(\"2021-04-02\")");
        GridSeries posted = wcs.tiff(wcs.postResource("/wcs", "GetCoverage-trim.xml"));
        assertGrid(kvp.geometry(), posted.geometry());
        assertEquals(List.of(LocalDate.of(2021, 4, 2)), posted.dates());
        assertSameBits(kvp.band(0), posted.band(0));
        GridSeries viaOws = wcs.tiff(wcs.postResource("/ows", "GetCoverage-trim.xml"));
        assertSameBits(kvp.band(0), viaOws.band(0));
    }

    @Test
    void inProcessCoverageEqualsTheHttpResult() throws Exception {
        String query = "service=WCS&version=2.0.1&request=GetCoverage&coverageId=utm"
                + "&subset=E(500150,500450)&subset=N(4999000,4999800)&subset=time(\"2021-04-02\",\"2021-04-03\")";
        WcsServlet servlet = new WcsServlet(wcs.host.catalog(), wcs.host.config());
        GridSeries local = servlet.getCoverage(Kvp.parseQuery(encode(query)));
        GridSeries remote = coverage(query.substring(GET.length()));
        assertGrid(remote.geometry(), local.geometry());
        assertEquals(remote.dates(), local.dates());
        assertEquals(WcsFixture.DATES.subList(1, 3), local.dates());
        for (int b = 0; b < local.size(); b++) {
            assertSameBits(remote.band(b), local.band(b));
        }
    }

    @Test
    void servesByteRangesOfOneEncoding() throws Exception {
        String url = wcs.base() + "/wcs?" + GET + "coverageId=utm";
        byte[] whole = wcs.send(HttpRequest.newBuilder(URI.create(url)).build()).body();
        HttpResponse<byte[]> part = wcs.send(HttpRequest.newBuilder(URI.create(url)).header("Range", "bytes=100-199")
                .build());
        assertEquals(206, part.statusCode());
        assertEquals("bytes 100-199/" + whole.length, part.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(whole, 100, 200), part.body());
        HttpResponse<byte[]> head = wcs.send(HttpRequest.newBuilder(URI.create(url))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, head.statusCode());
        assertEquals(String.valueOf(whole.length), head.headers().firstValue("Content-Length").orElse(""));
        HttpResponse<byte[]> beyond = wcs.send(HttpRequest.newBuilder(URI.create(url))
                .header("Range", "bytes=" + whole.length + "-").build());
        assertEquals(416, beyond.statusCode());
    }
}
