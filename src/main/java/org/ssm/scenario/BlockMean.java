package org.ssm.scenario;

import org.ssm.grid.GridGeometry;

/** Mean of the fine cells inside each coarse cell of a nested grid, skipping NaN. */
final class BlockMean {

    private final int[] coarseIndex;
    private final int coarseSize;

    BlockMean(GridGeometry fine, GridGeometry coarse) {
        this.coarseIndex = fine.coarseCellIndex(coarse);
        this.coarseSize = coarse.size();
    }

    /** The coarse means; NaN where a coarse cell holds no valid fine value. */
    float[] apply(float[] fine) {
        double[] sum = new double[coarseSize];
        int[] count = new int[coarseSize];
        for (int i = 0; i < fine.length; i++) {
            int k = coarseIndex[i];
            if (k >= 0 && !Float.isNaN(fine[i])) {
                sum[k] += fine[i];
                count[k]++;
            }
        }
        float[] mean = new float[coarseSize];
        for (int k = 0; k < coarseSize; k++) {
            mean[k] = count[k] == 0 ? Float.NaN : (float) (sum[k] / count[k]);
        }
        return mean;
    }
}
