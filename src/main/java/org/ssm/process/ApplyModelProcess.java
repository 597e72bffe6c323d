package org.ssm.process;

import java.util.List;
import java.util.Map;
import org.geotools.api.util.ProgressListener;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;
import org.ssm.algorithms.model.FittedModel;
import org.ssm.algorithms.pointsurface.ModelApplication;
import org.ssm.algorithms.pointsurface.PredictorStack;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;

/**
 * The {@code ssm:ApplyModel} process: a stored model document (output {@code model} of a downscaling
 * process) applied to predictor series through {@link ModelApplication}, the code that produced the
 * original output, so the same inputs give the same values bit for bit.
 */
@DescribeProcess(title = "Apply a stored downscaling model",
        description = "Applies an ssm-model JSON document (the model output of ssm:DownscalePointSurface or another"
                + " ssm learning process) to predictor series: every pixel of every date, NaN where any predictor"
                + " is. Predictors are matched to the model by name; the day of year (doy) is derived from the"
                + " dates. Aligned like the training inputs: the predictor with the most cells sets the grid, the"
                + " others are resampled to it bilinearly.")
public class ApplyModelProcess {

    @DescribeResults({
        @DescribeResult(name = "ssm", type = GridCoverage2D.class, primary = true,
                description = "The model's soil moisture (m3/m3) on the finest predictor grid, one band per date"),
        @DescribeResult(name = "dates", type = String.class, description = "Dates of the bands of ssm")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "model", meta = {"mimeTypes=application/json"}, description = "The model: an"
                    + " ssm-model JSON document") String model,
            @DescribeParameter(name = PredictorInputs.PREDICTORS, collectionType = GridCoverage2D.class, min = 1,
                    max = Integer.MAX_VALUE, description = "The predictor series the model needs (its document lists"
                            + " them under predictors), in any order, each one band per date or a single static"
                            + " band") List<GridCoverage2D> predictors,
            @DescribeParameter(name = PredictorInputs.NAMES, description = PredictorInputs.NAMES_DESCRIPTION)
                    String names,
            @DescribeParameter(name = ProcessSupport.DATES, min = 0, description = PredictorInputs.DATES_DESCRIPTION)
                    String dates,
            @DescribeParameter(name = ProcessSupport.PERIOD, min = 0, description = "Only dates within start/end (ISO"
                    + " dates, either side may be empty); all when omitted") String period,
            ProgressListener listener) {
        if (model == null || model.isBlank()) {
            throw ParameterException.missing("model", "an ssm-model JSON document");
        }
        FittedModel fitted = FittedModel.fromJson("model", model);
        Monitor monitor = ProcessSupport.monitor(listener);
        PredictorStack stack = PredictorInputs.stack(PredictorInputs.predictors(predictors, names, dates),
                fitted.predictors().contains(PredictorStack.DAY_OF_YEAR), period, monitor.stage(0, 0.1));
        return ProcessSupport.seriesResult("ssm", "ssm",
                ModelApplication.predict(fitted, stack, monitor.stage(0.1, 0.9)));
    }
}
