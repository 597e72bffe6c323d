package org.ssm.host.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.core.Monitor;
import org.ssm.host.catalog.Catalog;
import org.ssm.host.catalog.StationLayer;
import org.ssm.scenario.ScenarioReader;
import org.ssm.scenario.TwinExperimentConfig;

/** The main job's scenario publishes its stations as the station layer twin_stations, once. */
class DemoScenarioStationsTest {

    @TempDir
    Path dir;

    @Test
    void theTwinStationsAreAStationLayer() throws Exception {
        Catalog catalog = Catalog.open(dir, 64 << 20);
        List<String> names = DemoScenario.ensurePublished(catalog, dir, TwinExperimentConfig.small(), Monitor.NONE);
        assertTrue(names.contains(DemoScenario.STATIONS_LAYER), names.toString());
        StationLayer layer = catalog.findStations("twin_stations").orElseThrow();
        // The small scenario has 12 stations, all of network TWIN.
        assertEquals(12, layer.stations());
        assertEquals(List.of("TWIN"), layer.networks());
        assertEquals(ScenarioReader.stations(DemoScenario.directory(dir)), catalog.stations(layer),
                "the readings of scenario/stations.geojson");
        assertTrue(catalog.find("twin_stations").isEmpty(), "a station layer, not a coverage");

        // A restart finds the layer and publishes nothing again.
        Catalog reopened = Catalog.open(dir, 64 << 20);
        List<String> again = DemoScenario.ensurePublished(reopened, dir, TwinExperimentConfig.small(), Monitor.NONE);
        assertEquals(names.size(), again.size());
        assertEquals(layer.created(), reopened.findStations("twin_stations").orElseThrow().created());
    }
}
