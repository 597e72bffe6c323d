package org.ssm.algorithms.fusion;

import java.util.Arrays;

/**
 * The date-independent result of the similar-pixel search for every pixel of the fine grid: per
 * pixel, the coarse cells holding its similar pixels with their summed weights, V per band and the
 * weighted fine means used to revise out-of-range predictions. Kept when several dates are
 * predicted from the same base pairs, so that the search runs once instead of once per date.
 */
final class CellWeights {

    /** The centres of one strip of one row of the fine grid. */
    static final class Row {
        /** Entries of pixel c are [start[c], start[c + 1]); none for too few similar pixels or an invalid pixel. */
        final int[] start;
        int[] cell;
        float[] weight;
        final float[] conversion;
        final float[] revisedM;
        final float[] revisedN;

        Row(int width, int bands, boolean revise) {
            start = new int[width + 1];
            cell = new int[Math.max(16, width * 4)];
            weight = new float[cell.length];
            conversion = new float[width * bands];
            revisedM = revise ? new float[width * bands] : conversion;
            revisedN = revise ? new float[width * bands] : conversion;
        }

        void add(int c, SimilarPixels s, int bands, boolean revise) {
            int from = start[c];
            int n = s.similar >= SimilarPixels.MIN_SIMILAR ? s.cells : 0;
            if (from + n > cell.length) {
                int size = Math.max(from + n, cell.length + cell.length / 2);
                cell = Arrays.copyOf(cell, size);
                weight = Arrays.copyOf(weight, size);
            }
            System.arraycopy(s.cellIndex, 0, cell, from, n);
            System.arraycopy(s.weights, 0, weight, from, n);
            start[c + 1] = from + n;
            System.arraycopy(s.conversion, 0, conversion, c * bands, bands);
            if (revise) {
                System.arraycopy(s.revisedM, 0, revisedM, c * bands, bands);
                System.arraycopy(s.revisedN, 0, revisedN, c * bands, bands);
            }
        }

        void skip(int c) {
            start[c + 1] = start[c];
        }

        void trim() {
            int n = start[start.length - 1];
            cell = Arrays.copyOf(cell, n);
            weight = Arrays.copyOf(weight, n);
        }

        long bytes() {
            return 4L * start.length + 8L * cell.length + 4L * conversion.length
                    + (revisedM == conversion ? 0 : 8L * revisedM.length);
        }
    }

    /** [row][strip]. */
    final Row[][] rows;

    CellWeights(int height, int strips) {
        rows = new Row[height][strips];
    }

    /** An upper bound of the bytes held for {@code p}, to decide whether to keep them. */
    static long bound(BasePairs p) {
        long pixels = (long) p.width * p.height;
        int perPixel = 4 + 4 * p.bands * (p.parameters.hasRange() ? 3 : 1);
        return 8 * p.footprintTotal + pixels * perPixel;
    }

    /** Bytes actually held. */
    long bytes() {
        long sum = 0;
        for (Row[] row : rows) {
            for (Row r : row) {
                sum += r == null ? 0 : r.bytes();
            }
        }
        return sum;
    }
}
