package org.ssm.host.wps;

import org.ssm.host.HostConfig;
import org.ssm.host.catalog.Catalog;
import org.ssm.host.wcs.WcsServlet;

/** WPS execution service (placeholder until the WPS operations land). */
public final class WpsService implements AutoCloseable {

    private final HostConfig config;
    private final Catalog catalog;

    public WpsService(HostConfig config, Catalog catalog) {
        this.config = config;
        this.catalog = catalog;
    }

    /** Completes the wiring once the server knows its own address. */
    public void attach(String localBaseUrl, WcsServlet wcs) {}

    @Override
    public void close() {}

    HostConfig config() {
        return config;
    }

    Catalog catalog() {
        return catalog;
    }
}
