package org.ssm.process;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geotools.api.util.ProgressListener;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.process.ProcessException;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;
import org.ssm.algorithms.coarsetofine.CoarseToFineParameters;
import org.ssm.algorithms.learning.Predictor;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.algorithms.kriging.AtaParameters;
import org.ssm.algorithms.kriging.DeconvolvedVariogram;
import org.ssm.algorithms.kriging.ExperimentalVariogram;
import org.ssm.algorithms.kriging.NeighbourCentre;
import org.ssm.algorithms.kriging.RegressionKriging;
import org.ssm.algorithms.kriging.VariogramModel;
import org.ssm.algorithms.methods.Trainers;
import org.ssm.core.Json;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesDates;
import org.ssm.grid.Window;
import org.ssm.io.ScratchSeries;

/** The {@code ssm:ATARK} process: a thin adapter over {@link RegressionKriging} (paper E §3.2.5, eq. 10–11). */
@DescribeProcess(title = "ATARK downscaling",
        description = "Area-to-area regression kriging (paper E section 3.2.5, eq. 10-11, after Jin et al. 2018b):"
                + " an MSR trend (stepwise polynomial regression with interactions, eq. 4) is fitted between the coarse"
                + " soil moisture and the fine predictors averaged to the coarse grid and applied at the fine grid;"
                + " the coarse residuals are then kriged onto the fine pixels by area-to-point ordinary kriging with"
                + " a point variogram deconvolved from their areal variogram, and added to the trend. With the"
                + " default settings the fine pixels of each coarse pixel average to its value.")
public class ATARKProcess {

    @DescribeResults({
        @DescribeResult(name = "ssm", type = GridCoverage2D.class, primary = true,
                description = "Fine-scale surface soil moisture (m3/m3), trend + kriged residual, one band per date"),
        @DescribeResult(name = "trend", type = GridCoverage2D.class,
                description = "The regression trend at the fine grid (m3/m3), one band per date"),
        @DescribeResult(name = "residual", type = GridCoverage2D.class,
                description = "The kriged residual at the fine grid (m3/m3), one band per date"),
        @DescribeResult(name = "report", type = String.class, meta = {"mimeTypes=application/json"},
                description = "JSON: the trend models and their coarse fit, and per date the deconvolved point"
                        + " variogram (model, sill, range), the experimental and regularised areal variograms and"
                        + " their relative misfit"),
        @DescribeResult(name = "dates", type = String.class, description = "Dates of the bands of ssm")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "coarseSsm", description = "Coarse soil moisture (m3/m3), one band per date;"
                    + " its cells must be whole multiples of the fine cells") GridCoverage2D coarseSsm,
            @DescribeParameter(name = "lst", min = 0, description = "Fine land-surface temperature (K), one band"
                    + " per date or one band for all dates") GridCoverage2D lst,
            @DescribeParameter(name = "fvc", min = 0, description = "Fine fractional vegetation cover (0-1)")
                    GridCoverage2D fvc,
            @DescribeParameter(name = "lai", min = 0, description = "Fine leaf area index") GridCoverage2D lai,
            @DescribeParameter(name = "albedo", min = 0, description = "Fine broadband albedo") GridCoverage2D albedo,
            @DescribeParameter(name = "see", min = 0, description = "Fine soil evaporative efficiency (0-1)")
                    GridCoverage2D see,
            @DescribeParameter(name = ProcessSupport.DATES, min = 0, description = ProcessSupport.DATES_DESCRIPTION)
                    String dates,
            @DescribeParameter(name = ProcessSupport.PERIOD, min = 0, description = "Only dates within start/end"
                    + " (ISO dates, e.g. 2021-04-01/2021-09-30, either side may be empty); all dates when omitted")
                    String period,
            @DescribeParameter(name = "method", min = 0, defaultValue = "MSR", description = "The trend"
                    + " regression: MSR as in paper E, or another learning method (GPR, RF, GBDT)") String method,
            @DescribeParameter(name = "options", min = 0, description = "Trend method parameters as name=value"
                    + " pairs separated by commas, as for ssm:DownscaleCoarseToFine, e.g. pEnter=0.01 (MSR)")
                    String options,
            @DescribeParameter(name = "location", min = 0, defaultValue = "true", description = "Whether the pixel"
                    + " centre coordinates (lon, lat) are trend predictors, as in paper E section 3.3")
                    Boolean location,
            @DescribeParameter(name = "windowDays", min = 0, defaultValue = "0", minValue = -1,
                    maxValue = CoarseToFineParameters.MAX_WINDOW_DAYS, description = "Dates that train each date's"
                    + " trend: 0 = that date alone, w > 0 = dates within +-w days, -1 = all dates pooled")
                    Integer windowDays,
            @DescribeParameter(name = "variogramModel", min = 0, defaultValue = "EXPONENTIAL", description = "Point"
                    + " variogram model deconvolved from the coarse residuals: EXPONENTIAL or SPHERICAL")
                    String variogramModel,
            @DescribeParameter(name = "neighbours", min = 0, defaultValue = "" + AtaParameters.DEFAULT_NEIGHBOURS,
                    minValue = 1, maxValue = 400, description = "k of eq. 10: coarse pixels used for each fine pixel")
                    Integer neighbours,
            @DescribeParameter(name = "neighbourCentre", min = 0, defaultValue = "COARSE_PIXEL", description =
                    "Where the k nearest coarse pixels are counted from: COARSE_PIXEL (the pixel containing the fine"
                    + " pixel; keeps the coarse means exactly) or FINE_PIXEL") String neighbourCentre,
            @DescribeParameter(name = "coarseDiscretisation", min = 0, defaultValue = "0", minValue = 0,
                    maxValue = 64, description = "Points per coarse pixel side for the area-to-area covariances;"
                    + " 0 = as many as fine pixels (exact coherence)") Integer coarseDiscretisation,
            @DescribeParameter(name = "fineDiscretisation", min = 0, defaultValue = "1", minValue = 1, maxValue = 16,
                    description = "Points per fine pixel side (1 = its centre)") Integer fineDiscretisation,
            @DescribeParameter(name = "maxLag", min = 0, defaultValue = "" + AtaParameters.DEFAULT_MAX_LAG,
                    minValue = 1, maxValue = 200, description = "Largest lag of the areal variogram, in coarse cells")
                    Integer maxLag,
            ProgressListener listener) {
        List<LocalDate> bandDates = ProcessSupport.dates(dates);
        LocalDate[] bounds = ProcessSupport.period(period);
        GridSeries coarse = ProcessSupport.series("coarseSsm", coarseSsm, bandDates).between(bounds[0], bounds[1]);
        List<Predictor> predictors = PredictorInputs.paperE(lst, fvc, lai, albedo, see, bandDates, bounds);
        String trendMethod = method == null ? "MSR" : method;
        CoarseToFineParameters trend = RegressionKriging.DEFAULT_TREND
                .withLocation(location == null || location)
                .withWindowDays(windowDays == null ? 0 : windowDays);
        AtaParameters kriging = new AtaParameters(
                parse("variogramModel", variogramModel, VariogramModel.class, AtaParameters.DEFAULT_MODEL),
                neighbours == null ? AtaParameters.DEFAULT_NEIGHBOURS : neighbours,
                coarseDiscretisation == null ? AtaParameters.DEFAULT_COARSE_DISCRETISATION : coarseDiscretisation,
                fineDiscretisation == null ? AtaParameters.DEFAULT_FINE_DISCRETISATION : fineDiscretisation,
                maxLag == null ? AtaParameters.DEFAULT_MAX_LAG : maxLag,
                parse("neighbourCentre", neighbourCentre, NeighbourCentre.class, AtaParameters.DEFAULT_CENTRE));
        RegressionKriging atark = new RegressionKriging(
                Trainers.create("method", trendMethod, TrainerOptions.parse("options", options)),
                trend, kriging);
        RegressionKriging.Result result = atark.downscale(coarse, predictors, ProcessSupport.monitor(listener));

        Map<String, Object> out = new LinkedHashMap<>();
        try (ScratchOutputs outputs = new ScratchOutputs()) {
            out.put("ssm", outputs.coverage("ssm", scratch(outputs, result.ssm())));
            out.put("trend", outputs.coverage("ssm", scratch(outputs, result.trend().ssm())));
            out.put("residual", outputs.coverage("bias", scratch(outputs, result.fineResiduals())));
        } catch (IOException e) {
            throw new ProcessException("the downscaled series could not be stored: " + e.getMessage(), e);
        }
        out.put("report", Json.write(report(trendMethod, trend, kriging, result)));
        out.put(ProcessSupport.DATES, SeriesDates.format(result.ssm().dates()));
        return out;
    }

