package org.ssm.host.wps;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ssm.host.ows.ExceptionReport;
import org.ssm.host.ows.Kvp;
import org.ssm.host.ows.Namespaces;
import org.ssm.host.ows.OwsException;
import org.ssm.host.ows.OwsServlet;
import org.ssm.host.ows.SafeXml;
import org.ssm.host.wps.ProcessRegistry.ProcessInfo;
import org.w3c.dom.Element;

/**
 * WPS 1.0.0 at {@code /wps}: GetCapabilities, DescribeProcess and Execute by KVP and XML POST, the
 * vendor Dismiss operation, and {@code /wps/runs/<id>/status} and {@code /wps/runs/<id>/<output>}
 * for stored status documents and outputs.
 */
public final class WpsServlet extends OwsServlet {

    private final WpsService service;

    public WpsServlet(WpsService service) {
        super(ExceptionReport.OWS_11);
        this.service = service;
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String path = request.getPathInfo();
        if (path != null && path.startsWith("/runs/")) {
            runResource(path.substring("/runs/".length()), response);
            return;
        }
        if (path != null && !path.equals("/")) {
            throw new OwsException(OwsException.INVALID_PARAMETER_VALUE, "path", "no resource " + request.getRequestURI(),
                    404, null);
        }
        String base = baseUrl(request);
        if ("POST".equals(request.getMethod()) && request.getParameter("request") == null) {
            post(readBody(request), base, response);
            return;
        }
        Kvp kvp = Kvp.of(request);
        requireService(kvp, "WPS");
        String operation = kvp.require("request");
        switch (operation.toLowerCase(java.util.Locale.ROOT)) {
            case "getcapabilities" -> capabilities(kvp, base, response);
            case "describeprocess" -> {
                requireVersion(kvp.get("version"));
                describe(kvp.require("identifier"), response);
            }
            case "execute" -> {
                requireVersion(kvp.get("version"));
                answer(service.execute(ExecuteParser.fromKvp(kvp), base), response);
            }
            case "dismiss" -> sendXml(response, service.dismiss(kvp.require("executionId")));
            default -> throw new OwsException(OwsException.OPERATION_NOT_SUPPORTED, "request", "request=" + operation
                    + " is not supported; use GetCapabilities, DescribeProcess, Execute or Dismiss");
        }
    }

    private void capabilities(Kvp kvp, String base, HttpServletResponse response) throws IOException {
        String accept = kvp.get("AcceptVersions");
        if (accept != null && !List.of(accept.split(",")).stream().map(String::strip).toList().contains("1.0.0")) {
            throw new OwsException(OwsException.VERSION_NEGOTIATION_FAILED, "AcceptVersions",
                    "AcceptVersions=" + accept + ": this server speaks WPS 1.0.0");
        }
        sendXml(response, WpsDocuments.capabilities(service.registry().all(), base + "/wps"));
    }

    private void describe(String identifiers, HttpServletResponse response) throws IOException {
        List<ProcessInfo> selected = new ArrayList<>();
        if (identifiers.equalsIgnoreCase("all")) {
            selected.addAll(service.registry().all());
        } else {
            for (String id : identifiers.split(",")) {
                selected.add(service.registry().get(id.strip(), "Identifier"));
            }
        }
        sendXml(response, WpsDocuments.describe(selected, service.config().maxInputBytes()));
    }

    private void post(byte[] body, String base, HttpServletResponse response) throws IOException {
        Element root = SafeXml.parse(new ByteArrayInputStream(body), "request").getDocumentElement();
        if (!Namespaces.WPS_10.equals(root.getNamespaceURI())) {
            throw OwsException.invalid("request", "the POST body must be a WPS 1.0.0 request (namespace "
                    + Namespaces.WPS_10 + ")");
        }
        switch (root.getLocalName()) {
            case "Execute" -> answer(service.execute(ExecuteParser.fromXml(root), base), response);
            case "GetCapabilities" -> sendXml(response, WpsDocuments.capabilities(service.registry().all(), base + "/wps"));
            case "DescribeProcess" -> {
                List<String> ids = new ArrayList<>();
                for (Element id : ExecuteParser.children(root, Namespaces.OWS_11, "Identifier")) {
                    ids.add(id.getTextContent().strip());
                }
                if (ids.isEmpty()) {
                    throw OwsException.missing("Identifier");
                }
                describe(String.join(",", ids), response);
            }
            default -> throw new OwsException(OwsException.OPERATION_NOT_SUPPORTED, "request", root.getLocalName()
                    + " is not a WPS 1.0.0 operation of this server");
        }
    }

    private byte[] readBody(HttpServletRequest request) throws IOException {
        long limit = service.config().maxInputBytes() * 4 / 3 + (1 << 20);
        if (request.getContentLengthLong() > limit) {
            throw new OwsException(OwsException.FILE_SIZE_EXCEEDED, "request", "the request body of "
                    + request.getContentLengthLong() + " bytes exceeds the limit of " + limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw new OwsException(OwsException.FILE_SIZE_EXCEEDED, "request", "the request body exceeds the limit of "
                        + limit + " bytes");
            }
            return body;
        }
    }

    private static void requireVersion(String version) {
        if (version != null && !version.equals("1.0.0")) {
            throw new OwsException(OwsException.VERSION_NEGOTIATION_FAILED, "version",
                    "version=" + version + ": this server speaks WPS 1.0.0");
        }
    }

    private static void answer(WpsService.Answer answer, HttpServletResponse response) throws IOException {
        for (Map.Entry<String, String> h : answer.headers().entrySet()) {
            response.setHeader(h.getKey(), h.getValue());
        }
        sendBytes(response, answer.body(), answer.contentType());
    }

    private void runResource(String rest, HttpServletResponse response) throws IOException {
        String[] parts = rest.split("/");
        if (parts.length != 2) {
            throw new OwsException(OwsException.INVALID_PARAMETER_VALUE, "path", "no resource /wps/runs/" + rest, 404,
                    null);
        }
        if (parts[1].equals("status")) {
            sendXml(response, service.status(parts[0]));
            return;
        }
        Path file = service.outputFile(parts[0], parts[1]);
        String name = file.getFileName().toString();
        String type = WpsTypes.mimeTypeOf(name);
        response.setHeader("Content-Disposition", "inline; filename=" + name);
        sendBytes(response, Files.readAllBytes(file), type);
    }
}
