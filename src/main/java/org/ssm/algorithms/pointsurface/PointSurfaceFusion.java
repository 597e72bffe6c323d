package org.ssm.algorithms.pointsurface;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssm.algorithms.learning.ModelFitting;
import org.ssm.algorithms.learning.RegressorTrainer;
import org.ssm.algorithms.learning.TrainingSet;
import org.ssm.algorithms.model.FittedModel;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.CoordinateMap;
import org.ssm.grid.GridSeries;
import org.ssm.stations.StationSeries;

/**
 * Point-surface fusion downscaling, papers A and B §3.4, eq. 7:
 * {@code SSM = f(coarse SSM products, LST, NDVI, albedo, precipitation, DOY)}, learned from the
 * in-situ SSM of the stations and applied to every pixel of every date.
 *
 * <ol>
 *   <li>the station-days where the in-situ value and every predictor are finite form the training
 *       set ({@link StationTraining});</li>
 *   <li>the method is cross-validated on it ({@link CrossValidation}: by year as in B, by station,
 *       or k-fold);</li>
 *   <li>the final model is fitted on the station-days of the training period (all by default):
 *       predictors and target z-scored, then the method ({@link ModelFitting});</li>
 *   <li>it predicts every pixel of every date ({@link ModelApplication}).</li>
 * </ol>
 *
 * <p>The method is any {@link RegressorTrainer} (B compares DBN, BPNN and RF); the process resolves
 * the client's method name through {@link org.ssm.algorithms.methods.Trainers}.
 */
public final class PointSurfaceFusion {

    private final FusionParameters parameters;

    public PointSurfaceFusion(FusionParameters parameters) {
        this.parameters = java.util.Objects.requireNonNull(parameters, "parameters");
    }

    /**
     * What a run produced.
     *
     * @param model the final model
     * @param crossValidation its cross-validation scores
     * @param training the station sample
     * @param finalRows the number of station-days the final model was fitted on
     * @param ssm the predicted SSM on the predictors' fine grid and dates
     */
    public record Result(FittedModel model, CrossValidation.Result crossValidation, StationTraining training,
            int finalRows, GridSeries ssm) {

        /** The cross-validation and the training sample as JSON-compatible values. */
        public Map<String, Object> metricsJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", model.method());
            m.put("predictors", model.predictors());
            m.put("station_days", training.set().rows());
            m.put("stations_used", training.stationsUsed());
            m.put("final_model_rows", finalRows);
            m.put("cross_validation", crossValidation.toJson());
            Map<String, Object> perStation = new LinkedHashMap<>();
            for (int s = 0; s < training.stationIds().size(); s++) {
                perStation.put(training.stationIds().get(s), training.rowsPerStation()[s]);
            }
            m.put("rows_per_station", perStation);
            m.put("notes", training.notes());
            return m;
        }
    }

    /**
     * Runs the fusion.
     *
     * @param stack the predictors on the fine grid
     * @param stations the in-situ readings
     * @param lonLatToFine map from WGS84 longitude/latitude to the fine grid's CRS
     * @param trainer the learning method
     * @param monitor progress (sampling 5 %, cross-validation 50 %, final fit 20 %, prediction 25 %)
     *     and cancellation
     */
    public Result run(PredictorStack stack, List<StationSeries> stations, CoordinateMap lonLatToFine,
            RegressorTrainer trainer, Monitor monitor) {
        StationTraining training = StationTraining.assemble(stack, stations, lonLatToFine, monitor.stage(0, 0.05));
        CrossValidation.Result cv = CrossValidation.run(trainer, stack.names(), training.set(), training.stationIds(),
                parameters.crossValidation(), monitor.stage(0.05, 0.5));
        int[] rows = training.rowsWithin(parameters.trainFrom(), parameters.trainTo());
        if (rows.length == 0) {
            throw new ParameterException("trainingPeriod", parameters.trainFrom() + "/" + parameters.trainTo(),
                    "a period with station-days (they run from " + LocalDate.ofEpochDay(min(training.set().days()))
                            + " to " + LocalDate.ofEpochDay(max(training.set().days())) + ")");
        }
        TrainingSet finalSet = rows.length == training.set().rows() ? training.set() : training.set().subset(rows);
        FittedModel model = ModelFitting.fit(trainer, stack.names(), finalSet, provenance(training, finalSet, cv),
                monitor.stage(0.55, 0.2));
        GridSeries ssm = ModelApplication.predict(model, stack, monitor.stage(0.75, 0.25));
        return new Result(model, cv, training, finalSet.rows(), ssm);
    }

    private Map<String, Object> provenance(StationTraining training, TrainingSet finalSet, CrossValidation.Result cv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", "point-surface fusion, paper B section 3.4 eq. 7");
        m.put("training_from", LocalDate.ofEpochDay(min(finalSet.days())).toString());
        m.put("training_to", LocalDate.ofEpochDay(max(finalSet.days())).toString());
        m.put("training_rows", finalSet.rows());
        List<String> used = new ArrayList<>();
        int[] counted = new int[training.stationIds().size()];
        for (int s : finalSet.stations()) {
            counted[s]++;
        }
        for (int s = 0; s < counted.length; s++) {
            if (counted[s] > 0) {
                used.add(training.stationIds().get(s));
            }
        }
        m.put("stations", used);
        Map<String, Object> scores = new LinkedHashMap<>();
        scores.put("split", cv.parameters().split().label());
        scores.put("pooled", CrossValidation.metricsJson(cv.pooled()));
        scores.put("station_mean", CrossValidation.metricsJson(cv.stationMean()));
        m.put("cross_validation", scores);
        return m;
    }

    private static int min(int[] a) {
        return java.util.Arrays.stream(a).min().orElseThrow();
    }

    private static int max(int[] a) {
        return java.util.Arrays.stream(a).max().orElseThrow();
    }
}
