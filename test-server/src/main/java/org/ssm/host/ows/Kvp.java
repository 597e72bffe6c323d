package org.ssm.host.ows;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Key-value-pair request parameters with case-insensitive keys (OGC KVP encoding), keeping every
 * value of a repeated key.
 */
public final class Kvp {

    private final Map<String, List<String>> values;

    private Kvp(Map<String, List<String>> values) {
        this.values = values;
    }

    public static Kvp of(HttpServletRequest request) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            map.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(List.of(e.getValue()));
        }
        return new Kvp(map);
    }

    /** From an already split map (keys in any case). */
    public static Kvp of(Map<String, List<String>> raw) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        raw.forEach((k, v) -> map.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).addAll(v));
        return new Kvp(map);
    }

    /** Parses a query string ({@code a=1&b=2}), decoding percent escapes. */
    public static Kvp parseQuery(String query) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                map.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
            }
        }
        return new Kvp(map);
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OwsException.invalid(null, "malformed percent-encoding in the query string");
        }
    }

    /** The first value of {@code key}, or {@code null}; an empty value counts as absent. */
    public String get(String key) {
        List<String> v = values.get(key.toLowerCase(Locale.ROOT));
        if (v == null || v.isEmpty() || v.get(0).isEmpty()) {
            return null;
        }
        return v.get(0);
    }

    /** Every value of {@code key}. */
    public List<String> all(String key) {
        return values.getOrDefault(key.toLowerCase(Locale.ROOT), Collections.emptyList());
    }

    /** The value of {@code key}, or a MissingParameterValue exception naming it. */
    public String require(String key) {
        String v = get(key);
        if (v == null) {
            throw OwsException.missing(key);
        }
        return v;
    }

    public String getOrDefault(String key, String fallback) {
        String v = get(key);
        return v == null ? fallback : v;
    }

    public boolean has(String key) {
        return get(key) != null;
    }

    /** An integer parameter within [min, max], or {@code fallback} when absent. */
    public int intValue(String key, int fallback, int min, int max) {
        String v = get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int i = Integer.parseInt(v.strip());
            if (i < min || i > max) {
                throw OwsException.invalid(key, key + "=" + v + ": expected an integer in [" + min + ", " + max + "]");
            }
            return i;
        } catch (NumberFormatException e) {
            throw OwsException.invalid(key, key + "=" + v + ": expected an integer in [" + min + ", " + max + "]");
        }
    }
}
