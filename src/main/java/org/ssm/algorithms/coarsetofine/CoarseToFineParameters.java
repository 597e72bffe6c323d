package org.ssm.algorithms.coarsetofine;

import org.ssm.core.ParameterException;

/**
 * Settings of {@link CoarseToFine}.
 *
 * @param windowDays which dates train the model of a date: {@link #POOLED} (−1) fits one model on
 *     every date of the series, as paper E §3.1–3.2 does (its DOY predictor only varies when dates are
 *     pooled); 0 fits one model per date; w &gt; 0 fits each date's model on the dates within ± w days
 *     (a moving window; dates with the same window share one model). In [−1, 3660].
 * @param residualCorrection whether the coarse residual SM_c − mean(fine predictions in c) is added to
 *     every fine prediction in c, so that each coarse cell's fine mean equals its coarse value (the
 *     conservation DisPATCh has by construction, paper E §3.2.2 and §5.1); E's MSR, RF and GPR do not
 *     correct, so the default is false
 * @param minCoverage smallest fraction of a coarse cell's fine pixels that must have every predictor
 *     for the cell to be a training sample (the aggregated predictors of a mostly cloudy cell do not
 *     describe the cell), in (0, 1]
 * @param location whether the cell-centre coordinates (lon and lat in a geographic CRS) are predictors
 *     (paper E §3.1: "latitude, longitude")
 * @param dayOfYear whether the day of the year is a predictor (paper E §3.1: "DOY")
 */
public record CoarseToFineParameters(int windowDays, boolean residualCorrection, double minCoverage, boolean location,
        boolean dayOfYear) {

    /** {@link #windowDays} value meaning one model for the whole series (paper E). */
    public static final int POOLED = -1;
    /** Largest window half-width, ten years. */
    public static final int MAX_WINDOW_DAYS = 3660;
    /** Default {@link #minCoverage}: at least half the cell seen (our choice; E aggregates clear-sky pixels). */
    public static final double DEFAULT_MIN_COVERAGE = 0.5;

    /** Paper E §3.2: pooled dates, no residual correction, location and DOY predictors. */
    public static final CoarseToFineParameters DEFAULTS =
            new CoarseToFineParameters(POOLED, false, DEFAULT_MIN_COVERAGE, true, true);

    public CoarseToFineParameters {
        ParameterException.requireInRange("windowDays", windowDays, POOLED, MAX_WINDOW_DAYS);
        if (!(minCoverage > 0 && minCoverage <= 1)) {
            throw new ParameterException("minCoverage", minCoverage, "a fraction in (0, 1]");
        }
    }

    /** Paper E §3.2 (see {@link #DEFAULTS}). */
    public static CoarseToFineParameters defaults() {
        return DEFAULTS;
    }

    public CoarseToFineParameters withWindowDays(int value) {
        return new CoarseToFineParameters(value, residualCorrection, minCoverage, location, dayOfYear);
    }

    public CoarseToFineParameters withResidualCorrection(boolean value) {
        return new CoarseToFineParameters(windowDays, value, minCoverage, location, dayOfYear);
    }

    public CoarseToFineParameters withMinCoverage(double value) {
        return new CoarseToFineParameters(windowDays, residualCorrection, value, location, dayOfYear);
    }

    public CoarseToFineParameters withLocation(boolean value) {
        return new CoarseToFineParameters(windowDays, residualCorrection, minCoverage, value, dayOfYear);
    }

    public CoarseToFineParameters withDayOfYear(boolean value) {
        return new CoarseToFineParameters(windowDays, residualCorrection, minCoverage, location, value);
    }
}
