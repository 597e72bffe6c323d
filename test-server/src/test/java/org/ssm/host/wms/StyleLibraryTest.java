package org.ssm.host.wms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ssm.grid.GridGeometry;
import org.ssm.host.catalog.Layer;
import org.ssm.host.ows.OwsException;

/** The bundled SLD styles in {@code styles/}, as packaged onto the host's class path. */
class StyleLibraryTest {

    private static final StyleLibrary LIBRARY = StyleLibrary.fromClasspath();

    /** Style, type, first and last quantity, and a unit that must appear in the title ("" for none). */
    private static final Map<String, Object[]> EXPECTED = Map.ofEntries(
            Map.entry("ssm", new Object[] {ColorMapStyle.Type.RAMP, 0.0, 0.5, "m³/m³"}),
            Map.entry("lst", new Object[] {ColorMapStyle.Type.RAMP, 260.0, 330.0, "(K)"}),
            Map.entry("ndvi", new Object[] {ColorMapStyle.Type.RAMP, -0.2, 1.0, ""}),
            Map.entry("fvc", new Object[] {ColorMapStyle.Type.RAMP, 0.0, 1.0, ""}),
            Map.entry("see", new Object[] {ColorMapStyle.Type.RAMP, 0.0, 1.0, ""}),
            Map.entry("nmdi", new Object[] {ColorMapStyle.Type.RAMP, 0.0, 1.0, ""}),
            Map.entry("albedo", new Object[] {ColorMapStyle.Type.RAMP, 0.0, 0.5, ""}),
            Map.entry("bias", new Object[] {ColorMapStyle.Type.RAMP, -0.1, 0.1, "m³/m³"}),
            Map.entry("uncertainty", new Object[] {ColorMapStyle.Type.RAMP, 0.0, 0.1, "m³/m³"}),
            Map.entry("pixel-class", new Object[] {ColorMapStyle.Type.VALUES, 1.0, 3.0, ""}),
            Map.entry("station-error", new Object[] {ColorMapStyle.Type.RAMP, 0.0, 0.1, "m³/m³"}),
            Map.entry("rain", new Object[] {ColorMapStyle.Type.RAMP, 0.0, 50.0, "mm/day"}),
            Map.entry("dem", new Object[] {ColorMapStyle.Type.RAMP, 0.0, 3000.0, "(m)"}),
            Map.entry("landcover", new Object[] {ColorMapStyle.Type.VALUES, 1.0, 5.0, ""}),
            Map.entry("reflectance", new Object[] {ColorMapStyle.Type.RAMP, 0.0, 0.6, ""}),
            Map.entry("fill-distance", new Object[] {ColorMapStyle.Type.RAMP, 0.0, 30.0, "(days)"}),
            Map.entry("qc-mask", new Object[] {ColorMapStyle.Type.VALUES, 0.0, 1.0, ""}),
            Map.entry("lambda", new Object[] {ColorMapStyle.Type.RAMP, -2.0, 1.0, "log10"}),
            Map.entry("relative-uncertainty", new Object[] {ColorMapStyle.Type.RAMP, 0.0, 0.5, "product mean"}),
            Map.entry("product-index", new Object[] {ColorMapStyle.Type.VALUES, 1.0, 10.0, ""}));

    @Test
    void everyBundledStyleLoadsWithItsRangeAndUnits() {
        assertEquals(EXPECTED.keySet().stream().sorted().toList(), LIBRARY.names());
        EXPECTED.forEach((name, e) -> {
            ColorMapStyle s = LIBRARY.find(name).orElseThrow();
            assertEquals(name, s.name());
            assertEquals(e[0], s.type(), name);
            assertEquals((double) e[1], s.entries().get(0).quantity(), 1e-12, name + " first quantity");
            assertEquals((double) e[2], s.entries().get(s.entries().size() - 1).quantity(), 1e-12,
                    name + " last quantity");
            assertTrue(s.title().contains((String) e[3]), name + ": title '" + s.title() + "' lacks " + e[3]);
            assertEquals(1.0, s.opacity(), name);
        });
    }

    @Test
    void categoricalStylesNameTheirClasses() {
        List<String> classes = LIBRARY.find("pixel-class").orElseThrow().entries().stream()
                .map(ColorMapStyle.Entry::label).toList();
        assertTrue(classes.get(0).startsWith("C1") && classes.get(1).startsWith("C2") && classes.get(2).startsWith("C3"),
                classes.toString());
        List<String> products = LIBRARY.find("product-index").orElseThrow().entries().stream()
                .map(ColorMapStyle.Entry::label).toList();
        assertEquals("product 1", products.get(0));
        assertEquals("product 10", products.get(9));
        assertEquals(List.of("crop", "grass", "forest", "urban", "water"),
                LIBRARY.find("landcover").orElseThrow().entries().stream().map(ColorMapStyle.Entry::label).toList());
    }

    @Test
    void biasIsDivergingAroundAPaleZero() {
        ColorMapStyle bias = LIBRARY.find("bias").orElseThrow();
        int zero = bias.argb(0);
        int dry = bias.argb(-0.1);
        int wet = bias.argb(0.1);
        // Pale at zero, red-dominant when too dry, blue-dominant when too wet.
        assertTrue(((zero >> 16) & 0xFF) > 230 && ((zero >> 8) & 0xFF) > 230 && (zero & 0xFF) > 230);
        assertTrue(((dry >> 16) & 0xFF) > (dry & 0xFF));
        assertTrue((wet & 0xFF) > ((wet >> 16) & 0xFF));
    }

    @Test
    void rainIsTransparentWhenDry() {
        ColorMapStyle rain = LIBRARY.find("rain").orElseThrow();
        assertEquals(0, rain.argb(0));
        assertEquals(0xFF, rain.argb(10) >>> 24);
    }

    @Test
    void layersWithoutAnSldGetAGeneratedRampOverTheirRange() {
        Layer layer = layer("mystery", 2, 8);
        ColorMapStyle s = LIBRARY.defaultStyle(layer);
        assertEquals("mystery-style", s.name());
        assertEquals(2.0, s.entries().get(0).quantity());
        assertEquals(8.0, s.entries().get(s.entries().size() - 1).quantity());
        assertTrue(s.title().contains("(kg)"), s.title());
        assertEquals(s, LIBRARY.resolve(layer, "", "styles"));
        assertEquals(s, LIBRARY.resolve(layer, "mystery-style", "styles"));
        assertEquals("ssm", LIBRARY.resolve(layer, "ssm", "styles").name());
        OwsException e = assertThrows(OwsException.class, () -> LIBRARY.resolve(layer, "nope", "styles"));
        assertEquals("StyleNotDefined", e.code());
        assertEquals("styles", e.locator());
        assertFalse(LIBRARY.find("../ssm").isPresent());
    }

    private static Layer layer(String style, double min, double max) {
        return new Layer("x", "X", "", style + "-style", "kg", new GridGeometry("EPSG:4326", 0, 1, 1, 1, 1, 1),
                List.of(), 1, List.of(), min, max, "test", Instant.EPOCH);
    }
}
