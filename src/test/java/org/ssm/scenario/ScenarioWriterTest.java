package org.ssm.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.core.CancelledException;
import org.ssm.core.Monitor;
import org.ssm.grid.GridSeries;
import org.ssm.core.Json;
import org.ssm.stations.StationSeries;

class ScenarioWriterTest {

    @TempDir
    static Path shared;

    private static Path written;
    private static final Scenario SCENARIO = TestScenarios.small();

    @BeforeAll
    static void write() throws IOException {
        written = shared.resolve("small");
        ScenarioWriter.write(SCENARIO, written, Monitor.NONE);
    }

    private static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void manifestListsExactlyTheFilesWritten() throws IOException {
        Map<String, Object> manifest = ScenarioReader.manifest(written);
        Set<String> listed = new HashSet<>();
        for (Object entry : (List<?>) manifest.get("files")) {
            listed.add((String) ((Map<?, ?>) entry).get("file"));
        }
        Set<String> expected = new HashSet<>(listed);
        expected.add(ScenarioWriter.MANIFEST);
        assertEquals(expected, listing(written));
        for (String name : List.of("dem.tif", "landcover.tif", "porosity.tif", "field_capacity.tif",
                "wilting_point.tif", "rain.tif", "truth_ssm.tif", "lst.tif", "ndvi.tif", "red.tif", "nir.tif",
                "blue.tif", "swir1.tif", "swir2.tif", "landsat_lst.tif", "landsat_swir2.tif", "modis_lst.tif",
                "modis_red.tif", "pm_ssm.tif", "reanalysis_ssm.tif", "stations.geojson", "stations_truth.json")) {
            assertTrue(listed.contains(name), name);
        }
        assertTrue(ScenarioReader.isComplete(written));
        assertEquals(7L, manifest.get("seed"));
    }

    @Test
    void manifestDescribesEachLayer() throws IOException {
        Map<String, Object> manifest = ScenarioReader.manifest(written);
        Map<String, Map<?, ?>> byFile = ((List<?>) manifest.get("files")).stream()
                .map(e -> (Map<?, ?>) e).collect(Collectors.toMap(e -> (String) e.get("file"), e -> e));
        Map<?, ?> pm = byFile.get("pm_ssm.tif");
        assertEquals("pm_ssm", pm.get("variable"));
        assertEquals("m3/m3", pm.get("units"));
        assertEquals("daily", pm.get("kind"));
        assertEquals(42L, pm.get("bands"));
        Map<?, ?> grid = (Map<?, ?>) pm.get("grid");
        assertEquals("EPSG:32633", grid.get("crs"));
        assertEquals(10000L, grid.get("cell_width"));
        assertEquals(4L, grid.get("width"));
        assertEquals("16-day", byFile.get("landsat_lst.tif").get("kind"));
        assertEquals("static", byFile.get("dem.tif").get("kind"));
        Map<?, ?> periods = (Map<?, ?>) manifest.get("periods");
        assertEquals("2021-04-10", ((Map<?, ?>) periods.get("training")).get("start"));
        assertEquals("2022-04-30", ((Map<?, ?>) periods.get("validation")).get("end"));
    }

    @Test
    void geoTiffsReadBackAsTheSeriesInMemory() throws IOException {
        for (ScenarioLayer layer : SCENARIO.layers()) {
            GridSeries back = ScenarioReader.read(written, layer.variable());
            GridSeries expected = layer.series();
            assertTrue(expected.geometry().sameAs(back.geometry()), layer.variable());
            assertEquals(expected.dates(), back.dates(), layer.variable());
            for (int b = 0; b < expected.size(); b++) {
                // float32 is stored as is: bit-for-bit equality, NaN included.
                assertArrayEquals(expected.band(b), back.band(b), 0f, layer.variable() + " band " + b);
            }
        }
    }

    @Test
    void stationsReadBackWithTheirTruth() throws IOException {
        List<StationSeries> stations = ScenarioReader.stations(written);
        assertEquals(SCENARIO.stations().size(), stations.size());
        for (int k = 0; k < stations.size(); k++) {
            TwinStation st = SCENARIO.stations().get(k);
            assertEquals(st.id(), stations.get(k).station().id());
            double[] sm = stations.get(k).observations().stream().mapToDouble(o -> o.sm()).toArray();
            assertArrayEquals(st.sm(), sm, 0);
            // The small grid's origin (560 km E, 5340 km N in UTM 33N) lies near 15.8° E, 48.2° N.
            assertTrue(stations.get(k).station().lon() > 15.7 && stations.get(k).station().lon() < 16.4);
            assertTrue(stations.get(k).station().lat() > 47.9 && stations.get(k).station().lat() < 48.25);
        }
        Map<String, Object> truth = Json.parseObject(
                Files.readString(written.resolve(ScenarioWriter.STATIONS_TRUTH), StandardCharsets.UTF_8));
        List<?> entries = (List<?>) truth.get("stations");
        assertEquals(SCENARIO.stations().size(), entries.size());
        long faulty = entries.stream().filter(e -> !"none".equals(((Map<?, ?>) e).get("fault"))).count();
        assertEquals(2, faulty);
        Map<?, ?> first = (Map<?, ?>) entries.get(0);
        assertEquals((long) SCENARIO.stations().get(0).col(), first.get("col"));
        assertEquals(stations.get(0).station().lon(), ((Number) first.get("lon")).doubleValue(), 0);
    }

    @Test
    void cancelledRunLeavesNothingBehind(@TempDir Path parent) throws IOException {
        Path target = parent.resolve("cancelled");
        Monitor cancelAfterThree = new Monitor() {
            private int seen;

            @Override
            public void progress(double fraction) {
                seen++;
            }

            @Override
            public boolean isCancelled() {
                return seen >= 3;
            }
        };
        assertThrows(CancelledException.class, () -> ScenarioWriter.write(SCENARIO, target, cancelAfterThree));
        assertFalse(Files.exists(target));
        assertEquals(Set.of(), listing(parent), "no staging directory left");
    }

    @Test
    void rewritingReplacesTheWholeDirectory(@TempDir Path parent) throws IOException {
        Path target = parent.resolve("scenario");
        Files.createDirectories(target);
        Files.writeString(target.resolve("stale.txt"), "from an older run");
        ScenarioWriter.write(SCENARIO, target, Monitor.NONE);
        assertFalse(Files.exists(target.resolve("stale.txt")));
        assertTrue(ScenarioReader.isComplete(target));
        assertEquals(Set.of("scenario"), listing(parent));

        Files.delete(target.resolve("pm_ssm.tif"));
        assertFalse(ScenarioReader.isComplete(target), "a missing file makes the scenario incomplete");
        assertFalse(ScenarioReader.isComplete(parent), "no manifest, no scenario");
    }
}
