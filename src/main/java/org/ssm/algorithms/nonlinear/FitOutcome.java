package org.ssm.algorithms.nonlinear;

/**
 * How a fit of paper D §2.2.2, eq. 3, ended. {@link #NONLINEAR} and {@link #LINEAR} give a model;
 * the others leave the coarse pixel and date without one.
 */
public enum FitOutcome {
    /** Levenberg–Marquardt converged to a well-conditioned optimum of (a, b, c) away from the pole. */
    NONLINEAR,
    /**
     * The samples do not determine b (ill-conditioned optimum, optimum on the pole bound, or no
     * convergence), so eq. 2 is fitted with b = 0: SSM = a·ln(1 − SEE) + c, its nested special case.
     */
    LINEAR,
    /** Fewer usable samples than the minimum. */
    TOO_FEW_SAMPLES,
    /** ln(1 − SEE) takes one value over the samples, so a cannot be told from c. */
    FLAT_SEE;

    /** Whether the fit gave a model. */
    public boolean hasModel() {
        return this == NONLINEAR || this == LINEAR;
    }
}
