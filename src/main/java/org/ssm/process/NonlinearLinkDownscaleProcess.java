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
import org.ssm.algorithms.nonlinear.CellDistances;
import org.ssm.algorithms.nonlinear.LinkInputs;
import org.ssm.algorithms.nonlinear.LinkOutputs;
import org.ssm.algorithms.nonlinear.LinkParameters;
import org.ssm.algorithms.nonlinear.LinkReport;
import org.ssm.algorithms.nonlinear.NonlinearLinkDownscaler;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.SeriesDates;
import org.ssm.grid.SeriesReader;
import org.ssm.grid.Window;
import org.ssm.io.Coverages;
import org.ssm.io.ScratchSeries;
import org.ssm.io.Wgs84;

/**
 * The {@code ssm:NonlinearLinkDownscale} process: a thin adapter over {@link NonlinearLinkDownscaler}
 * (paper D §2.2.2, eq. 2–6).
 */
@DescribeProcess(title = "Non-linear SEE/NMDI link downscaling",
        description = "Downscales coarse (passive-microwave) soil moisture with fine SEE and NMDI (paper D section"
                + " 2.2.2, eq. 2-6). For every coarse pixel and date the linking model SSM = a ln(1 - SEE) / (1 - b"
                + " NMDI) + c is fitted to the coarse SSM and the coarse means of SEE and NMDI by weighted least"
                + " squares (Levenberg-Marquardt) over the dates within +-dl days in a ws x ws window of coarse"
                + " pixels, with bi-square distance weights of bandwidth b (eq. 3-4); where the window does not"
                + " determine b the model is fitted with b = 0. Each fine pixel gets the second-order Taylor"
                + " expansion of the model around the coarse means (eq. 5). Swath gaps are filled from the days"
                + " before and after with the inter-day correction of eq. 6; a pixel missing three days in a row"
                + " is no data.")
public class NonlinearLinkDownscaleProcess {

    @DescribeResults({
        @DescribeResult(name = "ssm", type = GridCoverage2D.class, primary = true,
                description = "Fine-scale surface soil moisture (m3/m3), one band per date of the period"),
        @DescribeResult(name = "dates", type = String.class, description = "Dates of the bands of ssm"),
        @DescribeResult(name = "report", type = String.class, description = "CSV text, one line per date: "
                + LinkReport.HEADER + " (coarse pixels per outcome; linear = fits with b = 0; mean_rms ="
                + " mean weighted RMS residual of the fits, m3/m3)")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "coarseSsm", description = "Coarse soil moisture (m3/m3), one band per date,"
                    + " no data in swath gaps; its cells must be whole multiples of the fine cells, aligned with"
                    + " them") GridCoverage2D coarseSsm,
            @DescribeParameter(name = "see", description = "Fine soil evaporative efficiency (0-1) with the dates of"
                    + " coarseSsm, e.g. from ssm:SpectralIndices index=SEE") GridCoverage2D see,
            @DescribeParameter(name = "nmdi", description = "Fine NMDI on the grid and dates of see, e.g. from"
                    + " ssm:SpectralIndices index=NMDI") GridCoverage2D nmdi,
            @DescribeParameter(name = ProcessSupport.DATES, min = 0, description = ProcessSupport.DATES_DESCRIPTION)
                    String dates,
            @DescribeParameter(name = ProcessSupport.PERIOD, min = 0, description = "Dates to downscale,"
                    + " start/end (ISO dates, either may be empty); fits near its ends use only dates inside it."
                    + " Every date when omitted") String period,
            @DescribeParameter(name = "dl", min = 0, defaultValue = "" + LinkParameters.DEFAULT_DL, minValue = 0,
                    maxValue = LinkParameters.MAX_DL, description = "Half-width of the time window of eq. 3 in"
                            + " days (5 in paper D)") Integer dl,
            @DescribeParameter(name = "ws", min = 0, defaultValue = "" + LinkParameters.DEFAULT_WS, minValue = 1,
                    maxValue = LinkParameters.MAX_WS, description = "Side of the odd square window of coarse pixels"
                            + " of eq. 3 (7 in paper D)") Integer ws,
            @DescribeParameter(name = "bandwidth", min = 0, defaultValue = "200", minValue = 0.001,
                    maxValue = 20000, description = "Bandwidth b of the bi-square weights of eq. 4, km (200 in"
                            + " paper D); distances are great-circle distances between coarse pixel centres")
                    Double bandwidth,
            @DescribeParameter(name = "minCoverage", min = 0, defaultValue = "" + LinkParameters.DEFAULT_MIN_COVERAGE,
                    minValue = 0.001, maxValue = 1, description = "Smallest fraction of a coarse pixel's fine"
                            + " pixels with SEE and NMDI for its means to enter a fit or eq. 6") Double minCoverage,
            @DescribeParameter(name = "minSamples", min = 0, defaultValue = "" + LinkParameters.DEFAULT_MIN_SAMPLES,
                    minValue = 4, description = "Fewest coarse pixel-dates for a fit of eq. 3") Integer minSamples,
            ProgressListener listener) {
        LinkParameters parameters = new LinkParameters(
                dl == null ? LinkParameters.DEFAULT_DL : dl,
                ws == null ? LinkParameters.DEFAULT_WS : ws,
                1000 * ProcessSupport.orDefault(bandwidth, LinkParameters.DEFAULT_BANDWIDTH / 1000),
                ProcessSupport.orDefault(minCoverage, LinkParameters.DEFAULT_MIN_COVERAGE),
                minSamples == null ? LinkParameters.DEFAULT_MIN_SAMPLES : minSamples);
        List<LocalDate> bandDates = ProcessSupport.dates(dates);
        LocalDate[] bounds = ProcessSupport.period(period);
        SeriesReader coarse = inPeriod(reader("coarseSsm", coarseSsm, bandDates), bounds);
        LinkInputs inputs = new LinkInputs(coarse,
                inPeriod(reader("see", see, bandDates), bounds),
                inPeriod(reader("nmdi", nmdi, bandDates), bounds),
                greatCircle(coarse.geometry()));
        try (ScratchOutputs outputs = new ScratchOutputs()) {
            ScratchSeries ssm = outputs.create(inputs.see().geometry(), coarse.dates(), coarse.bands());
            LinkReport report = new NonlinearLinkDownscaler(parameters).downscale(inputs, LinkOutputs.ssmOnly(ssm),
                    ProcessSupport.monitor(listener));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ssm", outputs.coverage("ssm", ssm));
            result.put(ProcessSupport.DATES, SeriesDates.format(coarse.dates()));
            result.put("report", report.csv());
            return result;
        } catch (IOException e) {
            throw new ProcessException("non-linear link downscaling failed while reading or writing a series: "
                    + e.getMessage(), e);
        }
    }

