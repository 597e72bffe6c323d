package org.ssm.stations;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import org.ssm.core.ParameterException;

/**
 * What to keep of the station files read, and how to aggregate it to days.
 *
 * <p>Readings are selected in this order: sensors outside {@link #depths} are dropped whole; readings
 * whose flag {@link #flags} rejects, then readings without a value, are dropped; the rest are
 * aggregated. Daily values are dated by the calendar date in {@link #timeZone} of the hour or window
 * they stand for, written as that date's 00:00 UTC, so that every consumer reading the UTC date of an
 * observation finds the day meant.
 *
 * @param depths the soil layers kept
 * @param flags the quality flags kept
 * @param aggregation none, one reading a day at {@code hour}, or the daily mean over {@code window}
 * @param hour the local time of day of {@link Aggregation#DAILY_AT_HOUR}
 * @param window the local window of {@link Aggregation#DAILY_MEAN}
 * @param timeZone the zone in which {@code hour} and {@code window} are given (ISMN data are in UTC)
 * @param minReadings fewest readings in the window for a daily mean, in [1, {@value #MAX_MIN_READINGS}]
 *     (used by {@link Aggregation#DAILY_MEAN} only)
 */
public record StationReadOptions(DepthRange depths, FlagFilter flags, Aggregation aggregation, LocalTime hour,
        TimeWindow window, ZoneId timeZone, int minReadings) {

    public static final String DEFAULT_AGGREGATION = "NONE";
    /** Paper B's hour (§2.2.2): 09:00 UTC, near the MODIS overpass over Austria. */
    public static final String DEFAULT_HOUR = "09:00";
    public static final String DEFAULT_WINDOW = "00:00/23:59:59";
    public static final String DEFAULT_TIME_ZONE = "UTC";
    public static final int DEFAULT_MIN_READINGS = 1;
    /** One reading a minute over a whole day. */
    public static final int MAX_MIN_READINGS = 1440;
    /**
     * A reading this close to the hour stands for it: half the hourly step of ISMN, so a network that
     * logs at :55 or :05 still gives one reading a day and no reading can stand for two hours.
     */
    public static final int HOUR_TOLERANCE_MINUTES = 30;

    public StationReadOptions {
        if (depths == null) {
            throw ParameterException.missing("depthFrom", "a depth range");
        }
        if (flags == null) {
            throw ParameterException.missing("flags", "accepted flags (may be empty)");
        }
        if (aggregation == null) {
            throw ParameterException.missing("aggregation", "one of NONE, DAILY_AT_HOUR, DAILY_MEAN");
        }
        if (hour == null) {
            throw ParameterException.missing("hour", "a time of day HH:MM");
        }
        if (window == null) {
            throw ParameterException.missing("window", "a window HH:MM/HH:MM");
        }
        if (timeZone == null) {
            throw ParameterException.missing("timeZone", "a time zone such as UTC");
        }
        ParameterException.requireInRange("minReadings", minReadings, 1, MAX_MIN_READINGS);
    }

    /** Every sensor, every reading, no aggregation. */
    public static StationReadOptions defaults() {
        return new StationReadOptions(DepthRange.ANY, FlagFilter.ANY, Aggregation.parse("aggregation",
                DEFAULT_AGGREGATION), parseHour("hour", DEFAULT_HOUR), TimeWindow.parse("window", DEFAULT_WINDOW),
                parseTimeZone("timeZone", DEFAULT_TIME_ZONE), DEFAULT_MIN_READINGS);
    }

    public StationReadOptions withDepths(DepthRange value) {
        return new StationReadOptions(value, flags, aggregation, hour, window, timeZone, minReadings);
    }

    public StationReadOptions withFlags(FlagFilter value) {
        return new StationReadOptions(depths, value, aggregation, hour, window, timeZone, minReadings);
    }

    /** No aggregation: every reading kept is output. */
    public StationReadOptions withoutAggregation() {
        return new StationReadOptions(depths, flags, Aggregation.NONE, hour, window, timeZone, minReadings);
    }

    /** One value a day: the reading at {@code value} local time. */
    public StationReadOptions dailyAt(LocalTime value) {
        return new StationReadOptions(depths, flags, Aggregation.DAILY_AT_HOUR, value, window, timeZone, minReadings);
    }

    /** One value a day: the mean of at least {@code fewest} readings within {@code value}. */
    public StationReadOptions dailyMean(TimeWindow value, int fewest) {
        return new StationReadOptions(depths, flags, Aggregation.DAILY_MEAN, hour, value, timeZone, fewest);
    }

    public StationReadOptions withTimeZone(ZoneId value) {
        return new StationReadOptions(depths, flags, aggregation, hour, window, value, minReadings);
    }

    /** A time of day written {@code HH:MM} (or a bare hour {@code H}). */
    public static LocalTime parseHour(String parameter, String text) {
        if (text != null) {
            String t = text.strip();
            try {
                return t.matches("\\d{1,2}") ? LocalTime.of(Integer.parseInt(t), 0) : LocalTime.parse(t);
            } catch (DateTimeException e) {
                // Reported below with the value received.
            }
        }
        throw new ParameterException(parameter, text, "a time of day HH:MM such as 09:00");
    }

    /** A time zone: an offset ({@code +08:00}), {@code UTC} or a region ({@code Europe/Vienna}). */
    public static ZoneId parseTimeZone(String parameter, String text) {
        if (text != null && !text.isBlank()) {
            try {
                return ZoneId.of(text.strip());
            } catch (DateTimeException e) {
                // Reported below with the value received.
            }
        }
        throw new ParameterException(parameter, text, "a time zone such as UTC, +08:00 or Europe/Vienna");
    }
}
