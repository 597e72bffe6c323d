package org.ssm.process;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotools.api.util.ProgressListener;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;
import org.ssm.algorithms.learning.RegressorTrainer;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.algorithms.methods.Trainers;
import org.ssm.algorithms.pointsurface.CrossValidationParameters;
import org.ssm.algorithms.pointsurface.FusionParameters;
import org.ssm.algorithms.pointsurface.PointSurfaceFusion;
import org.ssm.algorithms.pointsurface.PredictorStack;
import org.ssm.algorithms.pointsurface.Split;
import org.ssm.core.Json;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.SeriesDates;
import org.ssm.io.Coverages;
import org.ssm.io.CrsTransforms;

/**
 * The {@code ssm:DownscalePointSurface} process: a thin adapter over {@link PointSurfaceFusion}
 * (papers A and B §3.4, eq. 7); the method name is resolved through {@link Trainers}.
 */
@DescribeProcess(title = "Point-surface fusion downscaling",
        description = "Learns in-situ soil moisture from predictors sampled at the station pixels (papers A and B"
                + " section 3.4, eq. 7: SSM = f(coarse SSM products, LST, NDVI, albedo, precipitation, DOY)), then"
                + " predicts every pixel of every date. Training rows are the station-days (UTC daily means) where"
                + " the in-situ value and every predictor are finite; predictors and target are z-scored on them."
                + " The method is cross-validated by year (train on one season, validate on the other, as in B),"
                + " by station or by k-fold, with PCC, RMSE, ubRMSE, bias and MAE; the final model (a JSON"
                + " document ssm:ApplyModel applies again) is fitted on the station-days of trainingPeriod."
                + " Output pixels are NaN where any predictor is.")
public class DownscalePointSurfaceProcess {

    /** Default method: random forest (paper B's baseline; its DBN where the network learners are built in). */
    public static final String DEFAULT_METHOD = "RF";

