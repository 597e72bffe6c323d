package org.ssm.algorithms.tch;

import java.util.Arrays;

/**
 * The three-cornered hat estimate for one pixel (paper E §3.5): the error covariance R of the N
 * products, from which the uncertainty of product i is √R_ii and its relative uncertainty √R_ii
 * divided by the product's mean.
 *
 * @param outcome what became of the pixel; the arrays hold NaN unless {@link TchOutcome#solved()}
 * @param dates dates valid in every product (the samples behind S)
 * @param covariance R, N×N row-major, in the squared units of the products
 * @param means each product's mean over the common dates
 * @param objective F of eq. 23 at the solution
 * @param constraint G of eq. 24 at the solution (&lt; 0 inside the domain, within the tolerance of 0
 *     on its boundary)
 * @param iterations Newton steps: 1 on F, plus those on the Kuhn–Tucker multiplier
 */
public record TchSolution(TchOutcome outcome, int dates, double[] covariance, double[] means, double objective,
        double constraint, int iterations) {

    public TchSolution {
        covariance = covariance.clone();
        means = means.clone();
    }

    /** An unsolved pixel of {@code products} products. */
    static TchSolution failed(TchOutcome outcome, int products, int dates, double[] means) {
        double[] nan = new double[products * products];
        Arrays.fill(nan, Double.NaN);
        return new TchSolution(outcome, dates, nan, means, Double.NaN, Double.NaN, 0);
    }

    /** Number of products N. */
    public int products() {
        return means.length;
    }

    /** R_ii, the error variance of product {@code i} (0-based). */
    public double variance(int i) {
        return covariance[i * products() + i];
    }

    /** √R_ii; a variance below 0 by rounding on the boundary of eq. 24 counts as 0. */
    public double uncertainty(int i) {
        return Math.sqrt(Math.max(0, variance(i)));
    }

    /** √R_ii / |mean_i| (NaN for a zero mean). */
    public double relativeUncertainty(int i) {
        return ThreeCorneredHat.relative(uncertainty(i), means[i]);
    }

    /** R_ij. */
    public double covariance(int i, int j) {
        return covariance[i * products() + j];
    }

    /** The 0-based index of the product with the least uncertainty (the first of equals), or −1 if unsolved. */
    public int leastUncertain() {
        if (!outcome.solved()) {
            return -1;
        }
        int best = 0;
        for (int i = 1; i < products(); i++) {
            if (variance(i) < variance(best)) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public double[] covariance() {
        return covariance.clone();
    }

    @Override
    public double[] means() {
        return means.clone();
    }
}
