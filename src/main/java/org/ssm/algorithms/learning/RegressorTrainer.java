package org.ssm.algorithms.learning;

import java.util.Map;
import org.ssm.algorithms.model.Regressor;
import org.ssm.core.Monitor;

/**
 * A learning method that fits a {@link Regressor} to a {@link TrainingSet}: the common face of the
 * point-surface fusion methods of papers A and B §3.4 (DBN, BPNN, RF) and the GBDT of paper C, so
 * that the downscaling processes, cross-validation and the coarse-to-fine methods can use any of
 * them. {@code Trainers} creates them by method name.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #fit} receives <em>normalised</em> data: {@link ModelFitting} z-scores every predictor
 *       and the target on the training rows first and stores both normalisations in the
 *       {@link org.ssm.algorithms.model.FittedModel}; the returned regressor predicts the normalised
 *       target from normalised predictors.</li>
 *   <li>Fitting is deterministic: the same set and parameters (seed included) give the same model,
 *       bit for bit, whatever the number of threads.</li>
 *   <li>Long fits call {@code monitor.checkpoint(done, total)} once per tree or epoch, and so stop
 *       with a {@link org.ssm.core.CancelledException} when the caller cancels.</li>
 *   <li>The returned regressor is immutable, serialisable through {@link Regressor#toJson()} and
 *       registered in {@link org.ssm.algorithms.model.Models}.</li>
 * </ul>
 */
public interface RegressorTrainer {

    /** The method's name as clients give it, e.g. {@code "RF"}; stored in the model document. */
    String method();

    /** The parameters as JSON-compatible values (seed included), kept in the model's provenance. */
    Map<String, Object> parameters();

    /**
     * Fits a regressor to {@code data}.
     *
     * @param data normalised predictors and target, every value finite, at least one row
     * @param monitor progress and cancellation
     */
    Regressor fit(TrainingSet data, Monitor monitor);
}