    @DescribeResults({
        @DescribeResult(name = "ssm", type = GridCoverage2D.class, primary = true,
                description = "Downscaled surface soil moisture (m3/m3) on the finest predictor grid, one band per"
                        + " date"),
        @DescribeResult(name = "dates", type = String.class, description = "Dates of the bands of ssm"),
        @DescribeResult(name = "model", type = String.class, meta = {"mimeTypes=application/json"},
                description = "The fitted model: the ssm-model JSON document (method, predictor names, their"
                        + " normalisation, the regressor, provenance with the cross-validation scores), for"
                        + " ssm:ApplyModel"),
        @DescribeResult(name = "metrics", type = String.class, meta = {"mimeTypes=application/json"},
                description = "Cross-validation as JSON: split, per fold the held-out part, training rows and"
                        + " n, pcc, rmse, ubrmse, bias, mae; pooled over the held-out predictions and the mean"
                        + " over stations; rows per station and notes")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = PredictorInputs.PREDICTORS, collectionType = GridCoverage2D.class, min = 1,
                    max = Integer.MAX_VALUE, description = PredictorInputs.PREDICTORS_DESCRIPTION)
                    List<GridCoverage2D> predictors,
            @DescribeParameter(name = PredictorInputs.NAMES, description = PredictorInputs.NAMES_DESCRIPTION)
                    String names,
            @DescribeParameter(name = "stations", description = "In-situ soil moisture: points in WGS84 longitude/"
                    + "latitude with properties station, network, time (ISO instant), sm (m3/m3), depth_from,"
                    + " depth_to, flag; readings of one UTC date are averaged") SimpleFeatureCollection stations,
            @DescribeParameter(name = "method", min = 0, defaultValue = DEFAULT_METHOD, description = "The learning"
                    + " method: RF (random forest), GBDT (gradient boosting), DBN (deep belief network) or BPNN"
                    + " (back-propagation network), as in papers A and B; the coarse-to-fine learners MSR and GPR"
                    + " are accepted too") String method,
            @DescribeParameter(name = "methodOptions", min = 0, description = "The method's parameters as a JSON"
                    + " object or name=value pairs separated by commas (e.g. trees=300,maxDepth=12); absent ones"
                    + " take the method's defaults") String methodOptions,
            @DescribeParameter(name = "split", min = 0, defaultValue = "year", description = "Cross-validation"
                    + " split: year (one fold per year, trained on the others), station (stations held out) or"
                    + " kfold (station-days at random)") String split,
            @DescribeParameter(name = "folds", min = 0, defaultValue = "" + CrossValidationParameters.DEFAULT_FOLDS,
                    minValue = CrossValidationParameters.MIN_FOLDS, maxValue = CrossValidationParameters.MAX_FOLDS,
                    description = "Number of folds of the station and kfold splits (at most the number of"
                            + " stations or station-days)") Integer folds,
            @DescribeParameter(name = "seed", min = 0, defaultValue = "" + CrossValidationParameters.DEFAULT_SEED,
                    description = "Seed of the fold assignment, and of the method unless methodOptions gives one")
                    Long seed,
            @DescribeParameter(name = "dayOfYear", min = 0, defaultValue = "true", description = "Add the day of"
                    + " year as a predictor (paper B's DOY), named doy") Boolean dayOfYear,
            @DescribeParameter(name = ProcessSupport.DATES, min = 0, description = PredictorInputs.DATES_DESCRIPTION)
                    String dates,
            @DescribeParameter(name = ProcessSupport.PERIOD, min = 0, description = "Only dates within start/end (ISO"
                    + " dates, either side may be empty) are used and predicted; all when omitted") String period,
            @DescribeParameter(name = "trainingPeriod", min = 0, description = "Station-days within start/end train"
                    + " the final model (e.g. the training season 2021-04-01/2021-09-30; B trains on one season"
                    + " and applies the model to the other); all when omitted. Cross-validation always uses every"
                    + " station-day") String trainingPeriod,
            ProgressListener listener) {
        if (stations == null) {
            throw ParameterException.missing("stations", "a feature collection of station readings (GeoJSON)");
        }
        long seedValue = seed == null ? CrossValidationParameters.DEFAULT_SEED : seed;
        CrossValidationParameters cv = new CrossValidationParameters(
                Split.parse("split", split == null ? CrossValidationParameters.DEFAULT_SPLIT.label() : split),
                folds == null ? CrossValidationParameters.DEFAULT_FOLDS : folds, seedValue);
        LocalDate[] training = trainingPeriod(trainingPeriod);
        FusionParameters parameters = FusionParameters.defaults().withCrossValidation(cv)
                .withTrainingPeriod(training[0], training[1]);
        TrainerOptions options = TrainerOptions.parse("methodOptions", methodOptions);
        if (!options.has("seed")) {
            options = options.with("seed", seedValue);
        }
        RegressorTrainer trainer = Trainers.create("method", method == null ? DEFAULT_METHOD : method, options);
        Monitor monitor = ProcessSupport.monitor(listener);
        PredictorStack stack = PredictorInputs.stack(PredictorInputs.predictors(predictors, names, dates),
                dayOfYear == null || dayOfYear, period, monitor.stage(0, 0.05));
        PointSurfaceFusion.Result result = new PointSurfaceFusion(parameters).run(stack,
                StationFeatures.toSeries("stations", stations),
                CrsTransforms.between("stations", "EPSG:4326", stack.geometry().crs()), trainer,
                monitor.stage(0.05, 0.95));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ssm", Coverages.toCoverage("ssm", result.ssm()));
        out.put(ProcessSupport.DATES, SeriesDates.format(result.ssm().dates()));
        out.put("model", result.model().toJson());
        out.put("metrics", Json.write(result.metricsJson()));
        return out;
    }

    /** The bounds of {@code trainingPeriod}, parsed like {@code period}, errors naming it. */
    private static LocalDate[] trainingPeriod(String text) {
        try {
            return ProcessSupport.period(text);
        } catch (ParameterException e) {
            throw new ParameterException("trainingPeriod", text, "start/end with ISO dates, e.g."
                    + " 2021-04-01/2021-09-30");
        }
    }
}
