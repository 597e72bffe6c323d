package org.ssm.algorithms.whittaker;

/**
 * The V-curve of one series (Frasso and Eilers 2015), as evaluated by {@link WhittakerSmoother}: for
 * each grid point i, the natural logs of fidelity F_i = Σ w (y − z)² and roughness R_i = Σ (Δ²z)² of
 * the solution at λ_i = 10^logLambda[i]; for each segment k between grid points k and k + 1, the
 * distance V_k = √((F_{k+1} − F_k)² + (R_{k+1} − R_k)²) / (ln 10 · (logLambda[k+1] − logLambda[k])).
 *
 * @param logLambda the grid of log10 λ
 * @param fidelity ln F_i; −∞ for an exact fit (F at most 1e-24 Σ w y², rounding noise)
 * @param roughness ln R_i; −∞ for a straight line (R at most 1e-24 Σ w y²)
 * @param distance V_k, one fewer than grid points (NaN where F or R is −∞ at both ends)
 * @param chosen the chosen segment: the first shortest finite one, or 0 if none is finite
 */
public record VCurvePoints(double[] logLambda, double[] fidelity, double[] roughness, double[] distance, int chosen) {

    /** The chosen log10 λ: the midpoint of the chosen segment. */
    public double chosenLogLambda() {
        return (logLambda[chosen] + logLambda[chosen + 1]) / 2;
    }
}
