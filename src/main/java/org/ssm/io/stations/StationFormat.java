package org.ssm.io.stations;

import java.util.List;
import java.util.Locale;

/**
 * The formats of station files, told apart by their content (never by the file name alone, since a
 * WPS client may send a file inline without one):
 *
 * <ul>
 *   <li>{@link #GEOJSON}: the text starts with '{';
 *   <li>{@link #CSV}: the first line is a comma or semicolon separated header naming {@code station}
 *       and {@code sm};
 *   <li>{@link #ISMN_CEOP}: the first line starts with two date-time pairs
 *       ({@code yyyy/mm/dd HH:MM yyyy/mm/dd HH:MM});
 *   <li>{@link #ISMN_HEADER_VALUES}: the first line is an ISMN header, names followed by five numbers
 *       (latitude, longitude, elevation, depth_from, depth_to).
 * </ul>
 */
public enum StationFormat {
    ISMN_HEADER_VALUES,
    ISMN_CEOP,
    CSV,
    GEOJSON;

    /**
     * The format of {@code text}.
     *
     * @param file the file name, for errors
     * @throws StationFileException when the text is none of the formats
     */
    public static StationFormat detect(String file, String text) {
        TextLines lines = new TextLines(text);
        if (!lines.nextNonBlank()) {
            throw new StationFileException(file, 0, "the file is empty");
        }
        String first = lines.line().strip();
        if (first.startsWith("{")) {
            return GEOJSON;
        }
        if (first.indexOf(',') >= 0 || first.indexOf(';') >= 0) {
            List<String> names = List.of(first.toLowerCase(Locale.ROOT).replace("\"", "").split("\\s*[,;]\\s*"));
            if (names.contains("station") && names.contains("sm")) {
                return CSV;
            }
        }
        String[] t = IsmnFields.tokens(first);
        if (t.length >= 4 && IsmnFields.looksLikeDate(t[0]) && IsmnFields.looksLikeTime(t[1])
                && IsmnFields.looksLikeDate(t[2]) && IsmnFields.looksLikeTime(t[3])) {
            return ISMN_CEOP;
        }
        if (t.length >= 8 && !IsmnFields.looksLikeDate(t[0]) && IsmnFields.numberRun(t, 3, 5) >= 0) {
            return ISMN_HEADER_VALUES;
        }
        if (t.length >= 2 && IsmnFields.looksLikeDate(t[0])) {
            throw new StationFileException(file, lines.number(), "the file starts with a reading: an ISMN"
                    + " header+values file needs its header line 'network network station latitude longitude"
                    + " elevation depth_from depth_to sensor' first, and a CEOP record starts with two date-time"
                    + " pairs");
        }
        throw new StationFileException(file, lines.number(), "not a station file: expected an ISMN header+values"
                + " header line, an ISMN CEOP record, a CSV header with station, lon, lat, time and sm, or a GeoJSON"
                + " FeatureCollection; found '" + abbreviate(first) + "'");
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
