package org.ssm.host.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.core.Json;
import org.ssm.stations.Observation;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;

/** Station layers in the catalogue: stored whole, reloaded after a restart, one namespace with rasters. */
class StationLayerCatalogTest {

    private static final List<StationSeries> STATIONS = List.of(
            new StationSeries(new Station("S1", "NETB", 15.5, 47.25, 0, 0.05), List.of(
                    new Observation(Instant.parse("2021-04-01T06:00:00Z"), 0.21, "G"),
                    new Observation(Instant.parse("2021-04-02T23:30:00Z"), Double.NaN, "M"))),
            new StationSeries(new Station("S2", "NETA", 16.0, 46.5, 0.05, 0.05), List.of(
                    new Observation(Instant.parse("2021-04-04T00:00:00Z"), 0.30, "U"))));

    @TempDir
    Path dir;

    @Test
    void aStationLayerIsWrittenAndReadBackAfterARestart() throws Exception {
        Catalog catalog = Catalog.open(dir, 1 << 20);
        StationLayer layer = catalog.publishStations("pts", "Points", "two stations", "test", STATIONS);
        assertEquals(new StationLayer.Extent(15.5, 46.5, 16.0, 47.25), layer.extent());
        assertEquals(List.of(LocalDate.parse("2021-04-01"), LocalDate.parse("2021-04-04")), layer.dates(),
                "2021-04-02 has a reading without a value only");
        assertEquals(List.of("NETA", "NETB"), layer.networks());
        assertEquals(2, layer.stations());
        assertEquals(3, layer.readings());
        assertEquals(STATIONS, catalog.stations(layer));
        assertTrue(catalog.layers().isEmpty(), "not a raster layer");
        assertEquals("stations", Json.parseObject(Files.readString(dir.resolve("layers/pts/layer.json"))).get("kind"));
        assertTrue(Files.isRegularFile(dir.resolve("layers/pts/stations.geojson")));

        Catalog reopened = Catalog.open(dir, 1 << 20);
        StationLayer back = reopened.findStations("pts").orElseThrow();
        assertEquals(layer, back);
        assertEquals(STATIONS, reopened.stations(back));
        assertTrue(reopened.find("pts").isEmpty());
        assertEquals(List.of("pts"), reopened.findAny("pts").stream().map(PublishedLayer::name).toList());
    }

    @Test
    void rastersAndStationsShareOneNamespace() throws Exception {
        Catalog catalog = Catalog.open(dir, 1 << 20);
        catalog.publishStations("x", "Points", "", "test", STATIONS);
        GridSeries raster = GridSeries.undated(new GridGeometry("EPSG:4326", 15, 48, 0.5, 0.5, 4, 4),
                new float[][] {new float[16]});
        catalog.publish("x", "Raster", "", "ssm", "m3 m-3", "test", raster);
        assertTrue(catalog.findStations("x").isEmpty(), "the raster replaced the station layer");
        assertTrue(catalog.find("x").isPresent());
        catalog.publishStations("x", "Points again", "", "test", STATIONS);
        assertTrue(catalog.find("x").isEmpty(), "and the other way round");
        assertTrue(catalog.remove("x"));
        assertTrue(catalog.findAny("x").isEmpty());
        try (Stream<Path> left = Files.list(dir.resolve("layers"))) {
            assertEquals(0, left.count(), "nothing left on disk");
        }
        assertFalse(catalog.remove("x"));
    }

    @Test
    void anEmptyOrBadlyNamedLayerIsRefused() throws Exception {
        Catalog catalog = Catalog.open(dir, 1 << 20);
        assertEquals("stations", assertThrows(ParameterException.class,
                () -> catalog.publishStations("empty", "", "", "test", List.of())).parameter());
        assertEquals("name", assertThrows(ParameterException.class,
                () -> catalog.publishStations("1st", "", "", "test", STATIONS)).parameter());
        try (Stream<Path> left = Files.list(dir.resolve("layers"))) {
            assertEquals(0, left.count(), "nothing half-written");
        }
    }
}
