package org.ssm.host.ows;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The {@code /ows} endpoint: hands a request to the WPS, WMS or WCS endpoint named by its
 * {@code service} parameter or, for an XML POST, by the namespace of the root element.
 */
public final class OwsDispatchServlet extends OwsServlet {

    private final HttpServlet wps;
    private final HttpServlet wms;
    private final HttpServlet wcs;

    public OwsDispatchServlet(HttpServlet wps, HttpServlet wms, HttpServlet wcs) {
        super(ExceptionReport.OWS_11);
        this.wps = wps;
        this.wms = wms;
        this.wcs = wcs;
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String service = Kvp.of(request).get("service");
        HttpServletRequest forwarded = request;
        if (service == null && "POST".equals(request.getMethod())) {
            byte[] body = request.getInputStream().readAllBytes();
            service = serviceOfXml(body);
            forwarded = new ReplayedBody(request, body);
        }
        if (service == null) {
            throw OwsException.missing("service");
        }
        HttpServlet target = switch (service.toUpperCase(Locale.ROOT)) {
            case "WPS" -> wps;
            case "WMS" -> wms;
            case "WCS" -> wcs;
            default -> throw OwsException.invalid("service", "service=" + service + ": expected WPS, WMS or WCS");
        };
        target.service(forwarded, response);
    }

    private static String serviceOfXml(byte[] body) {
        try (InputStream in = new ByteArrayInputStream(body)) {
            XMLStreamReader r = SafeXml.inputFactory().createXMLStreamReader(in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT) {
                    String service = r.getAttributeValue(null, "service");
                    if (service != null) {
                        return service;
                    }
                    String ns = r.getNamespaceURI();
                    if (Namespaces.WPS_10.equals(ns)) {
                        return "WPS";
                    }
                    if (Namespaces.WCS_20.equals(ns)) {
                        return "WCS";
                    }
                    return null;
                }
            }
            return null;
        } catch (XMLStreamException | IOException e) {
            throw OwsException.invalid("request", "the XML request body could not be parsed: " + e.getMessage());
        }
    }

    /** A request whose body, already read, can be read again by the target servlet. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }
    }
}
