package org.ssm.host.wps;

import java.util.Arrays;
import java.util.Locale;
import org.geotools.api.data.Parameter;
import org.ssm.host.ows.OwsException;

/** Converts literal input text to the parameter's Java type, checking declared ranges and choices. */
public final class LiteralCodec {

    private LiteralCodec() {}

    public static Object decode(Parameter<?> p, String text) {
        String value = text == null ? "" : text.strip();
        Class<?> type = p.type;
        try {
            if (type == String.class) {
                return text;
            }
            if (type.isEnum()) {
                for (Object c : type.getEnumConstants()) {
                    if (((Enum<?>) c).name().equalsIgnoreCase(value)) {
                        return c;
                    }
                }
                throw invalid(p, value, "one of " + Arrays.toString(type.getEnumConstants()));
            }
            if (type == Boolean.class) {
                if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                    return Boolean.valueOf(value.toLowerCase(Locale.ROOT));
                }
                throw invalid(p, value, "true or false");
            }
            if (type == Double.class || type == Float.class) {
                double d = Double.parseDouble(value);
                if (!Double.isFinite(d)) {
                    throw invalid(p, value, "a finite number" + range(p));
                }
                checkRange(p, d, value);
                return type == Float.class ? (Object) (float) d : (Object) d;
            }
            if (type == Integer.class || type == Long.class) {
                long l = Long.parseLong(value);
                checkRange(p, l, value);
                if (type == Integer.class) {
                    if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                        throw invalid(p, value, "a 32-bit integer");
                    }
                    return (int) l;
                }
                return l;
            }
        } catch (NumberFormatException e) {
            throw invalid(p, value, (type == Integer.class || type == Long.class ? "an integer" : "a number") + range(p));
        }
        throw invalid(p, value, "a value of type " + type.getSimpleName());
    }

    private static void checkRange(Parameter<?> p, double v, String text) {
        Object min = p.metadata == null ? null : p.metadata.get(Parameter.MIN);
        Object max = p.metadata == null ? null : p.metadata.get(Parameter.MAX);
        if ((min != null && v < ((Number) min).doubleValue()) || (max != null && v > ((Number) max).doubleValue())) {
            throw invalid(p, text, "a value" + range(p));
        }
    }

    private static String range(Parameter<?> p) {
        Object min = p.metadata == null ? null : p.metadata.get(Parameter.MIN);
        Object max = p.metadata == null ? null : p.metadata.get(Parameter.MAX);
        if (min == null && max == null) {
            return "";
        }
        return " in [" + (min == null ? "-inf" : WpsDocuments.number(min)) + ", "
                + (max == null ? "inf" : WpsDocuments.number(max)) + "]";
    }

    private static OwsException invalid(Parameter<?> p, String value, String allowed) {
        return OwsException.invalid(p.key, p.key + " = " + value + ": expected " + allowed);
    }
}
