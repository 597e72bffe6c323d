package org.ssm.host.viewer;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * Serves the web viewer: the static files in {@code viewer/} on the class path, at {@code /} and at
 * {@code /viewer/}.
 *
 * <p>Only flat file names of the known types are served ({@code app.js}, never {@code a/b.js}), so no
 * request can reach another class-path resource, and there is nothing to list. The page is a client of
 * the host's own WMS, WCS and WPS; its Content-Security-Policy lets it load nothing from elsewhere.
 */
public final class ViewerServlet extends HttpServlet {

    /** The class-path folder of the viewer's files. */
    public static final String FOLDER = "viewer";

    private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}\\.(html|js|css|svg|png)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");
    private static final String CSP = "default-src 'self'; img-src 'self' data: blob:; script-src 'self';"
            + " style-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

    private final ClassLoader loader;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    public ViewerServlet() {
        this(ViewerServlet.class.getClassLoader());
    }

    ViewerServlet(ClassLoader loader) {
        this.loader = loader;
    }

    /** Maps one viewer servlet to {@code /} (the default servlet of {@code context}) and {@code /viewer/*}. */
    public static void install(ServletContextHandler context) {
        ServletHolder holder = new ServletHolder("viewer", new ViewerServlet());
        context.addServlet(holder, "/");
        context.addServlet(holder, "/viewer/*");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            plain(response, 405, "method not allowed\n");
            return;
        }
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.equals("/viewer")) {
            // Relative links in the page need the trailing slash.
            response.setStatus(302);
            response.setHeader("Location", "/viewer/");
            return;
        }
        String name = fileName(path);
        Optional<byte[]> body = name == null ? Optional.empty() : read(name);
        if (body.isEmpty()) {
            plain(response, 404, "not found: the viewer is at /viewer/ and the services at /wms, /wcs and /wps\n");
            return;
        }
        String ext = name.substring(name.lastIndexOf('.') + 1);
        response.setStatus(200);
        response.setContentType(TYPES.get(ext));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-cache");
        if (ext.equals("html")) {
            response.setHeader("Content-Security-Policy", CSP);
            response.setHeader("Referrer-Policy", "no-referrer");
        }
        response.setContentLength(body.get().length);
        if ("GET".equals(method)) {
            response.getOutputStream().write(body.get());
        }
    }

    /** The viewer file a decoded request path names, or {@code null}. */
    static String fileName(String path) {
        String rest;
        if (path.equals("/") || path.isEmpty() || path.equals("/viewer/")) {
            return "index.html";
        } else if (path.startsWith("/viewer/")) {
            rest = path.substring("/viewer/".length());
        } else {
            rest = path.substring(1);
        }
        return FILE.matcher(rest).matches() ? rest : null;
    }

    private Optional<byte[]> read(String name) throws IOException {
        byte[] hit = cache.get(name);
        if (hit != null) {
            return Optional.of(hit);
        }
        try (InputStream in = loader.getResourceAsStream(FOLDER + "/" + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            cache.put(name, bytes);
            return Optional.of(bytes);
        }
    }

    private static void plain(HttpServletResponse response, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
