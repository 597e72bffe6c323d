package org.ssm.host.ows;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssm.core.ParameterException;

/**
 * Base of the service endpoints: turns every failure into the service's exception report, so that
 * no client ever sees a stack trace, and logs unexpected failures for the operator.
 */
public abstract class OwsServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(OwsServlet.class);

    private final ExceptionReport reportFormat;

    protected OwsServlet(ExceptionReport reportFormat) {
        this.reportFormat = reportFormat;
    }

    /** Handles one request; may throw {@link OwsException} or {@link ParameterException}. */
    protected abstract void handle(HttpServletRequest request, HttpServletResponse response) throws Exception;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String method = request.getMethod();
            if (!"GET".equals(method) && !"POST".equals(method) && !"HEAD".equals(method)) {
                throw new OwsException(OwsException.OPERATION_NOT_SUPPORTED, "method",
                        "HTTP method " + method + " is not supported; use GET or POST", 405, null);
            }
            handle(request, response);
        } catch (Exception e) {
            if (isClientGone(e)) {
                // The client closed the connection (e.g. GDAL after the byte range it wanted).
                LOG.debug("client went away: {}", e.toString());
                return;
            }
            fail(response, toOwsException(e));
        }
    }

    private static boolean isClientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.io.EofException) {
                return true;
            }
        }
        return false;
    }

    /** The OWS form of any failure: OWS errors as they are, parameter errors with their locator. */
    public static OwsException toOwsException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OwsException ows) {
                return ows;
            }
            if (t instanceof ParameterException pe) {
                return new OwsException(OwsException.INVALID_PARAMETER_VALUE, pe.parameter(), pe.getMessage(), 400, e);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        LOG.error("request failed", e);
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new OwsException(OwsException.NO_APPLICABLE_CODE, null, "internal error: " + text, 500, e);
    }

    protected void fail(HttpServletResponse response, OwsException e) throws IOException {
        if (response.isCommitted()) {
            LOG.warn("could not report an error after the response was committed: {}", e.getMessage());
            return;
        }
        response.reset();
        response.setStatus(e.httpStatus());
        response.setContentType(reportFormat.contentType());
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(reportFormat.write(e));
    }

    /** Writes an XML document with status 200. */
    protected static void sendXml(HttpServletResponse response, byte[] document) throws IOException {
        sendXml(response, document, "application/xml");
    }

    protected static void sendXml(HttpServletResponse response, byte[] document, String contentType) throws IOException {
        response.setStatus(200);
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(document.length);
        response.getOutputStream().write(document);
    }

    /** Writes bytes with the given type and status 200. */
    protected static void sendBytes(HttpServletResponse response, byte[] body, String contentType) throws IOException {
        response.setStatus(200);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The base URL of this host as the client reached it, e.g. http://localhost:8080. */
    protected static String baseUrl(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
    }

    /** Checks the {@code service} KVP parameter, when present, against the endpoint's service. */
    protected static void requireService(Kvp kvp, String service) {
        String s = kvp.get("service");
        if (s != null && !s.equalsIgnoreCase(service)) {
            throw OwsException.invalid("service", "service=" + s + " is not served here; expected " + service);
        }
    }
}
