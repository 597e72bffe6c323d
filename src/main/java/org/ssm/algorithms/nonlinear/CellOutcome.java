package org.ssm.algorithms.nonlinear;

/**
 * What became of one coarse pixel on one date in {@link NonlinearLinkDownscaler}; each pixel and
 * date ends in exactly one outcome. Only {@link #DOWNSCALED} and {@link #GAP_FILLED} give fine values.
 */
public enum CellOutcome {
    /** Observed coarse SSM downscaled by eq. 5. */
    DOWNSCALED("downscaled"),
    /** Swath gap filled from t − 1 and/or t + 1 by eq. 6, then downscaled by eq. 5. */
    GAP_FILLED("gap_filled"),
    /**
     * Swath gap with no coarse value on t − 1 or t + 1 usable for eq. 6 (the paper's case of three
     * missing days, or neighbours whose SEE and NMDI cover too little of the pixel): NaN.
     */
    NO_NEIGHBOUR("no_neighbour"),
    /** No fine pixel with both SEE and NMDI (cloud, dense vegetation), ⟨SEE⟩ = 1, or too little cover in a gap: NaN. */
    NO_OPTICAL("no_optical"),
    /** The fit of eq. 3 had too few samples: NaN. */
    TOO_FEW_SAMPLES("too_few_samples"),
    /** The fit of eq. 3 saw no spread in ln(1 − SEE): NaN. */
    FLAT_SEE("flat_see"),
    /**
     * The pixel's own ⟨NMDI⟩ (or that of a day used by eq. 6) lies within {@link LinkFit#MIN_DENOMINATOR}
     * of the fitted model's pole 1 − b·NMDI = 0, where eq. 5 would blow up: NaN.
     */
    POLE("pole");

    private final String csvName;

    CellOutcome(String csvName) {
        this.csvName = csvName;
    }

    /** The column name in the report. */
    public String csvName() {
        return csvName;
    }

    /** Whether the pixel received fine values. */
    public boolean hasValues() {
        return this == DOWNSCALED || this == GAP_FILLED;
    }

    /** The outcome of a fit that gave no model. */
    static CellOutcome of(FitOutcome failure) {
        return switch (failure) {
            case TOO_FEW_SAMPLES -> TOO_FEW_SAMPLES;
            case FLAT_SEE -> FLAT_SEE;
            case NONLINEAR, LINEAR -> throw new IllegalArgumentException("a fit with a model is not a failure");
        };
    }
}
