package org.ssm.algorithms.regression;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssm.algorithms.model.Models;
import org.ssm.algorithms.model.Normalization;
import org.ssm.algorithms.model.Regressor;

/**
 * A fitted Gaussian process with the squared-exponential kernel, paper E §3.2.4 eq. 7–9: the
 * posterior mean m + k*ᵀα with α = K⁻¹(y − m) (Rasmussen and Williams 2006, Algorithm 2.1), and the
 * posterior variance of the latent function k(x*, x*) − k*ᵀK⁻¹k*.
 *
 * <p>The model keeps its training inputs, α and the hyperparameters: all the mean needs, and
 * everything from which the Cholesky factor of K that the variance needs is rebuilt on first use,
 * by the same code as in training. A model read back from JSON therefore gives bit-identical means
 * and variances. Immutable and thread-safe.
 */
public final class GaussianProcessRegressor implements Regressor {

    /** The {@code "type"} of the JSON form. */
    public static final String TYPE = "gpr";

    static {
        Models.register(TYPE, GaussianProcessRegressor::fromJson);
    }

    private final int inputs;
    private final double[] x;
    private final double[] alpha;
    private final double[] lengthScales;
    private final double signalVariance;
    private final double noiseVariance;
    private final double mean;
    /** The training inputs divided by the length scales. */
    private final double[] scaled;
    private volatile Cholesky factor;

    /**
     * @param inputs number of predictors p
     * @param x training inputs, row-major, n × p
     * @param alpha α, n values
     * @param lengthScales ℓ_d, one per predictor (all equal for the isotropic kernel)
     * @param signalVariance σ_f²
     * @param noiseVariance σ_n², on the diagonal of K
     * @param mean m, the constant prior mean
     */
    public GaussianProcessRegressor(int inputs, double[] x, double[] alpha, double[] lengthScales,
            double signalVariance, double noiseVariance, double mean) {
        if (inputs < 1 || lengthScales.length != inputs || x.length != (long) alpha.length * inputs) {
            throw new IllegalArgumentException("a GP of " + inputs + " inputs needs " + inputs + " length scales and "
                    + alpha.length + " x " + inputs + " training inputs");
        }
        for (double l : lengthScales) {
            if (!(l > 0) || Double.isInfinite(l)) {
                throw new IllegalArgumentException("length scales must be finite and positive, not " + l);
            }
        }
        if (!(signalVariance > 0) || !(noiseVariance > 0) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("variances must be positive and the mean finite");
        }
        this.inputs = inputs;
        this.x = x.clone();
        this.alpha = alpha.clone();
        this.lengthScales = lengthScales.clone();
        this.signalVariance = signalVariance;
        this.noiseVariance = noiseVariance;
        this.mean = mean;
        this.scaled = SquaredExponential.scale(this.x, inputs, this.lengthScales);
    }

    @Override
    public int inputs() {
        return inputs;
    }

    /** Number of training samples n. */
    public int samples() {
        return alpha.length;
    }

    public double[] lengthScales() {
        return lengthScales.clone();
    }

    public double signalVariance() {
        return signalVariance;
    }

    public double noiseVariance() {
        return noiseVariance;
    }

    public double mean() {
        return mean;
    }

    @Override
    public double predict(double[] z) {
        double[] zs = new double[inputs];
        for (int d = 0; d < inputs; d++) {
            zs[d] = z[d] / lengthScales[d];
        }
        return mean + signalVariance * weightedCorrelations(zs);
    }

    @Override
    public void predict(double[] z, int rows, double[] out) {
        double[] zs = new double[inputs];
        for (int r = 0; r < rows; r++) {
            for (int d = 0; d < inputs; d++) {
                zs[d] = z[r * inputs + d] / lengthScales[d];
            }
            out[r] = mean + signalVariance * weightedCorrelations(zs);
        }
    }

    private double weightedCorrelations(double[] zs) {
        double s = 0;
        for (int i = 0; i < alpha.length; i++) {
            s += alpha[i] * SquaredExponential.correlation(scaled, i * inputs, zs, 0, inputs);
        }
        return s;
    }

    /**
     * The posterior variance of the latent function at {@code z}, σ_f² − |L⁻¹k*|² (Rasmussen and
     * Williams 2006, Algorithm 2.1), in units of the normalised target's variance: close to 0 at a
     * training input when the noise variance is small, σ_f² far from every training input.
     */
    public double variance(double[] z) {
        double[] zs = new double[inputs];
        for (int k = 0; k < inputs; k++) {
            zs[k] = z[k] / lengthScales[k];
        }
        double[] v = new double[alpha.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = signalVariance * SquaredExponential.correlation(scaled, i * inputs, zs, 0, inputs);
        }
        factor().solveLower(v);
        double s = 0;
        for (double vi : v) {
            s += vi * vi;
        }
        return Math.max(0, signalVariance - s);
    }

    private Cholesky factor() {
        Cholesky f = factor;
        if (f == null) {
            synchronized (this) {
                f = factor;
                if (f == null) {
                    f = Cholesky.of(SquaredExponential.matrix(scaled, alpha.length, inputs, signalVariance,
                            noiseVariance), alpha.length);
                    if (f == null) {
                        throw new IllegalStateException("the kernel matrix of this model is not positive definite");
                    }
                    factor = f;
                }
            }
        }
        return f;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", TYPE);
        m.put("inputs", inputs);
        m.put("kernel", "squared-exponential");
        m.put("lengthScales", lengthScales);
        m.put("signalVariance", signalVariance);
        m.put("noiseVariance", noiseVariance);
        m.put("mean", mean);
        m.put("x", x);
        m.put("alpha", alpha);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static GaussianProcessRegressor fromJson(Map<String, Object> m) {
        return new GaussianProcessRegressor(((Number) m.get("inputs")).intValue(),
                Normalization.numbers((List<Object>) m.get("x")), Normalization.numbers((List<Object>) m.get("alpha")),
                Normalization.numbers((List<Object>) m.get("lengthScales")),
                ((Number) m.get("signalVariance")).doubleValue(), ((Number) m.get("noiseVariance")).doubleValue(),
                ((Number) m.get("mean")).doubleValue());
    }

    @Override
    public String toString() {
        return "GaussianProcessRegressor[" + alpha.length + " samples, " + inputs + " inputs]";
    }
}
