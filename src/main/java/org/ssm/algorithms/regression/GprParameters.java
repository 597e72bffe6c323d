package org.ssm.algorithms.regression;

import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.core.ParameterException;

/**
 * Settings of {@link GaussianProcessRegression}, the GPR of paper E §3.2.4 (eq. 7–9). E gives the
 * model, not its settings: the kernel form, the optimisation of the marginal likelihood (Rasmussen
 * and Williams 2006, eq. 5.8) and the sample caps below are this implementation's.
 *
 * @param kernel one length scale per predictor (ARD) or one shared length scale (isotropic)
 * @param restarts number of optimisations of the hyperparameters, the first from fixed values, the
 *     others from seeded random values; the best marginal likelihood wins
 * @param maxIterations most L-BFGS iterations per restart
 * @param maxSamples most training samples in the posterior (a seeded random subset when there are
 *     more): the exact posterior costs n³/3 operations and n² doubles
 * @param hyperSamples most samples in the subset on which the hyperparameters are fitted (each
 *     marginal-likelihood gradient costs about n³ operations), at most {@code maxSamples}
 * @param minNoiseVariance smallest noise variance, in units of the normalised target's variance:
 *     keeps the kernel matrix positive definite when the data are noise-free
 * @param seed seed of the subsets and the random restarts
 */
public record GprParameters(Kernel kernel, int restarts, int maxIterations, int maxSamples, int hyperSamples,
        double minNoiseVariance, long seed) {

    /** Length scales of the squared-exponential kernel. */
    public enum Kernel {
        /** One length scale per predictor (automatic relevance determination). */
        ARD,
        /** One length scale for every predictor. */
        ISOTROPIC
    }

    /**
     * Paper E §3.2.4 fixes no settings (eq. 7–9 only); the defaults below are ours. ARD: one length
     * scale per predictor, since E's eight predictors (LST ... DOY) vary on unrelated scales.
     */
    public static final Kernel DEFAULT_KERNEL = Kernel.ARD;
    /** One fixed and two random starts: the marginal likelihood can be multimodal (Rasmussen and Williams §5.4.1). */
    public static final int DEFAULT_RESTARTS = 3;
    /** L-BFGS iterations per start; on 2–10 hyperparameters it converges in 20–50. */
    public static final int DEFAULT_MAX_ITERATIONS = 60;
    /** Posterior samples: 2000 coarse samples factor in about a second (docs/performance.md). */
    public static final int DEFAULT_MAX_SAMPLES = 2000;
    /**
     * Subset for the hyperparameters (Rasmussen and Williams §8.3.1, subset of data): 300 of 2000
     * samples fit in about 2 s of CPU with a held-out RMSE within 5 % of 400 (docs/performance.md).
     */
    public static final int DEFAULT_HYPER_SAMPLES = 300;
    /** Noise floor (normalised units): keeps K positive definite for noise-free data. */
    public static final double DEFAULT_MIN_NOISE_VARIANCE = 1e-6;
    /** Seed of subsets and restarts. */
    public static final long DEFAULT_SEED = 42;
    /** Largest accepted {@code maxSamples}: a 10 000² kernel matrix is 800 MB. */
    public static final int MAX_SAMPLES = 10_000;

    /** The defaults above. */
    public static final GprParameters DEFAULTS = new GprParameters(DEFAULT_KERNEL, DEFAULT_RESTARTS,
            DEFAULT_MAX_ITERATIONS, DEFAULT_MAX_SAMPLES, DEFAULT_HYPER_SAMPLES, DEFAULT_MIN_NOISE_VARIANCE,
            DEFAULT_SEED);

    public GprParameters {
        if (kernel == null) {
            throw ParameterException.missing("kernel", "ARD or ISOTROPIC");
        }
        ParameterException.requireInRange("restarts", restarts, 1, 100);
        ParameterException.requireInRange("maxIterations", maxIterations, 1, 10_000);
        ParameterException.requireInRange("maxSamples", maxSamples, 2, MAX_SAMPLES);
        ParameterException.requireInRange("hyperSamples", hyperSamples, 2, maxSamples);
        ParameterException.requireInRange("minNoiseVariance", minNoiseVariance, 1e-12, 1);
    }

    /** The defaults above. */
    public static GprParameters defaults() {
        return DEFAULTS;
    }

    public GprParameters withKernel(Kernel value) {
        return new GprParameters(value, restarts, maxIterations, maxSamples, hyperSamples, minNoiseVariance, seed);
    }

    public GprParameters withRestarts(int value) {
        return new GprParameters(kernel, value, maxIterations, maxSamples, hyperSamples, minNoiseVariance, seed);
    }

    public GprParameters withMaxIterations(int value) {
        return new GprParameters(kernel, restarts, value, maxSamples, hyperSamples, minNoiseVariance, seed);
    }

    /** These parameters with another {@code maxSamples}; {@code hyperSamples} shrinks with it if needed. */
    public GprParameters withMaxSamples(int value) {
        return new GprParameters(kernel, restarts, maxIterations, value, Math.min(hyperSamples, Math.max(2, value)),
                minNoiseVariance, seed);
    }

    public GprParameters withHyperSamples(int value) {
        return new GprParameters(kernel, restarts, maxIterations, maxSamples, value, minNoiseVariance, seed);
    }

    public GprParameters withMinNoiseVariance(double value) {
        return new GprParameters(kernel, restarts, maxIterations, maxSamples, hyperSamples, value, seed);
    }

    /**
     * The parameters a client gave by name ({@code kernel}: ARD or ISOTROPIC, {@code restarts},
     * {@code maxIterations}, {@code maxSamples}, {@code hyperSamples}, {@code minNoiseVariance},
     * {@code seed}), the defaults for the others; {@code hyperSamples} defaults to the smaller of
     * its default and {@code maxSamples}.
     */
    public static GprParameters fromOptions(TrainerOptions options) {
        String k = options.text("kernel", DEFAULT_KERNEL.name()).strip().toUpperCase(java.util.Locale.ROOT);
        Kernel kernel;
        try {
            kernel = Kernel.valueOf(k);
        } catch (IllegalArgumentException e) {
            throw new ParameterException("kernel", options.values().get("kernel"), "ARD or ISOTROPIC");
        }
        int max = options.integer("maxSamples", DEFAULT_MAX_SAMPLES);
        return new GprParameters(kernel, options.integer("restarts", DEFAULT_RESTARTS),
                options.integer("maxIterations", DEFAULT_MAX_ITERATIONS), max,
                options.integer("hyperSamples", Math.min(DEFAULT_HYPER_SAMPLES, Math.max(2, max))),
                options.number("minNoiseVariance", DEFAULT_MIN_NOISE_VARIANCE), options.longInteger("seed", DEFAULT_SEED));
    }

    /** These parameters with another seed. */
    public GprParameters withSeed(long newSeed) {
        return new GprParameters(kernel, restarts, maxIterations, maxSamples, hyperSamples, minNoiseVariance, newSeed);
    }
}
