package org.ssm.host.wcs;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ssm.grid.GridSeries;
import org.ssm.host.HostConfig;
import org.ssm.host.catalog.Catalog;
import org.ssm.host.ows.ExceptionReport;
import org.ssm.host.ows.Kvp;
import org.ssm.host.ows.OwsException;
import org.ssm.host.ows.OwsServlet;

/** WCS 2.0.1 endpoint (placeholder until the WCS operations land). */
public final class WcsServlet extends OwsServlet {

    private final Catalog catalog;
    private final HostConfig config;

    public WcsServlet(Catalog catalog, HostConfig config) {
        super(ExceptionReport.OWS_20);
        this.catalog = catalog;
        this.config = config;
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) {
        throw new OwsException(OwsException.OPERATION_NOT_SUPPORTED, "request", "WCS is not available yet");
    }

    /**
     * The coverage a GetCoverage request selects, without encoding it: used by WPS to resolve a
     * {@code wps:Reference} to this host in-process.
     */
    public GridSeries getCoverage(Kvp kvp) {
        String id = kvp.require("coverageId");
        return catalog.find(id).map(l -> catalog.read(l, null, null))
                .orElseThrow(() -> new OwsException("NoSuchCoverage", "coverageId", "no coverage " + id
                        + " (limit " + config.maxPixels() + ")"));
    }
}
