package org.ssm.algorithms.learning;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * Rows of predictors with their targets, the input of every {@link RegressorTrainer}: the
 * "S × 7" sample set of paper B §3.4 (S station-days, one column per predictor of eq. 7) and its
 * "S × 1" in-situ targets, with the station and the date of each row so that the rows can be split
 * by station or by season.
 *
 * <p>The arrays are owned by the set and not copied (training sets can be large and are read in
 * tight loops): callers must not modify them after construction.
 *
 * @param columns number of predictors per row, &ge; 1
 * @param features row-major predictors, {@code rows × columns} finite values
 * @param targets one finite target per row
 * @param stations per row, the index of the station it came from, or {@code null} when unknown
 * @param days per row, the epoch day ({@link LocalDate#toEpochDay()}) of its date, or {@code null}
 *     when unknown
 */
public record TrainingSet(int columns, double[] features, double[] targets, int[] stations, int[] days) {

    public TrainingSet {
        if (columns < 1) {
            throw new IllegalArgumentException("a training set needs at least one column, not " + columns);
        }
        if (features.length != (long) targets.length * columns) {
            throw new IllegalArgumentException(features.length + " feature values for " + targets.length + " rows of "
                    + columns + " columns");
        }
        if (stations != null && stations.length != targets.length || days != null && days.length != targets.length) {
            throw new IllegalArgumentException("station or day labels do not match the " + targets.length + " rows");
        }
        for (double v : features) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("training features must be finite (drop rows with no data first)");
            }
        }
        for (double v : targets) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("training targets must be finite (drop rows with no data first)");
            }
        }
    }

    /** A set without station or date labels, from rows given as arrays (tests, small problems). */
    public static TrainingSet of(double[][] rows, double[] targets) {
        int p = rows.length == 0 ? 1 : rows[0].length;
        double[] x = new double[rows.length * p];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != p) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, row 0 has " + p);
            }
            System.arraycopy(rows[r], 0, x, r * p, p);
        }
        return new TrainingSet(p, x, targets.clone(), null, null);
    }

    /** Number of rows. */
    public int rows() {
        return targets.length;
    }

    /** Predictor {@code column} of row {@code row}. */
    public double feature(int row, int column) {
        return features[row * columns + column];
    }

    /** A copy of one row's predictors. */
    public double[] row(int row) {
        return Arrays.copyOfRange(features, row * columns, (row + 1) * columns);
    }

    /** The calendar year of row {@code row}; fails when the set has no dates. */
    public int year(int row) {
        if (days == null) {
            throw new IllegalStateException("the training set has no dates");
        }
        return LocalDate.ofEpochDay(days[row]).getYear();
    }

    /** The rows whose indices are listed, in that order, with their labels. */
    public TrainingSet subset(int[] rowIndices) {
        double[] x = new double[rowIndices.length * columns];
        double[] y = new double[rowIndices.length];
        int[] s = stations == null ? null : new int[rowIndices.length];
        int[] d = days == null ? null : new int[rowIndices.length];
        for (int i = 0; i < rowIndices.length; i++) {
            int r = rowIndices[i];
            System.arraycopy(features, r * columns, x, i * columns, columns);
            y[i] = targets[r];
            if (s != null) {
                s[i] = stations[r];
            }
            if (d != null) {
                d[i] = days[r];
            }
        }
        return new TrainingSet(columns, x, y, s, d);
    }

    /** The same rows with other features and targets (e.g. normalised), keeping the labels. */
    public TrainingSet withValues(double[] newFeatures, double[] newTargets) {
        return new TrainingSet(columns, newFeatures, newTargets, stations, days);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingSet t && columns == t.columns && Arrays.equals(features, t.features)
                && Arrays.equals(targets, t.targets) && Arrays.equals(stations, t.stations)
                && Arrays.equals(days, t.days);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(features) + Arrays.hashCode(targets);
    }

    @Override
    public String toString() {
        return "TrainingSet[" + rows() + " rows x " + columns + " columns]";
    }
}
