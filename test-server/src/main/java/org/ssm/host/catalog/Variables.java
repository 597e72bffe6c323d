package org.ssm.host.catalog;

import java.util.Locale;
import java.util.Map;

/**
 * Units and titles of the variables the processes produce, keyed by the style name that a coverage
 * carries as its name (e.g. {@code ssm}, {@code lst}); used when publishing layers.
 */
public final class Variables {

    private record Variable(String title, String units) {}

    private static final Map<String, Variable> KNOWN = Map.ofEntries(
            Map.entry("ssm", new Variable("surface soil moisture", "m3 m-3")),
            Map.entry("lst", new Variable("land-surface temperature", "K")),
            Map.entry("ndvi", new Variable("NDVI", "1")),
            Map.entry("fvc", new Variable("fractional vegetation cover", "1")),
            Map.entry("see", new Variable("soil evaporative efficiency", "1")),
            Map.entry("nmdi", new Variable("NMDI", "1")),
            Map.entry("albedo", new Variable("broadband albedo", "1")),
            Map.entry("reflectance", new Variable("surface reflectance", "1")),
            Map.entry("rain", new Variable("precipitation", "mm d-1")),
            Map.entry("dem", new Variable("elevation", "m")),
            Map.entry("landcover", new Variable("land cover class", "class")),
            Map.entry("bias", new Variable("bias", "m3 m-3")),
            Map.entry("uncertainty", new Variable("uncertainty", "m3 m-3")),
            Map.entry("relative-uncertainty", new Variable("relative uncertainty (uncertainty / product mean)", "1")),
            Map.entry("product-index", new Variable("least uncertain product (number in input order)", "index")),
            Map.entry("pixel-class", new Variable("pixel class", "class")),
            Map.entry("station-error", new Variable("station error", "m3 m-3")),
            Map.entry("fill-distance", new Variable("days to the gap-filling dates", "d")),
            Map.entry("qc-mask", new Variable("quality mask (1 kept, 0 rejected)", "1")),
            Map.entry("lambda", new Variable("Whittaker smoothing parameter, log10 lambda", "1")));

    private Variables() {}

    /** The units of {@code style}, or "1" when unknown. */
    public static String units(String style) {
        Variable v = KNOWN.get(normalise(style));
        return v == null ? "1" : v.units();
    }

    /** A human title of {@code style}, or the style name itself when unknown. */
    public static String title(String style) {
        Variable v = KNOWN.get(normalise(style));
        return v == null ? style : v.title();
    }

    private static String normalise(String style) {
        return style == null ? "" : style.toLowerCase(Locale.ROOT);
    }
}
