package org.ssm.algorithms.fusion;

/**
 * The coarse image at one prediction date t_p with what the prediction needs of it: which coarse
 * cells are valid, and the window sums of {@link WindowSums}.
 */
final class PredictionDate {

    /** [band][coarse cell]. */
    final float[][] coarse;
    /** Whether each coarse cell is valid in every band. */
    final boolean[] cellValid;
    /** [2·nb + 1][fine pixel], see {@link WindowSums#compute}. */
    final float[][] sums;

    private PredictionDate(float[][] coarse, boolean[] cellValid, float[][] sums) {
        this.coarse = coarse;
        this.cellValid = cellValid;
        this.sums = sums;
    }

    /**
     * Prepares date t_p.
     *
     * @param sums a buffer of [2·nb + 1][fine pixels] floats, reused between dates
     */
    static PredictionDate of(BasePairs p, float[][] coarse, float[][] sums) {
        int cells = p.coarseWidth * p.coarseHeight;
        boolean[] valid = new boolean[cells];
        for (int cell = 0; cell < cells; cell++) {
            boolean ok = true;
            for (int b = 0; b < p.bands && ok; b++) {
                ok = p.parameters.valid(coarse[b][cell]);
            }
            valid[cell] = ok;
        }
        WindowSums.compute(p, coarse, valid, sums);
        return new PredictionDate(coarse, valid, sums);
    }
}
