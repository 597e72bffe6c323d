package org.ssm.host.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ssm.grid.GridGeometry;

/**
 * A published raster layer: one coverage, or one time-enabled series (band i = date i).
 *
 * <p>An undated layer of several bands (e.g. the uncertainty of each product of ssm:ThreeCorneredHat)
 * names its bands, so that WMS can offer them as the sample dimension {@code band} (WMS 1.3.0 Annex C)
 * and a client can pick one by name or by number.
 *
 * @param name the layer and coverage identifier (an XML NCName)
 * @param title a human title
 * @param description what the layer holds and where it came from
 * @param style the style (an SLD in {@code styles/}) used by default, e.g. "ssm"
 * @param units the units of the values, e.g. "m3 m-3"
 * @param grid the grid
 * @param dates the dates, empty for an undated layer
 * @param bands number of bands (the number of dates for a series)
 * @param bandNames the names of the bands of an undated layer of more than one band, one per band,
 *     distinct, not blank and without commas (the WMS dimension list is comma-separated); empty for a
 *     series and for a single-band layer
 * @param min smallest value over all bands (NaN if no data)
 * @param max largest value over all bands (NaN if no data)
 * @param origin what produced it: "scenario" or the process run, e.g. "ssm:DisPATCh run 1a2b3c4d"
 * @param created when it was published
 */
public record Layer(
        String name,
        String title,
        String description,
        String style,
        String units,
        GridGeometry grid,
        List<LocalDate> dates,
        int bands,
        List<String> bandNames,
        double min,
        double max,
        String origin,
        Instant created) implements PublishedLayer {

    public Layer {
        dates = List.copyOf(dates);
        bandNames = bandNames == null ? List.of() : List.copyOf(bandNames);
        if (!bandNames.isEmpty() && (!dates.isEmpty() || bands < 2 || !validBandNames(bandNames, bands))) {
            throw new IllegalArgumentException("layer " + name + ": band names " + bandNames + " for "
                    + (dates.isEmpty() ? "an undated layer" : "a series") + " of " + bands + " bands: only an undated"
                    + " layer of several bands names them, one distinct name without commas per band");
        }
    }

    /** Whether the layer has the WMS sample dimension {@code band}: undated, with more than one band. */
    public boolean hasBandDimension() {
        return !bandNames.isEmpty();
    }

    /**
     * The band names of an undated layer of {@code bands} bands from the coverage's band descriptions:
     * the descriptions (stripped) when there is one per band and they are distinct, not blank and free of
     * commas; else "1", "2", ... "N". Empty for a series and for a single band, which have no band
     * dimension.
     *
     * @param descriptions the band descriptions, or {@code null} (or nulls in it) where there are none
     */
    public static List<String> bandNamesOf(List<String> descriptions, boolean dated, int bands) {
        if (dated || bands < 2) {
            return List.of();
        }
        if (descriptions != null && descriptions.size() == bands) {
            List<String> stripped = new ArrayList<>();
            for (String d : descriptions) {
                stripped.add(d == null ? null : d.strip());
            }
            if (validBandNames(stripped, bands)) {
                return List.copyOf(stripped);
            }
        }
        return numbered(bands);
    }

    /** "1", "2", ... "N": the names of bands whose descriptions cannot serve. */
    public static List<String> numbered(int bands) {
        List<String> names = new ArrayList<>();
        for (int b = 1; b <= bands; b++) {
            names.add(Integer.toString(b));
        }
        return List.copyOf(names);
    }

    private static boolean validBandNames(List<String> names, int bands) {
        if (names.size() != bands) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (n == null || n.isBlank() || !n.equals(n.strip()) || n.contains(",") || !seen.add(n)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The band a WMS {@code DIM_BAND} value names: a band name, else a 1-based band number; -1 when it
     * names none. A name wins over a number, so that names such as "2" keep their meaning whatever their
     * position.
     */
    public int bandOf(String value) {
        if (value == null) {
            return -1;
        }
        int byName = bandNames.indexOf(value);
        if (byName >= 0) {
            return byName;
        }
        if (value.matches("[0-9]{1,9}")) {
            int number = Integer.parseInt(value);
            if (number >= 1 && number <= bandNames.size()) {
                return number - 1;
            }
        }
        return -1;
    }

    public boolean isSeries() {
        return !dates.isEmpty();
    }

    /** The band index of {@code date}, or -1. */
    public int indexOf(LocalDate date) {
        return dates.indexOf(date);
    }
}
