package org.ssm.process;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.geotools.api.util.ProgressListener;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.process.ProcessException;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;
import org.ssm.algorithms.validation.GriddedProduct;
import org.ssm.algorithms.validation.StationCells;
import org.ssm.algorithms.validation.StationSampler;
import org.ssm.algorithms.validation.Validation;
import org.ssm.algorithms.validation.ValidationInputs;
import org.ssm.algorithms.validation.ValidationParameters;
import org.ssm.algorithms.validation.ValidationResult;
import org.ssm.algorithms.validation.ValidationTable;
import org.ssm.charts.TimeSeriesChart;
import org.ssm.charts.ValidationCharts;
import org.ssm.core.ParameterException;
import org.ssm.grid.SeriesDates;
import org.ssm.grid.SeriesReader;
import org.ssm.io.Coverages;
import org.ssm.io.CrsTransforms;
import org.ssm.stations.StationSeries;

/**
 * The {@code ssm:Validate} process: a thin adapter over {@link Validation} (paper E §3.4 eq. 12–19,
 * paper B Table S1 and §4.2.3) and the charts of {@link ValidationCharts} (paper B Fig. 4–6).
 * Coverages are read through their rendered images, band by band and only around the stations.
 */
@DescribeProcess(title = "Validation of a soil-moisture product against stations",
        description = "Pairs the daily mean (UTC dates) of each station with the product's value in the cell"
                + " containing it, and reports per station, overall (pairs pooled, and the mean of the stations'"
                + " metrics) and per month: PCC, RMSE, ubRMSE, bias (product minus in situ), MAE and the regression"
                + " slope (paper E eq. 12-15, paper B Table S1). With a coarse product: the downscaling gain G_down"
                + " with G_effi, G_prec and G_accu on the dates all three share (paper E eq. 16-19, Merlin et al."
                + " 2015). The spatial standard deviation across stations per date where at least"
                + " spatialSdMinStations report (paper B 4.2.3). With a truth on the product grid (twin experiment):"
                + " the same metrics over every pixel, per date and pooled. Charts: scatter with the 1:1 line, a"
                + " station's time series with rain bars and the coarse product (paper B Fig. 6), box plots of the"
                + " per-station metrics.")
public class ValidateProcess {

    private static final String ANY_DATES = " (comma list or start/end/P1D); may be omitted when the coverage carries"
            + " them or has the bands of product";

