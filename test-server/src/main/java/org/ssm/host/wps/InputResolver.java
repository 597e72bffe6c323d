package org.ssm.host.wps;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geotools.api.coverage.grid.GridCoverage;
import org.geotools.api.data.Parameter;
import org.geotools.feature.FeatureCollection;
import org.ssm.grid.GridSeries;
import org.ssm.host.HostConfig;
import org.ssm.host.catalog.Catalog;
import org.ssm.host.catalog.Layer;
import org.ssm.host.ows.Kvp;
import org.ssm.host.ows.OwsException;
import org.ssm.host.wcs.WcsServlet;
import org.ssm.host.wps.ExecuteRequest.Complex;
import org.ssm.host.wps.ExecuteRequest.Input;
import org.ssm.host.wps.ExecuteRequest.Literal;
import org.ssm.host.wps.ExecuteRequest.Reference;
import org.ssm.host.wps.ProcessRegistry.ProcessInfo;
import org.ssm.io.Coverages;

/**
 * Turns the inputs of an Execute request into the argument map of a GeoTools process.
 *
 * <p>Checks that need no data run first and fail fast ({@link #validate}); resolution then decodes
 * inline data and follows references. A reference to this host is served in-process, which is the
 * server-side chaining: {@code /wcs} GetCoverage reads the catalogue, {@code /wps} runs the nested
 * Execute, {@code /wps/runs/...} reads a stored output. Other hosts are fetched only when on the
 * configured allow-list, without following redirects off it; other schemes ({@code file:},
 * {@code jar:}, ...) are refused.
 */
final class InputResolver {

    /** Nested Execute references deeper than this are refused, to stop reference loops. */
    static final int MAX_DEPTH = 8;

    private static final int MAX_REDIRECTS = 5;

