package org.ssm.algorithms.kriging;

/**
 * The shape of a point-support variogram of unit sill, as a function of distance over the
 * practical range {@code a}. Paper E §3.2.5 (ATARK, after Jin et al. 2018b) names no model, so
 * both standard bounded models are offered; {@link #EXPONENTIAL} is the default because it is
 * positive definite in any dimension and smooth to fit, {@link #SPHERICAL} reaches its sill exactly
 * at {@code a}.
 */
public enum VariogramModel {

    /** γ(h) = 1 − exp(−3h/a): the practical range {@code a} is where γ reaches 95 % of the sill. */
    EXPONENTIAL {
        @Override
        double unitCovariance(double h, double range) {
            return Math.exp(-3.0 * h / range);
        }
    },

    /** γ(h) = 1.5 h/a − 0.5 (h/a)³ for h &lt; a, 1 beyond. */
    SPHERICAL {
        @Override
        double unitCovariance(double h, double range) {
            if (h >= range) {
                return 0;
            }
            double x = h / range;
            return 1 - x * (1.5 - 0.5 * x * x);
        }
    };

    /** Covariance of unit sill at distance {@code h} ≥ 0 for practical range {@code range} &gt; 0. */
    abstract double unitCovariance(double h, double range);
}
