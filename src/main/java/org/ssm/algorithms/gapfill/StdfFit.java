package org.ssm.algorithms.gapfill;

/**
 * The coefficients of paper D eq. 1 fitted for one target date t1 and one neighbouring date t0, in
 * normalised units:
 *
 * <pre>LST*(t1) = a · LST*(t0) + b · NDVI*(t1) + c · DEM* + d</pre>
 *
 * Immutable.
 *
 * @param a coefficient of the neighbour's normalised LST
 * @param b coefficient of the target date's normalised NDVI
 * @param c coefficient of the normalised elevation
 * @param d intercept
 * @param pairs pixels clear on both dates the fit was made on
 * @param residualRms root-mean-square residual of the fit, in normalised LST units
 */
public record StdfFit(double a, double b, double c, double d, long pairs, double residualRms) {

    /** Eq. 1 at one pixel, all arguments normalised; the result is normalised LST at t1. */
    public double predict(double lstNeighbour, double ndviTarget, double dem) {
        return a * lstNeighbour + b * ndviTarget + c * dem + d;
    }
}
