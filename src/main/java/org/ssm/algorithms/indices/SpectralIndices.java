package org.ssm.algorithms.indices;

import org.ssm.core.ParameterException;

/**
 * Band-ratio indices computed pixel by pixel; a NaN in any input band gives NaN.
 *
 * <ul>
 *   <li>NDVI, paper B §3.3 eq. 4: (NIR − red) / (NIR + red).
 *   <li>Broadband albedo, paper B §3.3 eq. 5: 0.365·blue + 0.13·red + 0.373·NIR + 0.085·SWIR1 +
 *       0.072·SWIR2 − 0.0018, the Landsat narrow-to-broadband conversion of Liang (2001) in the band
 *       order blue, red, NIR, SWIR1 (1.6 µm), SWIR2 (2.1 µm). Paper B prints 0.365 for the blue
 *       coefficient where Liang (2001) has 0.356; the paper's value is used.
 *   <li>NMDI, paper D §2.2.2 (Wang and Qu 2007): (R860 − (R1640 − R2130)) / (R860 + (R1640 −
 *       R2130)).
 * </ul>
 *
 * <p>A ratio whose denominator is zero is NaN rather than infinite.
 */
public final class SpectralIndices {

    /** Paper B eq. 5 coefficients for blue, red, NIR, SWIR1, SWIR2, and the offset. */
    public static final double[] ALBEDO_COEFFICIENTS = {0.365, 0.13, 0.373, 0.085, 0.072};

    /** Paper B eq. 5 offset. */
    public static final double ALBEDO_OFFSET = -0.0018;

    private SpectralIndices() {}

    /** NDVI = (nir − red) / (nir + red), paper B eq. 4. */
    public static float[] ndvi(float[] red, float[] nir) {
        requireSameLength("nir", nir, red.length);
        float[] out = new float[red.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = ratio(nir[i] - red[i], nir[i] + red[i]);
        }
        return out;
    }

    /** Broadband albedo, paper B eq. 5. */
    public static float[] albedo(float[] blue, float[] red, float[] nir, float[] swir1, float[] swir2) {
        int n = blue.length;
        requireSameLength("red", red, n);
        requireSameLength("nir", nir, n);
        requireSameLength("swir1", swir1, n);
        requireSameLength("swir2", swir2, n);
        double[] c = ALBEDO_COEFFICIENTS;
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (c[0] * blue[i] + c[1] * red[i] + c[2] * nir[i] + c[3] * swir1[i] + c[4] * swir2[i]
                    + ALBEDO_OFFSET);
        }
        return out;
    }

    /** NMDI = (nir − (swir1 − swir2)) / (nir + (swir1 − swir2)), paper D §2.2.2. */
    public static float[] nmdi(float[] nir, float[] swir1, float[] swir2) {
        int n = nir.length;
        requireSameLength("swir1", swir1, n);
        requireSameLength("swir2", swir2, n);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            float d = swir1[i] - swir2[i];
            out[i] = ratio(nir[i] - d, nir[i] + d);
        }
        return out;
    }

    private static float ratio(float numerator, float denominator) {
        return denominator == 0f ? Float.NaN : numerator / denominator;
    }

    static void requireSameLength(String parameter, float[] band, int expected) {
        if (band.length != expected) {
            throw new ParameterException(parameter, band.length + " values", expected + " values, like the other bands");
        }
    }
}
