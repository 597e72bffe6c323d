package org.ssm.algorithms.neural;

import java.util.SplittableRandom;

/** Random orders of rows for mini-batches, and gathering rows into a contiguous batch. */
final class Shuffle {

    private Shuffle() {}

    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Fisher–Yates shuffle in place. */
    static void permute(int[] order, SplittableRandom rnd) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Copies rows {@code order[start .. start + n)} of {@code x} ({@code columns} wide) into {@code out}. */
    static void gather(double[] x, int columns, int[] order, int start, int n, double[] out) {
        for (int k = 0; k < n; k++) {
            System.arraycopy(x, order[start + k] * columns, out, k * columns, columns);
        }
    }
}
