package org.ssm.algorithms.neural;

/**
 * A trained network with the history of its training, for reports and tests. Errors are in units
 * of the target's standard deviation (the trainers see z-scored targets).
 *
 * @param model the fitted network, on normalised predictors and target
 * @param reconstructionErrors per RBM (from the input up), the mean squared reconstruction error of
 *     each pre-training epoch; empty for a BPNN
 * @param trainingRmse per back-propagation epoch, the RMSE of the training rows as met by the
 *     epoch's batches (each batch before its update)
 * @param validationRmse per epoch, the RMSE of the held-out rows after the epoch; empty when nothing
 *     is held out
 * @param bestEpoch the epoch (from 1) whose weights were kept: the best held-out RMSE with early
 *     stopping, otherwise the last
 * @param trainingRows rows trained on
 * @param validationRows rows held out
 */
public record NetworkFit(MlpRegressor model, double[][] reconstructionErrors, double[] trainingRmse,
        double[] validationRmse, int bestEpoch, int trainingRows, int validationRows) {

    /** Back-propagation epochs run, including those after the best one. */
    public int epochsRun() {
        return trainingRmse.length;
    }
}
