package org.ssm.host.wms;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A raster style: the SLD 1.0 {@code RasterSymbolizer} subset the host renders, a {@code ColorMap}
 * with an overall {@code Opacity}.
 *
 * <p>Colouring follows GeoServer's reading of the three ColorMap types, so that a style looks the same
 * on either server:
 * <ul>
 *   <li>{@link Type#RAMP}: linear interpolation of red, green, blue and opacity between neighbouring
 *       entries; values below the first entry take the first entry's colour and values above the last
 *       take the last's;
 *   <li>{@link Type#INTERVALS}: entry {@code i} colours the values in [q<sub>i−1</sub>, q<sub>i</sub>)
 *       (the first entry everything below q<sub>0</sub>); values at or above the last quantity are not
 *       drawn;
 *   <li>{@link Type#VALUES}: only values equal to an entry's quantity are drawn.
 * </ul>
 * NaN (no data) is never drawn.
 *
 * @param name the style name, as used in {@code STYLES} and {@code STYLE}
 * @param title a human title, with the units
 * @param type how values between entries are coloured
 * @param entries the colour map entries, in non-decreasing quantity
 * @param opacity the symbolizer's opacity in [0, 1], applied on top of each entry's opacity
 */
public record ColorMapStyle(String name, String title, Type type, List<Entry> entries, double opacity) {

    /** The {@code type} attribute of an SLD {@code ColorMap}. */
    public enum Type {
        RAMP, INTERVALS, VALUES;

        /** The type named by an SLD {@code type} attribute; {@code null} means ramp, the SLD default. */
        public static Type of(String attribute) {
            if (attribute == null || attribute.isBlank()) {
                return RAMP;
            }
            return switch (attribute.strip().toLowerCase(Locale.ROOT)) {
                case "ramp" -> RAMP;
                case "intervals" -> INTERVALS;
                case "values" -> VALUES;
                default -> throw new IllegalArgumentException("ColorMap type '" + attribute
                        + "': expected ramp, intervals or values");
            };
        }
    }

    /**
     * One {@code ColorMapEntry}.
     *
     * @param quantity the value the entry stands for
     * @param rgb the colour as 0xRRGGBB
     * @param opacity the entry's opacity in [0, 1]
     * @param label the legend label, or {@code null}
     */
    public record Entry(double quantity, int rgb, double opacity, String label) {
        public Entry {
            if (!Double.isFinite(quantity)) {
                throw new IllegalArgumentException("ColorMapEntry quantity " + quantity + ": expected a finite number");
            }
            if (!(opacity >= 0 && opacity <= 1)) {
                throw new IllegalArgumentException("ColorMapEntry opacity " + opacity + ": expected a number in [0, 1]");
            }
            rgb &= 0xFFFFFF;
        }

        /** The label, or the quantity written compactly. */
        public String labelOrQuantity() {
            return label != null && !label.isBlank() ? label : formatNumber(quantity);
        }
    }

    public ColorMapStyle {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("style " + name + ": a ColorMap needs at least one ColorMapEntry");
        }
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).quantity() < entries.get(i - 1).quantity()) {
                throw new IllegalArgumentException("style " + name + ": ColorMapEntry quantities must not decrease ("
                        + entries.get(i - 1).quantity() + " then " + entries.get(i).quantity() + ")");
            }
        }
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("style " + name + ": Opacity " + opacity + " is not in [0, 1]");
        }
    }

    /**
     * The style given to a layer whose style has no SLD: a ramp from light grey at {@code min} to a
     * strong blue at {@code max}, so that any layer can be seen at once.
     */
    public static ColorMapStyle generated(String name, String title, double min, double max) {
        double lo = min;
        double hi = max;
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = 0;
            hi = 1;
        } else if (hi <= lo) {
            // A constant layer still needs a ramp of some width to place its one value on.
            double pad = Math.max(Math.abs(lo) * 0.05, 0.5);
            lo -= pad;
            hi += pad;
        }
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(lo, 0xE0E0E0, 1, null));
        entries.add(new Entry((lo + hi) / 2, 0x6BAED6, 1, null));
        entries.add(new Entry(hi, 0x08306B, 1, null));
        return new ColorMapStyle(name, title, Type.RAMP, entries, 1);
    }

    /** The colour of {@code value} as non-premultiplied 0xAARRGGBB; 0 (transparent) where nothing is drawn. */
    public int argb(double value) {
        if (Double.isNaN(value)) {
            return 0;
        }
        return switch (type) {
            case RAMP -> ramp(value);
            case INTERVALS -> intervals(value);
            case VALUES -> values(value);
        };
    }

    /** Colours every value of {@code values} into {@code out} (same length). */
    public void colour(float[] values, int[] out) {
        for (int i = 0; i < values.length; i++) {
            out[i] = argb(values[i]);
        }
    }

    private int ramp(double v) {
        Entry first = entries.get(0);
        Entry last = entries.get(entries.size() - 1);
        if (v <= first.quantity()) {
            return pack(first.rgb(), first.opacity());
        }
        if (v >= last.quantity()) {
            return pack(last.rgb(), last.opacity());
        }
        int hi = upperIndex(v);
        Entry a = entries.get(hi - 1);
        Entry b = entries.get(hi);
        double span = b.quantity() - a.quantity();
        double t = span > 0 ? (v - a.quantity()) / span : 1;
        int r = lerp((a.rgb() >> 16) & 0xFF, (b.rgb() >> 16) & 0xFF, t);
        int g = lerp((a.rgb() >> 8) & 0xFF, (b.rgb() >> 8) & 0xFF, t);
        int bl = lerp(a.rgb() & 0xFF, b.rgb() & 0xFF, t);
        double alpha = a.opacity() + t * (b.opacity() - a.opacity());
        return pack((r << 16) | (g << 8) | bl, alpha);
    }

    private int intervals(double v) {
        int i = upperIndex(v);
        return i < entries.size() ? pack(entries.get(i).rgb(), entries.get(i).opacity()) : 0;
    }

    private int values(double v) {
        for (Entry e : entries) {
            // Quantities are written as decimals but values are float32: compare at float precision.
            if (Math.abs(v - e.quantity()) <= 1e-6 * Math.max(1, Math.abs(e.quantity()))) {
                return pack(e.rgb(), e.opacity());
            }
        }
        return 0;
    }

    /** The index of the first entry whose quantity is above {@code v}, or the entry count. */
    private int upperIndex(double v) {
        int lo = 0;
        int hi = entries.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries.get(mid).quantity() <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int lerp(int a, int b, double t) {
        return (int) Math.round(a + t * (b - a));
    }

    private int pack(int rgb, double entryOpacity) {
        int alpha = (int) Math.round(255 * entryOpacity * opacity);
        return alpha == 0 ? 0 : (alpha << 24) | (rgb & 0xFFFFFF);
    }

    /** A number as a legend shows it: no trailing zeros, no exponent for ordinary magnitudes. */
    static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e") || s.contains("E")) {
            return s;
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        return s;
    }
}
