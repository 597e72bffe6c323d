package org.ssm.io.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextLinesTest {

    private static List<String> lines(String text) {
        TextLines lines = new TextLines(text);
        List<String> out = new ArrayList<>();
        while (lines.next()) {
            out.add(lines.number() + ":" + lines.line());
        }
        return out;
    }

    @Test
    void lfCrlfAndCrEndLinesAlike() {
        assertEquals(List.of("1:a", "2:b", "3:c", "4:d"), lines("a\nb\r\nc\rd"));
        assertEquals(List.of("1:a", "2:b"), lines("a\rb\r"), "a final CR ends the last line, adds none");
    }

    @Test
    void anLfThenACrAreTwoLineEndsWithABlankLineBetween() {
        // The COSMOS header+values files end their header line with LF CR: editors show a blank line 2.
        assertEquals(List.of("1:header", "2:", "3:row"), lines("header\n\rrow\r\n"));
    }

    @Test
    void nonBlankSkipsBlankLinesButKeepsCounting() {
        TextLines lines = new TextLines("\uFEFFfirst\r\r  \rsecond");
        lines.nextNonBlank();
        assertEquals("first", lines.line(), "the byte-order mark is dropped");
        lines.nextNonBlank();
        assertEquals("second", lines.line());
        assertEquals(4, lines.number());
        assertFalse(lines.nextNonBlank());
    }
}
