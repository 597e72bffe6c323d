package org.ssm.host.wms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Colour-map arithmetic on hand-computed cases, and SLD parsing. Colours are exact unless stated. */
class ColorMapStyleTest {

    private static ColorMapStyle.Entry e(double q, int rgb) {
        return new ColorMapStyle.Entry(q, rgb, 1, null);
    }

    private static String hex(int argb) {
        return String.format("%08X", argb);
    }

    @Test
    void rampInterpolatesEachChannelLinearly() {
        // 0 -> black, 10 -> (255, 128, 0)
        ColorMapStyle s = new ColorMapStyle("t", "t", ColorMapStyle.Type.RAMP,
                List.of(e(0, 0x000000), e(10, 0xFF8000)), 1);
        // t = 0.25: 255*0.25 = 63.75 -> 64, 128*0.25 = 32
        assertEquals(hex(0xFF402000), hex(s.argb(2.5)));
        // t = 0.5: 127.5 -> 128 (half up), 64
        assertEquals(hex(0xFF804000), hex(s.argb(5)));
        // Ends are the entries themselves, and values beyond them are clamped to the end colours.
        assertEquals(hex(0xFF000000), hex(s.argb(0)));
        assertEquals(hex(0xFFFF8000), hex(s.argb(10)));
        assertEquals(hex(0xFF000000), hex(s.argb(-3)));
        assertEquals(hex(0xFFFF8000), hex(s.argb(42)));
    }

    @Test
    void rampWithThreeEntriesUsesTheSegmentAroundTheValue() {
        ColorMapStyle s = new ColorMapStyle("t", "t", ColorMapStyle.Type.RAMP,
                List.of(e(0, 0x0000FF), e(1, 0x00FF00), e(3, 0xFF0000)), 1);
        // In [1, 3]: t = (2.5 - 1) / 2 = 0.75: red 191.25 -> 191, green 63.75 -> 64
        assertEquals(hex(0xFFBF4000), hex(s.argb(2.5)));
        // In [0, 1]: t = 0.2: green 51, blue 204
        assertEquals(hex(0xFF0033CC), hex(s.argb(0.2)));
    }

    @Test
    void rampInterpolatesOpacityAndAppliesTheSymbolizerOpacity() {
        List<ColorMapStyle.Entry> entries = List.of(new ColorMapStyle.Entry(0, 0xFFFFFF, 0, null),
                new ColorMapStyle.Entry(10, 0xFFFFFF, 1, null));
        ColorMapStyle full = new ColorMapStyle("t", "t", ColorMapStyle.Type.RAMP, entries, 1);
        ColorMapStyle half = new ColorMapStyle("t", "t", ColorMapStyle.Type.RAMP, entries, 0.5);
        // Entry opacity 0 -> fully transparent pixel.
        assertEquals(0, full.argb(0));
        // 255 * 0.5 = 127.5 -> 128
        assertEquals(128, full.argb(5) >>> 24);
        // 255 * 1 * 0.5 -> 128
        assertEquals(128, half.argb(10) >>> 24);
        // 255 * 0.3 * 0.5 = 38.25 -> 38
        assertEquals(38, half.argb(3) >>> 24);
    }

    @Test
    void equalQuantitiesMakeAStepInARamp() {
        ColorMapStyle s = new ColorMapStyle("t", "t", ColorMapStyle.Type.RAMP,
                List.of(e(0, 0x000000), e(1, 0x0000FF), e(1, 0xFF0000), e(2, 0xFF0000)), 1);
        // 0.99 * 255 = 252.45 -> 252
        assertEquals(hex(0xFF0000FC), hex(s.argb(0.99)));
        assertEquals(hex(0xFFFF0000), hex(s.argb(1)));
        assertEquals(hex(0xFFFF0000), hex(s.argb(1.5)));
    }

    @Test
    void intervalsColourValuesBelowEachQuantity() {
        ColorMapStyle s = new ColorMapStyle("t", "t", ColorMapStyle.Type.INTERVALS,
                List.of(e(1, 0xFF0000), e(2, 0x00FF00), e(3, 0x0000FF)), 1);
        assertEquals(hex(0xFFFF0000), hex(s.argb(-100)));
        assertEquals(hex(0xFFFF0000), hex(s.argb(0.999)));
        assertEquals(hex(0xFF00FF00), hex(s.argb(1)));
        assertEquals(hex(0xFF00FF00), hex(s.argb(1.5)));
        assertEquals(hex(0xFF0000FF), hex(s.argb(2.999)));
        assertEquals(0, s.argb(3));
        assertEquals(0, s.argb(50));
    }

    @Test
    void valuesColourOnlyExactValues() {
        ColorMapStyle s = new ColorMapStyle("t", "t", ColorMapStyle.Type.VALUES,
                List.of(e(1, 0xFF0000), e(2, 0x00FF00), e(3.3, 0x0000FF)), 1);
        assertEquals(hex(0xFFFF0000), hex(s.argb(1)));
        assertEquals(hex(0xFF00FF00), hex(s.argb(2f)));
        // 3.3 is not exact in float32 (3.2999999523): still the entry 3.3.
        assertEquals(hex(0xFF0000FF), hex(s.argb(3.3f)));
        assertEquals(0, s.argb(1.5));
        assertEquals(0, s.argb(0));
        assertEquals(0, s.argb(4));
    }

