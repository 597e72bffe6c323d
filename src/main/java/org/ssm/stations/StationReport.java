package org.ssm.stations;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What became of one sensor's readings: how many were read, dropped and why, and how many values were
 * output.
 *
 * @param station the station id as output (made unique when a station has several sensors)
 * @param source the sensor as read
 * @param status whether the sensor is output
 * @param counts the readings read, dropped and kept
 * @param first the time of the first value output, or {@code null}
 * @param last the time of the last value output, or {@code null}
 */
public record StationReport(String station, SensorSeries source, Status status, ReadingCounts counts, Instant first,
        Instant last) {

    /** The header of {@link #csv}. */
    public static final String CSV_HEADER = "station,network,sensor,depth_from,depth_to,lon,lat,source,status,"
            + "readings,flag_rejected,no_value,unused,days,days_too_few,kept,first,last";

    /** What became of a sensor. */
    public enum Status {
        /** At least one value is output. */
        KEPT,
        /** Its layer is outside the depth range: none of its readings is looked at. */
        OUTSIDE_DEPTH_RANGE,
        /** Every reading was dropped. */
        NOTHING_KEPT;

        /** The lower-case name written in the table. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The readings of a sensor, by fate. The readings not counted in {@code flagRejected},
     * {@code noValue} or {@code unused} are the ones the aggregation used: in a value output, or in a
     * day with too few readings.
     *
     * @param readings the readings in the file
     * @param flagRejected dropped for their quality flag
     * @param noValue dropped for having no value
     * @param unused left out by the aggregation: outside the hour or the window, or a second reading
     *     near the hour
     * @param days days with at least one reading in the hour or window (UTC dates of the readings
     *     output, without aggregation)
     * @param daysTooFew days dropped for having fewer readings in the window than the minimum
     * @param kept values output
     */
    public record ReadingCounts(int readings, int flagRejected, int noValue, int unused, int days, int daysTooFew,
            int kept) {}

    /** One CSV line per report, with {@link #CSV_HEADER}. */
    public static String csv(List<StationReport> reports) {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (StationReport r : reports) {
            Station s = r.source.station();
            ReadingCounts c = r.counts;
            sb.append(field(r.station)).append(',').append(field(s.network())).append(',')
                    .append(field(r.source.sensor())).append(',').append(s.depthFrom()).append(',')
                    .append(s.depthTo()).append(',').append(s.lon()).append(',').append(s.lat()).append(',')
                    .append(field(r.source.source())).append(',').append(r.status.label()).append(',')
                    .append(c.readings).append(',').append(c.flagRejected).append(',').append(c.noValue).append(',')
                    .append(c.unused).append(',').append(c.days).append(',').append(c.daysTooFew).append(',')
                    .append(c.kept).append(',').append(r.first == null ? "" : r.first.toString()).append(',')
                    .append(r.last == null ? "" : r.last.toString()).append('\n');
        }
        return sb.toString();
    }

    /** RFC 4180 quoting for the text fields: file and station names may hold commas. */
    private static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
