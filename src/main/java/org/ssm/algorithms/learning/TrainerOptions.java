package org.ssm.algorithms.learning;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ssm.core.Json;
import org.ssm.core.ParameterException;

/**
 * The method parameters a client gave, by public name (e.g. {@code trees}, {@code shrinkage},
 * {@code seed}): the one argument from which {@code Trainers} builds any method's parameter
 * record, so that a process can offer every method's parameters side by side and each method reads
 * the ones it knows. Absent names take the method's defaults; a value of the wrong kind fails
 * naming the parameter.
 *
 * @param values JSON-like values (numbers, strings, booleans) by parameter name; nulls are dropped
 */
public record TrainerOptions(Map<String, Object> values) {

    /** No options: every method's defaults. */
    public static final TrainerOptions DEFAULTS = new TrainerOptions(Map.of());

    public TrainerOptions {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * The options a client wrote: a JSON object ({@code {"trees": 300, "maxDepth": 12}}) or
     * {@code name=value} pairs separated by commas or semicolons ({@code trees=300,maxDepth=12}); empty
     * or {@code null} for none. Values of pairs stay text for the typed getters. A malformed text fails
     * naming {@code parameter}.
     */
    public static TrainerOptions parse(String parameter, String text) {
        if (text == null || text.isBlank()) {
            return DEFAULTS;
        }
        String s = text.strip();
        if (s.startsWith("{")) {
            try {
                return new TrainerOptions(Json.parseObject(s));
            } catch (Json.JsonException e) {
                throw new ParameterException(parameter, text, "a JSON object of method options (" + e.getMessage()
                        + ")");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String pair : s.split("[,;]")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || pair.substring(0, eq).isBlank() || pair.substring(eq + 1).isBlank()) {
                throw new ParameterException(parameter, text, "name=value pairs separated by commas, e.g."
                        + " trees=300,maxDepth=12, or a JSON object");
            }
            values.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return new TrainerOptions(values);
    }

    /** These options with {@code name} set to {@code value} ({@code null} removes it). */
    public TrainerOptions with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new TrainerOptions(copy);
    }

    /** Whether {@code name} was given. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The integer {@code name}, or {@code fallback} when absent. */
    public int integer(String name, int fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        if (v instanceof String s) {
            try {
                return Integer.parseInt(s.strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new ParameterException(name, v, "an integer");
    }

    /** The number {@code name}, or {@code fallback} when absent. */
    public double number(String name, double fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new ParameterException(name, v, "a number");
    }

    /** The 64-bit integer {@code name} (a seed), or {@code fallback} when absent. */
    public long longInteger(String name, long fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 0x1p53) {
            return n.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new ParameterException(name, v, "an integer");
    }

    /** The text {@code name}, or {@code fallback} when absent. */
    public String text(String name, String fallback) {
        Object v = values.get(name);
        return v == null ? fallback : v.toString();
    }
}
