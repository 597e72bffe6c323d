package org.ssm.process;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotools.api.util.ProgressListener;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.process.ProcessException;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;
import org.ssm.algorithms.coarsetofine.CoarseToFine;
import org.ssm.algorithms.coarsetofine.CoarseToFineParameters;
import org.ssm.algorithms.learning.Predictor;
import org.ssm.algorithms.learning.RegressorTrainer;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.algorithms.methods.Trainers;
import org.ssm.core.Json;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesDates;
import org.ssm.io.ScratchSeries;

/**
 * The {@code ssm:DownscaleCoarseToFine} process: a thin adapter over {@link CoarseToFine} (paper E
 * §3.2.1, §3.2.3, §3.2.4; paper C) with the learning method chosen by name from {@link Trainers}.
 */
@DescribeProcess(title = "Coarse-to-fine statistical downscaling",
        description = "Downscales coarse soil moisture by a statistical model fitted at the coarse scale and applied at"
                + " the fine scale (paper E section 3.2): the fine predictors are area-averaged to the coarse grid,"
                + " the coarse soil moisture is regressed on them (MSR stepwise polynomial, GPR Gaussian process, RF"
                + " random forest or GBDT gradient boosting), and the model is applied to the fine predictors."
                + " Optionally the coarse residual is added back so that each coarse cell's fine mean equals its"
                + " coarse value.")
public class DownscaleCoarseToFineProcess {

    /** Default method: GPR, among E's best at keeping the coarse product's traits (E section 5.1). */
    public static final String DEFAULT_METHOD = "GPR";

    @DescribeResults({
        @DescribeResult(name = "ssm", type = GridCoverage2D.class, primary = true,
                description = "Fine-scale surface soil moisture (m3/m3), one band per date"),
        @DescribeResult(name = "dates", type = String.class, description = "Dates of the bands of ssm"),
        @DescribeResult(name = "models", type = String.class, meta = {"mimeTypes=application/json"},
                description = "The fitted models (ssm-model documents) with their training dates, sample counts"
                        + " and coarse-scale RMSE and R")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "coarseSsm", description = "Coarse soil moisture (m3/m3), one band per date;"
                    + " its cells must be whole multiples of the fine cells") GridCoverage2D coarseSsm,
            @DescribeParameter(name = "lst", min = 0, description = "Fine land-surface temperature (K), one band per"
                    + " date or one band for all dates") GridCoverage2D lst,
            @DescribeParameter(name = "fvc", min = 0, description = "Fine fractional vegetation cover (0-1)")
                    GridCoverage2D fvc,
            @DescribeParameter(name = "lai", min = 0, description = "Fine leaf area index") GridCoverage2D lai,
            @DescribeParameter(name = "albedo", min = 0, description = "Fine broadband albedo") GridCoverage2D albedo,
            @DescribeParameter(name = "see", min = 0, description = "Fine soil evaporative efficiency (paper E eq. 1),"
                    + " e.g. from ssm:SpectralIndices") GridCoverage2D see,
            @DescribeParameter(name = ProcessSupport.DATES, min = 0, description = ProcessSupport.DATES_DESCRIPTION)
                    String dates,
            @DescribeParameter(name = ProcessSupport.PERIOD, min = 0, description = "Only downscale the dates in"
                    + " start/end (ISO dates, either may be empty)") String period,
            @DescribeParameter(name = "method", min = 0, defaultValue = DEFAULT_METHOD,
                    description = "Learning method: MSR, GPR, RF or GBDT") String method,
            @DescribeParameter(name = "options", min = 0, description = "Method parameters as name=value pairs"
                    + " separated by commas, e.g. trees=200,seed=7 (RF, GBDT), pEnter=0.01 (MSR),"
                    + " kernel=ISOTROPIC,maxSamples=1000 (GPR); see docs/algorithms/coarse-to-fine.md")
                    String options,
            @DescribeParameter(name = "windowDays", min = 0, minValue = 0,
                    maxValue = CoarseToFineParameters.MAX_WINDOW_DAYS, description = "Train each date's model on the"
                    + " dates within this many days (0: each date alone); omitted: one model on all dates, as in"
                    + " paper E") Integer windowDays,
            @DescribeParameter(name = "residualCorrection", min = 0, defaultValue = "false",
                    description = "Add each coarse cell's residual back to its fine pixels so that their mean equals"
                            + " the coarse value") Boolean residualCorrection,
            @DescribeParameter(name = "minCoverage", min = 0,
                    defaultValue = "" + CoarseToFineParameters.DEFAULT_MIN_COVERAGE, minValue = 0, maxValue = 1,
                    description = "Smallest fraction of a coarse cell's fine pixels with every predictor for the cell"
                            + " to train the model") Double minCoverage,
            @DescribeParameter(name = "location", min = 0, defaultValue = "true",
                    description = "Use the cell-centre coordinates (lon, lat) as predictors") Boolean location,
            @DescribeParameter(name = "dayOfYear", min = 0, defaultValue = "true",
                    description = "Use the day of the year as a predictor") Boolean dayOfYear,
            ProgressListener monitor) {
        List<LocalDate> bandDates = ProcessSupport.dates(dates);
        LocalDate[] bounds = ProcessSupport.period(period);
        GridSeries coarse = ProcessSupport.series("coarseSsm", coarseSsm, bandDates);
        if (!coarse.isDated()) {
            throw ParameterException.missing(ProcessSupport.DATES, "one ISO date per band of coarseSsm");
        }
        coarse = coarse.between(bounds[0], bounds[1]);
        List<Predictor> predictors = PredictorInputs.paperE(lst, fvc, lai, albedo, see, bandDates, bounds);
        RegressorTrainer trainer = Trainers.create("method", method == null ? DEFAULT_METHOD : method,
                TrainerOptions.parse("options", options));
        CoarseToFineParameters parameters = new CoarseToFineParameters(
                windowDays == null ? CoarseToFineParameters.POOLED : windowDays,
                Boolean.TRUE.equals(residualCorrection),
                ProcessSupport.orDefault(minCoverage, CoarseToFineParameters.DEFAULT_MIN_COVERAGE),
                !Boolean.FALSE.equals(location), !Boolean.FALSE.equals(dayOfYear));
        // The fine series goes to a memory-mapped scratch file date by date, as gap filling's output does.
        try (ScratchOutputs outputs = new ScratchOutputs()) {
            ScratchSeries ssm = outputs.create(predictors.get(0).series().geometry(), coarse.dates(), coarse.size());
            CoarseToFine.Result result = new CoarseToFine(trainer, parameters)
                    .downscale(coarse, predictors, ssm, ProcessSupport.monitor(monitor));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ssm", outputs.coverage("ssm", ssm));
            out.put(ProcessSupport.DATES, SeriesDates.format(coarse.dates()));
            out.put("models", Json.write(result.toJson(trainer.method(), parameters)));
            return out;
        } catch (IOException e) {
            throw new ProcessException("coarse-to-fine downscaling failed writing its output: " + e.getMessage(), e);
        }
    }
}
