package org.ssm.algorithms.learning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssm.algorithms.model.FittedModel;
import org.ssm.algorithms.model.Normalization;
import org.ssm.algorithms.model.Regressor;
import org.ssm.core.Monitor;

/**
 * Fits a {@link RegressorTrainer} to raw training rows and returns the complete model document:
 * the "normalisation" step of paper B §3.4's training (predictors and in-situ targets are z-scored
 * on the training rows so that every method sees unit-scale inputs), the fit, and the
 * {@link FittedModel} that undoes the normalisation when it predicts.
 */
public final class ModelFitting {

    private ModelFitting() {}

    /**
     * Fits {@code trainer} to {@code raw}.
     *
     * @param predictors the names of the columns of {@code raw}, in order
     * @param raw training rows in the predictors' own units
     * @param provenance facts to keep in the model (period, stations, scores); the trainer's
     *     parameters are added under {@code "parameters"}
     */
    public static FittedModel fit(RegressorTrainer trainer, List<String> predictors, TrainingSet raw,
            Map<String, Object> provenance, Monitor monitor) {
        if (predictors.size() != raw.columns()) {
            throw new IllegalArgumentException(predictors.size() + " predictor names for " + raw.columns() + " columns");
        }
        if (raw.rows() == 0) {
            throw new IllegalArgumentException("no training rows");
        }
        Normalization features = Normalization.zScore(raw.features(), raw.rows(), raw.columns());
        Normalization target = Normalization.zScore(raw.targets(), raw.rows(), 1);
        Regressor regressor = trainer.fit(normalise(raw, features, target), monitor);
        Map<String, Object> about = new LinkedHashMap<>(provenance);
        about.put("parameters", trainer.parameters());
        return new FittedModel(trainer.method(), predictors, features, target, regressor, about);
    }

    /** {@code raw} with its predictors and target normalised. */
    static TrainingSet normalise(TrainingSet raw, Normalization features, Normalization target) {
        double[] x = raw.features().clone();
        features.applyInPlace(x, raw.rows());
        double[] y = raw.targets().clone();
        target.applyInPlace(y, raw.rows());
        return raw.withValues(x, y);
    }
}
