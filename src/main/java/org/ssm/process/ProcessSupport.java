package org.ssm.process;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotools.api.util.ProgressListener;
import org.geotools.coverage.grid.GridCoverage2D;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.Grid;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesDates;
import org.ssm.io.Coverages;

/**
 * The adapter code shared by the process classes: GeoTools coverages to series, the {@code dates}
 * literal, progress listeners to monitors, and series to result maps.
 */
final class ProcessSupport {

    /** Name of the literal input and output that carries a series' dates. */
    static final String DATES = "dates";

    static final String DATES_DESCRIPTION = "Dates of the bands of every series input (band i = date i): a comma list"
            + " of ISO dates or an interval start/end/period such as 2021-04-01/2021-09-30/P1D. May be omitted when"
            + " the coverages carry their dates (outputs of other ssm processes).";

    private ProcessSupport() {}

    /** The parsed {@code dates} literal, or {@code null} when it was not given. */
    static List<LocalDate> dates(String text) {
        return text == null || text.isBlank() ? null : SeriesDates.parse(DATES, text);
    }

    /** Name of the literal input that limits the dates compared. */
    static final String PERIOD = "period";

    /**
     * The bounds of the {@code period} literal {@code start/end} (ISO dates), either possibly empty;
     * both null when the text is absent.
     */
    static LocalDate[] period(String text) {
        if (text == null || text.isBlank()) {
            return new LocalDate[2];
        }
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2 || parts[0].isBlank() && parts[1].isBlank()) {
            throw new ParameterException(PERIOD, text, "start/end with ISO dates, e.g. 2021-04-01/2021-09-30");
        }
        try {
            return new LocalDate[] {
                parts[0].isBlank() ? null : LocalDate.parse(parts[0].strip()),
                parts[1].isBlank() ? null : LocalDate.parse(parts[1].strip())
            };
        } catch (DateTimeParseException e) {
            throw new ParameterException(PERIOD, text, "start/end with ISO dates, e.g. 2021-04-01/2021-09-30");
        }
    }

    /** A required series input. */
    static GridSeries series(String parameter, GridCoverage2D coverage, List<LocalDate> dates) {
        if (coverage == null) {
            throw ParameterException.missing(parameter, "a coverage (GeoTIFF)");
        }
        return optionalSeries(parameter, coverage, dates);
    }

    /** An optional series input, or {@code null}. */
    static GridSeries optionalSeries(String parameter, GridCoverage2D coverage, List<LocalDate> dates) {
        if (coverage == null) {
            return null;
        }
        List<LocalDate> bandDates = dates;
        if (bandDates != null && bandDates.size() != coverage.getNumSampleDimensions()) {
            if (coverage.getNumSampleDimensions() == 1) {
                // A single band next to a dated series is a static layer used for every date.
                bandDates = List.of();
            } else {
                throw new ParameterException(DATES, bandDates.size() + " dates",
                        "one date per band of " + parameter + " (" + coverage.getNumSampleDimensions() + " bands)");
            }
        }
        return Coverages.fromCoverage(parameter, coverage, bandDates, Double.NaN);
    }

    /** An optional single-band, undated input, or {@code null}. */
    static Grid optionalGrid(String parameter, GridCoverage2D coverage) {
        if (coverage == null) {
            return null;
        }
        if (coverage.getNumSampleDimensions() != 1) {
            throw new ParameterException(parameter, coverage.getNumSampleDimensions() + " bands", "a single-band coverage");
        }
        return Coverages.fromCoverage(parameter, coverage, List.of(), Double.NaN).grid(0);
    }

    /**
     * {@code value}, or {@code fallback} when the process is called directly without the factory
     * (which fills in declared defaults).
     */
    static double orDefault(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    /** A monitor reporting to {@code listener} (0–100 %) and cancelled with it. */
    static Monitor monitor(ProgressListener listener) {
        if (listener == null) {
            return Monitor.NONE;
        }
        return new Monitor() {
            @Override
            public void progress(double fraction) {
                listener.progress((float) (100 * fraction));
            }

            @Override
            public boolean isCancelled() {
                return listener.isCanceled();
            }
        };
    }

    /**
     * The result map of a process with one series output: the coverage under {@code output}, named
     * {@code variable} (the host styles layers by it), and its {@code dates} when it has any.
     */
    static Map<String, Object> seriesResult(String output, String variable, GridSeries series) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(output, Coverages.toCoverage(variable, series));
        if (series.isDated()) {
            result.put(DATES, SeriesDates.format(series.dates()));
        }
        return result;
    }
}
