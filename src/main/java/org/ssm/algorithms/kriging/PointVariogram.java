package org.ssm.algorithms.kriging;

import org.ssm.core.ParameterException;

/**
 * A point-support variogram without nugget: γ(h) = sill · shape(h / range), covariance C(h) =
 * sill − γ(h). It is the variogram that area-to-point kriging needs (paper E §3.2.5, eq. 11: the
 * area-to-area covariances C(v_h, v_i) are averages of this point covariance), obtained by
 * deconvolving the areal variogram of the coarse residuals ({@link VariogramDeconvolution}).
 *
 * <p>No nugget is fitted: a nugget would make the point covariance discontinuous at zero and the
 * coarse data cannot separate it from the short-range structure once averaged over a pixel.
 *
 * @param model the shape
 * @param sill partial sill, ≥ 0 (0 for a field without spatial variation)
 * @param range practical range in map units, &gt; 0
 */
public record PointVariogram(VariogramModel model, double sill, double range) {

    public PointVariogram {
        if (model == null) {
            throw ParameterException.missing("variogramModel", "EXPONENTIAL or SPHERICAL");
        }
        if (!(sill >= 0) || Double.isInfinite(sill)) {
            throw new ParameterException("sill", sill, "a finite number >= 0");
        }
        ParameterException.requirePositive("range", range);
    }

    /** Point covariance C(h). */
    public double covariance(double h) {
        return sill * model.unitCovariance(h, range);
    }

    /** Semivariance γ(h) = C(0) − C(h). */
    public double semivariance(double h) {
        return sill - covariance(h);
    }

    /**
     * The same shape with unit sill. Ordinary kriging weights do not change when every covariance
     * is multiplied by the same positive factor (eq. 11: λ is unchanged and μ scales), so the
     * kriging uses this form, which stays well defined when the fitted sill is 0.
     */
    public PointVariogram unitSill() {
        return new PointVariogram(model, 1, range);
    }
}
