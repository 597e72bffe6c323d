package org.ssm.host.wms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ssm.host.wms.WmsFixture.assertException;
import static org.ssm.host.wms.WmsFixture.get;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssm.grid.GridSeries;
import org.ssm.core.Json;

/**
 * GetFeatureInfo over HTTP. Layer {@code cells_utm} has the grid and dates of {@link WmsFixture#UTM}
 * and the value {@code 1000 × band + 20 × row + col} in every cell, so a value names its cell and
 * date exactly; cell (7, 3) has no data on the last date. Expected Web Mercator and WGS 84 positions of
 * cell centres were computed independently with GDAL's gdaltransform (PROJ).
 */
class WmsGetFeatureInfoTest extends WmsHostTestBase {

    /** Degrees: PROJ and GeoTools agree on UTM to about 1e-9°. */
    private static final double DEG = 1e-7;
    /** Metres: pixel centres are computed from the box in double precision. */
    private static final double M = 1e-6;

    private static final String GFI = "/wms?service=WMS&version=1.3.0&request=GetFeatureInfo&styles=&format=image/png";
    /** The whole UTM grid, one pixel per cell. */
    private static final String NATIVE = GFI + "&layers=cells_utm&query_layers=cells_utm&crs=EPSG:32633"
            + "&bbox=500000,4980000,520000,5000000&width=20&height=20";

    // gdaltransform -s_srs EPSG:32633 -t_srs EPSG:3857 / EPSG:4326 -output_xy of the centres of
    // cell (7, 3) = (507500, 4996500) and cell (12, 8) = (512500, 4991500).
    private static final double[] CELL_7_3_MERC = {1680407.97426479, 5640737.55661856};
    private static final double[] CELL_7_3_LONLAT = {15.0953616683838, 45.1219313893076};
    private static final double[] CELL_12_8_LONLAT = {15.1588111000047, 45.0768519363991};

    @BeforeAll
    static void publishCells() throws Exception {
        float[][] bands = new float[WmsFixture.DATES.size()][];
        for (int b = 0; b < bands.length; b++) {
            float[] v = new float[WmsFixture.UTM.size()];
            for (int cell = 0; cell < v.length; cell++) {
                v[cell] = 1000 * b + cell;
            }
            bands[b] = v;
        }
        bands[2][3 * 20 + 7] = Float.NaN;
        host.catalog().publish("cells_utm", "Cell numbers", "1000 * band + 20 * row + col.", "ssm", "m3 m-3", "test",
                GridSeries.of(WmsFixture.UTM, WmsFixture.DATES, bands));
    }

