package org.ssm.scenario;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.ssm.grid.GridGeometry;

/**
 * Daily weather for one season: a domain-wide wet/dry Markov chain, a smooth random cloud field
 * whose densest part rains (more on high ground), air temperature with a seasonal cycle, a
 * persistent anomaly and a lapse rate, and potential ET from temperature and radiation.
 */
final class Weather {

    /** Environmental lapse rate, K/m. */
    static final double LAPSE_RATE = 0.0065;

    private static final double P_WET_AFTER_DRY = 0.28;
    private static final double P_WET_AFTER_WET = 0.62;
    /** Correlation scale of cloud and rain cells, km. */
    private static final double CLOUD_SCALE_KM = 7;

    private final GridGeometry grid;
    private final float[] dem;
    private final float[] zElevation;
    private final RandomStreams streams;
    private boolean wet;
    private double anomaly;

    Weather(GridGeometry grid, Landscape land, RandomStreams streams) {
        this.grid = grid;
        this.dem = land.dem();
        this.zElevation = land.dem().clone();
        NoiseFields.standardize(zElevation);
        this.streams = streams;
    }

    WeatherDay next(LocalDate date) {
        SplittableRandom rng = streams.of("weather", date.toEpochDay());
        double season = Seasonality.cycle(date);
        wet = rng.nextDouble() < (wet ? P_WET_AFTER_WET : P_WET_AFTER_DRY);
        anomaly = 0.7 * anomaly + 1.8 * rng.nextGaussian();
        double cloudFraction = clamp(0.26 - 0.06 * season + (wet ? 0.30 : 0) + 0.12 * rng.nextGaussian(), 0.02, 0.95);
        double rainFraction = wet ? cloudFraction * (0.4 + 0.5 * rng.nextDouble()) : 0;
        double meanRain = wet ? -6 * (1 + 0.4 * season) * Math.log(1 - rng.nextDouble()) : 0;

        int n = grid.size();
        float[] field = NoiseFields.smooth(rng, grid.width(), grid.height(), CLOUD_SCALE_KM * 1000 / grid.cellWidth());
        for (int i = 0; i < n; i++) {
            // Orographic uplift: clouds form first over the hills.
            field[i] += 0.35f * zElevation[i];
        }
        float[] thresholds = NoiseFields.quantiles(field, 1 - cloudFraction, 1 - rainFraction);
        boolean[] cloud = new boolean[n];
        float[] rain = new float[n];
        double rainSum = 0;
        for (int i = 0; i < n; i++) {
            cloud[i] = field[i] > thresholds[0];
            if (wet && field[i] > thresholds[1]) {
                double orographic = 1 + 0.6 * (dem[i] - Landscape.MIN_ELEVATION)
                        / (Landscape.MAX_ELEVATION - Landscape.MIN_ELEVATION);
                rain[i] = (float) ((field[i] - thresholds[1] + 0.25) * orographic);
                rainSum += rain[i];
            }
        }
        if (rainSum > 0) {
            float scale = (float) (meanRain * n / rainSum);
            for (int i = 0; i < n; i++) {
                rain[i] *= scale;
            }
        }

        // Share of clear-sky radiation at the surface, in about [0.2, 1].
        double radiation = (0.72 + 0.28 * season) * (1 - 0.55 * cloudFraction);
        double seaLevelAir = 289 + 11 * season + anomaly - 4 * (cloudFraction - 0.4);
        float[] air = new float[n];
        float[] pet = new float[n];
        for (int i = 0; i < n; i++) {
            air[i] = (float) (seaLevelAir - LAPSE_RATE * dem[i]);
            // Temperature-radiation PET, ~5 mm/day on a clear July day in the lowlands.
            pet[i] = (float) Math.max(0.2, 0.13 * (air[i] - 268) * (0.35 + 0.9 * radiation));
        }
        return new WeatherDay(wet, cloudFraction, 8 + 16 * radiation, rain, cloud, air, pet);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
