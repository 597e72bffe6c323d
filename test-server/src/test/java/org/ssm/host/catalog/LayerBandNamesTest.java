package org.ssm.host.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.core.Json;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;

/**
 * The band names of raster layers: taken from the band descriptions or numbered, kept in
 * {@code layer.json} (and read from files written before the names existed), and resolved from a WMS
 * {@code DIM_BAND} value.
 */
class LayerBandNamesTest {

    private static final GridGeometry GRID = new GridGeometry("EPSG:4326", 15, 48, 0.5, 0.5, 4, 4);
    private static final List<LocalDate> DATES = List.of(LocalDate.parse("2021-04-01"), LocalDate.parse("2021-04-02"));

    @TempDir
    Path dir;

    private static Layer layer(List<LocalDate> dates, int bands, List<String> names) {
        return new Layer("x", "X", "d", "ssm", "m3 m-3", GRID, dates, bands, names, 0.1, 0.4, "test",
                Instant.parse("2026-11-23T01:00:00Z"));
    }

    @Test
    void descriptionsNameTheBandsWhenTheyCanElseNumbers() {
        assertEquals(List.of("MSR", "DisPATCh", "RF"),
                Layer.bandNamesOf(List.of("MSR", " DisPATCh ", "RF"), false, 3), "stripped");
        List<String> numbers = List.of("1", "2", "3");
        assertEquals(numbers, Layer.bandNamesOf(null, false, 3), "no descriptions");
        assertEquals(numbers, Layer.bandNamesOf(Arrays.asList("a", null, "c"), false, 3), "one missing");
        assertEquals(numbers, Layer.bandNamesOf(List.of("a", "a", "c"), false, 3), "duplicated");
        assertEquals(numbers, Layer.bandNamesOf(List.of("a", "  ", "c"), false, 3), "blank");
        assertEquals(numbers, Layer.bandNamesOf(List.of("a", "b,c", "d"), false, 3), "a comma");
        assertEquals(numbers, Layer.bandNamesOf(List.of("a", "b"), false, 3), "too few");
        assertEquals(List.of(), Layer.bandNamesOf(List.of("a", "b"), true, 2), "a series has dates instead");
        assertEquals(List.of(), Layer.bandNamesOf(List.of("a"), false, 1), "one band has no dimension");
    }

    @Test
    void aLayerRefusesNamesThatCannotServe() {
        assertThrows(IllegalArgumentException.class, () -> layer(DATES, 2, List.of("a", "b")));
        assertThrows(IllegalArgumentException.class, () -> layer(List.of(), 1, List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> layer(List.of(), 2, List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> layer(List.of(), 2, List.of("a", "a")));
        assertThrows(IllegalArgumentException.class, () -> layer(List.of(), 2, List.of("a", "b,c")));
        assertFalse(layer(List.of(), 2, null).hasBandDimension(), "null is no names");
    }

    @Test
    void dimBandNamesABandByNameThenByNumber() {
        Layer layer = layer(List.of(), 3, List.of("MSR", "3", "RF"));
        assertEquals(0, layer.bandOf("MSR"));
        assertEquals(2, layer.bandOf("RF"));
        assertEquals(1, layer.bandOf("3"), "the name \"3\" wins over the number 3");
        assertEquals(0, layer.bandOf("1"));
        assertEquals(1, layer.bandOf("2"));
        assertEquals(-1, layer.bandOf("4"));
        assertEquals(-1, layer.bandOf("0"));
        assertEquals(-1, layer.bandOf("msr"), "values are case sensitive (WMS 1.3.0 6.8.1)");
        assertEquals(-1, layer.bandOf("99999999999"));
        assertEquals(-1, layer.bandOf(null));
    }

    @Test
    void layerJsonRoundTripsWithAndWithoutBandNames() {
        for (Layer layer : List.of(layer(List.of(), 3, List.of("MSR", "DisPATCh", "RF")), layer(DATES, 2, List.of()),
                layer(List.of(), 1, List.of()))) {
            String json = LayerJson.write(layer);
            assertEquals(layer, LayerJson.read(json));
            assertTrue(Json.parseObject(json).containsKey("bandNames"), json);
        }
    }

    @Test
    void anOldLayerJsonWithoutBandNamesStillLoads() {
        for (Layer layer : List.of(layer(List.of(), 3, List.of("MSR", "DisPATCh", "RF")), layer(DATES, 2, List.of()),
                layer(List.of(), 1, List.of()))) {
            Map<String, Object> old = Json.parseObject(LayerJson.write(layer));
            old.remove("bandNames");
            Layer read = LayerJson.read(Json.write(old));
            List<String> expected = layer.bands() > 1 && !layer.isSeries() ? List.of("1", "2", "3") : List.of();
            assertEquals(expected, read.bandNames(), "an old undated multi-band layer gets numbers");
            assertEquals(layer.dates(), read.dates());
            assertEquals(layer.bands(), read.bands());
        }
    }

    @Test
    void theNamesSurviveARestartAndARepublication() throws Exception {
        Catalog catalog = Catalog.open(dir, 1 << 20);
        float[][] bands = new float[3][GRID.size()];
        for (int b = 0; b < 3; b++) {
            Arrays.fill(bands[b], 0.1f * (b + 1));
        }
        catalog.publish("tch", "T", "", "uncertainty", "m3 m-3", "test", GridSeries.undated(GRID, bands),
                List.of("MSR", "DisPATCh", "RF"));
        catalog.publish("plain", "P", "", "ssm", "m3 m-3", "test", GridSeries.of(GRID, DATES,
                new float[][] {bands[0], bands[1]}), List.of("ignored", "for a series"));
        String json = Files.readString(dir.resolve("layers/tch/layer.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"bandNames\":[\"MSR\",\"DisPATCh\",\"RF\"]"), json);

        Catalog reopened = Catalog.open(dir, 1 << 20);
        Layer tch = reopened.find("tch").orElseThrow();
        assertEquals(List.of("MSR", "DisPATCh", "RF"), tch.bandNames());
        assertEquals(0.2f, reopened.band(tch, 1)[0], "band 2 is the second band written");
        assertEquals(List.of(), reopened.find("plain").orElseThrow().bandNames());

        reopened.publish("tch", "T", "", "uncertainty", "m3 m-3", "test", GridSeries.undated(GRID, bands));
        assertEquals(List.of("1", "2", "3"), reopened.find("tch").orElseThrow().bandNames(),
                "republished without descriptions");
    }
}
