package org.ssm.host;

import java.io.IOException;
import java.nio.file.Files;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.ssm.host.catalog.Catalog;
import org.ssm.host.ows.OwsDispatchServlet;
import org.ssm.host.viewer.ViewerServlet;
import org.ssm.host.wcs.WcsServlet;
import org.ssm.host.wms.WmsServlet;
import org.ssm.host.wps.ProcessRegistry;
import org.ssm.host.wps.WpsService;
import org.ssm.host.wps.WpsServlet;

/**
 * The bundled OGC host: one embedded Jetty on one port serving {@code /wps}, {@code /wms},
 * {@code /wcs} and {@code /ows} over one catalogue of published layers, and the web viewer at {@code /}.
 */
public final class Host implements AutoCloseable {

    private final HostConfig config;
    private final Catalog catalog;
    private final WpsService wps;
    private final Server server;

    private Host(HostConfig config, Catalog catalog, WpsService wps, Server server) {
        this.config = config;
        this.catalog = catalog;
        this.wps = wps;
        this.server = server;
    }

    /** Starts a host offering every {@code ssm:} process; the port is bound when this returns. */
    public static Host start(HostConfig config) throws Exception {
        return start(config, ProcessRegistry.discover());
    }

    /** Starts a host offering the given processes; the port is bound when this returns. */
    public static Host start(HostConfig config, ProcessRegistry processes) throws Exception {
        Files.createDirectories(config.dataDir());
        Catalog catalog = Catalog.open(config.dataDir(), config.cacheBytes());
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(null);
        connector.setPort(config.port());
        server.addConnector(connector);

        WpsService wps = new WpsService(config, catalog, processes);
        WmsServlet wms = new WmsServlet(catalog);
        WcsServlet wcs = new WcsServlet(catalog, config);
        WpsServlet wpsServlet = new WpsServlet(wps);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder("wps", wpsServlet), "/wps/*");
        context.addServlet(new ServletHolder("wms", wms), "/wms");
        context.addServlet(new ServletHolder("wcs", wcs), "/wcs");
        context.addServlet(new ServletHolder("ows", new OwsDispatchServlet(wpsServlet, wms, wcs)), "/ows");
        ViewerServlet.install(context);
        server.setHandler(context);
        server.start();
        Host host = new Host(config, catalog, wps, server);
        wps.attach(host.localBaseUrl(), wcs);
        return host;
    }

    /** The bound port. */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** The base URL on the loopback interface, e.g. http://localhost:8080. */
    public String localBaseUrl() {
        return "http://localhost:" + port();
    }

    public Catalog catalog() {
        return catalog;
    }

    public WpsService wps() {
        return wps;
    }

    public HostConfig config() {
        return config;
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws IOException {
        wps.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IOException("the server did not stop cleanly", e);
        }
    }
}
