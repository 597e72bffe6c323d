package org.ssm.algorithms.neural;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ssm.algorithms.learning.ModelFitting;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.algorithms.methods.Trainers;
import org.ssm.algorithms.learning.TrainingSet;
import org.ssm.algorithms.model.FittedModel;
import org.ssm.algorithms.validation.Metrics;
import org.ssm.core.Monitor;
import org.ssm.scenario.Scenario;

/**
 * Paper B's experiment on the twin: a model of the seven predictors of eq. 7 trained on the station
 * pixels of the training season (B §3.4: "the data from April to October in 2018 was used to train
 * the DBN model") and scored on the validation season, against the in-situ readings as B does
 * (metrics per station, averaged over stations) and, which B could not, against the truth at the
 * station pixels and at every pixel.
 */
final class TwinComparison {

    final Scenario scenario;
    final TwinPredictors predictors;
    final TwinPredictors.StationSamples training;
    final TwinPredictors.StationSamples validation;

    TwinComparison(Scenario scenario) {
        this(scenario, 0);
    }

    /** Training on the first {@code trainingStations} healthy stations only (0: all of them). */
    TwinComparison(Scenario scenario, int trainingStations) {
        this.scenario = scenario;
        predictors = new TwinPredictors(scenario);
        TwinPredictors.StationSamples all = predictors.stations(0);
        TwinPredictors.StationSamples chosen = all;
        if (trainingStations > 0 && trainingStations < all.stations()) {
            int[] keep = java.util.stream.IntStream.range(0, all.set().rows())
                    .filter(r -> all.set().stations()[r] < trainingStations).toArray();
            double[] truth = new double[keep.length];
            for (int i = 0; i < keep.length; i++) {
                truth[i] = all.truth()[keep[i]];
            }
            chosen = new TwinPredictors.StationSamples(all.set().subset(keep), truth, trainingStations);
        }
        training = chosen;
        validation = predictors.stations(1);
    }

    /** A model of {@code method} trained on the training season's station pixels. */
    FittedModel fit(String method, TrainerOptions options) {
        return ModelFitting.fit(Trainers.create("method", method, options), TwinPredictors.NAMES, training.set(),
                Map.of("scenario", "twin"), Monitor.NONE);
    }

    /**
     * Scores of {@code model} on the validation season.
     *
     * @param inSitu against the readings, per station then averaged (paper B, Table S2)
     * @param truthAtStations against the truth at the station pixels, per station then averaged
     * @param truthAllPixels against the truth at every pixel and date, pooled (NaN unless asked)
     */
    record Score(Metrics inSitu, Metrics truthAtStations, Metrics truthAllPixels) {}

    Score score(FittedModel model, boolean allPixels) {
        TrainingSet v = validation.set();
        double[] estimate = new double[v.rows()];
        model.predictInPlace(v.features().clone(), v.rows(), estimate);
        Metrics all = Metrics.NONE;
        if (allPixels) {
            all = allPixels(model);
        }
        return new Score(perStation(estimate, v.targets()), perStation(estimate, validation.truth()), all);
    }

    /** The coarse passive-microwave SSM (the first predictor) scored like a model. */
    Score pmBaseline() {
        TrainingSet v = validation.set();
        double[] pm = new double[v.rows()];
        for (int r = 0; r < pm.length; r++) {
            pm[r] = v.feature(r, 0);
        }
        return new Score(perStation(pm, v.targets()), perStation(pm, validation.truth()), Metrics.NONE);
    }

    private Metrics perStation(double[] estimate, double[] reference) {
        int[] station = validation.set().stations();
        List<Metrics> each = new ArrayList<>();
        for (int s = 0; s < validation.stations(); s++) {
            int n = 0;
            for (int st : station) {
                n += st == s ? 1 : 0;
            }
            double[] e = new double[n];
            double[] r = new double[n];
            int k = 0;
            for (int i = 0; i < station.length; i++) {
                if (station[i] == s) {
                    e[k] = estimate[i];
                    r[k++] = reference[i];
                }
            }
            if (n > 2) {
                each.add(Metrics.of(e, r));
            }
        }
        return Metrics.meanOf(each);
    }

    private Metrics allPixels(FittedModel model) {
        int[] range = predictors.season(1);
        int cells = scenario.fineGrid().width() * scenario.fineGrid().height();
        int days = range[1] - range[0] + 1;
        double[] estimate = new double[cells * days];
        double[] truth = new double[cells * days];
        double[] out = new double[cells];
        for (int t = range[0]; t <= range[1]; t++) {
            double[] x = predictors.pixels(t, 1);
            model.predictInPlace(x, cells, out);
            float[] true_ = scenario.truthSsm().band(t);
            int o = (t - range[0]) * cells;
            for (int c = 0; c < cells; c++) {
                estimate[o + c] = out[c];
                truth[o + c] = true_[c];
            }
        }
        return Metrics.of(estimate, truth);
    }
}
