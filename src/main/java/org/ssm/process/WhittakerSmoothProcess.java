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
import org.ssm.algorithms.whittaker.LambdaSelection;
import org.ssm.algorithms.whittaker.WhittakerSmoother;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesBuffer;
import org.ssm.grid.SeriesDates;
import org.ssm.grid.SeriesReader;
import org.ssm.io.Coverages;
import org.ssm.io.ScratchSeries;

/** The {@code ssm:WhittakerSmooth} process: a thin adapter over {@link WhittakerSmoother} (paper D §2.2.1). */
@DescribeProcess(title = "Whittaker smoothing",
        description = "Smooths and gap-fills the series of every pixel with the weighted Whittaker smoother with"
                + " second-order differences, (W + lambda D'D) z = W y (paper D section 2.2.1, after Kong et al."
                + " 2019). Lambda is given, or chosen per pixel by the V-curve over a grid of log10 lambda (Frasso and"
                + " Eilers 2015), as the MODIS smoothing tools do. Values with weight 0 or NaN are filled.")
public class WhittakerSmoothProcess {

    /** The variable (and style) of the log10 lambda output. */
    static final String LAMBDA_VARIABLE = "lambda";

    @DescribeResults({
        @DescribeResult(name = "smoothed", type = GridCoverage2D.class, primary = true,
                description = "The smoothed, gap-filled series, one band per date; the coverage keeps the name"
                        + " (variable) of the input. NaN where a pixel has fewer than two positive weights"),
        @DescribeResult(name = "logLambda", type = GridCoverage2D.class, description = "log10 of the lambda the"
                + " V-curve chose for each pixel; only when lambda is not given"),
        @DescribeResult(name = "dates", type = String.class, description = "Dates of the bands of smoothed")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "series", description = "The series to smooth, e.g. NDVI, one band per date;"
                    + " NaN is no data") GridCoverage2D series,
            @DescribeParameter(name = "weights", min = 0, description = "Weights in [0, 1], one band per date of"
                    + " series on its grid, e.g. derived from QC flags; NaN counts as 0. Without it every value"
                    + " has weight 1") GridCoverage2D weights,
            @DescribeParameter(name = ProcessSupport.DATES, min = 0, description = ProcessSupport.DATES_DESCRIPTION)
                    String dates,
            @DescribeParameter(name = "lambda", min = 0, minValue = 0, maxValue = LambdaSelection.MAX_LAMBDA,
                    description = "The smoothing parameter lambda (> 0) for every pixel; when omitted, lambda is"
                            + " chosen per pixel by the V-curve") Double lambda,
            @DescribeParameter(name = "logLambdaStart", min = 0,
                    defaultValue = "" + WhittakerSmoother.DEFAULT_LOG_LAMBDA_START,
                    minValue = LambdaSelection.MIN_LOG_LAMBDA, maxValue = LambdaSelection.MAX_LOG_LAMBDA,
                    description = "First log10 lambda of the V-curve grid") Double logLambdaStart,
            @DescribeParameter(name = "logLambdaEnd", min = 0,
                    defaultValue = "" + WhittakerSmoother.DEFAULT_LOG_LAMBDA_END,
                    minValue = LambdaSelection.MIN_LOG_LAMBDA, maxValue = LambdaSelection.MAX_LOG_LAMBDA,
                    description = "Last log10 lambda of the V-curve grid") Double logLambdaEnd,
            @DescribeParameter(name = "logLambdaStep", min = 0,
                    defaultValue = "" + WhittakerSmoother.DEFAULT_LOG_LAMBDA_STEP, minValue = 0,
                    description = "Step of log10 lambda in the V-curve grid") Double logLambdaStep,
            ProgressListener listener) {
        if (series == null) {
            throw ParameterException.missing("series", "a coverage (GeoTIFF)");
        }
        List<LocalDate> bandDates = ProcessSupport.dates(dates);
        LambdaSelection selection = lambda != null
                ? new LambdaSelection.Fixed(lambda)
                : new LambdaSelection.VCurve(
                        ProcessSupport.orDefault(logLambdaStart, WhittakerSmoother.DEFAULT_LOG_LAMBDA_START),
                        ProcessSupport.orDefault(logLambdaEnd, WhittakerSmoother.DEFAULT_LOG_LAMBDA_END),
                        ProcessSupport.orDefault(logLambdaStep, WhittakerSmoother.DEFAULT_LOG_LAMBDA_STEP));
        SeriesReader values = Coverages.reader("series", series, bandDates);
        // Weights are matched to the series by band, whatever their band descriptions say.
        SeriesReader weightValues = weights == null ? null : Coverages.reader("weights", weights, List.of());
        SeriesBuffer logLambda = new SeriesBuffer(values.geometry(), List.of(), 1);
        Map<String, Object> result = new LinkedHashMap<>();
        // Closing the outputs deletes a scratch series that did not become a coverage (a failed run).
        try (ScratchOutputs outputs = new ScratchOutputs()) {
            ScratchSeries smoothed = outputs.create(values.geometry(), values.dates(), values.bands());
            WhittakerSmoother.of(selection).smooth(values, weightValues, smoothed, logLambda,
                    ProcessSupport.monitor(listener));
            result.put("smoothed", outputs.coverage(series.getName().toString(), smoothed));
        } catch (IOException e) {
            throw new ProcessException("the smoothed series could not be stored: " + e.getMessage(), e);
        }
        if (selection instanceof LambdaSelection.VCurve) {
            GridSeries lambdas = logLambda.toSeries();
            result.put("logLambda", Coverages.toCoverage(LAMBDA_VARIABLE, lambdas));
        }
        if (!values.dates().isEmpty()) {
            result.put(ProcessSupport.DATES, SeriesDates.format(values.dates()));
        }
        return result;
    }
}
