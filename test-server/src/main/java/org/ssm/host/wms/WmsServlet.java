package org.ssm.host.wms;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ssm.host.catalog.Catalog;
import org.ssm.host.ows.ExceptionReport;
import org.ssm.host.ows.OwsException;
import org.ssm.host.ows.OwsServlet;

/** WMS 1.3.0 endpoint (placeholder until the WMS operations land). */
public final class WmsServlet extends OwsServlet {

    private final Catalog catalog;

    public WmsServlet(Catalog catalog) {
        super(ExceptionReport.WMS_13);
        this.catalog = catalog;
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) {
        throw new OwsException(OwsException.OPERATION_NOT_SUPPORTED, "request", "WMS is not available yet ("
                + catalog.layers().size() + " layers)");
    }
}
