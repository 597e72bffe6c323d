package org.ssm.algorithms.tch;

import java.util.List;
import java.util.Locale;
import org.ssm.core.ParameterException;

/**
 * What a run of {@link ThreeCorneredHat} (paper E §3.5) found: how many pixels ended in each
 * {@link TchOutcome}, and per product how often it was the least uncertain (the shares of paper E
 * §4.3, Fig. 7, and §5, Fig. 15) and its mean uncertainty over the solved pixels.
 *
 * @param outcomes pixels per outcome, indexed by {@link TchOutcome#ordinal()}
 * @param leastUncertain pixels where product i has the least uncertainty
 * @param meanUncertainty mean of √R_ii over the solved pixels (NaN if none)
 * @param meanRelativeUncertainty mean of the relative uncertainty over the solved pixels where it is
 *     finite (NaN if none)
 */
public record TchReport(long[] outcomes, long[] leastUncertain, double[] meanUncertainty,
        double[] meanRelativeUncertainty) {

    /** Header of {@link #outcomesCsv()}. */
    public static final String OUTCOMES_HEADER = "outcome,pixels,fraction";
    /** Header of {@link #productsCsv(List)}. */
    public static final String PRODUCTS_HEADER = "product,name,least_uncertain_pixels,least_uncertain_fraction,"
            + "mean_uncertainty,mean_relative_uncertainty";

    public TchReport {
        outcomes = outcomes.clone();
        leastUncertain = leastUncertain.clone();
        meanUncertainty = meanUncertainty.clone();
        meanRelativeUncertainty = meanRelativeUncertainty.clone();
    }

    /** Pixels that ended in {@code outcome}. */
    public long count(TchOutcome outcome) {
        return outcomes[outcome.ordinal()];
    }

    /** Every pixel of the grid. */
    public long pixels() {
        long sum = 0;
        for (long c : outcomes) {
            sum += c;
        }
        return sum;
    }

    /** Pixels with estimates. */
    public long solved() {
        return count(TchOutcome.SOLVED) + count(TchOutcome.SOLVED_ON_BOUNDARY);
    }

    /** One line per outcome: {@value #OUTCOMES_HEADER}, fractions of every pixel. */
    public String outcomesCsv() {
        StringBuilder sb = new StringBuilder(OUTCOMES_HEADER).append('\n');
        long total = pixels();
        for (TchOutcome o : TchOutcome.values()) {
            sb.append(o.label()).append(',').append(count(o)).append(',')
                    .append(fraction(count(o), total)).append('\n');
        }
        return sb.toString();
    }

    /**
     * One line per product: {@value #PRODUCTS_HEADER}; the fraction is of the solved pixels.
     *
     * @param names the products' names, in input order
     */
    public String productsCsv(List<String> names) {
        if (names.size() != leastUncertain.length) {
            throw new ParameterException("names", names.size() + " names", leastUncertain.length
                    + " names, one per product");
        }
        StringBuilder sb = new StringBuilder(PRODUCTS_HEADER).append('\n');
        for (int i = 0; i < leastUncertain.length; i++) {
            sb.append(i + 1).append(',').append(names.get(i)).append(',').append(leastUncertain[i]).append(',')
                    .append(fraction(leastUncertain[i], solved())).append(',').append(number(meanUncertainty[i]))
                    .append(',').append(number(meanRelativeUncertainty[i])).append('\n');
        }
        return sb.toString();
    }

    private static String fraction(long part, long whole) {
        return whole == 0 ? "NaN" : String.format(Locale.ROOT, "%.6f", (double) part / whole);
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.6g", v);
    }

    /** Counts and sums of one block of pixels, merged in block order so that the sums do not depend on threads. */
    static final class Tally {
        final long[] outcomes = new long[TchOutcome.values().length];
        final long[] least;
        final double[] sumUncertainty;
        final double[] sumRelative;
        final long[] relativeCount;

        Tally(int products) {
            least = new long[products];
            sumUncertainty = new double[products];
            sumRelative = new double[products];
            relativeCount = new long[products];
        }

        void add(Tally other) {
            for (int i = 0; i < outcomes.length; i++) {
                outcomes[i] += other.outcomes[i];
            }
            for (int p = 0; p < least.length; p++) {
                least[p] += other.least[p];
                sumUncertainty[p] += other.sumUncertainty[p];
                sumRelative[p] += other.sumRelative[p];
                relativeCount[p] += other.relativeCount[p];
            }
        }

        TchReport report() {
            long solved = outcomes[TchOutcome.SOLVED.ordinal()] + outcomes[TchOutcome.SOLVED_ON_BOUNDARY.ordinal()];
            double[] meanU = new double[least.length];
            double[] meanR = new double[least.length];
            for (int p = 0; p < least.length; p++) {
                meanU[p] = solved == 0 ? Double.NaN : sumUncertainty[p] / solved;
                meanR[p] = relativeCount[p] == 0 ? Double.NaN : sumRelative[p] / relativeCount[p];
            }
            return new TchReport(outcomes, least, meanU, meanR);
        }
    }
}