    @DescribeResults({
        @DescribeResult(name = "table", type = String.class, primary = true, meta = {"mimeTypes=text/csv"},
                description = "CSV: " + ValidationTable.HEADER + ". One line per station and series (product,"
                        + " coarse), then overall and per month (aggregate pooled and station_mean), then truth"
                        + " (all and per date). Undefined values are empty and the note says why."),
        @DescribeResult(name = "summary", type = String.class, meta = {"mimeTypes=application/json"},
                description = "The whole result as JSON: parameters, overall (product, coarse, gains with the share"
                        + " of stations with G_down > 0), months, stations, chart_station, spatial_sd, truth"),
        @DescribeResult(name = "spatialSd", type = String.class, meta = {"mimeTypes=text/csv"},
                description = "CSV: " + ValidationTable.SPATIAL_SD_HEADER + ", one line per product date with a"
                        + " reporting station; the deviations are empty below spatialSdMinStations stations"),
        @DescribeResult(name = "stationMetrics", type = SimpleFeatureCollection.class,
                description = "One WGS84 point per station with station, network, depths, pairs, the metrics"
                        + " (pcc, rmse, ubrmse, bias, mae, slope), coarse_ metrics, g_pairs, g_effi, g_prec, g_accu,"
                        + " g_down and note"),
        @DescribeResult(name = "scatter", type = java.awt.image.RenderedImage.class,
                description = "PNG: product (and coarse product) against in situ, all pairs of the stations with at"
                        + " least minPairs pairs, 1:1 line and pooled metrics"),
        @DescribeResult(name = "timeSeries", type = java.awt.image.RenderedImage.class,
                description = "PNG: chartStation's daily means, the product and the coarse product in its cells,"
                        + " rain bars below when rain is given"),
        @DescribeResult(name = "boxPlot", type = java.awt.image.RenderedImage.class,
                description = "PNG: box plots of the stations' PCC, RMSE, ubRMSE, bias and MAE")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "product", description = "The soil-moisture product to validate (m3/m3), one"
                    + " band per date, NaN for no data") GridCoverage2D product,
            @DescribeParameter(name = "stations", description = "In-situ soil moisture: points in WGS84 longitude/"
                    + "latitude with properties station, network, time (ISO instant), sm (m3/m3), depth_from,"
                    + " depth_to, flag; readings of one UTC date are averaged") SimpleFeatureCollection stations,
            @DescribeParameter(name = "coarse", min = 0, description = "The coarse product the product was"
                    + " downscaled from (m3/m3), on its own grid and dates, for G_down") GridCoverage2D coarse,
            @DescribeParameter(name = "truth", min = 0, description = "The true soil moisture on the product's grid"
                    + " (twin experiment), for metrics over every pixel") GridCoverage2D truth,
            @DescribeParameter(name = "rain", min = 0, description = "Daily rain (mm) on any grid, drawn as bars"
                    + " under the station time series") GridCoverage2D rain,
            @DescribeParameter(name = "dates", min = 0, description = "Dates of the bands of product (and of truth,"
                    + " coarse or rain when they carry none and have as many bands): a comma list of ISO dates or"
                    + " start/end/P1D; may be omitted when the coverage carries them") String dates,
            @DescribeParameter(name = "coarseDates", min = 0, description = "Dates of the bands of coarse"
                    + ANY_DATES) String coarseDates,
            @DescribeParameter(name = "rainDates", min = 0, description = "Dates of the bands of rain" + ANY_DATES)
                    String rainDates,
            @DescribeParameter(name = "period", min = 0, description = "Only dates within start/end (ISO dates, e.g."
                    + " 2021-04-01/2021-09-30, either side may be empty); all dates when omitted") String period,
            @DescribeParameter(name = "minPairs", min = 0, defaultValue = "" + ValidationParameters.DEFAULT_MIN_PAIRS,
                    minValue = ValidationParameters.SMALLEST_MIN_PAIRS,
                    maxValue = ValidationParameters.LARGEST_MIN_PAIRS,
                    description = "Fewest pairs for a station to enter the overall metrics, the scatter and the box"
                            + " plots (per month: pairs that month); every station keeps its own line")
                    Integer minPairs,
            @DescribeParameter(name = "spatialSdMinStations", min = 0,
                    defaultValue = "" + ValidationParameters.DEFAULT_SPATIAL_SD_MIN_STATIONS,
                    minValue = ValidationParameters.SMALLEST_SPATIAL_SD_MIN_STATIONS,
                    maxValue = ValidationParameters.LARGEST_SPATIAL_SD_MIN_STATIONS,
                    description = "Fewest stations reporting on a date for its spatial standard deviation (paper B:"
                            + " 10)") Integer spatialSdMinStations,
            @DescribeParameter(name = "chartStation", min = 0, description = "The station (its id) whose time"
                    + " series is drawn; default: the station with the most pairs") String chartStation,
            ProgressListener listener) {
        if (stations == null) {
            throw ParameterException.missing("stations", "a feature collection of station readings (GeoJSON)");
        }
        if (product == null) {
            throw ParameterException.missing("product", "a coverage (GeoTIFF) of soil moisture, one band per date");
        }
        LocalDate[] bounds = ProcessSupport.period(period);
        ValidationParameters parameters = new ValidationParameters(
                minPairs == null ? ValidationParameters.DEFAULT_MIN_PAIRS : minPairs,
                spatialSdMinStations == null ? ValidationParameters.DEFAULT_SPATIAL_SD_MIN_STATIONS
                        : spatialSdMinStations, bounds[0], bounds[1]);
        List<StationSeries> series = StationFeatures.toSeries("stations", stations);
        SeriesReader productReader = reader("product", product, ProcessSupport.DATES, dates, null);
        ValidationInputs inputs = ValidationInputs.of(series, gridded("product", productReader));
        if (coarse != null) {
            inputs = inputs.withCoarse(gridded("coarse", reader("coarse", coarse, "coarseDates", coarseDates,
                    productReader)));
        }
        if (truth != null) {
            inputs = inputs.withTruth(reader("truth", truth, ProcessSupport.DATES, null, productReader));
        }
        try {
            ValidationResult result = new Validation(parameters).validate(inputs,
                    ProcessSupport.monitor(listener).stage(0, 0.9));
            int chart = chartStation(result, chartStation);
            TimeSeriesChart.Rain rainBars = rain == null ? null
                    : rainAt(series.get(chart), reader("rain", rain, "rainDates", rainDates, productReader), result);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("table", ValidationTable.csv(result));
            out.put("summary", ValidationJson.of(result));
            out.put("spatialSd", ValidationTable.spatialSdCsv(result));
            out.put("stationMetrics", ValidationFeatures.of(result));
            out.put("scatter", ValidationCharts.scatter(result));
            out.put("timeSeries", ValidationCharts.timeSeries(result, chart, series.get(chart), rainBars).render());
            out.put("boxPlot", ValidationCharts.boxPlot(result));
            if (listener != null) {
                listener.progress(100f);
            }
            return out;
        } catch (IOException e) {
            throw new ProcessException("validation failed while reading a series: " + e.getMessage(), e);
        }
    }

