package org.ssm.grid;

import org.ssm.core.ParameterException;

/** Input checks shared by the algorithms; each failure names the offending parameter. */
public final class GridChecks {

    private GridChecks() {}

    /** Fails unless {@code actual} is the same grid as {@code expected} (the grid of {@code reference}). */
    public static void requireSameGrid(String parameter, GridGeometry actual, String reference, GridGeometry expected) {
        if (!actual.sameAs(expected)) {
            throw ParameterException.because(parameter, "its grid (" + actual.describe() + ") differs from the grid of "
                    + reference + " (" + expected.describe() + "); resample it with ssm:Align first");
        }
    }

    /**
     * Fails unless {@code coarse} cells are whole multiples of {@code fine} cells on shared edges, in
     * the same CRS, and the two grids overlap.
     *
     * @return the nesting factor
     */
    public static int requireNested(String parameter, GridGeometry coarse, GridGeometry fine) {
        int factor = fine.nestingFactor(coarse);
        if (factor < 1) {
            throw ParameterException.because(parameter, "its grid (" + coarse.describe()
                    + ") does not align with the fine grid (" + fine.describe()
                    + "): coarse cells must be whole multiples of fine cells on shared edges, in the same CRS;"
                    + " resample one of them with ssm:Align first");
        }
        for (int c : fine.coarseCellIndex(coarse)) {
            if (c >= 0) {
                return factor;
            }
        }
        throw ParameterException.because(parameter, "its grid does not overlap the fine grid");
    }

    /** Fails if every value of {@code series} is NaN. */
    public static void requireData(String parameter, GridSeries series) {
        if (!series.hasData()) {
            throw ParameterException.because(parameter, "it has no data (every value is NaN)");
        }
    }

    /** Fails if every value of {@code grid} is NaN. */
    public static void requireData(String parameter, Grid grid) {
        if (grid.validCount() == 0) {
            throw ParameterException.because(parameter, "it has no data (every value is NaN)");
        }
    }

    /**
     * Fails unless {@code series} has the dates of {@code reference}, or (when {@code staticAllowed})
     * a single band used for every date.
     */
    public static void requireSameDates(String parameter, GridSeries series, String referenceName, GridSeries reference,
            boolean staticAllowed) {
        if (staticAllowed && series.size() == 1 && !series.isDated()) {
            return;
        }
        if (!series.dates().equals(reference.dates())) {
            throw ParameterException.because(parameter, "it has " + series.size() + " band(s)"
                    + (series.isDated() ? " dated " + SeriesDates.format(series.dates()) : " without dates")
                    + "; expected " + (staticAllowed ? "one undated band or " : "") + "the " + reference.size()
                    + " dates of " + referenceName);
        }
    }
}
