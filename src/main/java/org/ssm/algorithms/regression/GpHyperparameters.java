package org.ssm.algorithms.regression;

import org.ssm.core.ParameterException;

/**
 * Hyperparameters of the squared-exponential Gaussian process of paper E §3.2.4.
 *
 * @param lengthScales ℓ_d, one per predictor, &gt; 0
 * @param signalVariance σ_f², &gt; 0
 * @param noiseVariance σ_n², &gt; 0
 */
public record GpHyperparameters(double[] lengthScales, double signalVariance, double noiseVariance) {

    public GpHyperparameters {
        for (double l : lengthScales) {
            ParameterException.requirePositive("lengthScales", l);
        }
        ParameterException.requirePositive("signalVariance", signalVariance);
        ParameterException.requirePositive("noiseVariance", noiseVariance);
        lengthScales = lengthScales.clone();
    }

    @Override
    public double[] lengthScales() {
        return lengthScales.clone();
    }
}
