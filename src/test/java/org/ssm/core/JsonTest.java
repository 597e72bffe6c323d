package org.ssm.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesEveryValueKind() {
        Map<String, Object> m = Json.parseObject(
                "{\"a\": 1, \"b\": -2.5e1, \"c\": \"x\\\"y\\u00e9\", \"d\": [true, false, null], \"e\": {}}");
        assertEquals(1L, m.get("a"));
        assertEquals(-25.0, m.get("b"));
        assertEquals("x\"yé", m.get("c"));
        assertEquals(List.of(true, false), ((List<?>) m.get("d")).subList(0, 2));
        assertNull(((List<?>) m.get("d")).get(2));
        assertEquals(Map.of(), m.get("e"));
    }

    @Test
    void writeThenParseIsIdentity() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "tab\there \"quoted\" \u0001");
        m.put("values", List.of(1L, 0.125, "s"));
        m.put("nested", Map.of("k", List.of()));
        assertEquals(m, Json.parse(Json.write(m)));
    }

    @Test
    void nonFiniteNumbersBecomeNull() {
        assertEquals("[null,1,0.5]", Json.write(new double[] {Double.NaN, 1.0, 0.5}));
    }

    @Test
    void errorsGiveLineAndColumn() {
        Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse("{\n  \"a\" 1}"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void rejectsTrailingTextAndDeepNesting() {
        assertThrows(Json.JsonException.class, () -> Json.parse("[1] x"));
        assertThrows(Json.JsonException.class, () -> Json.parse("[".repeat(1000) + "]".repeat(1000)));
    }
}
