package org.ssm.scenario;

import org.ssm.core.ParameterException;

/**
 * How the coarse passive-microwave (PM) product departs from the truth: for each coarse cell and
 * day, {@code pm = gain * truthMean + bias + N(0, noise²)}, where {@code truthMean} is the mean of
 * the true SSM over the cell's land pixels, and a fraction {@code gapFraction} of the cells lies in
 * swath gaps (no value).
 *
 * @param bias additive bias, m³/m³, in [-0.2, 0.2]
 * @param gain multiplicative term, in [0.5, 1.5]
 * @param noise standard deviation of the random error, m³/m³, in [0, 0.2]
 * @param gapFraction mean fraction of coarse cells in swath gaps each day, in [0, 0.9]
 */
public record PmErrorModel(double bias, double gain, double noise, double gapFraction) {

    /** +0.02 bias, 10 % gain error, 0.025 noise (close to SMAP's 0.04 target), 28 % gaps. */
    public static final PmErrorModel DEFAULT = new PmErrorModel(0.02, 1.1, 0.025, 0.28);

    public PmErrorModel {
        ParameterException.requireInRange("pmBias", bias, -0.2, 0.2);
        ParameterException.requireInRange("pmGain", gain, 0.5, 1.5);
        ParameterException.requireInRange("pmNoise", noise, 0, 0.2);
        ParameterException.requireInRange("pmGapFraction", gapFraction, 0, 0.9);
    }

    /** The expected PM value for a cell whose land-mean truth is {@code truthMean}. */
    public double expected(double truthMean) {
        return gain * truthMean + bias;
    }
}
