package org.ssm.algorithms.regression;

/**
 * The squared-exponential covariance of paper E §3.2.4,
 * k(x, x′) = σ_f² · exp(−½ Σ_d (x_d − x′_d)² / ℓ_d²), on inputs already divided by their length
 * scales, plus σ_n² on the diagonal for the noise (Rasmussen and Williams 2006, eq. 2.31 and 5.1).
 */
final class SquaredExponential {

    private SquaredExponential() {}

    /** {@code x} (rows × columns, row-major) with each column divided by its length scale. */
    static double[] scale(double[] x, int columns, double[] lengthScales) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] / lengthScales[i % columns];
        }
        return out;
    }

    /** exp(−½ |a − b|²) for scaled rows {@code a} at {@code ia} and {@code b} at {@code ib}. */
    static double correlation(double[] a, int ia, double[] b, int ib, int columns) {
        double d2 = 0;
        for (int d = 0; d < columns; d++) {
            double t = a[ia + d] - b[ib + d];
            d2 += t * t;
        }
        return Math.exp(-0.5 * d2);
    }

    /** The n × n matrix σ_f²·R + noise·I of scaled rows {@code xs}, row-major. */
    static double[] matrix(double[] xs, int rows, int columns, double signalVariance, double noiseVariance) {
        double[] data = new double[rows * rows];
        for (int i = 0; i < rows; i++) {
            data[i * rows + i] = signalVariance + noiseVariance;
            for (int j = 0; j < i; j++) {
                double v = signalVariance * correlation(xs, i * columns, xs, j * columns, columns);
                data[i * rows + j] = v;
                data[j * rows + i] = v;
            }
        }
        return data;
    }
}
