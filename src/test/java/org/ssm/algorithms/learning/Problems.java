package org.ssm.algorithms.learning;

import java.util.SplittableRandom;

/** Seeded regression problems for the learning tests. */
final class Problems {

    private Problems() {}

    /**
     * The smooth nonlinear function f(x) = sin(2 x0) + x1² − x0 x2 + 0.5 tanh(3 x3) on [−1, 1]⁴
     * (its values span about [−2.5, 2.5]).
     */
    static double smooth(double[] x) {
        return Math.sin(2 * x[0]) + x[1] * x[1] - x[0] * x[2] + 0.5 * Math.tanh(3 * x[3]);
    }

    /** {@code rows} uniform points of [−1, 1]⁴ with targets f(x) + N(0, noise²). */
    static TrainingSet smoothSet(int rows, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[rows][4];
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < 4; c++) {
                x[r][c] = 2 * random.nextDouble() - 1;
            }
            y[r] = smooth(x[r]) + noise * random.nextGaussian();
        }
        return TrainingSet.of(x, y);
    }
}
