package org.ssm.algorithms.learning;

import java.util.Locale;
import java.util.Objects;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridSeries;

/**
 * One named predictor of a downscaling model on its own grid: a dated series, or a single undated
 * band used for every date (a static layer such as elevation). The point-surface fusion of paper B
 * §3.4 eq. 7 takes coarse SSM products, LST, NDVI, albedo and precipitation; the coarse-to-fine
 * methods of paper E §3.1 take LST, FVC, LAI, albedo and SEE on the fine grid.
 *
 * <p>The name is the key by which a stored model finds its inputs again ({@code ssm:ApplyModel}),
 * so it is kept as given, stripped; {@link #DAY_OF_YEAR} is reserved for the day of year the
 * methods derive from the dates.
 *
 * @param name the predictor's name, e.g. {@code pm_ssm}, {@code lst}; letters, digits, {@code _},
 *     {@code -} and {@code .}
 * @param series its values, NaN for no data
 */
public record Predictor(String name, GridSeries series) {

    /** The name of the day-of-year column the methods derive from the dates (B's and E's DOY). */
    public static final String DAY_OF_YEAR = "doy";

    public Predictor {
        if (name == null || !name.strip().matches("[A-Za-z0-9_.\\-]{1,64}")) {
            throw new ParameterException("names", name, "a predictor name of 1 to 64 letters, digits, '_', '-' or '.'");
        }
        name = name.strip();
        if (name.toLowerCase(Locale.ROOT).equals(DAY_OF_YEAR)) {
            throw new ParameterException("names", name, "another name: '" + DAY_OF_YEAR
                    + "' is the day of year derived from the dates");
        }
        Objects.requireNonNull(series, "series");
        if (!series.isDated() && series.size() != 1) {
            throw new ParameterException("predictors", name + ": " + series.size() + " undated bands",
                    "a dated series (one band per date) or a single static band");
        }
    }
}
