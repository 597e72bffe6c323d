package org.ssm.io.stations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ssm.stations.Observation;
import org.ssm.stations.SensorSeries;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;

/**
 * Reads station readings from a plain CSV table (RFC 4180 quoting, comma or semicolon separated, any
 * line ending) with a header naming the columns, in any order and any case:
 *
 * <ul>
 *   <li>required: {@code station}, {@code lon} (or {@code longitude}), {@code lat} (or
 *       {@code latitude}) in degrees WGS 84, {@code time}, {@code sm} in m³/m³;
 *   <li>optional: {@code network}, {@code depth_from} and {@code depth_to} in metres (0 when absent),
 *       {@code flag}, {@code sensor}.
 * </ul>
 *
 * A {@code time} is an ISO-8601 instant ({@code 2021-04-01T06:00:00Z}), a date-time with an offset, a
 * date-time without one (read as UTC, like ISMN times) or a date (its 00:00 UTC). An empty
 * {@code sm}, {@code NaN} or {@code null} is a reading without a value. Rows are grouped into one
 * sensor per network, station and layer, in order of first appearance; a station must keep its
 * position.
 */
public final class StationCsvReader {

    private static final List<String> REQUIRED = List.of("station", "lon", "lat", "time", "sm");
    /** Positions are compared to about 1 cm, well below any station's stated accuracy. */
    private static final double SAME_POSITION_DEG = 1e-7;

    private StationCsvReader() {}

    /**
     * The sensors of a table.
     *
     * @param file the file name, for errors
     * @param text the table
     * @throws StationFileException naming the file, the line and the reason
     */
    public static List<SensorSeries> read(String file, String text) {
        TextLines lines = new TextLines(text);
        if (!lines.nextNonBlank()) {
            throw new StationFileException(file, 0, "the file is empty");
        }
        int headerLine = lines.number();
        char separator = separator(lines.line());
        Map<String, Integer> columns = columns(file, headerLine, split(file, headerLine, lines.line(), separator));
        Map<String, Group> groups = new LinkedHashMap<>();
        while (lines.nextNonBlank()) {
            int n = lines.number();
            List<String> row = split(file, n, lines.line(), separator);
            if (row.size() != columns.size()) {
                throw new StationFileException(file, n, "expected " + columns.size() + " fields as in the header"
                        + " (line " + headerLine + "), found " + row.size());
            }
            new Row(file, n, columns, row).addTo(groups);
        }
        List<SensorSeries> out = new ArrayList<>();
        for (Group g : groups.values()) {
            g.readings.sort(Comparator.comparing(Observation::time));
            out.add(new SensorSeries(new StationSeries(g.station, g.readings), g.sensor, file));
        }
        return out;
    }

    private static char separator(String header) {
        return header.chars().filter(c -> c == ';').count() > header.chars().filter(c -> c == ',').count() ? ';' : ',';
    }

    private static Map<String, Integer> columns(String file, int line, List<String> names) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip().toLowerCase(Locale.ROOT);
            name = switch (name) {
                case "longitude" -> "lon";
                case "latitude" -> "lat";
                default -> name;
            };
            if (columns.put(name, i) != null) {
                throw new StationFileException(file, line, "column '" + name + "' appears twice in the header");
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw new StationFileException(file, line, "the header lacks column '" + required
                        + "': a station CSV needs station, lon, lat, time and sm (network, depth_from, depth_to,"
                        + " flag and sensor are optional)");
            }
        }
        return columns;
    }

    /** The fields of a line, with RFC 4180 double quotes. */
    private static List<String> split(String file, int line, String text, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new StationFileException(file, line, "a quoted field is not closed");
        }
        fields.add(field.toString().strip());
        return fields;
    }

    private static final class Group {
        final Station station;
        final String sensor;
        final int line;
        final List<Observation> readings = new ArrayList<>();

        Group(Station station, String sensor, int line) {
            this.station = station;
            this.sensor = sensor;
            this.line = line;
        }
    }

    /** One data row, every problem reported with the file, the line and the column. */
    private record Row(String file, int line, Map<String, Integer> columns, List<String> fields) {

        void addTo(Map<String, Group> groups) {
            String id = text("station");
            if (id.isEmpty()) {
                throw fail("station", id, "a station name");
            }
            String network = text("network");
            double lon = number("lon", -180, 180);
            double lat = number("lat", -90, 90);
            double depthFrom = columns.containsKey("depth_from") ? number("depth_from", 0, 100) : 0;
            double depthTo = columns.containsKey("depth_to") ? number("depth_to", depthFrom, 100) : depthFrom;
            Observation reading = new Observation(time(), value(), text("flag"));
            String sensor = text("sensor");
            String key = network + '\u0000' + id + '\u0000' + depthFrom + '\u0000' + depthTo + '\u0000' + sensor;
            Group group = groups.get(key);
            if (group == null) {
                group = new Group(new Station(id, network, lon, lat, depthFrom, depthTo), sensor, line);
                groups.put(key, group);
            } else if (Math.abs(group.station.lon() - lon) > SAME_POSITION_DEG
                    || Math.abs(group.station.lat() - lat) > SAME_POSITION_DEG) {
                throw new StationFileException(file, line, "station " + id + " is at " + lon + ", " + lat
                        + " here but at " + group.station.lon() + ", " + group.station.lat() + " on line "
                        + group.line);
            }
            group.readings.add(reading);
        }

        private String text(String column) {
            Integer i = columns.get(column);
            return i == null ? "" : fields.get(i);
        }

        private double number(String column, double min, double max) {
            String v = text(column);
            try {
                double d = Double.parseDouble(v);
                if (d >= min && d <= max) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // Reported below with the value received.
            }
            throw fail(column, v, "a number in [" + min + ", " + max + "]");
        }

        private double value() {
            String v = text("sm");
            if (v.isEmpty() || v.equalsIgnoreCase("nan") || v.equalsIgnoreCase("null")) {
                return Double.NaN;
            }
            try {
                double d = Double.parseDouble(v);
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // Reported below with the value received.
            }
            throw fail("sm", v, "a soil moisture in m3/m3, or empty for no value");
        }

        private Instant time() {
            String v = text("time");
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                // Not a date-time with an offset: try the forms below.
            }
            try {
                return LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // Nor one without.
            }
            try {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw fail("time", v, "an ISO-8601 time such as 2021-04-01T06:00:00Z (UTC when no offset is"
                        + " given) or a date");
            }
        }

        private StationFileException fail(String column, String value, String allowed) {
            return new StationFileException(file, line, "column '" + column + "' = '" + value + "': expected "
                    + allowed);
        }
    }
}
