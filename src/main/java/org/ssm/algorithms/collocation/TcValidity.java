package org.ssm.algorithms.collocation;

/**
 * Whether a triple-collocation estimate satisfies what its error model implies, so that its error
 * variances and ρ² can be read as such (McColl et al. 2014, §2: Q_ij = θ_i θ_j for i ≠ j and
 * σ²_ε,i ≥ 0).
 */
public enum TcValidity {
    /** Every covariance positive and every error variance non-negative: 0 &lt; ρ² ≤ 1 for all members. */
    VALID("valid"),
    /**
     * A covariance between two members is zero, negative or undefined: the three do not rise and
     * fall together with one signal (a stuck or inverted sensor), so the signal variances
     * Q_ij Q_ik / Q_jk are negative or undefined.
     */
    NON_POSITIVE_COVARIANCE("a covariance between members is not positive"),
    /**
     * An error variance is negative (ρ² above 1): sampling error or correlated errors, which the
     * error model excludes, dominate the estimate.
     */
    NEGATIVE_ERROR_VARIANCE("an error variance is negative");

    private final String description;

    TcValidity(String description) {
        this.description = description;
    }

    /** A short explanation for reports. */
    public String description() {
        return description;
    }
}