    @Test
    void nanIsNeverDrawn() {
        for (ColorMapStyle.Type type : ColorMapStyle.Type.values()) {
            ColorMapStyle s = new ColorMapStyle("t", "t", type, List.of(e(0, 0xFFFFFF), e(1, 0xFFFFFF)), 1);
            assertEquals(0, s.argb(Double.NaN), type.name());
        }
    }

    @Test
    void generatedStyleRampsFromGreyAtTheMinimumToBlueAtTheMaximum() {
        ColorMapStyle s = ColorMapStyle.generated("g", "G", 10, 20);
        assertEquals(hex(0xFFE0E0E0), hex(s.argb(10)));
        assertEquals(hex(0xFF6BAED6), hex(s.argb(15)));
        assertEquals(hex(0xFF08306B), hex(s.argb(20)));
        // A constant layer gets a ramp around its value; an empty one a 0..1 ramp.
        ColorMapStyle constant = ColorMapStyle.generated("c", "C", 4, 4);
        assertEquals(hex(0xFF6BAED6), hex(constant.argb(4)));
        ColorMapStyle empty = ColorMapStyle.generated("e", "E", Double.NaN, Double.NaN);
        assertEquals(0.0, empty.entries().get(0).quantity());
        assertEquals(1.0, empty.entries().get(2).quantity());
    }

    @Test
    void rejectsDecreasingQuantitiesAndBadOpacity() {
        assertThrows(IllegalArgumentException.class, () -> new ColorMapStyle("t", "t", ColorMapStyle.Type.RAMP,
                List.of(e(2, 0), e(1, 0)), 1));
        assertThrows(IllegalArgumentException.class, () -> new ColorMapStyle("t", "t", ColorMapStyle.Type.RAMP,
                List.of(e(1, 0)), 1.5));
        assertThrows(IllegalArgumentException.class, () -> new ColorMapStyle("t", "t", ColorMapStyle.Type.RAMP,
                List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> ColorMapStyle.Type.of("gradient"));
    }

    @Test
    void readsPrefixedSldWithLiteralOpacityAndOnlyTheFirstSymbolizer() throws IOException {
        ColorMapStyle s = read("prefixed-literal.sld");
        assertEquals("prefixed-literal", s.name());
        assertEquals("Test intervals (m)", s.title());
        assertEquals(ColorMapStyle.Type.INTERVALS, s.type());
        assertEquals(0.5, s.opacity());
        assertEquals(2, s.entries().size());
        assertEquals(new ColorMapStyle.Entry(10, 0xFF0000, 1, "low"), s.entries().get(0));
        assertEquals(new ColorMapStyle.Entry(20, 0x00FF00, 0.4, null), s.entries().get(1));
        // 255 * 1 * 0.5 = 127.5 -> 128; 255 * 0.4 * 0.5 = 51
        assertEquals(hex(0x80FF0000), hex(s.argb(5)));
        assertEquals(hex(0x3300FF00), hex(s.argb(15)));
    }

    @Test
    void rejectsSldWithoutColorMapAndDocumentsWithEntities() {
        assertThrows(IllegalArgumentException.class, () -> read("no-colormap.sld"));
        // The DTD is never read, so the external entity cannot be resolved: the document is refused.
        assertThrows(IllegalArgumentException.class, () -> read("with-doctype.sld"));
        assertThrows(IllegalArgumentException.class, () -> SldReader.read("bad",
                new ByteArrayInputStream("<StyledLayerDescriptor><NamedLayer>".getBytes(StandardCharsets.UTF_8))));
        assertThrows(IllegalArgumentException.class, () -> SldReader.read("html",
                new ByteArrayInputStream("<html/>".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void readsColoursInEachWrittenForm() {
        assertEquals(0x12ABEF, SldReader.color("t", "#12abef"));
        assertEquals(0x12ABEF, SldReader.color("t", "0x12ABEF"));
        assertThrows(IllegalArgumentException.class, () -> SldReader.color("t", "#12ab"));
        assertThrows(IllegalArgumentException.class, () -> SldReader.color("t", "#12abzz"));
    }

    @Test
    void formatsLegendNumbersCompactly() {
        assertEquals("0", ColorMapStyle.formatNumber(0));
        assertEquals("-3", ColorMapStyle.formatNumber(-3));
        assertEquals("0.25", ColorMapStyle.formatNumber(0.25));
        assertEquals("0.1", ColorMapStyle.formatNumber(0.1));
        assertEquals("292.5", ColorMapStyle.formatNumber(292.5));
    }

    private static ColorMapStyle read(String resource) throws IOException {
        try (InputStream in = ColorMapStyleTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, "missing test resource " + resource);
            return SldReader.read(resource.replace(".sld", ""), in);
        }
    }
}
