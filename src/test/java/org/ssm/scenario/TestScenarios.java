package org.ssm.scenario;

import org.ssm.core.Monitor;

/** Scenarios shared by the tests: generated once, never modified. */
final class TestScenarios {

    private TestScenarios() {}

    private static Scenario small;

    /** The scenario of {@link TwinExperimentConfig#small()}. */
    static synchronized Scenario small() {
        if (small == null) {
            small = TwinExperiment.generate(TwinExperimentConfig.small(), Monitor.NONE);
        }
        return small;
    }

    /** Whether fine cell {@code i} of {@code s} is water. */
    static boolean water(Scenario s, int i) {
        return s.landCover().values()[i] == LandCover.WATER.code();
    }

    /** Pearson correlation of two equally long samples. */
    static double correlation(double[] a, double[] b, int n) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
