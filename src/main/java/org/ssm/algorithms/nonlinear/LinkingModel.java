package org.ssm.algorithms.nonlinear;

import org.ssm.core.ParameterException;

/**
 * The non-linear linking model of paper D §2.2.2, eq. 2 (Song et al. 2021):
 *
 * <pre>SSM = a · ln(1 − SEE) / (1 − b · NMDI) + c</pre>
 *
 * <p>with its analytic partial derivatives with respect to SEE and NMDI, used by the second-order
 * Taylor downscaling of eq. 5, and with respect to a, b, c, used by the fit of eq. 3. Writing
 * L = ln(1 − SEE) and D = 1 − b·NMDI:
 *
 * <pre>
 * ∂SSM/∂SEE   = −a / ((1 − SEE) · D)          ∂²SSM/∂SEE²   = −a / ((1 − SEE)² · D)
 * ∂SSM/∂NMDI  = a · b · L / D²                 ∂²SSM/∂NMDI²  = 2 · a · b² · L / D³
 * ∂SSM/∂a = L / D,   ∂SSM/∂b = a · L · NMDI / D²,   ∂SSM/∂c = 1
 * </pre>
 *
 * <p>The model is defined for SEE &lt; 1 and D ≠ 0; elsewhere the values are NaN or infinite.
 *
 * @param a scale of the evaporation term, m³/m³ (negative when wetter soil evaporates more)
 * @param b NMDI coefficient of the denominator, dimensionless
 * @param c offset, m³/m³
 */
public record LinkingModel(double a, double b, double c) {

    public LinkingModel {
        requireFinite("a", a);
        requireFinite("b", b);
        requireFinite("c", c);
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new ParameterException(name, value, "a finite number");
        }
    }

    /** The denominator D = 1 − b·NMDI of eq. 2. */
    public double denominator(double nmdi) {
        return 1 - b * nmdi;
    }

    /** Eq. 2. */
    public double value(double see, double nmdi) {
        return a * Math.log1p(-see) / denominator(nmdi) + c;
    }

    /** ∂SSM/∂SEE. */
    public double dSee(double see, double nmdi) {
        return -a / ((1 - see) * denominator(nmdi));
    }

    /** ∂²SSM/∂SEE². */
    public double d2See(double see, double nmdi) {
        double dry = 1 - see;
        return -a / (dry * dry * denominator(nmdi));
    }

    /** ∂SSM/∂NMDI. */
    public double dNmdi(double see, double nmdi) {
        double d = denominator(nmdi);
        return a * b * Math.log1p(-see) / (d * d);
    }

    /** ∂²SSM/∂NMDI². */
    public double d2Nmdi(double see, double nmdi) {
        double d = denominator(nmdi);
        return 2 * a * b * b * Math.log1p(-see) / (d * d * d);
    }

    /** The derivatives of eq. 5 at (SEE, NMDI), normally the coarse-pixel means. */
    public Sensitivities sensitivities(double see, double nmdi) {
        return new Sensitivities(dSee(see, nmdi), d2See(see, nmdi), dNmdi(see, nmdi), d2Nmdi(see, nmdi));
    }
}
