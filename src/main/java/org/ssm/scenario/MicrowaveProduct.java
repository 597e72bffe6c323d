package org.ssm.scenario;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.ssm.grid.GridGeometry;

/**
 * The coarse passive-microwave SSM product: the land mean of the truth in each coarse cell, with
 * the gain, bias and noise of a {@link PmErrorModel}, and swath gaps.
 *
 * <p>Gaps are diagonal stripes: each cell has a position {@code s = frac((col + 0.6 row) / period +
 * phase)} across the stripe pattern, and the cells with the smallest {@code s} — as many as the
 * day's gap fraction asks — get no value. The phase advances by the golden ratio each day, so the
 * stripes move and no cell stays in a gap for long. Choosing by rank rather than by threshold keeps
 * the daily gap fraction close to the target even on a grid of a dozen cells.
 */
final class MicrowaveProduct {

    private static final double GOLDEN = 0.6180339887498949;
    /** Day-to-day spread of the gap fraction around its mean (uniform, ±). */
    private static final double GAP_FRACTION_SPREAD = 0.04;

    private final GridGeometry coarse;
    private final BlockMean landMean;
    private final PmErrorModel model;
    private final double period;

    MicrowaveProduct(GridGeometry fine, GridGeometry coarse, PmErrorModel model) {
        this.coarse = coarse;
        this.landMean = new BlockMean(fine, coarse);
        this.model = model;
        this.period = Math.max(3, coarse.width() / 2.0);
    }

    /** The product on {@code date} for the day's truth (NaN on water). */
    float[] observe(float[] truth, LocalDate date, SplittableRandom rng) {
        float[] mean = landMean.apply(truth);
        float[] pm = new float[mean.length];
        for (int k = 0; k < pm.length; k++) {
            double noise = model.noise() * rng.nextGaussian();
            pm[k] = Float.isNaN(mean[k]) ? Float.NaN
                    : (float) Math.max(0, model.expected(mean[k]) + noise);
        }
        double fraction = Math.max(0, Math.min(0.95,
                model.gapFraction() + GAP_FRACTION_SPREAD * (2 * rng.nextDouble() - 1)));
        int gaps = (int) Math.round(fraction * pm.length);
        double phase = date.toEpochDay() * GOLDEN;
        long[] order = new long[pm.length];
        for (int k = 0; k < pm.length; k++) {
            double s = (k % coarse.width() + 0.6 * (k / coarse.width())) / period + phase;
            order[k] = ((long) ((s - Math.floor(s)) * (1 << 30)) << 32) | k;
        }
        Arrays.sort(order);
        for (int j = 0; j < gaps; j++) {
            pm[(int) order[j]] = Float.NaN;
        }
        return pm;
    }
}
