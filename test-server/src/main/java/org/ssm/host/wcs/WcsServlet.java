package org.ssm.host.wcs;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ssm.grid.GridSeries;
import org.ssm.host.HostConfig;
import org.ssm.host.catalog.Catalog;
import org.ssm.host.catalog.Layer;
import org.ssm.host.ows.ExceptionReport;
import org.ssm.host.ows.Kvp;
import org.ssm.host.ows.Namespaces;
import org.ssm.host.ows.OwsException;
import org.ssm.host.ows.OwsServlet;
import org.ssm.host.ows.SafeXml;
import org.ssm.io.GeoTiff;
import org.w3c.dom.Element;

/**
 * The WCS 2.0.1 endpoint ({@code /wcs}, and {@code /ows?service=WCS}): GetCapabilities,
 * DescribeCoverage and GetCoverage by KVP (GET or form POST) and by XML POST, over the layers of
 * the catalogue. Coverages are returned as GeoTIFF; a series as one band per selected date.
 *
 * <p>{@link #getCoverage(Kvp)} evaluates a GetCoverage request without encoding it, for the WPS to
 * resolve {@code wps:Reference} inputs that point at this endpoint.
 */
public final class WcsServlet extends OwsServlet {

    /** Largest XML request document read; WCS requests are a few hundred bytes. */
    private static final int MAX_XML_BYTES = 1 << 20;

    private final Catalog catalog;
    private final CoverageSubsetter subsetter;
    private final EncodedCoverageCache encoded = new EncodedCoverageCache(16, 1L << 30, 5 * 60_000L);

    public WcsServlet(Catalog catalog, HostConfig config) {
        super(ExceptionReport.OWS_20);
        this.catalog = catalog;
        this.subsetter = new CoverageSubsetter(catalog, config.maxPixels());
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("POST".equals(request.getMethod()) && !isForm(request)) {
            handleXml(readXml(request), request, response);
        } else {
            handleKvp(Kvp.of(request), request, response);
        }
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private void handleKvp(Kvp kvp, HttpServletRequest request, HttpServletResponse response) throws IOException {
        requireService(kvp, "WCS");
        String operation = kvp.require("request");
        switch (operation.toLowerCase(Locale.ROOT)) {
            case "getcapabilities" -> {
                String accept = kvp.get("acceptVersions");
                checkAcceptVersions(accept);
                String sections = kvp.get("sections");
                sendXml(response, WcsCapabilities.write(endpoint(request), catalog.layers(),
                        sections == null ? List.of() : List.of(sections.split(","))));
            }
            case "describecoverage" -> {
                checkVersion(kvp.get("version"));
                sendXml(response, CoverageDescriber.describe(layers(List.of(kvp.require("coverageId").split(",")))));
            }
            case "getcoverage" -> {
                checkVersion(kvp.get("version"));
                sendCoverage(request, response, GetCoverageRequest.fromKvp(kvp));
            }
            default -> throw unsupported(operation);
        }
    }

    private void handleXml(Element root, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Namespaces.WCS_20.equals(root.getNamespaceURI())) {
            throw OwsException.invalid("request", "the XML request is not a WCS 2.0 request (root element {"
                    + root.getNamespaceURI() + "}" + root.getLocalName() + ")");
        }
        String service = root.getAttribute("service");
        if (!service.isEmpty() && !service.equalsIgnoreCase("WCS")) {
            throw OwsException.invalid("service", "service=" + service + " is not served here; expected WCS");
        }
        switch (root.getLocalName()) {
            case "GetCapabilities" -> {
                List<String> versions = textsOf(root, Namespaces.OWS_20, "Version");
                if (!versions.isEmpty()) {
                    checkAcceptVersions(String.join(",", versions));
                }
                sendXml(response, WcsCapabilities.write(endpoint(request), catalog.layers(),
                        textsOf(root, Namespaces.OWS_20, "Section")));
            }
            case "DescribeCoverage" -> {
                checkVersion(root.getAttribute("version"));
                List<String> ids = textsOf(root, Namespaces.WCS_20, "CoverageId");
                if (ids.isEmpty()) {
                    throw OwsException.missing("coverageId");
                }
                sendXml(response, CoverageDescriber.describe(layers(ids)));
            }
            case "GetCoverage" -> {
                checkVersion(root.getAttribute("version"));
                sendCoverage(request, response, GetCoverageRequest.fromXml(root));
            }
            default -> throw unsupported(root.getLocalName());
        }
    }

    /**
     * The coverage a GetCoverage request selects, without encoding it: used by WPS to resolve a
     * {@code wps:Reference} to this host in-process. The series keeps its dates.
     *
     * @throws OwsException for a bad request, as the HTTP endpoint would report it
     */
    public GridSeries getCoverage(Kvp kvp) {
        requireService(kvp, "WCS");
        String operation = kvp.get("request");
        if (operation != null && !operation.equalsIgnoreCase("GetCoverage")) {
            throw OwsException.invalid("request", "request=" + operation + " does not return a coverage; use"
                    + " GetCoverage");
        }
        checkVersion(kvp.get("version"));
        return subsetter.apply(GetCoverageRequest.fromKvp(kvp));
    }

