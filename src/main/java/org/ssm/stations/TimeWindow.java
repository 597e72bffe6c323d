package org.ssm.stations;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.ssm.core.ParameterException;

/**
 * A window of the day in local time, both ends included: {@code 01:00/02:00} holds the readings of
 * 1:00 and 2:00 a.m. (paper D, §2.1.3). It does not cross midnight, so each window belongs to one
 * calendar date.
 *
 * @param start the first time of day in the window
 * @param end the last time of day in the window, not before {@code start}
 */
public record TimeWindow(LocalTime start, LocalTime end) {

    /** The whole day. */
    public static final TimeWindow DAY = new TimeWindow(LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59));

    private static final String ALLOWED = "start/end as HH:MM/HH:MM within one day, start not after end,"
            + " e.g. 01:00/02:00";

    public TimeWindow {
        if (start == null || end == null || end.isBefore(start)) {
            throw new ParameterException("window", start + "/" + end, ALLOWED);
        }
    }

    /** The window written {@code HH:MM/HH:MM}. */
    public static TimeWindow parse(String parameter, String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("/", -1);
        if (parts.length == 2) {
            try {
                LocalTime start = LocalTime.parse(parts[0].strip());
                LocalTime end = LocalTime.parse(parts[1].strip());
                if (!end.isBefore(start)) {
                    return new TimeWindow(start, end);
                }
            } catch (DateTimeParseException e) {
                // Reported below with the value received.
            }
        }
        throw new ParameterException(parameter, text, ALLOWED);
    }

    /** Whether {@code time} lies in the window. */
    public boolean contains(LocalTime time) {
        return !time.isBefore(start) && !time.isAfter(end);
    }

    @Override
    public String toString() {
        return start + "/" + end;
    }
}
