package org.ssm.algorithms.nonlinear;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a run of {@link NonlinearLinkDownscaler} did, date by date: how many coarse pixels were
 * observed and how many ended in each {@link CellOutcome}.
 *
 * @param dates one row per date, in order
 */
public record LinkReport(List<DateRow> dates) {

    public LinkReport {
        dates = List.copyOf(dates);
    }

    /**
     * One date.
     *
     * @param date the date
     * @param cells coarse pixels holding fine cells
     * @param observed those with an observed coarse SSM
     * @param linear pixels with values whose fit fell back to b = 0 ({@link FitOutcome#LINEAR})
     * @param meanRms mean over the fitted pixels of the weighted RMS residual of eq. 3, m³/m³; NaN when none
     * @param counts pixels per outcome, indexed by {@link CellOutcome#ordinal()}
     */
    public record DateRow(LocalDate date, int cells, int observed, int linear, double meanRms, int[] counts) {

        public DateRow {
            counts = counts.clone();
        }

        /** Pixels that ended in {@code outcome}. */
        public int count(CellOutcome outcome) {
            return counts[outcome.ordinal()];
        }

        /** Pixels with a fitted model that received fine values. */
        public int fitted() {
            return count(CellOutcome.DOWNSCALED) + count(CellOutcome.GAP_FILLED);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DateRow r && date.equals(r.date) && cells == r.cells && observed == r.observed && linear == r.linear
                    && Double.compare(meanRms, r.meanRms) == 0 && Arrays.equals(counts, r.counts);
        }

        @Override
        public int hashCode() {
            return date.hashCode() * 31 + Arrays.hashCode(counts);
        }

        @Override
        public String toString() {
            return date + " " + Arrays.toString(counts);
        }
    }

    /**
     * Header of {@link #csv()}: a constant, so that process descriptions can quote it; the outcome
     * columns follow {@link CellOutcome} in order (checked by a test).
     */
    public static final String HEADER = "date,cells,observed,fitted,linear,mean_rms,downscaled,gap_filled,"
            + "no_neighbour,no_optical,too_few_samples,flat_see,pole";

    /** Pixel-dates with values whose fit fell back to b = 0, over every date. */
    public long totalLinear() {
        return dates.stream().mapToLong(DateRow::linear).sum();
    }

    /** Pixel-dates that ended in {@code outcome}, over every date. */
    public long total(CellOutcome outcome) {
        return dates.stream().mapToLong(r -> r.count(outcome)).sum();
    }

    /** One line per date: {@link #HEADER}; the RMS in m³/m³ with 6 decimals, empty when no pixel was fitted. */
    public String csv() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (DateRow r : dates) {
            sb.append(r.date()).append(',').append(r.cells()).append(',').append(r.observed()).append(',')
                    .append(r.fitted()).append(',').append(r.linear()).append(',')
                    .append(Double.isNaN(r.meanRms()) ? "" : String.format(Locale.ROOT, "%.6f", r.meanRms()));
            for (CellOutcome o : CellOutcome.values()) {
                sb.append(',').append(r.count(o));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
