package org.ssm.algorithms.regression;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.ssm.algorithms.learning.RegressorTrainer;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.algorithms.learning.TrainingSet;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;

/**
 * Gaussian process regression (GPR) with the squared-exponential kernel, paper E §3.2.4 eq. 7–9.
 *
 * <p>The prior is y ~ N(m, K(X, X)) with a constant mean m (the training mean) and
 * K = σ_f²·exp(−½ Σ_d (x_d − x′_d)²/ℓ_d²) + σ_n²·I; the prediction at x* is the posterior mean of
 * eq. 9, m + k*ᵀK⁻¹(y − m). The hyperparameters (ℓ per predictor for ARD or one ℓ, σ_f², σ_n²)
 * maximise the log marginal likelihood (Rasmussen and Williams 2006, §5.4.1) by {@link Lbfgs} on
 * their logarithms, from a fixed start (ℓ = 1 on normalised predictors, σ_f² = var y, σ_n² =
 * var y / 10) and {@code restarts − 1} seeded random starts; the best optimum wins.
 *
 * <p>Cost: the exact posterior needs a Cholesky factor of K (n³/3 operations, 8n² bytes), and each
 * marginal-likelihood gradient the inverse of K (about n³). So the posterior uses at most {@code
 * maxSamples} samples and the hyperparameters are fitted on a subset of at most {@code hyperSamples}
 * of them (a "subset of data" estimate, Rasmussen and Williams 2006 §8.3.1), both drawn with the
 * seed; the length scales are properties of the field and need far fewer samples than the
 * posterior mean.
 */
public final class GaussianProcessRegression implements RegressorTrainer {

    private static final double MIN_LOG_LENGTH = Math.log(1e-2);
    private static final double MAX_LOG_LENGTH = Math.log(1e3);

    private final GprParameters parameters;

    public GaussianProcessRegression(GprParameters parameters) {
        if (parameters == null) {
            throw ParameterException.missing("parameters", "Gaussian process parameters");
        }
        this.parameters = parameters;
    }

    @Override
    public String method() {
        return "GPR";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kernel", "squared-exponential " + parameters.kernel());
        m.put("restarts", parameters.restarts());
        m.put("maxIterations", parameters.maxIterations());
        m.put("maxSamples", parameters.maxSamples());
        m.put("hyperSamples", parameters.hyperSamples());
        m.put("minNoiseVariance", parameters.minNoiseVariance());
        m.put("seed", parameters.seed());
        return m;
    }

    /**
     * The trainer configured by a client's options (names as in {@link GprParameters#fromOptions}),
     * registered as method "GPR" in {@link org.ssm.algorithms.methods.Trainers}.
     */
    public static GaussianProcessRegression of(TrainerOptions options) {
        return new GaussianProcessRegression(GprParameters.fromOptions(options));
    }

    @Override
    public GaussianProcessRegressor fit(TrainingSet data, Monitor monitor) {
        return fit(data.features(), data.columns(), data.targets(), monitor);
    }

    /**
     * Fits the process to row-major predictors {@code x} ({@code y.length} rows of {@code columns})
     * and targets {@code y}, both finite (normalised by the caller, see {@link RegressorTrainer}).
     */
    public GaussianProcessRegressor fit(double[] x, int columns, double[] y, Monitor monitor) {
        int n = y.length;
        if (columns < 1 || x.length != (long) n * columns) {
            throw new IllegalArgumentException(x.length + " predictor values for " + n + " rows of " + columns);
        }
        if (n < 2) {
            throw ParameterException.because("samples", n + " sample(s); a Gaussian process needs at least 2");
        }
        int[] order = permutation(n, new SplittableRandom(parameters.seed()));
        int posterior = Math.min(n, parameters.maxSamples());
        int hyper = Math.min(posterior, parameters.hyperSamples());
        double mean = 0;
        for (int i = 0; i < posterior; i++) {
            mean += y[order[i]];
        }
        mean /= posterior;
        double[] xs = new double[posterior * columns];
        double[] ys = new double[posterior];
        for (int i = 0; i < posterior; i++) {
            System.arraycopy(x, order[i] * columns, xs, i * columns, columns);
            ys[i] = y[order[i]] - mean;
        }
        double[] theta = hyperparameters(java.util.Arrays.copyOf(xs, hyper * columns), columns,
                java.util.Arrays.copyOf(ys, hyper), monitor);
        MarginalLikelihood ml = likelihood(xs, columns, ys);
        return posterior(xs, columns, ys, new GpHyperparameters(ml.lengthScales(theta), ml.signalVariance(theta),
                ml.noiseVariance(theta)), mean);
    }

