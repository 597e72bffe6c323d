package org.ssm.scenario;

import java.util.SplittableRandom;

/**
 * Clear-sky land-surface temperature and reflectances derived from the true soil moisture, the
 * vegetation and the weather, built to be consistent with the DisPATCh model.
 *
 * <p>LST: soil evaporative efficiency {@code SEE = 0.5 - 0.5 cos(π θ / porosity)} (Noilhan and
 * Planton 1989, as used by Merlin et al.), soil temperature
 * {@code Ts = Ts_wet + ΔT (1 - SEE)} with {@code Ts_wet = Ta - 1 K} and ΔT from the day's
 * radiation, vegetation temperature {@code Tv = Ta + 1 K}, and
 * {@code LST = fv Tv + (1 - fv) Ts} plus noise. Sealed urban ground evaporates little (a fifth of
 * its SEE) and is 2 K warmer; open water sits 2.5 K below the air.
 *
 * <p>Reflectances: a linear mix of a vegetation and a soil (or sealed-surface) spectrum by fv. Wet
 * soil is darker, most in the short-wave infrared: the soil spectrum is scaled by
 * {@code 1 - k θ / porosity} with k = 0.3 (visible, NIR), 0.5 (1640 nm) and 0.55 (2130 nm). Red and
 * NIR keep the mixture's brightness but are split to reproduce the pixel's NDVI exactly before
 * noise: a 2 % gain error common to the pixel's bands and an independent error of 0.002 per band.
 */
final class SurfaceRadiometry {

    /** Standard deviation of the LST retrieval noise, K. */
    static final double LST_NOISE = 0.7;
    /** Relative error common to all bands of a pixel (illumination, atmosphere); leaves NDVI alone. */
    static final double REFLECTANCE_GAIN_NOISE = 0.02;
    /** Independent error of each band. */
    static final double REFLECTANCE_NOISE = 0.002;

    //                                              blue   red    nir    swir1  swir2
    private static final double[] VEGETATION = {0.03, 0.04, 0.42, 0.20, 0.09};
    private static final double[] SOIL = {0.10, 0.20, 0.27, 0.36, 0.30};
    private static final double[] SEALED = {0.13, 0.17, 0.21, 0.24, 0.21};
    private static final double[] WATER = {0.06, 0.03, 0.02, 0.01, 0.005};
    private static final double[] WET_DARKENING = {0.30, 0.30, 0.30, 0.50, 0.55};

    private final Landscape land;

    SurfaceRadiometry(Landscape land) {
        this.land = land;
    }

    /** Clear-sky LST in K for every cell. */
    float[] lst(float[] theta, float[] ndvi, WeatherDay weather, SplittableRandom rng) {
        float[] lst = new float[theta.length];
        float[] air = weather.airTemperature();
        for (int i = 0; i < lst.length; i++) {
            double value;
            if (land.isWater(i)) {
                value = air[i] - 2.5;
            } else {
                double see = 0.5 - 0.5 * Math.cos(Math.PI * theta[i] / land.porosity()[i]);
                double heat = 0;
                if (land.isUrban(i)) {
                    see *= 0.2;
                    heat = 2;
                }
                double soil = air[i] - 1 + weather.deltaT() * (1 - see) + heat;
                double fv = Vegetation.fvc(ndvi[i]);
                value = fv * (air[i] + 1) + (1 - fv) * soil;
            }
            lst[i] = (float) (value + LST_NOISE * rng.nextGaussian());
        }
        return lst;
    }

    /** Clear-sky reflectance of every cell, indexed by {@link Band#ordinal()}. */
    float[][] reflectance(float[] theta, float[] ndvi, SplittableRandom rng) {
        int n = theta.length;
        Band[] bands = Band.values();
        float[][] out = new float[bands.length][n];
        double[] mix = new double[bands.length];
        for (int i = 0; i < n; i++) {
            if (land.isWater(i)) {
                System.arraycopy(WATER, 0, mix, 0, mix.length);
            } else {
                double fv = Vegetation.fvc(ndvi[i]);
                boolean sealed = land.isUrban(i);
                double wetness = theta[i] / land.porosity()[i];
                for (int b = 0; b < bands.length; b++) {
                    double ground = sealed ? SEALED[b] : SOIL[b] * (1 - WET_DARKENING[b] * wetness);
                    mix[b] = fv * VEGETATION[b] + (1 - fv) * ground;
                }
            }
            int red = Band.RED.ordinal();
            int nir = Band.NIR.ordinal();
            double brightness = mix[red] + mix[nir];
            mix[red] = brightness * (1 - ndvi[i]) / 2;
            mix[nir] = brightness * (1 + ndvi[i]) / 2;
            double gain = 1 + REFLECTANCE_GAIN_NOISE * rng.nextGaussian();
            for (int b = 0; b < bands.length; b++) {
                double value = gain * mix[b] + REFLECTANCE_NOISE * rng.nextGaussian();
                out[b][i] = (float) Math.max(0.001, Math.min(1, value));
            }
        }
        return out;
    }
}
