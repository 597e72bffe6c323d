package org.ssm.algorithms.validation;

/**
 * The downscaling gain of a station (paper E eq. 16–19): the product (HR) and the coarse product
 * (LR) against the station on the dates where all three have a value, so that both sets of
 * metrics describe the same days.
 *
 * @param pairs number of such dates
 * @param hr the product's metrics on them
 * @param lr the coarse product's metrics on them
 * @param gains G_effi, G_prec, G_accu and G_down of HR over LR
 */
public record GainComparison(long pairs, Metrics hr, Metrics lr, GDown gains) {

    /** The comparison of a product and a coarse product on common dates. */
    public static GainComparison of(Metrics hr, Metrics lr) {
        return new GainComparison(hr.n(), hr, lr, GDown.of(lr, hr));
    }
}
