package org.ssm.algorithms.kriging;

import java.util.List;

/**
 * The outcome of {@link VariogramDeconvolution} (paper E §3.2.5, the variogram behind eq. 11): the
 * point variogram, the experimental areal variogram it was fitted to and its regularised values at
 * the same distance classes.
 *
 * @param point the fitted point-support variogram
 * @param bins the experimental areal variogram's distance classes
 * @param regularised the point model regularised to the coarse pixel, one value per bin
 * @param relativeMisfit sqrt(Σ N (γ̂ − γ_v)² / Σ N γ̂²) over the bins, 0 for a perfect match
 * @param degenerate whether the residuals showed no spatial variation (no pairs or all semivariances
 *     zero): the point variogram then has sill 0 and a nominal range, and kriging reduces to a
 *     weighted mean whose weights sum to 1
 */
public record DeconvolvedVariogram(PointVariogram point, List<ExperimentalVariogram.Bin> bins, double[] regularised,
        double relativeMisfit, boolean degenerate) {

    public DeconvolvedVariogram {
        bins = List.copyOf(bins);
        regularised = regularised.clone();
    }

    @Override
    public double[] regularised() {
        return regularised.clone();
    }
}
