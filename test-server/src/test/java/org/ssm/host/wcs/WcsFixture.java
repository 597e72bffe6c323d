package org.ssm.host.wcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;
import org.ssm.host.ows.Namespaces;
import org.ssm.io.GeoTiff;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A host with three synthetic layers, and helpers to call it over HTTP and read its answers.
 *
 * <ul>
 *   <li>{@code utm}: 40 × 30 cells of 100 m in EPSG:32633 from (500000, 5000000), dated
 *       2021-04-01, 02 and 03; value = 10000·band + row·40 + col, with NaN in the cell (3, 2);
 *   <li>{@code geo}: 50 × 20 cells of 0.01° in EPSG:4326 from (10°E, 46°N), dated 2021-04-01 and
 *       02; value = 1000·band + row·50 + col;
 *   <li>{@code dem}: band 0 of {@code utm}, undated.
 * </ul>
 */
final class WcsFixture implements AutoCloseable {

    static final GridGeometry UTM = new GridGeometry("EPSG:32633", 500000, 5000000, 100, 100, 40, 30);
    static final GridGeometry GEO = new GridGeometry("EPSG:4326", 10.0, 46.0, 0.01, 0.01, 50, 20);
    static final List<LocalDate> DATES = List.of(LocalDate.of(2021, 4, 1), LocalDate.of(2021, 4, 2),
            LocalDate.of(2021, 4, 3));

    final Host host;
    final GridSeries utm;
    final GridSeries geo;
    final GridSeries dem;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Path dir;

    WcsFixture(Path dir) throws Exception {
        this(dir, HostConfig.defaults(0, dir.resolve("data")));
    }

    WcsFixture(Path dir, HostConfig config) throws Exception {
        this.dir = dir;
        host = Host.start(config);
        float[][] u = new float[3][UTM.size()];
        for (int b = 0; b < 3; b++) {
            for (int i = 0; i < UTM.size(); i++) {
                u[b][i] = 10000f * b + i;
            }
            u[b][2 * UTM.width() + 3] = Float.NaN;
        }
        utm = GridSeries.of(UTM, DATES, u);
        float[][] g = new float[2][GEO.size()];
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < GEO.size(); i++) {
                g[b][i] = 1000f * b + i;
            }
        }
        geo = GridSeries.of(GEO, DATES.subList(0, 2), g);
        dem = GridSeries.undated(UTM, new float[][] {u[0]});
        host.catalog().publish("utm", "SSM (UTM)", "synthetic series in UTM 33N", "ssm", "m3 m-3", "test", utm);
        host.catalog().publish("geo", "SSM (WGS 84)", "synthetic series in WGS 84", "ssm", "m3 m-3", "test", geo);
        host.catalog().publish("dem", "Elevation", "synthetic static layer", "dem", "m", "test", dem);
    }

    String base() {
        return host.localBaseUrl();
    }

    /** GET {@code /wcs?query}. */
    HttpResponse<byte[]> get(String query) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base() + "/wcs?" + query)).build());
    }

    HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POSTs the request document {@code /wcs/<name>} from the test resources to {@code path}. */
    HttpResponse<byte[]> postResource(String path, String name) throws IOException, InterruptedException {
        byte[] body = resource(name);
        return send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = WcsFixture.class.getResourceAsStream("/wcs/" + name)) {
            assertNotNull(in, "test resource /wcs/" + name);
            return in.readAllBytes();
        }
    }

    /** The body of a 200 answer as a DOM (fails with the body otherwise). */
    static Document xml(HttpResponse<byte[]> r) throws Exception {
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        return parse(r.body());
    }

    static Document parse(byte[] body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    /** Decodes a 200 GeoTIFF answer with the project's own reader. */
    GridSeries tiff(HttpResponse<byte[]> r) throws IOException {
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("image/tiff", r.headers().firstValue("Content-Type").orElse(""));
        Path file = Files.createTempFile(dir, "coverage-", ".tif");
        Files.write(file, r.body());
        return GeoTiff.read(file);
    }

    static List<Element> elements(Node parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        NodeList list = parent instanceof Document d ? d.getElementsByTagNameNS(ns, local)
                : ((Element) parent).getElementsByTagNameNS(ns, local);
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    static Element element(Node parent, String ns, String local) {
        List<Element> list = elements(parent, ns, local);
        assertTrue(!list.isEmpty(), "no element " + local);
        return list.get(0);
    }

    static String text(Node parent, String ns, String local) {
        return element(parent, ns, local).getTextContent().strip();
    }

    static double[] numbers(String text) {
        String[] parts = text.strip().split("\\s+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }

    /** Asserts an OWS 2.0 exception report with this status, code and locator. */
    static void assertException(HttpResponse<byte[]> r, int status, String code, String locator) throws Exception {
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(status, r.statusCode(), body);
        Document d = parse(r.body());
        Element root = d.getDocumentElement();
        assertEquals(Namespaces.OWS_20, root.getNamespaceURI(), body);
        assertEquals("ExceptionReport", root.getLocalName(), body);
        Element e = element(root, Namespaces.OWS_20, "Exception");
        assertEquals(code, e.getAttribute("exceptionCode"), body);
        assertEquals(locator, e.getAttribute("locator"), body);
        assertTrue(!body.contains("\tat ") && !body.contains("Exception:"), "stack trace in " + body);
    }

    @Override
    public void close() throws IOException {
        host.close();
    }
}
