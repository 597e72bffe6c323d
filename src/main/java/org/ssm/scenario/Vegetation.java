package org.ssm.scenario;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * NDVI phenology per land cover, and the fractional vegetation cover derived from NDVI.
 *
 * <p>Each class follows a double logistic in day of year,
 * {@code ndvi = min + (max - min) (1 / (1 + e^(-(t - greenUp) / kUp)) - 1 / (1 + e^(-(t - senescence) / kDown)))},
 * shifted per pixel by a few days and scaled by a few percent through smooth random fields, plus
 * daily noise. Crop pixels are winter cereals (green in spring, harvested in July) or summer crops
 * (bare until May, green until September), in smooth patches.
 */
public final class Vegetation {

    /** NDVI of bare soil in the FVC scaling (Merlin et al. 2012, DisPATCh). */
    public static final double NDVI_SOIL = 0.15;
    /** NDVI of full vegetation cover in the FVC scaling. */
    public static final double NDVI_FULL = 0.90;

    private static final double DAILY_NOISE = 0.015;

    /** Double-logistic parameters: NDVI minimum, maximum, green-up day, senescence day, and their widths. */
    private record Phenology(double min, double max, double greenUp, double senescence, double kUp, double kDown) {
        double at(double day) {
            return min + (max - min) * (1 / (1 + Math.exp(-(day - greenUp) / kUp))
                    - 1 / (1 + Math.exp(-(day - senescence) / kDown)));
        }
    }

    private static final Phenology WINTER_CEREAL = new Phenology(0.18, 0.85, 100, 195, 7, 4);
    private static final Phenology SUMMER_CROP = new Phenology(0.16, 0.86, 160, 255, 8, 6);
    private static final Phenology GRASS = new Phenology(0.35, 0.72, 100, 290, 10, 12);
    private static final Phenology FOREST = new Phenology(0.72, 0.88, 115, 290, 8, 10);
    private static final Phenology URBAN = new Phenology(0.14, 0.26, 110, 280, 10, 10);
    private static final Phenology WATER = new Phenology(-0.1, -0.1, 0, 365, 1, 1);

    private final Phenology[] phenology;
    private final float[] shiftDays;
    private final float[] gain;
    private final RandomStreams streams;

    Vegetation(Landscape land, int width, int height, double cellKm, RandomStreams streams) {
        this.streams = streams;
        SplittableRandom rng = streams.of("vegetation");
        float[] cropType = NoiseFields.smooth(rng, width, height, 3 / cellKm);
        float[] shift = NoiseFields.smooth(rng, width, height, 3 / cellKm);
        float[] vigour = NoiseFields.smooth(rng, width, height, 2 / cellKm);
        int n = width * height;
        phenology = new Phenology[n];
        shiftDays = new float[n];
        gain = new float[n];
        for (int i = 0; i < n; i++) {
            phenology[i] = switch (LandCover.of(land.cover()[i])) {
                case CROP -> cropType[i] > 0 ? WINTER_CEREAL : SUMMER_CROP;
                case GRASS -> GRASS;
                case FOREST -> FOREST;
                case URBAN -> URBAN;
                case WATER -> WATER;
            };
            shiftDays[i] = 6 * shift[i];
            gain[i] = 1 + 0.06f * vigour[i];
        }
    }

    /** Fractional vegetation cover: {@code (ndvi - 0.15) / (0.90 - 0.15)}, clamped to [0, 1]. */
    public static double fvc(double ndvi) {
        return Math.max(0, Math.min(1, (ndvi - NDVI_SOIL) / (NDVI_FULL - NDVI_SOIL)));
    }

    /** The NDVI of every cell on {@code date}, as seen under a clear sky. */
    float[] ndvi(LocalDate date) {
        SplittableRandom rng = streams.of("ndvi", date.toEpochDay());
        int day = date.getDayOfYear();
        float[] v = new float[phenology.length];
        for (int i = 0; i < v.length; i++) {
            double value = gain[i] * phenology[i].at(day - shiftDays[i]) + DAILY_NOISE * rng.nextGaussian();
            v[i] = (float) Math.max(-0.2, Math.min(0.95, value));
        }
        return v;
    }
}
