package org.ssm.host.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;
import org.ssm.host.TestSupport;
import org.ssm.host.catalog.Layer;

/**
 * The end-to-end client run: OWSLib executes DisPATCh asynchronously through WPS; the layer it
 * publishes is then read with OWSLib's WebMapService and with GDAL through WCS.
 */
class ClientsIT {

    @TempDir
    Path dir;

    @Test
    void wpsThenWmsThenWcsOnTheOutput() throws Exception {
        try (Host host = Host.start(HostConfig.defaults(0, dir))) {
            TestSupport.publishTestLayers(host.catalog());
            Set<String> before = new HashSet<>();
            host.catalog().layers().forEach(l -> before.add(l.name()));
            String base = host.localBaseUrl();

            String wps = PythonClients.run("test_wps_owslib.py", Map.of("SSM_BASE_URL", base,
                    "SSM_COARSE_LAYER", "test_pm", "SSM_LST_LAYER", "test_lst", "SSM_NDVI_LAYER", "test_ndvi",
                    "SSM_DEM_LAYER", "test_dem"), 900);

            Set<String> added = new HashSet<>();
            host.catalog().layers().forEach(l -> added.add(l.name()));
            added.removeAll(before);
            assertEquals(1, added.size(), "one output layer was published: " + added);
            String name = added.iterator().next();
            assertTrue(wps.contains("STATUS_MESSAGE=") && wps.contains(name), "the status names the layer:\n" + wps);
            Layer layer = host.catalog().find(name).orElseThrow();
            System.out.println(wps);
            System.out.println("output layer " + name + " with " + layer.bands() + " dates");
        }
    }
}
