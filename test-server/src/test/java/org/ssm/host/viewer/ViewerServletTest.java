package org.ssm.host.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;

/** The viewer's files over HTTP: where they are, their content types, and what is refused. */
class ViewerServletTest {

    @TempDir
    static Path dataDir;

    private static Host host;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(HostConfig.defaults(0, dataDir));
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(host.localBaseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String type(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("").toLowerCase().replace(" ", "");
    }

    @Test
    void pageIsServedAtTheRootAndUnderViewer() throws Exception {
        for (String path : List.of("/", "/viewer/", "/index.html", "/viewer/index.html")) {
            HttpResponse<String> r = get(path);
            assertEquals(200, r.statusCode(), path);
            assertEquals("text/html;charset=utf-8", type(r), path);
            assertTrue(r.body().contains("<script type=\"module\" src=\"app.js\"></script>"), path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'self'") && csp.contains("script-src 'self'"), csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
        HttpResponse<String> r = get("/viewer");
        assertEquals(302, r.statusCode());
        assertEquals("/viewer/", r.headers().firstValue("Location").orElse(""));
    }

    @Test
    void scriptsStylesAndIconHaveTheirContentTypes() throws Exception {
        for (String prefix : List.of("/", "/viewer/")) {
            for (String js : List.of("app.js", "capabilities.js", "mapview.js", "chart.js")) {
                HttpResponse<String> r = get(prefix + js);
                assertEquals(200, r.statusCode(), prefix + js);
                assertEquals("text/javascript;charset=utf-8", type(r), prefix + js);
            }
            HttpResponse<String> css = get(prefix + "viewer.css");
            assertEquals(200, css.statusCode());
            assertEquals("text/css;charset=utf-8", type(css));
            HttpResponse<String> svg = get(prefix + "favicon.svg");
            assertEquals(200, svg.statusCode());
            assertEquals("image/svg+xml", type(svg));
        }
        assertTrue(get("/viewer/app.js").body().contains("GetFeatureInfo"));
    }

    @Test
    void servicesKeepTheirPathsBesideTheViewer() throws Exception {
        HttpResponse<String> r = get("/wms?service=WMS&version=1.3.0&request=GetCapabilities");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("WMS_Capabilities"));
    }

    @Test
    void unknownFilesAndOtherClassPathResourcesAreNotFound() throws Exception {
        for (String path : List.of("/viewer/nope.js", "/nope.html", "/styles/ssm.sld", "/viewer/styles/ssm.sld",
                "/org/ssm/host/Host.class", "/viewer/APP.JS", "/viewer/app.js.bak", "/viewer/.hidden.js",
                "/META-INF/MANIFEST.MF", "/viewer/sub/app.js")) {
            HttpResponse<String> r = get(path);
            assertEquals(404, r.statusCode(), path);
            assertTrue(type(r).startsWith("text/plain"), path);
        }
    }

    @Test
    void traversalIsRefused() throws Exception {
        // Sent on a raw socket so that no client library normalises the path first.
        for (String path : List.of("/viewer/../styles/ssm.sld", "/viewer/%2e%2e/styles/ssm.sld",
                "/viewer/..%2fstyles%2fssm.sld", "/viewer/..%5cstyles%5cssm.sld", "/../../../../etc/passwd",
                "/viewer/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/viewer/..;/styles/ssm.sld")) {
            String response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            int status = Integer.parseInt(response.substring(9, 12));
            assertTrue(status == 400 || status == 404, path + " answered " + status);
            assertFalse(response.contains("StyledLayerDescriptor") || response.contains("root:"), path);
        }
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws Exception {
        HttpResponse<String> head = HTTP.send(HttpRequest.newBuilder(URI.create(host.localBaseUrl() + "/viewer/app.js"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(host.localBaseUrl() + "/viewer/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
    }

    @Test
    void fileNamesAreFlatAndOfKnownTypes() {
        assertEquals("index.html", ViewerServlet.fileName("/"));
        assertEquals("index.html", ViewerServlet.fileName("/viewer/"));
        assertEquals("app.js", ViewerServlet.fileName("/viewer/app.js"));
        assertEquals("viewer.css", ViewerServlet.fileName("/viewer.css"));
        assertNull(ViewerServlet.fileName("/viewer/../app.js"));
        assertNull(ViewerServlet.fileName("/viewer/a/app.js"));
        assertNull(ViewerServlet.fileName("/viewer/app.jsp"));
        assertNull(ViewerServlet.fileName("/viewer/app.js%00.html"));
        assertNull(ViewerServlet.fileName("/viewer/.."));
        assertNull(ViewerServlet.fileName("/wms"));
    }

    @Test
    void viewerFilesLoadNothingFromOtherSites() throws Exception {
        // The machine may be offline and the page's CSP allows 'self' only: any absolute URL in the files
        // (a CDN script, a web font, a tile server) would be a broken viewer. The SVG namespace is no fetch.
        Pattern url = Pattern.compile("(?:https?:)?//[A-Za-z0-9.-]+\\.[A-Za-z]{2,}[^\"'\\s)]*");
        Path folder = Path.of(System.getProperty("ssm.project.dir", ".."))
                .resolve("test-server/src/main/resources/viewer");
        int files = 0;
        try (Stream<Path> list = Files.list(folder)) {
            for (Path f : list.toList()) {
                files++;
                Matcher m = url.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    assertEquals("http://www.w3.org/2000/svg", m.group(), f.getFileName() + " refers to " + m.group());
                }
            }
        }
        assertTrue(files >= 6, "viewer files found: " + files);
    }

    private static String raw(String request) throws IOException {
        try (Socket s = new Socket("localhost", host.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
