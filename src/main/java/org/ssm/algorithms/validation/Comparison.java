package org.ssm.algorithms.validation;

/**
 * A station's pairs with one product and their metrics (paper E eq. 12–15, paper B Table S1).
 *
 * @param pairs the pairs
 * @param metrics their metrics
 */
public record Comparison(StationPairs pairs, Metrics metrics) {

    /** The comparison of {@code pairs}. */
    public static Comparison of(StationPairs pairs) {
        return new Comparison(pairs, pairs.moments().metrics());
    }
}