    private final HostConfig config;
    private final Catalog catalog;
    private final GeoTiffCodec geoTiff;
    private final WpsService service;
    private volatile WcsServlet wcs;
    private volatile int ownPort = -1;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(20)).build();

    InputResolver(HostConfig config, Catalog catalog, GeoTiffCodec geoTiff, WpsService service) {
        this.config = config;
        this.catalog = catalog;
        this.geoTiff = geoTiff;
        this.service = service;
    }

    void attach(int port, WcsServlet wcsServlet) {
        this.ownPort = port;
        this.wcs = wcsServlet;
    }

    /** The checks that need no data: ids, multiplicity, literals, formats and reference targets. */
    void validate(ProcessInfo process, ExecuteRequest request) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Input in : request.inputs()) {
            Parameter<?> p = process.inputs().get(in.id());
            if (p == null) {
                throw OwsException.invalid(in.id(), "process " + process.identifier() + " has no input '" + in.id()
                        + "'; its inputs are " + String.join(", ", process.inputs().keySet()));
            }
            counts.merge(in.id(), 1, Integer::sum);
            boolean complex = WpsTypes.isComplex(p);
            if (in instanceof Literal l) {
                if (complex) {
                    throw OwsException.invalid(in.id(), "input " + in.id() + " needs complex data ("
                            + String.join(", ", WpsTypes.inputFormats(p))
                            + ") inline or by reference, not a literal");
                }
                LiteralCodec.decode(p, l.value());
            } else if (in instanceof Complex c) {
                if (!complex && p.type != String.class) {
                    throw OwsException.invalid(in.id(), "input " + in.id() + " is a literal; give it as LiteralData");
                }
                if (complex) {
                    requireFormat(p, in.id(), c.mimeType());
                }
            } else if (in instanceof Reference r) {
                if (complex) {
                    requireFormat(p, in.id(), r.mimeType());
                }
                checkTarget(in.id(), r.href());
            }
        }
        for (Parameter<?> p : process.inputs().values()) {
            int n = counts.getOrDefault(p.key, 0);
            if (n == 0 && p.minOccurs > 0 && p.getDefaultValue() == null) {
                throw new OwsException(OwsException.MISSING_PARAMETER_VALUE, p.key, "process " + process.identifier()
                        + " needs input '" + p.key + "'");
            }
            if (n > 0 && n < p.minOccurs) {
                throw OwsException.invalid(p.key, "input " + p.key + " is given " + n + " time" + (n == 1 ? "" : "s")
                        + "; at least " + p.minOccurs + " needed");
            }
            if (n > p.maxOccurs) {
                throw OwsException.invalid(p.key, "input " + p.key + " is given " + n + " times; at most " + p.maxOccurs
                        + " allowed");
            }
        }
    }

    private static void requireFormat(Parameter<?> p, String id, String mimeType) {
        if (!WpsTypes.accepts(WpsTypes.inputFormats(p), mimeType)) {
            throw OwsException.invalid(id, "input " + id + " given as " + mimeType + "; accepted formats: "
                    + String.join(", ", WpsTypes.inputFormats(p)));
        }
    }

    /** Decodes every input and follows every reference. */
    Map<String, Object> resolve(ProcessInfo process, ExecuteRequest request, RunProgress progress, int depth,
            String baseUrl) throws IOException {
        Map<String, List<Object>> values = new LinkedHashMap<>();
        for (Input in : request.inputs()) {
            Parameter<?> p = process.inputs().get(in.id());
            Object value;
            if (in instanceof Literal l) {
                value = LiteralCodec.decode(p, l.value());
            } else if (in instanceof Complex c) {
                value = decodeInline(p, c);
            } else {
                value = fetch(p, (Reference) in, progress, depth, baseUrl);
            }
            values.computeIfAbsent(in.id(), k -> new ArrayList<>()).add(value);
        }
        Map<String, Object> args = new LinkedHashMap<>();
        values.forEach((id, list) -> {
            Parameter<?> p = process.inputs().get(id);
            args.put(id, p.maxOccurs > 1 ? list : list.get(0));
        });
        return args;
    }

    private Object decodeInline(Parameter<?> p, Complex c) throws IOException {
        if (GridCoverage.class.isAssignableFrom(p.type)) {
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(c.text().strip());
            } catch (IllegalArgumentException e) {
                throw OwsException.invalid(p.key, "input " + p.key + ": inline GeoTIFF must be base64-encoded ("
                        + e.getMessage() + ")");
            }
            return geoTiff.decode(p.key, bytes);
        }
        String text;
        try {
            text = "base64".equalsIgnoreCase(c.encoding())
                    ? new String(Base64.getMimeDecoder().decode(c.text().strip()), StandardCharsets.UTF_8)
                    : c.xml() != null ? serialise(c.xml()) : c.text();
        } catch (IllegalArgumentException e) {
            throw OwsException.invalid(p.key, "input " + p.key + ": bad base64 (" + e.getMessage() + ")");
        }
        return p.type == String.class ? text : FeatureInputs.decode(p.key, p.key, text);
    }

    /** An inline XML document given as text data. */
    private static String serialise(org.w3c.dom.Element xml) {
        try {
            javax.xml.transform.Transformer t = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
            java.io.StringWriter w = new java.io.StringWriter();
            t.transform(new javax.xml.transform.dom.DOMSource(xml), new javax.xml.transform.stream.StreamResult(w));
            return w.toString();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException("could not serialise an inline XML input", e);
        }
    }

    private Object decodeBytes(Parameter<?> p, byte[] bytes) throws IOException {
        if (GridCoverage.class.isAssignableFrom(p.type)) {
            return geoTiff.decode(p.key, bytes);
        }
        if (FeatureCollection.class.isAssignableFrom(p.type)) {
            return FeatureInputs.decode(p.key, p.key, new String(bytes, StandardCharsets.UTF_8));
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return p.type == String.class ? text : LiteralCodec.decode(p, text.strip());
    }

    private URI parse(String input, String href) {
        try {
            URI uri = new URI(href);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw OwsException.invalid(input, "input " + input + ": reference " + href
                        + " is refused; only http(s) references to this host or to allowed hosts are followed");
            }
            if (uri.getHost() == null) {
                throw OwsException.invalid(input, "input " + input + ": reference " + href + " has no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw OwsException.invalid(input, "input " + input + ": reference " + href + " is not a valid URL");
        }
    }

    /** Fails unless {@code href} points to this host or to an allowed host. */
    private URI checkTarget(String input, String href) {
        URI uri = parse(input, href);
        if (!isSelf(uri) && !isAllowed(uri)) {
            throw OwsException.invalid(input, "input " + input + ": reference to " + uri.getHost()
                    + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + " is refused; references may point to this host"
                    + (config.allowedHosts().isEmpty() ? "" : " or to " + String.join(", ", config.allowedHosts())));
        }
        return uri;
    }

    private boolean isSelf(URI uri) {
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        if (port != ownPort) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(uri.getHost());
            return address.isLoopbackAddress() || address.isAnyLocalAddress()
                    || java.net.NetworkInterface.getByInetAddress(address) != null;
        } catch (UnknownHostException | java.net.SocketException e) {
            return false;
        }
    }

    private boolean isAllowed(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String hostPort = uri.getPort() > 0 ? host + ":" + uri.getPort() : host;
        return config.allowedHosts().stream().map(h -> h.toLowerCase(Locale.ROOT))
                .anyMatch(h -> h.equals(host) || h.equals(hostPort));
    }

    private Object fetch(Parameter<?> p, Reference ref, RunProgress progress, int depth, String baseUrl)
            throws IOException {
        URI uri = checkTarget(p.key, ref.href());
        if (isSelf(uri)) {
            return inProcess(p, ref, uri, progress, depth, baseUrl);
        }
        return decodeBytes(p, download(p.key, ref, uri));
    }

    private Object inProcess(Parameter<?> p, Reference ref, URI uri, RunProgress progress, int depth, String baseUrl)
            throws IOException {
        String path = uri.getPath() == null ? "" : uri.getPath();
        Kvp kvp = Kvp.parseQuery(uri.getRawQuery());
        String serviceName = kvp.getOrDefault("service", "").toUpperCase(Locale.ROOT);
        if (path.equals("/wcs") || (path.equals("/ows") && serviceName.equals("WCS"))) {
            if (!GridCoverage.class.isAssignableFrom(p.type)) {
                throw OwsException.invalid(p.key, "input " + p.key + ": a WCS coverage cannot feed a "
                        + p.type.getSimpleName() + " input");
            }
            GridSeries series = wcs.getCoverage(kvp);
            String style = catalog.find(kvp.get("coverageId")).map(Layer::style).orElse(p.key);
            return Coverages.toCoverage(style, series);
        }
        if (path.equals("/wps") || (path.equals("/ows") && serviceName.equals("WPS"))) {
            ExecuteRequest nested;
            if ("POST".equals(ref.method())) {
                if (ref.bodyXml() == null) {
                    throw OwsException.invalid(p.key, "input " + p.key + ": a POST reference to /wps needs a"
                            + " wps:Execute document in wps:Body");
                }
                nested = ExecuteParser.fromXml(ref.bodyXml());
            } else {
                if (!"Execute".equalsIgnoreCase(kvp.get("request"))) {
                    throw OwsException.invalid(p.key, "input " + p.key + ": a GET reference to /wps must be an Execute");
                }
                nested = ExecuteParser.fromKvp(kvp);
            }
            if (depth + 1 > MAX_DEPTH) {
                throw OwsException.invalid(p.key, "input " + p.key + ": nested executions deeper than " + MAX_DEPTH
                        + " are refused");
            }
            Map<String, Object> results = service.runNested(nested, progress, depth + 1, baseUrl);
            return pickOutput(p, nested, results);
        }
        if (path.startsWith("/wps/runs/")) {
            return decodeBytes(p, service.storedOutput(p.key, path.substring("/wps/runs/".length())));
        }
        throw OwsException.invalid(p.key, "input " + p.key + ": reference path " + path + " on this host is not a"
                + " data source; use /wcs GetCoverage, a /wps Execute or a stored /wps/runs output");
    }

    private static Object pickOutput(Parameter<?> p, ExecuteRequest nested, Map<String, Object> results) {
        ExecuteRequest.ResponseForm form = nested.response();
        String wanted = form.isRaw() ? form.rawOutput().id()
                : form.outputs().size() == 1 ? form.outputs().get(0).id() : null;
        if (wanted != null) {
            Object v = results.get(wanted);
            if (v == null) {
                throw OwsException.invalid(p.key, "input " + p.key + ": the nested execution produced no output '"
                        + wanted + "'");
            }
            return v;
        }
        for (Object v : results.values()) {
            if (v != null && p.type.isInstance(v)) {
                return v;
            }
        }
        throw OwsException.invalid(p.key, "input " + p.key + ": the nested execution has no output of type "
                + p.type.getSimpleName() + "; name one with RawDataOutput");
    }

    private byte[] download(String input, Reference ref, URI uri) throws IOException {
        URI target = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(config.maxRunSeconds()));
            if ("POST".equals(ref.method())) {
                String body = ref.bodyText() != null ? ref.bodyText() : "";
                b.POST(HttpRequest.BodyPublishers.ofString(body));
            }
            HttpResponse<InputStream> response;
            try {
                response = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while fetching " + target, e);
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                response.body().close();
                String location = response.headers().firstValue("Location").orElseThrow(() -> OwsException.invalid(
                        input, "input " + input + ": redirect without a Location from " + ref.href()));
                target = checkTarget(input, target.resolve(location).toString());
                if (isSelf(target)) {
                    throw OwsException.invalid(input, "input " + input + ": a redirect back to this host is refused");
                }
                continue;
            }
            try (InputStream in = response.body()) {
                if (status != 200) {
                    throw OwsException.invalid(input, "input " + input + ": " + ref.href() + " answered HTTP " + status);
                }
                byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxInputBytes() + 1));
                if (data.length > config.maxInputBytes()) {
                    throw new OwsException(OwsException.FILE_SIZE_EXCEEDED, input, "input " + input + " is larger than "
                            + config.maxInputBytes() + " bytes");
                }
                return data;
            }
        }
        throw OwsException.invalid(input, "input " + input + ": more than " + MAX_REDIRECTS + " redirects");
    }
}
