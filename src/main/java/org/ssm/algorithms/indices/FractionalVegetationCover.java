package org.ssm.algorithms.indices;

import org.ssm.core.ParameterException;

/**
 * Fractional vegetation cover from NDVI by scaling between a bare-soil and a full-cover NDVI:
 * f_v = ((NDVI − NDVI_s) / (NDVI_v − NDVI_s))^k, clamped to [0, 1].
 *
 * <p>With k = 1 this is the linear mixing form used by DisPATCh (Merlin et al. 2012, NDVI_s = 0.15,
 * NDVI_v = 0.90), which feeds the soil temperature of paper E eq. 2; k = 2 gives the form of Carlson
 * and Ripley (1997).
 *
 * @param ndviSoil NDVI of bare soil
 * @param ndviVegetation NDVI of full cover, greater than {@code ndviSoil}
 * @param exponent k, 1 or 2
 */
public record FractionalVegetationCover(double ndviSoil, double ndviVegetation, int exponent) {

    /** NDVI_s = 0.15, NDVI_v = 0.90, linear (Merlin et al. 2012). */
    public static final FractionalVegetationCover DISPATCH = new FractionalVegetationCover(0.15, 0.90, 1);

    public FractionalVegetationCover {
        ParameterException.requireInRange("ndviSoil", ndviSoil, -1, 1);
        ParameterException.requireInRange("ndviVegetation", ndviVegetation, -1, 1);
        if (!(ndviVegetation > ndviSoil)) {
            throw new ParameterException("ndviVegetation", ndviVegetation, "a value greater than ndviSoil (" + ndviSoil + ")");
        }
        ParameterException.requireInRange("fvcExponent", exponent, 1, 2);
    }

    /** f_v with the DisPATCh endmembers. */
    public static float[] of(float[] ndvi) {
        return DISPATCH.apply(ndvi);
    }

    /** f_v of every pixel; NaN stays NaN. */
    public float[] apply(float[] ndvi) {
        float[] out = new float[ndvi.length];
        double range = ndviVegetation - ndviSoil;
        for (int i = 0; i < ndvi.length; i++) {
            double f = Math.max(0, Math.min(1, (ndvi[i] - ndviSoil) / range));
            out[i] = (float) (exponent == 2 ? f * f : f);
        }
        return out;
    }
}
