package org.ssm.algorithms.fusion;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Critical values of the F test of a simple linear regression's slope at the 5 % level:
 * F(1, df) at 0.95, which equals the square of Student's t(df) at 0.975.
 *
 * <p>Exact values (Commons Math) are tabulated for df ≤ {@value #TABLE}; beyond, the Cornish–Fisher
 * expansion of Abramowitz &amp; Stegun (1964) 26.7.5 to the fourth order is used, whose error there is
 * below 1e-9.
 */
final class Significance {

    /** Largest degrees of freedom held in the exact table. */
    static final int TABLE = 400;

    /** The 0.975 quantile of the standard normal distribution. */
    private static final double Z = 1.959963984540054;

    private Significance() {}

    private static final class Table {
        static final double[] F = new double[TABLE + 1];

        static {
            F[0] = Double.POSITIVE_INFINITY;
            for (int df = 1; df <= TABLE; df++) {
                double t = new TDistribution(null, df).inverseCumulativeProbability(0.975);
                F[df] = t * t;
            }
        }
    }

    /** F(1, df) at 0.95: a slope is significant at 5 % when its F statistic is at least this. */
    static double criticalF(int df) {
        if (df <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (df <= TABLE) {
            return Table.F[df];
        }
        double t = tQuantile975(df);
        return t * t;
    }

    /** Student's t quantile at 0.975 by the Cornish–Fisher expansion (A&amp;S 26.7.5). */
    static double tQuantile975(double df) {
        double z = Z;
        double z2 = z * z;
        double z3 = z2 * z;
        double z5 = z3 * z2;
        double z7 = z5 * z2;
        double z9 = z7 * z2;
        double g1 = (z3 + z) / 4;
        double g2 = (5 * z5 + 16 * z3 + 3 * z) / 96;
        double g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384;
        double g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160;
        return z + g1 / df + g2 / (df * df) + g3 / (df * df * df) + g4 / (df * df * df * df);
    }
}