    private void sendCoverage(HttpServletRequest http, HttpServletResponse response, GetCoverageRequest request)
            throws IOException {
        Layer layer = subsetter.layer(request.coverageId());
        EncodedCoverageCache.Encoder encoder = file -> GeoTiff.write(file, subsetter.apply(request));
        FileChannel channel;
        if ("GET".equals(http.getMethod()) || "HEAD".equals(http.getMethod())) {
            String key = layer.name() + "@" + layer.created() + "?" + http.getQueryString();
            channel = encoded.open(key, encoder);
        } else {
            Path file = Files.createTempFile("ssm-wcs-", ".tif");
            try {
                encoder.encode(file);
                channel = FileChannel.open(file, StandardOpenOption.READ);
            } finally {
                Files.deleteIfExists(file);
            }
        }
        try (channel) {
            sendFile(http, response, channel, request.coverageId() + ".tif");
        }
    }

    /** Sends the file whole (200) or the one byte range asked for (206), as /vsicurl/ needs. */
    private static void sendFile(HttpServletRequest http, HttpServletResponse response, FileChannel channel,
            String filename) throws IOException {
        long size = channel.size();
        long[] range = ByteRange.parse(http.getHeader("Range"), size);
        response.setHeader("Accept-Ranges", "bytes");
        if (range != null && range.length == 0) {
            response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            response.setHeader("Content-Range", "bytes */" + size);
            return;
        }
        long start = range == null ? 0 : range[0];
        long length = range == null ? size : range[1] - range[0] + 1;
        response.setStatus(range == null ? HttpServletResponse.SC_OK : HttpServletResponse.SC_PARTIAL_CONTENT);
        response.setContentType(GetCoverageRequest.GEOTIFF);
        response.setHeader("Content-Disposition", "inline; filename=" + filename);
        if (range != null) {
            response.setHeader("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + size);
        }
        response.setContentLengthLong(length);
        if ("HEAD".equals(http.getMethod())) {
            return;
        }
        try (OutputStream out = response.getOutputStream()) {
            WritableByteChannel target = Channels.newChannel(out);
            long done = 0;
            while (done < length) {
                long n = channel.transferTo(start + done, length - done, target);
                if (n <= 0) {
                    throw new IOException("the encoded coverage ended early");
                }
                done += n;
            }
        }
    }

    @Override
    public void destroy() {
        encoded.close();
        super.destroy();
    }

    private List<Layer> layers(List<String> ids) {
        List<Layer> layers = new ArrayList<>();
        for (String id : ids) {
            if (!id.isBlank()) {
                layers.add(subsetter.layer(id.strip()));
            }
        }
        if (layers.isEmpty()) {
            throw OwsException.missing("coverageId");
        }
        return layers;
    }

    private static String endpoint(HttpServletRequest request) {
        return baseUrl(request) + request.getContextPath() + "/wcs";
    }

    private static void checkAcceptVersions(String accept) {
        if (accept != null && !WcsCapabilities.acceptsServedVersion(accept)) {
            throw new OwsException(OwsException.VERSION_NEGOTIATION_FAILED, "acceptVersions", "acceptVersions="
                    + accept + ": this server speaks WCS " + String.join(" and ", WcsCapabilities.VERSIONS));
        }
    }

    private static void checkVersion(String version) {
        // Lenient about a missing version, which the standard requires, because hand-written URLs
        // often leave it out and nothing else depends on it.
        if (version != null && !version.isBlank() && !WcsCapabilities.VERSIONS.contains(version.strip())) {
            throw OwsException.invalid("version", "version=" + version + ": this server speaks WCS "
                    + String.join(" and ", WcsCapabilities.VERSIONS));
        }
    }

    private static OwsException unsupported(String operation) {
        return new OwsException(OwsException.OPERATION_NOT_SUPPORTED, "request", "operation " + operation
                + " is not supported; WCS 2.0.1 here offers GetCapabilities, DescribeCoverage and GetCoverage");
    }

    private static Element readXml(HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_XML_BYTES + 1);
        }
        if (body.length > MAX_XML_BYTES) {
            throw OwsException.invalid("request", "the XML request is larger than " + MAX_XML_BYTES + " bytes");
        }
        if (body.length == 0) {
            throw OwsException.missing("request");
        }
        return SafeXml.parse(new java.io.ByteArrayInputStream(body), "request").getDocumentElement();
    }

    private static List<String> textsOf(Element root, String ns, String local) {
        List<String> out = new ArrayList<>();
        org.w3c.dom.NodeList list = root.getElementsByTagNameNS(ns, local);
        for (int i = 0; i < list.getLength(); i++) {
            String t = list.item(i).getTextContent().strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
