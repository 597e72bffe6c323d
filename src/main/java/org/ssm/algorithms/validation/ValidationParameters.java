package org.ssm.algorithms.validation;

import java.time.LocalDate;
import org.ssm.core.ParameterException;

/**
 * The choices of a validation run.
 *
 * @param minPairs fewest pairs a station needs to enter the overall and monthly aggregates and the
 *     box plots (its own row is reported whatever its count); per month, a station enters the
 *     month's mean over stations with at least this many pairs in that month
 * @param spatialSdMinStations fewest stations reporting on a date for its spatial standard
 *     deviation to be computed (paper B §4.2.3: "at least 10 data samples")
 * @param from first date counted, or {@code null} for no lower bound
 * @param to last date counted, or {@code null} for no upper bound
 */
public record ValidationParameters(int minPairs, int spatialSdMinStations, LocalDate from, LocalDate to) {

    /** Default of {@code minPairs}. */
    public static final int DEFAULT_MIN_PAIRS = 10;
    /** Smallest {@code minPairs}: PCC, ubRMSE and slope need two pairs. */
    public static final int SMALLEST_MIN_PAIRS = 2;
    /** Largest {@code minPairs}: a century of daily pairs. */
    public static final int LARGEST_MIN_PAIRS = 36_600;
    /** Default of {@code spatialSdMinStations}, paper B §4.2.3. */
    public static final int DEFAULT_SPATIAL_SD_MIN_STATIONS = 10;
    /** Smallest {@code spatialSdMinStations}: a standard deviation needs two values. */
    public static final int SMALLEST_SPATIAL_SD_MIN_STATIONS = 2;
    /** Largest {@code spatialSdMinStations}. */
    public static final int LARGEST_SPATIAL_SD_MIN_STATIONS = 1_000_000;

    public ValidationParameters {
        ParameterException.requireInRange("minPairs", minPairs, SMALLEST_MIN_PAIRS, LARGEST_MIN_PAIRS);
        ParameterException.requireInRange("spatialSdMinStations", spatialSdMinStations,
                SMALLEST_SPATIAL_SD_MIN_STATIONS, LARGEST_SPATIAL_SD_MIN_STATIONS);
        if (from != null && to != null && to.isBefore(from)) {
            throw new ParameterException("period", from + "/" + to, "an end on or after the start");
        }
    }

    /** The defaults over every date. */
    public static ValidationParameters defaults() {
        return new ValidationParameters(DEFAULT_MIN_PAIRS, DEFAULT_SPATIAL_SD_MIN_STATIONS, null, null);
    }

    /** These parameters restricted to [from, to] (either may be null). */
    public ValidationParameters withPeriod(LocalDate newFrom, LocalDate newTo) {
        return new ValidationParameters(minPairs, spatialSdMinStations, newFrom, newTo);
    }

    /** These parameters with another {@code minPairs}. */
    public ValidationParameters withMinPairs(int value) {
        return new ValidationParameters(value, spatialSdMinStations, from, to);
    }

    /** These parameters with another {@code spatialSdMinStations}. */
    public ValidationParameters withSpatialSdMinStations(int value) {
        return new ValidationParameters(minPairs, value, from, to);
    }

    /** Whether {@code date} lies within the period. */
    public boolean includes(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}
