package org.ssm.algorithms.pointsurface;

import org.ssm.core.ParameterException;

/**
 * The cross-validation of paper B §3.4 ("Cross-validation was implemented to evaluate the
 * performance of the models"): how rows are split, into how many folds, and the seed of the random
 * fold assignment.
 *
 * @param split the kind of split
 * @param folds number of folds for {@link Split#STATION} and {@link Split#KFOLD}, in
 *     [{@value #MIN_FOLDS}, {@value #MAX_FOLDS}] (capped at the number of stations or rows); a year
 *     split has one fold per year whatever this says
 * @param seed seed of the fold assignment
 */
public record CrossValidationParameters(Split split, int folds, long seed) {

    /** B trains on one season and validates on the other: the default split is by year. */
    public static final Split DEFAULT_SPLIT = Split.YEAR;
    /**
     * Default number of folds: B does not say how many; 5 is the usual compromise between the bias
     * of few folds and the cost of many.
     */
    public static final int DEFAULT_FOLDS = 5;
    /** Default seed. */
    public static final long DEFAULT_SEED = 20211;
    public static final int MIN_FOLDS = 2;
    public static final int MAX_FOLDS = 100;

    public CrossValidationParameters {
        if (split == null) {
            throw ParameterException.missing("split", "one of year, station, kfold");
        }
        ParameterException.requireInRange("folds", folds, MIN_FOLDS, MAX_FOLDS);
    }

    public static CrossValidationParameters defaults() {
        return new CrossValidationParameters(DEFAULT_SPLIT, DEFAULT_FOLDS, DEFAULT_SEED);
    }

    public CrossValidationParameters withSplit(Split value) {
        return new CrossValidationParameters(value, folds, seed);
    }

    public CrossValidationParameters withFolds(int value) {
        return new CrossValidationParameters(split, value, seed);
    }

    public CrossValidationParameters withSeed(long value) {
        return new CrossValidationParameters(split, folds, value);
    }
}
