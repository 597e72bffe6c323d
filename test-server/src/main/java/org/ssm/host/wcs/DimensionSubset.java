package org.ssm.host.wcs;

import java.util.ArrayList;
import java.util.List;
import org.ssm.host.ows.OwsException;

/**
 * One WCS 2.0 dimension subset: a trim {@code axis(low,high)} or a slice {@code axis(point)}.
 *
 * <p>Bounds are kept as text because their meaning depends on the axis (numbers for space, ISO
 * times for time); quotes are removed, and an open bound ({@code *}) is {@code null}.
 *
 * @param axis the axis label as the client wrote it
 * @param crs the CRS given inside the subset ({@code axis,crs(low,high)}, KVP 1.0 form), or null
 * @param low lower bound (the point of a slice), or null when open
 * @param high upper bound (the point of a slice), or null when open
 * @param slice whether this is a slice
 */
public record DimensionSubset(String axis, String crs, String low, String high, boolean slice) {

    /** Exception code of WCS 2.0 for an axis label that names no axis of the coverage. */
    public static final String INVALID_AXIS_LABEL = "InvalidAxisLabel";
    /** Exception code of WCS 2.0 for bounds that are unusable or outside the coverage. */
    public static final String INVALID_SUBSETTING = "InvalidSubsetting";

    public DimensionSubset {
        if (axis == null || axis.isBlank()) {
            throw new OwsException(INVALID_AXIS_LABEL, "subset", "a subset needs an axis label, e.g. E(500000,510000)");
        }
        axis = axis.strip();
        if (slice && (low == null || low.equals("*"))) {
            throw new OwsException(INVALID_SUBSETTING, "subset", "the slice point of " + axis + " cannot be '*'");
        }
    }

    /** A trim. */
    public static DimensionSubset trim(String axis, String low, String high) {
        return new DimensionSubset(axis, null, open(unquote(low)), open(unquote(high)), false);
    }

    /** A slice. */
    public static DimensionSubset slice(String axis, String point) {
        String p = unquote(point);
        return new DimensionSubset(axis, null, p, p, true);
    }

    /**
     * Parses the KVP form {@code axis[,crs](low,high)} or {@code axis[,crs](point)}; values may be
     * quoted.
     */
    public static DimensionSubset parse(String text) {
        String s = text == null ? "" : text.strip();
        int open = s.indexOf('(');
        int close = s.lastIndexOf(')');
        if (open <= 0 || close != s.length() - 1 || close < open) {
            throw malformed(text);
        }
        String head = s.substring(0, open);
        String axis = head;
        String crs = null;
        int comma = head.indexOf(',');
        if (comma >= 0) {
            axis = head.substring(0, comma);
            crs = head.substring(comma + 1).strip();
            if (crs.isEmpty()) {
                throw malformed(text);
            }
        }
        List<String> parts = splitOutsideQuotes(s.substring(open + 1, close));
        if (parts.size() == 1) {
            String p = unquote(parts.get(0));
            if (p.isEmpty()) {
                throw malformed(text);
            }
            return new DimensionSubset(axis, crs, p, p, true);
        }
        if (parts.size() == 2) {
            String low = unquote(parts.get(0));
            String high = unquote(parts.get(1));
            if (low.isEmpty() || high.isEmpty()) {
                throw malformed(text);
            }
            return new DimensionSubset(axis, crs, open(low), open(high), false);
        }
        throw malformed(text);
    }

    private static OwsException malformed(String text) {
        return OwsException.invalid("subset", "subset=" + text + ": expected axis(low,high) or axis(point), e.g."
                + " E(500000,510000), Lat(45.1,45.3) or time(\"2021-04-01\",\"2021-04-10\")");
    }

    private static List<String> splitOutsideQuotes(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unquote(String v) {
        if (v == null) {
            return null;
        }
        String s = v.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    private static String open(String v) {
        return v == null || v.equals("*") ? null : v;
    }

    /** The KVP form, e.g. {@code E(500000,510000)}. */
    public String toKvp() {
        String head = crs == null ? axis : axis + "," + crs;
        return slice ? head + "(" + low + ")"
                : head + "(" + (low == null ? "*" : low) + "," + (high == null ? "*" : high) + ")";
    }
}
