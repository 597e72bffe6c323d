package org.ssm.algorithms.regression;

import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.core.ParameterException;

/**
 * Settings of the stepwise selection of {@link StepwiseRegression}: partial F-test p-values for
 * entering and removing a term (the criterion and the defaults of MATLAB's {@code stepwiselm},
 * which Piles et al. 2016 and paper E used), a cap on the number of terms, and whether the
 * pairwise products of E eq. 4 are candidates at all.
 *
 * @param pEnter a term enters when the p-value of its partial F-test is below this, in (0, 1)
 * @param pRemove a term leaves when its p-value exceeds this; at least {@code pEnter}, so that a term
 *     just entered is never removed again at once, in (0, 1)
 * @param maxTerms most terms besides the intercept, at least 1
 * @param interactions whether the products A_i·A_j (i ≥ j, squares included) are candidates
 */
public record StepwiseParameters(double pEnter, double pRemove, int maxTerms, boolean interactions) {

    /** Default entry p-value (MATLAB stepwiselm). */
    public static final double DEFAULT_P_ENTER = 0.05;
    /** Default removal p-value (MATLAB stepwiselm). */
    public static final double DEFAULT_P_REMOVE = 0.10;
    /** Default cap on the number of terms: every candidate of eight predictors (8 + 36 = 44). */
    public static final int DEFAULT_MAX_TERMS = 44;
    /** Largest accepted cap. */
    public static final int MAX_TERMS = 1000;

    /** Paper E eq. 4 with the defaults above. */
    public static final StepwiseParameters DEFAULTS =
            new StepwiseParameters(DEFAULT_P_ENTER, DEFAULT_P_REMOVE, DEFAULT_MAX_TERMS, true);

    public StepwiseParameters {
        if (!(pEnter > 0 && pEnter < 1)) {
            throw new ParameterException("pEnter", pEnter, "a p-value in (0, 1)");
        }
        if (!(pRemove >= pEnter && pRemove < 1)) {
            throw new ParameterException("pRemove", pRemove, "a p-value in [pEnter = " + pEnter + ", 1)");
        }
        ParameterException.requireInRange("maxTerms", maxTerms, 1, MAX_TERMS);
    }

    /** Paper E eq. 4 with the defaults above. */
    public static StepwiseParameters defaults() {
        return DEFAULTS;
    }

    public StepwiseParameters withPEnter(double value) {
        return new StepwiseParameters(value, Math.max(pRemove, value), maxTerms, interactions);
    }

    public StepwiseParameters withPRemove(double value) {
        return new StepwiseParameters(pEnter, value, maxTerms, interactions);
    }

    public StepwiseParameters withMaxTerms(int value) {
        return new StepwiseParameters(pEnter, pRemove, value, interactions);
    }

    public StepwiseParameters withInteractions(boolean value) {
        return new StepwiseParameters(pEnter, pRemove, maxTerms, value);
    }

    /**
     * The parameters a client gave by name ({@code pEnter}, {@code pRemove}, {@code maxTerms},
     * {@code interactions}: true or false), the defaults for the others. When only {@code pEnter} is
     * given and exceeds the default {@code pRemove}, {@code pRemove} follows it up.
     */
    public static StepwiseParameters fromOptions(TrainerOptions options) {
        double enter = options.number("pEnter", DEFAULT_P_ENTER);
        double remove = options.number("pRemove", options.has("pRemove") ? DEFAULT_P_REMOVE
                : Math.max(DEFAULT_P_REMOVE, enter));
        String text = options.text("interactions", "true").strip().toLowerCase(java.util.Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw new ParameterException("interactions", options.values().get("interactions"), "true or false");
        }
        return new StepwiseParameters(enter, remove, options.integer("maxTerms", DEFAULT_MAX_TERMS),
                Boolean.parseBoolean(text));
    }
}
