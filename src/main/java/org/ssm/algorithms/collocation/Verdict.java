package org.ssm.algorithms.collocation;

/** Whether a station is kept as a reliable sensor and, if not, why. */
public enum Verdict {
    KEPT("kept"),
    OUTSIDE_SATELLITE_GRID("outside_satellite_grid"),
    OUTSIDE_MODEL_GRID("outside_model_grid"),
    TOO_FEW_TRIPLETS("too_few_triplets"),
    NON_POSITIVE_COVARIANCE("non_positive_covariance"),
    NEGATIVE_ERROR_VARIANCE("negative_error_variance"),
    LOW_INSITU_RHO2("low_insitu_rho2");

    private final String code;

    Verdict(String code) {
        this.code = code;
    }

    /** The machine-readable reason written to tables and attributes. */
    public String code() {
        return code;
    }

    public boolean kept() {
        return this == KEPT;
    }
}
