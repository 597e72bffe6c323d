package org.ssm.scenario;

import org.ssm.core.ParameterException;

/**
 * How the reanalysis-like product departs from the truth. Each day the target
 * {@code gain * truthMean + offset} is computed per coarse cell, and the product follows it through
 * an exponential filter with time constant {@code timescaleDays}: a land-surface model driven by
 * coarse forcing reacts slowly and sees neither the local rain cells nor the full dynamic range.
 *
 * @param gain damping of the truth's variations, in [0.2, 1.5]
 * @param offset additive term, m³/m³, in [-0.2, 0.3]
 * @param timescaleDays e-folding time of the filter in days, in [0, 60] (0 = no filtering)
 */
public record ReanalysisModel(double gain, double offset, double timescaleDays) {

    /** 0.8·truth + 0.07, filtered over 4 days. */
    public static final ReanalysisModel DEFAULT = new ReanalysisModel(0.8, 0.07, 4);

    public ReanalysisModel {
        ParameterException.requireInRange("reanalysisGain", gain, 0.2, 1.5);
        ParameterException.requireInRange("reanalysisOffset", offset, -0.2, 0.3);
        ParameterException.requireInRange("reanalysisTimescaleDays", timescaleDays, 0, 60);
    }

    /** Weight kept from the previous day's value. */
    double memory() {
        return timescaleDays == 0 ? 0 : Math.exp(-1 / timescaleDays);
    }
}
