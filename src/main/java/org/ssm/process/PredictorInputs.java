package org.ssm.process;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotools.coverage.grid.GridCoverage2D;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.algorithms.learning.Predictor;
import org.ssm.algorithms.pointsurface.PredictorStack;
import org.ssm.core.Json;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridSeries;
import org.ssm.io.Coverages;
import org.ssm.io.CrsTransforms;

/**
 * The predictor inputs shared by {@code ssm:DownscalePointSurface} and {@code ssm:ApplyModel}: a
 * list of coverages with a comma list of their names, aligned on the finest grid
 * ({@link PredictorStack}); and the method options literal.
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
     * The method options: a JSON object ({@code {"trees": 300, "maxDepth": 12}}) or a comma list of
     * name=value pairs ({@code trees=300,maxDepth=12}); empty for none.
     */
    static TrainerOptions options(String parameter, String text) {
        if (text == null || text.isBlank()) {
            return TrainerOptions.DEFAULTS;
        }
        String s = text.strip();
        if (s.startsWith("{")) {
            try {
                return new TrainerOptions(Json.parseObject(s));
            } catch (Json.JsonException e) {
                throw new ParameterException(parameter, text, "a JSON object of method options (" + e.getMessage()
                        + ")");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String pair : s.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || pair.substring(0, eq).isBlank()) {
                throw new ParameterException(parameter, text, "name=value pairs separated by commas, e.g."
                        + " trees=300,maxDepth=12, or a JSON object");
            }
            values.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return new TrainerOptions(values);
    }
}
