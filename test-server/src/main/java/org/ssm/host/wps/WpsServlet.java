package org.ssm.host.wps;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ssm.host.ows.ExceptionReport;
import org.ssm.host.ows.OwsException;
import org.ssm.host.ows.OwsServlet;

/** WPS 1.0.0 endpoint (placeholder until the WPS operations land). */
public final class WpsServlet extends OwsServlet {

    private final WpsService service;

    public WpsServlet(WpsService service) {
        super(ExceptionReport.OWS_11);
        this.service = service;
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) {
        throw new OwsException(OwsException.OPERATION_NOT_SUPPORTED, "request", "WPS is not available yet ("
                + service.catalog().layers().size() + " layers)");
    }
}