    /** The series copied, date by date, into a scratch series that the output coverage reads lazily. */
    private static ScratchSeries scratch(ScratchOutputs outputs, GridSeries series) throws IOException {
        ScratchSeries s = outputs.create(series.geometry(), series.dates(), series.size());
        Window all = Window.all(series.geometry());
        for (int b = 0; b < series.size(); b++) {
            s.write(b, all, series.band(b));
        }
        return s;
    }

    private static <E extends Enum<E>> E parse(String parameter, String text, Class<E> type, E fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E value : type.getEnumConstants()) {
                names.add(value.name());
            }
            throw new ParameterException(parameter, text, "one of " + String.join(", ", names));
        }
    }

    private static Map<String, Object> report(String method, CoarseToFineParameters trend, AtaParameters kriging,
            RegressionKriging.Result result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trend", result.trend().toJson(method, trend));
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("variogramModel", kriging.model().name());
        k.put("neighbours", kriging.neighbours());
        k.put("neighbourCentre", kriging.centre().name());
        k.put("coarseDiscretisation", kriging.coarseDiscretisation());
        k.put("fineDiscretisation", kriging.fineDiscretisation());
        k.put("maxLag", kriging.maxLag());
        k.put("systems", result.systems());
        m.put("kriging", k);
        List<Object> dates = new ArrayList<>();
        List<LocalDate> list = result.ssm().dates();
        for (int d = 0; d < list.size(); d++) {
            Map<String, Object> date = new LinkedHashMap<>();
            date.put("date", list.get(d).toString());
            DeconvolvedVariogram v = result.variograms().get(d);
            if (v != null) {
                date.put("sill", v.point().sill());
                date.put("range", v.point().range());
                date.put("degenerate", v.degenerate());
                date.put("relativeMisfit", Double.isFinite(v.relativeMisfit()) ? v.relativeMisfit() : null);
                List<Object> bins = new ArrayList<>();
                double[] regularised = v.regularised();
                for (int b = 0; b < v.bins().size(); b++) {
                    ExperimentalVariogram.Bin bin = v.bins().get(b);
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("distance", bin.distance());
                    e.put("pairs", bin.pairs());
                    e.put("experimental", bin.semivariance());
                    e.put("regularised", regularised[b]);
                    bins.add(e);
                }
                date.put("bins", bins);
            }
            dates.add(date);
        }
        m.put("dates", dates);
        return m;
    }
}