    private static Map<String, Object> json(String query) throws Exception {
        HttpResponse<byte[]> r = get(host, query);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(200, r.statusCode(), body);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), body);
        Map<String, Object> root = Json.parseObject(body);
        assertEquals("FeatureCollection", root.get("type"), body);
        return root;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> features(Map<String, Object> root) {
        List<Map<String, Object>> list = (List<Map<String, Object>>) root.get("features");
        assertEquals(((Number) root.get("numberReturned")).intValue(), list.size());
        return list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> only(String query) throws Exception {
        List<Map<String, Object>> features = features(json(query));
        assertEquals(1, features.size(), "features of " + query);
        return (Map<String, Object>) features.get(0).get("properties");
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> series(Map<String, Object> p, String key) {
        return (List<Object>) ((Map<String, Object>) p.get("series")).get(key);
    }

    /** Asserts the properties name cell (col, row) of {@code cells_utm}, through its value on band 0. */
    private static void assertCell(Map<String, Object> p, int col, int row) {
        assertEquals(col, num(p.get("col")), "col");
        assertEquals(row, num(p.get("row")), "row");
        assertEquals(20 * row + col, num(series(p, "values").get(0)), "value on the first date");
    }

    @Test
    void nativeCrsGivesTheCellItsValueOnTimeAndTheWholeSeries() throws Exception {
        Map<String, Object> p = only(NATIVE + "&i=7&j=3&time=2021-04-03&info_format=application/json");
        assertEquals("cells_utm", p.get("layer"));
        assertEquals("Cell numbers", p.get("title"));
        assertEquals("m3 m-3", p.get("units"));
        assertEquals("EPSG:32633", p.get("crs"));
        assertEquals(7, num(p.get("col")));
        assertEquals(3, num(p.get("row")));
        assertEquals(507500, num(p.get("x")), M);
        assertEquals(4996500, num(p.get("y")), M);
        assertEquals("2021-04-03", p.get("time"));
        assertEquals(1067, num(p.get("value")));
        assertEquals(List.of("2021-04-01", "2021-04-03", "2021-04-10"), series(p, "dates"));
        assertEquals(Arrays.asList(67L, 1067L, null), series(p, "values"), "NaN must be null");
    }

    @Test
    void noTimeReportsTheLatestDateAndNoDataAsNull() throws Exception {
        Map<String, Object> p = only(NATIVE + "&i=7&j=3");
        assertEquals("2021-04-10", p.get("time"));
        assertTrue(p.containsKey("value"));
        assertNull(p.get("value"), "no data on the latest date");
        Map<String, Object> q = only(NATIVE + "&i=8&j=3&time=current");
        assertEquals(2068, num(q.get("value")));
    }

    @Test
    void pixelCentresPickTheCellGetMapDraws() throws Exception {
        // 100 m pixels: pixel 79's centre is 7950 m from the west edge (cell 7), pixel 80's 8050 m (cell 8).
        String fine = GFI + "&layers=cells_utm&query_layers=cells_utm&crs=EPSG:32633"
                + "&bbox=500000,4980000,520000,5000000&width=200&height=200";
        assertCell(only(fine + "&i=79&j=39"), 7, 3);
        assertCell(only(fine + "&i=80&j=40"), 8, 4);
        assertCell(only(fine + "&i=0&j=199"), 0, 19);
        assertCell(only(fine + "&i=199&j=0"), 19, 0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void webMercatorPointFindsTheSameCell() throws Exception {
        // 10 m pixels centred on cell (7, 3): pixel (50, 50) is its centre, and the 1 km box is well inside
        // the cell (about 1.41 km across in Web Mercator at 45°N).
        double x = CELL_7_3_MERC[0];
        double y = CELL_7_3_MERC[1];
        Map<String, Object> root = json(GFI + "&layers=cells_utm&query_layers=cells_utm&crs=EPSG:3857&bbox="
                + (x - 505) + "," + (y - 505) + "," + (x + 505) + "," + (y + 505)
                + "&width=101&height=101&i=50&j=50&time=2021-04-01");
        Map<String, Object> query = (Map<String, Object>) root.get("query");
        assertEquals("EPSG:3857", query.get("crs"));
        assertEquals(x, num(query.get("x")), M);
        assertEquals(y, num(query.get("y")), M);
        assertEquals(CELL_7_3_LONLAT[0], num(query.get("lon")), DEG);
        assertEquals(CELL_7_3_LONLAT[1], num(query.get("lat")), DEG);
        Map<String, Object> feature = features(root).get(0);
        Map<String, Object> p = (Map<String, Object>) feature.get("properties");
        assertCell(p, 7, 3);
        assertEquals(67, num(p.get("value")));
        // The geometry is the cell centre in GeoJSON's longitude, latitude.
        List<Object> coords = (List<Object>) ((Map<String, Object>) feature.get("geometry")).get("coordinates");
        assertEquals(CELL_7_3_LONLAT[0], num(coords.get(0)), DEG);
        assertEquals(CELL_7_3_LONLAT[1], num(coords.get(1)), DEG);
        assertEquals("cells_utm.7.3", feature.get("id"));
    }

    @Test
    void epsg4326IsLatitudeFirstAndCrs84LongitudeFirst() throws Exception {
        // 0.00005° pixels centred on cell (12, 8); its half-height is about 0.0045° of latitude.
        double lon = CELL_12_8_LONLAT[0];
        double lat = CELL_12_8_LONLAT[1];
        double h = 0.002525;
        String common = GFI + "&layers=cells_utm&query_layers=cells_utm&width=101&height=101&i=50&j=50";
        String latLon = (lat - h) + "," + (lon - h) + "," + (lat + h) + "," + (lon + h);
        String lonLat = (lon - h) + "," + (lat - h) + "," + (lon + h) + "," + (lat + h);
        assertCell(only(common + "&crs=EPSG:4326&bbox=" + latLon), 12, 8);
        assertCell(only(common + "&crs=CRS:84&bbox=" + lonLat), 12, 8);
        // Written longitude first, an EPSG:4326 box is read as latitude 15, longitude 45: far off the layer.
        assertEquals(0, features(json(common + "&crs=EPSG:4326&bbox=" + lonLat)).size());
        // WMS 1.1.1 writes x first and names the pixel X, Y.
        assertCell(only(GFI.replace("1.3.0", "1.1.1") + "&layers=cells_utm&query_layers=cells_utm&width=101"
                + "&height=101&x=50&y=50&srs=EPSG:4326&bbox=" + lonLat), 12, 8);
    }

    @Test
    void timeRangeLimitsTheSeriesAndReportsItsLastDate() throws Exception {
        Map<String, Object> p = only(NATIVE + "&i=1&j=2&time=2021-04-02/2021-04-10");
        assertEquals(List.of("2021-04-03", "2021-04-10"), series(p, "dates"));
        assertEquals(List.of(1041L, 2041L), series(p, "values"));
        assertEquals("2021-04-10", p.get("time"));
        assertEquals(2041, num(p.get("value")));
        Map<String, Object> open = only(NATIVE + "&i=1&j=2&time=/2021-04-03");
        assertEquals(List.of("2021-04-01", "2021-04-03"), series(open, "dates"));
        assertEquals(1041, num(open.get("value")));
        Map<String, Object> dots = only(NATIVE + "&i=1&j=2&time=2021-04-03/..");
        assertEquals(List.of("2021-04-03", "2021-04-10"), series(dots, "dates"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyQueriedLayerAnswersInOrderAndUndatedLayersHaveNoSeries() throws Exception {
        // ndvi_geo covers 10-12°E: far west of the UTM layers, so a point on them has no ndvi cell.
        List<Map<String, Object>> two = features(json(NATIVE.replace("layers=cells_utm&query_layers=cells_utm",
                "layers=ssm_utm,cells_utm,ndvi_geo&query_layers=cells_utm,ssm_utm,ndvi_geo") + "&i=2&j=2"));
        assertEquals(2, two.size());
        Map<String, Object> cells = (Map<String, Object>) two.get(0).get("properties");
        Map<String, Object> ssm = (Map<String, Object>) two.get(1).get("properties");
        assertEquals("cells_utm", cells.get("layer"));
        assertEquals("ssm_utm", ssm.get("layer"));
        assertEquals(0.45, num(ssm.get("value")), 1e-7, "the north-west block of ssm_utm");

        Map<String, Object> ndvi = only(GFI + "&layers=ndvi_geo&query_layers=ndvi_geo&crs=EPSG:4326"
                + "&bbox=49,10,50,12&width=20&height=10&i=1&j=1");
        assertEquals(0.9, num(ndvi.get("value")), 1e-7);
        assertNull(ndvi.get("time"));
        assertFalse(ndvi.containsKey("series"), "an undated layer has no series");
    }

    @Test
    void pointOffTheLayerHasNoFeature() throws Exception {
        // The map reaches 20 km west of the layer; pixel 5's centre is 15.5 km west of it.
        Map<String, Object> root = json(GFI + "&layers=cells_utm&query_layers=cells_utm&crs=EPSG:32633"
                + "&bbox=480000,4980000,520000,5000000&width=40&height=20&i=5&j=5");
        assertEquals(0, features(root).size());
        assertEquals(0, num(root.get("numberReturned")));
    }

    @Test
    void textAndHtmlCarryTheValueAndTheSeries() throws Exception {
        HttpResponse<byte[]> text = get(host, NATIVE + "&i=7&j=3&time=2021-04-03&info_format=text/plain");
        String t = new String(text.body(), StandardCharsets.UTF_8);
        assertEquals(200, text.statusCode(), t);
        assertTrue(text.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), t);
        assertTrue(t.contains("layer: cells_utm\n"), t);
        assertTrue(t.contains("cell: col 7, row 3"), t);
        assertTrue(t.contains("value: 1067.0\n"), t);
        assertTrue(t.contains("2021-04-01\t67.0\n2021-04-03\t1067.0\n2021-04-10\tnull\n"), t);

        HttpResponse<byte[]> html = get(host, NATIVE + "&i=7&j=3&time=2021-04-03&info_format=text/html");
        String h = new String(html.body(), StandardCharsets.UTF_8);
        assertEquals(200, html.statusCode(), h);
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), h);
        assertTrue(h.contains("<td>2021-04-03</td><td class=\"v\">1067.0</td>"), h);
        assertTrue(h.contains("<th>value</th><td>1067.0 m3 m-3</td>"), h);
    }

    @Test
    void htmlEscapesLayerText() throws Exception {
        host.catalog().publish("tricky", "<script>alert(1)</script>", "", "ssm", "a&b", "test",
                GridSeries.undated(WmsFixture.UTM, new float[][] {new float[WmsFixture.UTM.size()]}));
        String h = new String(get(host, NATIVE.replace("cells_utm", "tricky") + "&i=0&j=0&info_format=text/html")
                .body(), StandardCharsets.UTF_8);
        assertFalse(h.contains("<script>"), h);
        assertTrue(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), h);
        assertTrue(h.contains("0.0 a&amp;b"), h);
    }

    @Test
    void alsoReachableThroughOwsWithoutFormat() throws Exception {
        Map<String, Object> p = only(NATIVE.replace("/wms?", "/ows?").replace("&format=image/png", "")
                + "&i=7&j=3&time=2021-04-01");
        assertEquals(67, num(p.get("value")));
    }

    @Test
    void errorsNameTheParameter() throws Exception {
        assertException(get(host, NATIVE + "&i=-1&j=3"), "InvalidPoint", "i");
        assertException(get(host, NATIVE + "&i=20&j=3"), "InvalidPoint", "i");
        assertException(get(host, NATIVE + "&i=3&j=20"), "InvalidPoint", "j");
        assertException(get(host, NATIVE + "&i=3&j=1.5"), "InvalidPoint", "j");
        assertException(get(host, NATIVE + "&j=3"), "MissingParameterValue", "i");
        assertException(get(host, NATIVE.replace("&query_layers=cells_utm", "") + "&i=1&j=1"),
                "MissingParameterValue", "query_layers");
        assertException(get(host, NATIVE.replace("query_layers=cells_utm", "query_layers=nope") + "&i=1&j=1"),
                "LayerNotDefined", "query_layers");
        assertException(get(host, NATIVE.replace("query_layers=cells_utm", "query_layers=ssm_utm") + "&i=1&j=1"),
                "LayerNotQueryable", "query_layers");
        assertException(get(host, NATIVE + "&i=1&j=1&info_format=image/png"), "InvalidFormat", "info_format");
        assertException(get(host, NATIVE + "&i=1&j=1&time=2021-04-02"), "InvalidDimensionValue", "time");
        assertException(get(host, NATIVE + "&i=1&j=1&time=2022-01-01/2022-02-01"), "InvalidDimensionValue", "time");
        assertException(get(host, NATIVE + "&i=1&j=1&time=2021-04-10/2021-04-01"), "InvalidDimensionValue", "time");
        assertException(get(host, NATIVE + "&i=1&j=1&time=2021-04-01,2021-04-03"), "InvalidDimensionValue",
                "time");
        assertException(get(host, NATIVE + "&i=1&j=1&feature_count=0"), "InvalidParameterValue", "feature_count");
        assertException(get(host, NATIVE.replace("EPSG:32633", "EPSG:99999") + "&i=1&j=1"), "InvalidCRS", "crs");
    }
}
