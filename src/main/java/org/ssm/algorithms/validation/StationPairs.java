package org.ssm.algorithms.validation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pairs of one station with one product: the dates (UTC, increasing) on which the station has
 * a daily mean and the product a value in the cell containing it.
 *
 * @param epochDays the dates as {@link LocalDate#toEpochDay()}, increasing
 * @param estimated the product's values
 * @param observed the station's daily means
 */
public record StationPairs(int[] epochDays, double[] estimated, double[] observed) {

    /** No pairs. */
    public static final StationPairs NONE = new StationPairs(new int[0], new double[0], new double[0]);

    public StationPairs {
        epochDays = epochDays.clone();
        estimated = estimated.clone();
        observed = observed.clone();
        if (estimated.length != epochDays.length || observed.length != epochDays.length) {
            throw new IllegalArgumentException("one estimated and one observed value per date");
        }
        for (int i = 1; i < epochDays.length; i++) {
            if (epochDays[i] <= epochDays[i - 1]) {
                throw new IllegalArgumentException("dates must increase");
            }
        }
    }

    /** Number of pairs. */
    public int size() {
        return epochDays.length;
    }

    /** The date of pair {@code i}. */
    public LocalDate date(int i) {
        return LocalDate.ofEpochDay(epochDays[i]);
    }

    @Override
    public int[] epochDays() {
        return epochDays.clone();
    }

    @Override
    public double[] estimated() {
        return estimated.clone();
    }

    @Override
    public double[] observed() {
        return observed.clone();
    }

    /** The statistics of all pairs. */
    public PairMoments moments() {
        return PairMoments.of(estimated, observed);
    }

    /** The statistics of the pairs of each calendar month of each year, in date order. */
    public Map<YearMonth, PairMoments> byMonth() {
        Map<YearMonth, PairMoments> months = new LinkedHashMap<>();
        int start = 0;
        while (start < epochDays.length) {
            YearMonth month = YearMonth.from(date(start));
            int end = start + 1;
            while (end < epochDays.length && YearMonth.from(date(end)).equals(month)) {
                end++;
            }
            months.put(month, PairMoments.of(java.util.Arrays.copyOfRange(estimated, start, end),
                    java.util.Arrays.copyOfRange(observed, start, end)));
            start = end;
        }
        return months;
    }
}
