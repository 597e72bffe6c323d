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
import org.ssm.algorithms.gapfill.FillReport;
import org.ssm.algorithms.gapfill.StdfGapFill;
import org.ssm.core.ParameterException;
import org.ssm.grid.Grid;
import org.ssm.grid.SeriesDates;
import org.ssm.grid.SeriesReader;
import org.ssm.io.Coverages;
import org.ssm.io.ScratchSeries;

/** The {@code ssm:GapFillLST} process: a thin adapter over {@link StdfGapFill} (paper D §2.2.1, eq. 1). */
@DescribeProcess(title = "STDF gap filling of LST",
        description = "Fills cloudy land-surface temperature pixels by spatio-temporal data fusion (paper D section"
                + " 2.2.1, eq. 1): LST*(t1) = a LST*(t0) + b NDVI*(t1) + c DEM* + d on min-max normalised variables,"
                + " fitted by least squares on the pixels clear at t1 and at a neighbouring date t0, for t0 within"
                + " maxDays of t1, nearest first; a pixel filled from several dates takes the mean; the search stops"
                + " once targetCoverage of the domain (pixels with elevation) has a value. The series is processed"
                + " date by date.")
public class GapFillLSTProcess {

    /** Style and variable name of the distance output. */
    public static final String DISTANCE_VARIABLE = "fill-distance";

    @DescribeResults({
        @DescribeResult(name = "filled", type = GridCoverage2D.class, primary = true,
                description = "LST (K) with the cloudy pixels filled, one band per date; observed pixels unchanged;"
                        + " pixels no neighbour could fill stay no data"),
        @DescribeResult(name = "distance", type = GridCoverage2D.class,
                description = "Only with withDistance=true: 0 where observed, the mean |t0 - t1| in days of the"
                        + " estimates where filled, no data where still missing"),
        @DescribeResult(name = "dates", type = String.class, description = "Dates of the bands of filled"),
        @DescribeResult(name = "report", type = String.class, description = "CSV text, one line per date: "
                + FillReport.DATES_HEADER + " (fractions of the domain)"),
        @DescribeResult(name = "fits", type = String.class, description = "CSV text, one line per fit of eq. 1"
                + " applied: " + FillReport.FITS_HEADER + " (a-d in normalised units, residual RMS in K)")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "lst", description = "Land-surface temperature (K), one band per date, no data"
                    + " under cloud") GridCoverage2D lst,
            @DescribeParameter(name = "ndvi", description = "NDVI with the dates of lst, preferably gap-free (paper D"
                    + " fills it first by Whittaker smoothing); pixels without NDVI at t1 are not filled")
                    GridCoverage2D ndvi,
            @DescribeParameter(name = "dem", description = "Elevation (m), one band on the grid of lst; no data marks"
                    + " pixels outside the domain, which are passed through") GridCoverage2D dem,
            @DescribeParameter(name = ProcessSupport.DATES, min = 0, description = ProcessSupport.DATES_DESCRIPTION)
                    String dates,
            @DescribeParameter(name = "maxDays", min = 0, defaultValue = "" + StdfGapFill.DEFAULT_MAX_DAYS,
                    minValue = 1, maxValue = 366, description = "Largest |t0 - t1| in days") Integer maxDays,
            @DescribeParameter(name = "targetCoverage", min = 0, defaultValue = "" + StdfGapFill.DEFAULT_TARGET_COVERAGE,
                    minValue = 0, maxValue = 1, description = "Fraction of the domain with a value at which the search"
                            + " for a date stops, in (0, 1]") Double targetCoverage,
            @DescribeParameter(name = "minPairs", min = 0, defaultValue = "" + StdfGapFill.DEFAULT_MIN_PAIRS,
                    minValue = 5, description = "Fewest pixels clear at both t1 and t0 for a fit; neighbours with fewer"
                            + " are skipped") Integer minPairs,
            @DescribeParameter(name = "withDistance", min = 0, defaultValue = "false",
                    description = "Also return the distance output") Boolean withDistance,
            ProgressListener listener) {
        StdfGapFill method = new StdfGapFill(
                maxDays == null ? StdfGapFill.DEFAULT_MAX_DAYS : maxDays,
                ProcessSupport.orDefault(targetCoverage, StdfGapFill.DEFAULT_TARGET_COVERAGE),
                minPairs == null ? StdfGapFill.DEFAULT_MIN_PAIRS : minPairs);
        List<LocalDate> bandDates = ProcessSupport.dates(dates);
        SeriesReader lstSeries = reader("lst", lst, bandDates);
        SeriesReader ndviSeries = reader("ndvi", ndvi, bandDates);
        if (dem == null) {
            throw ParameterException.missing("dem", "a single-band elevation coverage (m)");
        }
        Grid elevation = ProcessSupport.optionalGrid("dem", dem);
        try (ScratchOutputs outputs = new ScratchOutputs()) {
            ScratchSeries filled = outputs.create(lstSeries.geometry(), lstSeries.dates(), lstSeries.bands());
            ScratchSeries distance = Boolean.TRUE.equals(withDistance)
                    ? outputs.create(lstSeries.geometry(), lstSeries.dates(), lstSeries.bands()) : null;
            FillReport report = method.fill(lstSeries, ndviSeries, elevation, filled, distance,
                    ProcessSupport.monitor(listener));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("filled", outputs.coverage("lst", filled));
            if (distance != null) {
                result.put("distance", outputs.coverage(DISTANCE_VARIABLE, distance));
            }
            result.put(ProcessSupport.DATES, SeriesDates.format(lstSeries.dates()));
            result.put("report", report.datesCsv());
            result.put("fits", report.fitsCsv());
            return result;
        } catch (IOException e) {
            throw new ProcessException("gap filling failed while reading or writing a series: " + e.getMessage(), e);
        }
    }

    private static SeriesReader reader(String parameter, GridCoverage2D coverage, List<LocalDate> dates) {
        if (coverage == null) {
            throw ParameterException.missing(parameter, "a coverage (GeoTIFF), one band per date");
        }
        return Coverages.reader(parameter, coverage, dates);
    }
}
