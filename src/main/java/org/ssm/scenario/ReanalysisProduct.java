package org.ssm.scenario;

import org.ssm.grid.GridGeometry;

/**
 * The reanalysis-like SSM product: each day the target {@code gain · landMean(truth) + offset} per
 * coarse cell (the domain's land mean for a cell without land), followed through an exponential
 * filter in time. It has no gaps.
 */
final class ReanalysisProduct {

    private final BlockMean landMean;
    private final ReanalysisModel model;
    private float[] state;

    ReanalysisProduct(GridGeometry fine, GridGeometry coarse, ReanalysisModel model) {
        this.landMean = new BlockMean(fine, coarse);
        this.model = model;
    }

    /** Advances one day with the day's truth (NaN on water) and returns the product, a new array. */
    float[] step(float[] truth) {
        float[] mean = landMean.apply(truth);
        double sum = 0;
        int count = 0;
        for (float v : truth) {
            if (!Float.isNaN(v)) {
                sum += v;
                count++;
            }
        }
        double domainMean = sum / count;
        float[] target = new float[mean.length];
        for (int k = 0; k < mean.length; k++) {
            double m = Float.isNaN(mean[k]) ? domainMean : mean[k];
            target[k] = (float) (model.gain() * m + model.offset());
        }
        if (state == null) {
            state = target;
        } else {
            double keep = model.memory();
            for (int k = 0; k < state.length; k++) {
                state[k] = (float) (keep * state[k] + (1 - keep) * target[k]);
            }
        }
        return state.clone();
    }
}
