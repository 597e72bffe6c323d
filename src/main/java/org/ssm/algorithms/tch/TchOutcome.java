package org.ssm.algorithms.tch;

/** What the three-cornered hat made of one pixel; every outcome but the two solved ones leaves the pixel NaN. */
public enum TchOutcome {

    /** Solved; the minimum of eq. 23 lies inside the domain G &lt; 0 of eq. 24 (Kuhn–Tucker multiplier 0). */
    SOLVED,
    /**
     * Solved; the unconstrained minimum of eq. 23 would make R indefinite (a negative variance), so the
     * minimum lies on the boundary of eq. 24, where |R| is (within the tolerance) zero.
     */
    SOLVED_ON_BOUNDARY,
    /** No date valid in every product. */
    NO_DATA,
    /** Fewer dates valid in every product than {@code minDates}. */
    TOO_FEW_DATES,
    /** A product does not change over the common dates, so its error cannot be told from the truth's variation. */
    CONSTANT_PRODUCT,
    /**
     * The covariance S of the differences is singular (|S| = 0 within a relative 1e-10): two products
     * are identical, or their differences are linearly dependent, and K of eq. 23 is 0.
     */
    SINGULAR_DIFFERENCES,
    /** The Kuhn–Tucker iteration did not meet the tolerance within {@code maxIterations}. */
    NOT_CONVERGED;

    /** Whether the pixel has estimates. */
    public boolean solved() {
        return this == SOLVED || this == SOLVED_ON_BOUNDARY;
    }

    /** The outcome as written in reports: lower case, words joined by '_'. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
