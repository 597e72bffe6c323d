package org.ssm.io.stations;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.Instant;

/**
 * The fields shared by the two ISMN formats: dates {@code yyyy/mm/dd}, times {@code HH:MM} in UTC,
 * decimal numbers, and the run of numbers that follows a station name (which may hold spaces).
 */
final class IsmnFields {

    private IsmnFields() {}

    /** Whether {@code token} is written like an ISMN date, {@code yyyy/mm/dd}. */
    static boolean looksLikeDate(String token) {
        return token.length() == 10 && token.charAt(4) == '/' && token.charAt(7) == '/' && digits(token, 0, 4)
                && digits(token, 5, 7) && digits(token, 8, 10);
    }

    /** Whether {@code token} is written like an ISMN time of day, {@code HH:MM}. */
    static boolean looksLikeTime(String token) {
        return token.length() == 5 && token.charAt(2) == ':' && digits(token, 0, 2) && digits(token, 3, 5);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The UTC instant of a date and a time, or a {@link StationFileException} naming what is wrong. */
    static Instant instant(String file, int line, String date, String time) {
        if (!looksLikeDate(date)) {
            throw new StationFileException(file, line, "'" + date + "' is not a date yyyy/mm/dd");
        }
        if (!looksLikeTime(time)) {
            throw new StationFileException(file, line, "'" + time + "' is not a time of day HH:MM");
        }
        try {
            return LocalDateTime.of(Integer.parseInt(date.substring(0, 4)), Integer.parseInt(date.substring(5, 7)),
                    Integer.parseInt(date.substring(8, 10)), Integer.parseInt(time.substring(0, 2)),
                    Integer.parseInt(time.substring(3, 5))).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new StationFileException(file, line, "'" + date + " " + time + "' is not a valid date and time ("
                    + e.getMessage() + ")");
        }
    }

    /** Whether {@code token} is a finite decimal number. */
    static boolean isNumber(String token) {
        try {
            return Double.isFinite(Double.parseDouble(token));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The first index {@code i >= from} where {@code count} numbers follow one another, or -1: the end
     * of a station name, which may be several words, before the coordinates.
     */
    static int numberRun(String[] tokens, int from, int count) {
        for (int i = from; i + count <= tokens.length; i++) {
            boolean run = true;
            for (int k = i; k < i + count && run; k++) {
                run = isNumber(tokens[k]);
            }
            if (run) {
                return i;
            }
        }
        return -1;
    }

    /** A soil-moisture value: a number, or NaN for {@code NaN} (no value). */
    static double value(String file, int line, String token) {
        if (token.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(token);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // Reported below with the value received.
        }
        throw new StationFileException(file, line, "'" + token + "' is not a soil moisture value (m3/m3)");
    }

    /** Splits a line at runs of white space. */
    static String[] tokens(String line) {
        String s = line.strip();
        return s.isEmpty() ? new String[0] : s.split("\\s+");
    }

    /** A position and layer must lie in the ranges of {@code Station}; say which field is off and where. */
    static void checkStationFields(String file, int line, double lat, double lon, double depthFrom, double depthTo) {
        if (!(lat >= -90 && lat <= 90)) {
            throw new StationFileException(file, line, "latitude " + lat + " is outside [-90, 90]");
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new StationFileException(file, line, "longitude " + lon + " is outside [-180, 180]");
        }
        if (!(depthFrom >= 0 && depthFrom <= 100)) {
            throw new StationFileException(file, line, "depth_from " + depthFrom + " m is outside [0, 100]");
        }
        if (!(depthTo >= depthFrom && depthTo <= 100)) {
            throw new StationFileException(file, line, "depth_to " + depthTo + " m is not in [depth_from = "
                    + depthFrom + ", 100]");
        }
    }
}