    /**
     * The posterior of a zero-mean process plus {@code mean} on centred targets {@code y}, with fixed
     * hyperparameters. The noise variance is raised tenfold at a time (at most six times) if K is
     * not numerically positive definite.
     */
    static GaussianProcessRegressor posterior(double[] x, int columns, double[] y, GpHyperparameters h, double mean) {
        double[] scaled = SquaredExponential.scale(x, columns, h.lengthScales());
        double noise = h.noiseVariance();
        for (int attempt = 0; attempt < 7; attempt++, noise *= 10) {
            Cholesky chol = Cholesky.of(SquaredExponential.matrix(scaled, y.length, columns, h.signalVariance(), noise),
                    y.length);
            if (chol != null) {
                return new GaussianProcessRegressor(columns, x, chol.solve(y), h.lengthScales(), h.signalVariance(),
                        noise, mean);
            }
        }
        throw new IllegalStateException("the kernel matrix is not positive definite even with noise variance " + noise);
    }

    /**
     * The Gaussian-process posterior with given hyperparameters and the training mean as prior mean:
     * no optimisation.
     *
     * @param x predictors, row-major, {@code y.length} rows of {@code columns}
     * @param y targets
     */
    public static GaussianProcessRegressor withHyperparameters(double[] x, int columns, double[] y, GpHyperparameters h) {
        if (h.lengthScales().length != columns || x.length != (long) y.length * columns) {
            throw new IllegalArgumentException("need " + columns + " length scales and " + y.length + " rows of "
                    + columns + " predictors");
        }
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double[] centred = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            centred[i] = y[i] - mean;
        }
        return posterior(x.clone(), columns, centred, h, mean);
    }

    private MarginalLikelihood likelihood(double[] x, int columns, double[] y) {
        return new MarginalLikelihood(x, columns, y, parameters.kernel() == GprParameters.Kernel.ARD,
                parameters.minNoiseVariance());
    }

    /** θ of the best of the restarts. */
    private double[] hyperparameters(double[] x, int columns, double[] y, Monitor monitor) {
        MarginalLikelihood ml = likelihood(x, columns, y);
        int size = ml.size();
        double variance = 0;
        for (double v : y) {
            variance += v * v;
        }
        variance = Math.max(variance / y.length, 1e-12);
        double logVar = Math.log(variance);
        double[] lower = new double[size];
        double[] upper = new double[size];
        for (int d = 0; d < size - 2; d++) {
            lower[d] = MIN_LOG_LENGTH;
            upper[d] = MAX_LOG_LENGTH;
        }
        lower[size - 2] = logVar + Math.log(1e-4);
        upper[size - 2] = logVar + Math.log(1e2);
        lower[size - 1] = Math.log(1e-12);
        upper[size - 1] = logVar + Math.log(10);
        Lbfgs lbfgs = new Lbfgs(7, parameters.maxIterations(), 1e-5, 1e-9);
        SplittableRandom rnd = new SplittableRandom(parameters.seed() ^ 0x5DEECE66DL);
        int total = parameters.restarts() * parameters.maxIterations();
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int r = 0; r < parameters.restarts(); r++) {
            double[] start = new double[size];
            for (int d = 0; d < size - 2; d++) {
                start[d] = r == 0 ? 0 : Math.log(0.1) + rnd.nextDouble() * Math.log(100);
            }
            start[size - 2] = r == 0 ? logVar : logVar + Math.log(0.1) + rnd.nextDouble() * Math.log(100);
            start[size - 1] = r == 0 ? logVar + Math.log(0.1)
                    : logVar + Math.log(1e-4) + rnd.nextDouble() * Math.log(5e3);
            int offset = r * parameters.maxIterations();
            Lbfgs.Result result;
            try {
                result = lbfgs.minimize(ml, start, lower, upper, i -> monitor.checkpoint(offset + i, total));
            } catch (IllegalArgumentException notFinite) {
                continue;
            }
            if (result.value() < bestValue) {
                bestValue = result.value();
                best = result.x();
            }
        }
        if (best == null) {
            throw new IllegalStateException("no start of the hyperparameter search gave a finite marginal likelihood");
        }
        monitor.checkpoint(total, total);
        return best;
    }

    /** A seeded Fisher–Yates permutation of 0..n−1. */
    static int[] permutation(int n, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