    private static SeriesReader reader(String parameter, GridCoverage2D coverage, List<LocalDate> dates) {
        if (coverage == null) {
            throw ParameterException.missing(parameter, "a coverage (GeoTIFF), one band per date");
        }
        SeriesReader reader = Coverages.reader(parameter, coverage, dates);
        if (reader.dates().isEmpty()) {
            throw ParameterException.missing(ProcessSupport.DATES, "the dates of the bands of " + parameter);
        }
        return reader;
    }

    /** The bands of {@code series} dated within {@code bounds} (either end open when null). */
    private static SeriesReader inPeriod(SeriesReader series, LocalDate[] bounds) {
        List<LocalDate> all = series.dates();
        int from = 0;
        while (from < all.size() && bounds[0] != null && all.get(from).isBefore(bounds[0])) {
            from++;
        }
        int to = all.size();
        while (to > from && bounds[1] != null && all.get(to - 1).isAfter(bounds[1])) {
            to--;
        }
        if (to == from) {
            throw ParameterException.because(ProcessSupport.PERIOD, "no date of the series lies in it");
        }
        int first = from;
        List<LocalDate> kept = List.copyOf(all.subList(from, to));
        return new SeriesReader() {
            @Override
            public GridGeometry geometry() {
                return series.geometry();
            }

            @Override
            public List<LocalDate> dates() {
                return kept;
            }

            @Override
            public int bands() {
                return kept.size();
            }

            @Override
            public float[] read(int band, Window window) throws IOException {
                return series.read(first + band, window);
            }
        };
    }

    /** Great-circle distances between coarse pixel centres, whatever the CRS of the grid. */
    private static CellDistances greatCircle(GridGeometry coarse) {
        double[] xy = new double[2 * coarse.size()];
        for (int i = 0; i < coarse.size(); i++) {
            xy[2 * i] = coarse.centerX(i % coarse.width());
            xy[2 * i + 1] = coarse.centerY(i / coarse.width());
        }
        return CellDistances.greatCircle(coarse, Wgs84.toLonLat(coarse.crs(), xy));
    }
}
