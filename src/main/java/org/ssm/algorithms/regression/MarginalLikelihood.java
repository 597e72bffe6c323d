package org.ssm.algorithms.regression;

/**
 * The negative log marginal likelihood of a zero-mean Gaussian process with the squared-exponential
 * kernel, and its gradient with respect to the log hyperparameters (Rasmussen and Williams 2006,
 * eq. 5.8 and 5.9):
 *
 * <pre>
 * −log p(y | X, θ) = ½ yᵀK⁻¹y + ½ log|K| + (n/2) log 2π
 * ∂/∂θ_j          = ½ tr((K⁻¹ − ααᵀ) ∂K/∂θ_j),   α = K⁻¹y
 * </pre>
 *
 * with θ = (log ℓ_1 … log ℓ_L, log σ_f², log(σ_n² − floor)); L is the number of predictors (ARD)
 * or 1 (isotropic). The noise floor keeps K positive definite for noise-free data.
 */
final class MarginalLikelihood implements Lbfgs.Objective {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final double[] x;
    private final int columns;
    private final double[] y;
    private final boolean ard;
    private final double noiseFloor;

    MarginalLikelihood(double[] x, int columns, double[] y, boolean ard, double noiseFloor) {
        this.x = x;
        this.columns = columns;
        this.y = y;
        this.ard = ard;
        this.noiseFloor = noiseFloor;
    }

    /** Number of hyperparameters. */
    int size() {
        return (ard ? columns : 1) + 2;
    }

    /** Length scales of θ, one per predictor. */
    double[] lengthScales(double[] theta) {
        double[] l = new double[columns];
        for (int d = 0; d < columns; d++) {
            l[d] = Math.exp(theta[ard ? d : 0]);
        }
        return l;
    }

    double signalVariance(double[] theta) {
        return Math.exp(theta[size() - 2]);
    }

    double noiseVariance(double[] theta) {
        return noiseFloor + Math.exp(theta[size() - 1]);
    }

    @Override
    public double value(double[] theta, double[] gradient) {
        int n = y.length;
        double[] scales = lengthScales(theta);
        double sf2 = signalVariance(theta);
        double noise = noiseVariance(theta);
        double[] xs = SquaredExponential.scale(x, columns, scales);
        double[] k = SquaredExponential.matrix(xs, n, columns, sf2, noise);
        Cholesky chol = Cholesky.of(k, n);
        if (chol == null) {
            return Double.POSITIVE_INFINITY;
        }
        double[] alpha = chol.solve(y);
        double fit = 0;
        for (int i = 0; i < n; i++) {
            fit += y[i] * alpha[i];
        }
        double nll = 0.5 * fit + 0.5 * chol.logDeterminant() + 0.5 * n * LOG_2PI;
        double[] w = chol.inverse();
        java.util.Arrays.fill(gradient, 0);
        int lengths = size() - 2;
        double traceW = 0;
        double signal = 0;
        for (int i = 0; i < n; i++) {
            double wii = w[i * n + i] - alpha[i] * alpha[i];
            traceW += wii;
            signal += wii * sf2;
            for (int j = 0; j < i; j++) {
                // W = K⁻¹ − ααᵀ is symmetric: each off-diagonal pair counts twice.
                double kf = k[i * n + j];
                double wk = 2 * (w[i * n + j] - alpha[i] * alpha[j]) * kf;
                signal += wk;
                for (int d = 0; d < columns; d++) {
                    double t = xs[i * columns + d] - xs[j * columns + d];
                    gradient[ard ? d : 0] += wk * t * t;
                }
            }
        }
        for (int d = 0; d < lengths; d++) {
            gradient[d] *= 0.5;
        }
        gradient[lengths] = 0.5 * signal;
        gradient[lengths + 1] = 0.5 * traceW * (noise - noiseFloor);
        return nll;
    }
}
