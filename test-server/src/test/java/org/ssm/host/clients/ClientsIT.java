package org.ssm.host.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.grid.GridGeometry;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;
import org.ssm.host.HostMain;
import org.ssm.host.catalog.Layer;
import org.ssm.scenario.TwinExperimentConfig;
import org.ssm.stations.Station;

/**
 * The end-to-end client run on the main job's setup with the small twin experiment: the host
 * publishes the scenario and runs its own DisPATCh demonstration; then OWSLib executes DisPATCh
 * asynchronously through WPS, and the layer it publishes is read with OWSLib's WebMapService and
 * with GDAL through WCS; OWSLib also lists, draws and queries the scenario's station layer.
 */
class ClientsIT {

    @TempDir
    Path dir;

    @Test
    void wpsThenWmsThenWcsOnTheOutput() throws Exception {
        try (Host host = Host.start(HostConfig.defaults(0, dir))) {
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            String demoLayer = HostMain.prepareDemo(host, TwinExperimentConfig.small(),
                    new PrintStream(log, true, StandardCharsets.UTF_8));
            assertTrue(host.catalog().find(demoLayer).isPresent(), log.toString(StandardCharsets.UTF_8));

            Set<String> before = new HashSet<>();
            host.catalog().layers().forEach(l -> before.add(l.name()));
            String base = host.localBaseUrl();
            String wps = PythonClients.run("test_wps_owslib.py", Map.of("SSM_BASE_URL", base,
                    "SSM_COARSE_LAYER", "twin_pm_ssm", "SSM_LST_LAYER", "twin_lst", "SSM_NDVI_LAYER", "twin_ndvi",
                    "SSM_DEM_LAYER", "twin_dem"), 900);

            Set<String> added = new HashSet<>();
            host.catalog().layers().forEach(l -> added.add(l.name()));
            added.removeAll(before);
            assertEquals(1, added.size(), "one output layer was published: " + added);
            String name = added.iterator().next();
            assertTrue(wps.contains("STATUS_MESSAGE=") && wps.contains(name), "the status names the layer:\n" + wps);

            Layer layer = host.catalog().find(name).orElseThrow();
            GridGeometry g = layer.grid();
            String dates = layer.dates().stream().map(Object::toString).collect(Collectors.joining(","));
            // twin_stations: one network, TWIN, drawn in the palette's first colour.
            Station station = host.catalog().stations(host.catalog().findStations("twin_stations").orElseThrow())
                    .get(0).station();
            PythonClients.run("test_wms_owslib.py", Map.of("SSM_BASE_URL", base, "SSM_LAYER", name,
                    "SSM_LAYER_DATES", dates, "SSM_STATION_LAYER", "twin_stations", "SSM_STATION", station.id(),
                    "SSM_STATION_LONLAT", station.lon() + "," + station.lat(), "SSM_STATION_RGB", "0072B2"), 600);
            PythonClients.run("test_wcs_gdal.py", Map.of("SSM_BASE_URL", base, "SSM_LAYER", name,
                    "SSM_LAYER_CRS", g.crs(), "SSM_LAYER_EXTENT", g.minX() + "," + g.minY() + "," + g.maxX() + ","
                            + g.maxY(), "SSM_LAYER_DATES", dates), 600);
        }
    }
}
