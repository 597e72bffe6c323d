package org.ssm.algorithms.collocation;

import java.time.LocalDate;
import org.ssm.core.ParameterException;

/**
 * The options of {@link StationScreening}.
 *
 * @param minTriplets fewest complete triplets for an estimate to be trusted, in [{@value
 *     #SMALLEST_MIN_TRIPLETS}, {@value #LARGEST_MIN_TRIPLETS}]
 * @param minInsituRho2 smallest ETC ρ² of the in-situ sensor with the truth for the station to be
 *     kept, in [0, 1]
 * @param scalingReference the member the scaling factors and scaled error deviations refer to
 * @param from first date of the triplets used, or {@code null} for no lower bound
 * @param to last date of the triplets used, or {@code null} for no upper bound
 */
public record ScreeningParameters(int minTriplets, double minInsituRho2, Product scalingReference, LocalDate from,
        LocalDate to) {

    /** Below ten triplets the covariances are too noisy for any screening to mean anything. */
    public static final int SMALLEST_MIN_TRIPLETS = 10;
    /** A century of daily triplets. */
    public static final int LARGEST_MIN_TRIPLETS = 36_600;

    public ScreeningParameters {
        ParameterException.requireInRange("minTriplets", minTriplets, SMALLEST_MIN_TRIPLETS, LARGEST_MIN_TRIPLETS);
        ParameterException.requireInRange("minInsituRho2", minInsituRho2, 0, 1);
        if (scalingReference == null) {
            throw ParameterException.missing("scalingReference", "one of insitu, satellite, model");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new ParameterException("period", from + "/" + to, "an end date on or after the start date");
        }
    }

    /** The defaults of {@link StationScreening}, over every date. */
    public static ScreeningParameters defaults() {
        return new ScreeningParameters(StationScreening.DEFAULT_MIN_TRIPLETS, StationScreening.DEFAULT_MIN_INSITU_RHO2,
                Product.parse("scalingReference", StationScreening.DEFAULT_SCALING_REFERENCE), null, null);
    }

    public ScreeningParameters withMinTriplets(int value) {
        return new ScreeningParameters(value, minInsituRho2, scalingReference, from, to);
    }

    public ScreeningParameters withMinInsituRho2(double value) {
        return new ScreeningParameters(minTriplets, value, scalingReference, from, to);
    }

    public ScreeningParameters withScalingReference(Product value) {
        return new ScreeningParameters(minTriplets, minInsituRho2, value, from, to);
    }

    /** These options restricted to the triplets dated within [first, last] (either may be null). */
    public ScreeningParameters withPeriod(LocalDate first, LocalDate last) {
        return new ScreeningParameters(minTriplets, minInsituRho2, scalingReference, first, last);
    }

    /** Whether {@code date} lies in the period. */
    public boolean includes(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}
