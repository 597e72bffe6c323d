package org.ssm.algorithms.pointsurface;

import java.time.LocalDate;
import java.util.Objects;
import org.ssm.core.ParameterException;

/**
 * Parameters of the point-surface fusion of paper B §3.4 beside the learning method's own.
 *
 * @param crossValidation how the station-days are cross-validated
 * @param trainFrom first date of the station-days that train the final model, or {@code null} for
 *     the first; B trains on April–October 2018 and applies the model to 2017
 * @param trainTo last such date, or {@code null} for the last
 */
public record FusionParameters(CrossValidationParameters crossValidation, LocalDate trainFrom, LocalDate trainTo) {

    public FusionParameters {
        Objects.requireNonNull(crossValidation, "crossValidation");
        if (trainFrom != null && trainTo != null && trainTo.isBefore(trainFrom)) {
            throw new ParameterException("trainingPeriod", trainFrom + "/" + trainTo, "a start on or before the end");
        }
    }

    /** Cross-validation by year; the final model trained on every station-day. */
    public static FusionParameters defaults() {
        return new FusionParameters(CrossValidationParameters.defaults(), null, null);
    }

    public FusionParameters withCrossValidation(CrossValidationParameters value) {
        return new FusionParameters(value, trainFrom, trainTo);
    }

    public FusionParameters withTrainingPeriod(LocalDate from, LocalDate to) {
        return new FusionParameters(crossValidation, from, to);
    }
}
