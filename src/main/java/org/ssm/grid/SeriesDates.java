package org.ssm.grid;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.ssm.core.ParameterException;

/**
 * Parses and formats the dates of a series: a comma list of ISO dates
 * ({@code 2021-04-01,2021-04-17}) or an ISO 8601 repeating interval ({@code 2021-04-01/2021-09-30/P1D}).
 */
public final class SeriesDates {

    /** Longest series accepted, to stop a malformed interval from exhausting memory. */
    public static final int MAX_DATES = 100_000;

    private static final String FORMS =
            "ISO dates as a comma list (2021-04-01,2021-04-02) or an interval start/end/period (2021-04-01/2021-09-30/P1D)";

    private SeriesDates() {}

    /**
     * Parses {@code text}; errors name {@code parameter}.
     *
     * @throws ParameterException if the text is not one of the two forms, or dates are not strictly
     *     increasing
     */
    public static List<LocalDate> parse(String parameter, String text) {
        if (text == null || text.isBlank()) {
            throw new ParameterException(parameter, text, FORMS);
        }
        List<LocalDate> dates = new ArrayList<>();
        try {
            for (String part : text.split(",")) {
                String item = part.strip();
                if (item.contains("/")) {
                    expandInterval(parameter, item, dates);
                } else {
                    dates.add(LocalDate.parse(item));
                }
            }
        } catch (DateTimeParseException e) {
            throw new ParameterException(parameter, text, FORMS + " (" + e.getParsedString() + " is not an ISO date)");
        }
        requireIncreasing(parameter, dates);
        return List.copyOf(dates);
    }

    private static void expandInterval(String parameter, String item, List<LocalDate> dates) {
        String[] parts = item.split("/");
        if (parts.length != 3) {
            throw new ParameterException(parameter, item, FORMS);
        }
        LocalDate start = LocalDate.parse(parts[0].strip());
        LocalDate end = LocalDate.parse(parts[1].strip());
        Period step;
        try {
            step = Period.parse(parts[2].strip());
        } catch (DateTimeParseException e) {
            throw new ParameterException(parameter, item, "a period such as P1D or P16D after the second '/'");
        }
        if (step.isNegative() || step.isZero()) {
            throw new ParameterException(parameter, item, "a positive period");
        }
        for (LocalDate d = start; !d.isAfter(end); d = d.plus(step)) {
            if (dates.size() >= MAX_DATES) {
                throw new ParameterException(parameter, item, "at most " + MAX_DATES + " dates");
            }
            dates.add(d);
        }
    }

    /** Fails unless the dates are strictly increasing. */
    public static void requireIncreasing(String parameter, List<LocalDate> dates) {
        if (dates.isEmpty()) {
            throw new ParameterException(parameter, "(no dates)", "at least one date");
        }
        for (int i = 1; i < dates.size(); i++) {
            if (!dates.get(i).isAfter(dates.get(i - 1))) {
                throw new ParameterException(parameter, dates.get(i - 1) + " then " + dates.get(i),
                        "strictly increasing dates");
            }
        }
    }

    /**
     * The compact text of {@code dates}: an interval when they are evenly spaced by whole days and
     * there are at least three, a comma list otherwise.
     */
    public static String format(List<LocalDate> dates) {
        if (dates.size() >= 3) {
            long step = dates.get(1).toEpochDay() - dates.get(0).toEpochDay();
            boolean regular = true;
            for (int i = 2; i < dates.size() && regular; i++) {
                regular = dates.get(i).toEpochDay() - dates.get(i - 1).toEpochDay() == step;
            }
            if (regular) {
                return dates.get(0) + "/" + dates.get(dates.size() - 1) + "/P" + step + "D";
            }
        }
        StringBuilder sb = new StringBuilder();
        for (LocalDate d : dates) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(d);
        }
        return sb.toString();
    }
}
