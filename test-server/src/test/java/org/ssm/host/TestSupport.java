package org.ssm.host;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesDates;
import org.ssm.host.catalog.Catalog;
import org.w3c.dom.Document;

/** Small synthetic layers, HTTP calls and request templates shared by the host tests. */
public final class TestSupport {

    public static final GridGeometry FINE = new GridGeometry("EPSG:32633", 520_000, 5_360_000, 1000, 1000, 20, 10);
    public static final GridGeometry COARSE = FINE.coarsen(5);
    public static final String DATES = "2021-05-01,2021-05-02,2021-05-03";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private TestSupport() {}

    /** A series of uniform random values in [lo, hi). */
    public static GridSeries random(GridGeometry g, String dates, double lo, double hi, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        var list = dates == null ? java.util.List.<LocalDate>of() : SeriesDates.parse("dates", dates);
        float[][] v = new float[Math.max(1, list.size())][g.size()];
        for (float[] band : v) {
            for (int i = 0; i < band.length; i++) {
                band[i] = (float) (lo + (hi - lo) * rnd.nextDouble());
            }
        }
        return GridSeries.of(g, list, v);
    }

    /**
     * Publishes test_pm (coarse SSM), test_lst, test_ndvi (fine series), test_dem (static),
     * test_pm_shifted (a coarse grid off the fine cell edges) and test_lst_nan (all NaN).
     */
    public static void publishTestLayers(Catalog catalog) throws IOException {
        catalog.publish("test_pm", "coarse SSM", "test", "ssm", "m3 m-3", "test", random(COARSE, DATES, 0.1, 0.4, 1));
        catalog.publish("test_lst", "LST", "test", "lst", "K", "test", random(FINE, DATES, 285, 320, 2));
        catalog.publish("test_ndvi", "NDVI", "test", "ndvi", "1", "test", random(FINE, DATES, 0.15, 0.6, 3));
        catalog.publish("test_dem", "DEM", "test", "dem", "m", "test", random(FINE, null, 200, 900, 4));
        GridGeometry shifted = new GridGeometry("EPSG:32633", 520_300, 5_360_000, 5000, 5000, 4, 2);
        catalog.publish("test_pm_shifted", "shifted", "test", "ssm", "m3 m-3", "test",
                random(shifted, DATES, 0.1, 0.4, 5));
        GridSeries nan = random(FINE, DATES, 0, 1, 6);
        for (int b = 0; b < nan.size(); b++) {
            java.util.Arrays.fill(nan.band(b), Float.NaN);
        }
        catalog.publish("test_lst_nan", "LST (all clouds)", "test", "lst", "K", "test", nan);
    }

    /** A response: status, content type and body. */
    public record Response(int status, String contentType, byte[] body, java.net.http.HttpHeaders headers) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public Document xml() throws Exception {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(body));
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public static Response get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).GET().build());
    }

    public static Response post(String url, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private static Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
    }

    /** A test resource with every {@code ${key}} replaced by its value. */
    public static String template(String resource, Map<String, String> values) throws IOException {
        try (InputStream in = TestSupport.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> e : values.entrySet()) {
                text = text.replace("${" + e.getKey() + "}", e.getValue());
            }
            return text;
        }
    }
}