    /**
     * A reader of {@code coverage} with its dates: the literal when given, else the coverage's own,
     * else those of {@code reference} when the band counts agree.
     */
    private static SeriesReader reader(String parameter, GridCoverage2D coverage, String datesParameter,
            String datesText, SeriesReader reference) {
        int bands = coverage.getNumSampleDimensions();
        List<LocalDate> dates = null;
        if (datesText != null && !datesText.isBlank()) {
            dates = SeriesDates.parse(datesParameter, datesText);
            if (dates.size() != bands) {
                throw new ParameterException(datesParameter, dates.size() + " dates",
                        "one date per band of " + parameter + " (" + bands + " bands)");
            }
        } else if (Coverages.datesFromDescriptions(coverage).isEmpty()) {
            if (reference == null || reference.bands() != bands) {
                throw ParameterException.missing(datesParameter, "the dates of the bands of " + parameter
                        + " (the coverage carries none" + (reference == null ? ")"
                        : " and has " + bands + " bands, the product " + reference.bands() + ")"));
            }
            dates = reference.dates();
        }
        return Coverages.reader(parameter, coverage, dates);
    }

    private static GriddedProduct gridded(String parameter, SeriesReader reader) {
        return new GriddedProduct(parameter, reader, CrsTransforms.between("stations", "EPSG:4326",
                reader.geometry().crs()));
    }

    private static int chartStation(ValidationResult result, String id) {
        if (id == null || id.isBlank()) {
            return result.chartStation();
        }
        int index = result.indexOf(id.strip());
        if (index < 0) {
            String known = result.stations().stream().limit(10).map(s -> s.station().id())
                    .collect(Collectors.joining(", "));
            throw new ParameterException("chartStation", id, "the id of one of the stations (" + known
                    + (result.stations().size() > 10 ? ", ..." : "") + ")");
        }
        return index;
    }

    /** The rain in the cell of the chart station on the rain dates within the product's sampled dates. */
    private static TimeSeriesChart.Rain rainAt(StationSeries station, SeriesReader rain, ValidationResult result)
            throws IOException {
        int[] cell = StationCells.of(List.of(station.station()), rain.geometry(),
                CrsTransforms.between("stations", "EPSG:4326", rain.geometry().crs()));
        StationSampler sampler = new StationSampler(rain, cell);
        List<LocalDate> productDates = result.productSamples().dates();
        LocalDate first = productDates.get(0);
        LocalDate last = productDates.get(productDates.size() - 1);
        List<Integer> days = new ArrayList<>();
        List<Double> mm = new ArrayList<>();
        for (int b = 0; b < rain.bands(); b++) {
            LocalDate d = rain.dates().get(b);
            if (!d.isBefore(first) && !d.isAfter(last)) {
                days.add((int) d.toEpochDay());
                mm.add((double) sampler.sample(b)[0]);
            }
        }
        return new TimeSeriesChart.Rain(days.stream().mapToInt(Integer::intValue).toArray(),
                mm.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
