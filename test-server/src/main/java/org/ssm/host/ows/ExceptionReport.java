package org.ssm.host.ows;

import java.util.Map;

/**
 * Writes exception reports in the form each service specifies: OWS 1.1 {@code ExceptionReport}
 * (WPS 1.0.0), OWS 2.0 {@code ExceptionReport} (WCS 2.0.1) and the WMS 1.3.0
 * {@code ServiceExceptionReport}. Every report carries the exception code and the locator naming
 * the offending parameter; none carries a stack trace.
 */
public enum ExceptionReport {
    OWS_11("1.0.0", Namespaces.OWS_11),
    OWS_20("2.0.0", Namespaces.OWS_20),
    WMS_13("1.3.0", Namespaces.OGC);

    private final String version;
    private final String namespace;

    ExceptionReport(String version, String namespace) {
        this.version = version;
        this.namespace = namespace;
    }

    /** The MIME type of the report. */
    public String contentType() {
        return this == WMS_13 ? "application/vnd.ogc.se_xml" : "application/xml";
    }

    public byte[] write(OwsException e) {
        String message = e.getMessage() == null ? e.code() : e.getMessage();
        if (this == WMS_13) {
            XmlWriter w = new XmlWriter(Map.of("", namespace));
            w.start("ServiceExceptionReport").attr("version", version)
                    .start("ServiceException").attr("code", e.code()).attr("locator", e.locator()).text(message).end()
                    .end();
            return w.toBytes();
        }
        XmlWriter w = new XmlWriter(Map.of("ows", namespace));
        w.start("ows:ExceptionReport").attr("version", version).attr("xml:lang", null)
                .start("ows:Exception").attr("exceptionCode", e.code()).attr("locator", e.locator())
                .element("ows:ExceptionText", message)
                .end()
                .end();
        return w.toBytes();
    }
}
