package org.ssm.stations;

import java.util.Locale;
import org.ssm.core.ParameterException;

/**
 * How hourly (or finer) readings become the daily values that daily grids are compared with.
 *
 * <ul>
 *   <li>{@link #NONE}: every reading as it is.
 *   <li>{@link #DAILY_AT_HOUR}: one reading a day, the one at a given local hour (the nearest within
 *       half an hour). Paper B (§2.2.2) takes its hourly data at 09:00 UTC, close to the MODIS overpass
 *       over its catchment.
 *   <li>{@link #DAILY_MEAN}: the mean of the readings within a local time window, e.g. paper D
 *       (§2.1.3) averages the readings of 1:00 and 2:00 a.m. to match the 1:30 a.m. AMSR overpass.
 * </ul>
 */
public enum Aggregation {
    NONE,
    DAILY_AT_HOUR,
    DAILY_MEAN;

    /** The aggregation named by {@code text} (case-insensitive). */
    public static Aggregation parse(String parameter, String text) {
        if (text != null) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // Reported below with the value received.
            }
        }
        throw new ParameterException(parameter, text, "one of NONE, DAILY_AT_HOUR, DAILY_MEAN");
    }
}
