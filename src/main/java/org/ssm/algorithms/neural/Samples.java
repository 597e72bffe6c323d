package org.ssm.algorithms.neural;

/**
 * Rows of normalised predictors, row-major, with an optional target per row: the rows a network is
 * trained or validated on, or the data of an RBM ({@code y == null}). The arrays are not copied;
 * trainers only read them.
 *
 * @param x {@code rows × columns} values, row {@code r} at {@code x[r * columns ..]}
 * @param rows number of rows
 * @param columns number of predictors
 * @param y one target per row, or null for unsupervised data
 */
record Samples(double[] x, int rows, int columns, double[] y) {

    Samples {
        if ((long) rows * columns != x.length || y != null && y.length != rows) {
            throw new IllegalArgumentException(x.length + " values and " + (y == null ? 0 : y.length)
                    + " targets for " + rows + " rows of " + columns + " columns");
        }
    }

    /** Unsupervised data: predictors only. */
    static Samples unlabelled(double[] x, int rows, int columns) {
        return new Samples(x, rows, columns, null);
    }
}
