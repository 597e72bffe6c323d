package org.ssm.process;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotools.coverage.grid.GridCoverage2D;
import org.ssm.algorithms.learning.Predictor;
import org.ssm.algorithms.pointsurface.PredictorStack;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridSeries;
import org.ssm.io.Coverages;
import org.ssm.io.CrsTransforms;

/**
 * The predictor inputs of the downscaling processes: for {@code ssm:DownscalePointSurface} and
 * {@code ssm:ApplyModel}, a list of coverages with a comma list of their names, aligned on the finest
 * grid ({@link PredictorStack}); for {@code ssm:DownscaleCoarseToFine} and {@code ssm:ATARK}, paper E's
 * named fine predictors.
 */
final class PredictorInputs {

    static final String PREDICTORS = "predictors";
    static final String NAMES = "names";

    static final String PREDICTORS_DESCRIPTION = "The predictor series (paper B eq. 7: coarse SSM products, LST,"
            + " NDVI, albedo, precipitation), each one band per date or a single static band; on any grids: the"
            + " predictor with the most cells sets the output grid and the others are resampled to it bilinearly"
            + " (paper B section 3.2). The dates are those of the first dated predictor; every other dated"
            + " predictor needs a band on each of them.";
    static final String NAMES_DESCRIPTION = "Names of the predictors in input order, comma-separated (e.g."
            + " pm_ssm,reanalysis_ssm,lst,ndvi,albedo,rain); a stored model finds its inputs by these names."
            + " 'doy' is reserved for the day of year.";
    static final String DATES_DESCRIPTION = "Dates of the bands of the predictors that carry none (a comma list of"
            + " ISO dates or start/end/P1D); coverages that carry their dates (outputs of ssm processes, this"
            + " host's WCS) keep them.";

    private PredictorInputs() {}

    /** The named predictors; errors name {@code predictors}, {@code names} or {@code dates}. */
    static List<Predictor> predictors(List<GridCoverage2D> coverages, String names, String datesText) {
        if (coverages == null || coverages.isEmpty()) {
            throw ParameterException.missing(PREDICTORS, "at least one predictor coverage");
        }
        if (names == null || names.isBlank()) {
            throw ParameterException.missing(NAMES, "the names of the " + coverages.size()
                    + " predictors, comma-separated");
        }
        String[] parts = names.split(",", -1);
        if (parts.length != coverages.size()) {
            throw new ParameterException(NAMES, names, coverages.size() + " comma-separated names, one per predictor");
        }
        List<LocalDate> dates = ProcessSupport.dates(datesText);
        List<Predictor> out = new ArrayList<>();
        for (int k = 0; k < parts.length; k++) {
            GridCoverage2D c = coverages.get(k);
            if (c == null) {
                throw ParameterException.missing(PREDICTORS, "a coverage for every predictor");
            }
            String name = parts[k].strip();
            int bands = c.getNumSampleDimensions();
            List<LocalDate> own = Coverages.datesFromDescriptions(c);
            List<LocalDate> bandDates;
            if (dates != null && dates.size() == bands) {
                bandDates = dates;
            } else if (!own.isEmpty()) {
                bandDates = own;
            } else if (bands == 1) {
                bandDates = List.of();
            } else {
                throw ParameterException.missing(ProcessSupport.DATES, "the dates of the " + bands + " bands of"
                        + " predictor " + name + " (it carries none" + (dates == null ? ")"
                        : " and dates lists " + dates.size() + ")"));
            }
            GridSeries series = Coverages.fromCoverage(PREDICTORS, c, bandDates, Double.NaN);
            out.add(new Predictor(name, series));
        }
        return out;
    }

    /** The predictors on one grid, bounded by the period, with the day of year when asked. */
    static PredictorStack stack(List<Predictor> predictors, boolean dayOfYear, String period, Monitor monitor) {
        LocalDate[] bounds = ProcessSupport.period(period);
        return PredictorStack.align(predictors, dayOfYear, bounds[0], bounds[1],
                (from, to) -> CrsTransforms.between(PREDICTORS, from, to), monitor);
    }

    /**
     * The fine predictors of the coarse-to-fine methods (paper E §3.1: LST, FVC, LAI, albedo, SEE) that
     * the client gave, bounded by the period; at least one.
     */
    static List<Predictor> paperE(GridCoverage2D lst, GridCoverage2D fvc, GridCoverage2D lai, GridCoverage2D albedo,
            GridCoverage2D see, List<LocalDate> dates, LocalDate[] bounds) {
        Map<String, GridCoverage2D> given = new LinkedHashMap<>();
        given.put("lst", lst);
        given.put("fvc", fvc);
        given.put("lai", lai);
        given.put("albedo", albedo);
        given.put("see", see);
        List<Predictor> predictors = new ArrayList<>();
        given.forEach((name, coverage) -> {
            GridSeries series = ProcessSupport.optionalSeries(name, coverage, dates);
            if (series != null) {
                predictors.add(new Predictor(name, series.between(bounds[0], bounds[1])));
            }
        });
        if (predictors.isEmpty()) {
            throw ParameterException.missing("lst", "at least one fine predictor among lst, fvc, lai, albedo, see");
        }
        return predictors;
    }
}
