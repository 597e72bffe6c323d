package org.ssm.scenario;

import java.time.LocalDate;
import java.util.List;
import org.ssm.core.ParameterException;

/**
 * A closed range of days, such as one season of the twin experiment.
 *
 * @param start first day
 * @param end last day, on or after {@code start}
 */
public record DateRange(LocalDate start, LocalDate end) {

    /** Longest range accepted: ten years is ample for a season and bounds memory. */
    public static final int MAX_DAYS = 3660;

    public DateRange {
        if (start == null || end == null) {
            throw new ParameterException("period", start + "/" + end, "a start and an end date");
        }
        long days = end.toEpochDay() - start.toEpochDay() + 1;
        if (days < 1 || days > MAX_DAYS) {
            throw new ParameterException("period", start + "/" + end, "an end on or after the start, at most "
                    + MAX_DAYS + " days in all");
        }
    }

    /** The range from {@code start} to {@code end}, both ISO dates. */
    public static DateRange of(String start, String end) {
        return new DateRange(LocalDate.parse(start), LocalDate.parse(end));
    }

    /** Number of days, both ends included. */
    public int days() {
        return (int) (end.toEpochDay() - start.toEpochDay() + 1);
    }

    /** Every day of the range, in order. */
    public List<LocalDate> dates() {
        return start.datesUntil(end.plusDays(1)).toList();
    }

    @Override
    public String toString() {
        return start + "/" + end;
    }
}
