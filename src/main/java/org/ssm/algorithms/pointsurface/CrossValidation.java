package org.ssm.algorithms.pointsurface;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssm.algorithms.learning.ModelFitting;
import org.ssm.algorithms.learning.RegressorTrainer;
import org.ssm.algorithms.learning.TrainingSet;
import org.ssm.algorithms.model.FittedModel;
import org.ssm.algorithms.validation.Metrics;
import org.ssm.core.Monitor;

/**
 * The cross-validation of paper B §3.4: for each fold of {@link Folds}, the method is fitted (with
 * its own normalisation, {@link ModelFitting}) on the other folds and scored on the held-out rows
 * with the five metrics of B Table S1 (PCC, RMSE, ubRMSE, bias, MAE; {@link Metrics}, computed by
 * the validation package). The held-out predictions of all folds are also pooled, and scored per
 * station and averaged over stations, as B reports "the average accuracy" over its sites.
 *
 * <p>Folds are fitted one after the other so that the result does not depend on scheduling; each
 * trainer is itself deterministic for its seed.
 */
public final class CrossValidation {

    private CrossValidation() {}

    /**
     * The score of one fold.
     *
     * @param label what the fold holds out
     * @param trainRows rows the model was fitted on
     * @param metrics of the held-out predictions against the in-situ values
     */
    public record FoldScore(String label, int trainRows, Metrics metrics) {}

    /**
     * The whole cross-validation.
     *
     * @param parameters how it was split
     * @param folds per fold
     * @param pooled every held-out prediction against its in-situ value
     * @param stationMean the mean over stations of each station's held-out metrics
     * @param heldOut the held-out prediction of every training row
     */
    public record Result(CrossValidationParameters parameters, List<FoldScore> folds, Metrics pooled,
            Metrics stationMean, double[] heldOut) {

        public Result {
            folds = List.copyOf(folds);
            heldOut = heldOut.clone();
        }

        /** JSON-compatible values (NaN metrics become null in JSON). */
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("split", parameters.split().label());
            if (parameters.split() != Split.YEAR) {
                m.put("seed", parameters.seed());
            }
            List<Object> list = new ArrayList<>();
            for (FoldScore f : folds) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("held_out", f.label());
                fm.put("train_rows", f.trainRows());
                fm.putAll(metricsJson(f.metrics()));
                list.add(fm);
            }
            m.put("folds", list);
            m.put("pooled", metricsJson(pooled));
            m.put("station_mean", metricsJson(stationMean));
            return m;
        }
    }

    /** The metrics of B Table S1 with the number of pairs and the note. */
    public static Map<String, Object> metricsJson(Metrics x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", x.n());
        m.put("pcc", x.pcc());
        m.put("rmse", x.rmse());
        m.put("ubrmse", x.ubrmse());
        m.put("bias", x.bias());
        m.put("mae", x.mae());
        if (!x.note().isEmpty()) {
            m.put("note", x.note());
        }
        return m;
    }

    /**
     * Cross-validates {@code trainer} on {@code set}.
     *
     * @param names the predictor names, for the fold models
     * @param stationIds names of the station labels of {@code set}
     * @param monitor one checkpoint per fold, and the trainers' own
     */
    public static Result run(RegressorTrainer trainer, List<String> names, TrainingSet set, List<String> stationIds,
            CrossValidationParameters parameters, Monitor monitor) {
        Folds folds = Folds.assign(set, stationIds, parameters);
        double[] heldOut = new double[set.rows()];
        List<FoldScore> scores = new ArrayList<>();
        int k = folds.count();
        for (int f = 0; f < k; f++) {
            monitor.checkpoint(f, k);
            int[] train = folds.rows(f, false);
            int[] test = folds.rows(f, true);
            FittedModel model = ModelFitting.fit(trainer, names, set.subset(train), Map.of(),
                    monitor.stage((double) f / k, 1.0 / k));
            TrainingSet held = set.subset(test);
            double[] x = held.features().clone();
            double[] predicted = new double[test.length];
            model.predictInPlace(x, test.length, predicted);
            for (int i = 0; i < test.length; i++) {
                heldOut[test[i]] = predicted[i];
            }
            scores.add(new FoldScore(folds.labels().get(f), train.length, Metrics.of(predicted, held.targets())));
        }
        monitor.checkpoint(k, k);
        Metrics pooled = Metrics.of(heldOut, set.targets());
        List<Metrics> perStation = new ArrayList<>();
        for (int s = 0; s < stationIds.size(); s++) {
            final int station = s;
            int[] rows = java.util.stream.IntStream.range(0, set.rows()).filter(r -> set.stations()[r] == station)
                    .toArray();
            if (rows.length > 0) {
                double[] est = new double[rows.length];
                double[] obs = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    est[i] = heldOut[rows[i]];
                    obs[i] = set.targets()[rows[i]];
                }
                perStation.add(Metrics.of(est, obs));
            }
        }
        return new Result(parameters, scores, pooled, Metrics.meanOf(perStation), heldOut);
    }
}
