package org.ssm.algorithms.collocation;

import org.ssm.core.ParameterException;

/**
 * The sample covariances Q_ij of three collocated series, the only statistics classic and extended
 * triple collocation need (Gruber et al. 2016, covariance notation; McColl et al. 2014, eq. 3).
 *
 * <p>The divisor is n − 1, as in {@code numpy.cov}, which pytesmo's {@code tcol_metrics} uses; the
 * estimators are ratios of covariances, so the divisor cancels everywhere except in the error
 * variances, which it keeps unbiased. Means are removed first (two passes) because the error
 * variances are small differences of covariances and a one-pass sum of products would lose their
 * digits to cancellation.
 */
public final class CovarianceMatrix {

    /** Fewest triplets for which covariances with divisor n − 1 are defined and not all trivially 0. */
    public static final int MIN_TRIPLETS = 3;

    private final int n;
    private final double[][] q;

    private CovarianceMatrix(int n, double[][] q) {
        this.n = n;
        this.q = q;
    }

    /**
     * The covariances of complete triplets {@code (x[t], y[t], z[t])}.
     *
     * @throws ParameterException if the arrays differ in length, hold fewer than {@link #MIN_TRIPLETS}
     *     triplets or a value that is not finite
     */
    public static CovarianceMatrix of(double[] x, double[] y, double[] z) {
        double[][] series = {x, y, z};
        int n = x.length;
        if (y.length != n || z.length != n) {
            throw new ParameterException("triplets", x.length + "/" + y.length + "/" + z.length + " values",
                    "three series of equal length");
        }
        if (n < MIN_TRIPLETS) {
            throw new ParameterException("triplets", n, "at least " + MIN_TRIPLETS + " complete triplets");
        }
        double[] mean = new double[3];
        for (int m = 0; m < 3; m++) {
            double sum = 0;
            for (int t = 0; t < n; t++) {
                double v = series[m][t];
                if (!Double.isFinite(v)) {
                    throw new ParameterException("triplets", v, "finite values only (drop incomplete triplets first)");
                }
                sum += v;
            }
            mean[m] = sum / n;
        }
        double[][] q = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = i; j < 3; j++) {
                double sum = 0;
                for (int t = 0; t < n; t++) {
                    sum += (series[i][t] - mean[i]) * (series[j][t] - mean[j]);
                }
                q[i][j] = sum / (n - 1);
                q[j][i] = q[i][j];
            }
        }
        return new CovarianceMatrix(n, q);
    }

    /**
     * A covariance matrix given directly (e.g. the population covariances of an error model), for
     * {@code n} triplets.
     *
     * @throws ParameterException if {@code q} is not a finite symmetric 3 × 3 matrix
     */
    public static CovarianceMatrix of(int n, double[][] q) {
        ParameterException.requireInRange("triplets", n, MIN_TRIPLETS, Integer.MAX_VALUE);
        if (q.length != 3) {
            throw new ParameterException("covariance", q.length + " rows", "a 3 x 3 matrix");
        }
        double[][] copy = new double[3][];
        for (int i = 0; i < 3; i++) {
            if (q[i].length != 3) {
                throw new ParameterException("covariance", q[i].length + " columns in row " + i, "a 3 x 3 matrix");
            }
            copy[i] = q[i].clone();
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (!Double.isFinite(copy[i][j]) || copy[i][j] != copy[j][i]) {
                    throw new ParameterException("covariance", copy[i][j] + " at (" + i + ", " + j + ")",
                            "a finite symmetric matrix");
                }
            }
        }
        return new CovarianceMatrix(n, copy);
    }

    /** Number of triplets. */
    public int n() {
        return n;
    }

    /** Q_ij, members 0, 1, 2. */
    public double q(int i, int j) {
        return q[i][j];
    }
}
