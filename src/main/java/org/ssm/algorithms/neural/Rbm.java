package org.ssm.algorithms.neural;

import java.util.SplittableRandom;

/**
 * A restricted Boltzmann machine (paper B §3.4, eq. 6) trained by contrastive divergence CD-k
 * (Hinton 2002): one layer of a DBN.
 *
 * <p>With binary (Bernoulli) visible units, the energy is paper B's eq. 6, E(v, h) = −Σ a_i v_i −
 * Σ b_j h_j − Σ v_i W_ij h_j, so p(h_j = 1 | v) = σ(b_j + Σ_i v_i W_ij) and p(v_i = 1 | h) = σ(a_i +
 * Σ_j W_ij h_j). Real-valued predictors need Gaussian visible units (Hinton &amp; Salakhutdinov 2006;
 * Hinton 2010, §13.2, eq. 17 with σ_i = 1): E(v, h) = Σ (v_i − a_i)²/2 − Σ b_j h_j − Σ v_i W_ij h_j,
 * so that v given h is Gaussian with mean a_i + Σ_j W_ij h_j and unit variance. The data must then be
 * standardised, and reconstructions are the noise-free means (§13.2).
 *
 * <p>One CD-k update on a mini-batch (Hinton 2010, §3): hidden probabilities p⁰ from the data v⁰;
 * binary hidden states sampled from them; k times, a reconstruction v^t (means, not samples) and its
 * hidden probabilities p^t, sampling hidden states again between steps; then ΔW = ε (⟨v⁰ p⁰⟩ −
 * ⟨v^k p^k⟩ − λ W) + μ ΔW_previous, and likewise for the biases without the weight cost (§3.3: the
 * statistics use probabilities, not binary states).
 *
 * <p>The monitored quantity is the reconstruction error (§5): the mean over rows and visible units of
 * (v⁰ − v¹)², v¹ the first reconstruction, averaged over an epoch's batches.
 */
public final class Rbm {

    /** The kind of the visible units. */
    public enum Visible {
        /** Real values of unit variance (standardised data). */
        GAUSSIAN,
        /** Binary units, or probabilities in [0, 1] such as the hidden probabilities of the RBM below. */
        BERNOULLI
    }

    /** Standard deviation of the initial weights (Hinton 2010, §8: "zero-mean Gaussian with a standard deviation of about 0.01"). */
    static final double INITIAL_WEIGHT_SD = 0.01;

    private final Visible kind;
    private final int visible;
    private final int hidden;
    /** {@code visible × hidden}, row-major. */
    final double[] w;
    final double[] a;
    final double[] b;
    private double[] reconstructionErrors = new double[0];

    private Rbm(Visible kind, int visible, int hidden) {
        this.kind = kind;
        this.visible = visible;
        this.hidden = hidden;
        w = new double[visible * hidden];
        a = new double[visible];
        b = new double[hidden];
    }

    /**
     * Trains an RBM with {@code hidden} hidden units on the rows of {@code data} (normalised for
     * Gaussian visible units, in [0, 1] for Bernoulli ones), drawing from {@code rnd} and reporting
     * each epoch to {@code progress}.
     */
    static Rbm train(Samples data, Visible kind, int hidden, RbmParameters p, SplittableRandom rnd, Progress progress) {
        Rbm rbm = new Rbm(kind, data.columns(), hidden);
        rbm.initialise(data, rnd);
        rbm.reconstructionErrors = new CdTrainer(rbm, p, rnd).run(data, progress);
        return rbm;
    }

    private void initialise(Samples data, SplittableRandom rnd) {
        for (int k = 0; k < w.length; k++) {
            w[k] = INITIAL_WEIGHT_SD * rnd.nextGaussian();
        }
        if (kind == Visible.BERNOULLI) {
            // §8: visible bias log(p / (1 − p)), p the share of rows in which the unit is on.
            for (int i = 0; i < visible; i++) {
                double mean = 0;
                for (int r = 0; r < data.rows(); r++) {
                    mean += data.x()[r * visible + i];
                }
                double q = Math.min(0.999, Math.max(0.001, mean / data.rows()));
                a[i] = Math.log(q / (1 - q));
            }
        }
    }

    public Visible visibleUnits() {
        return kind;
    }

    public int visible() {
        return visible;
    }

    public int hidden() {
        return hidden;
    }

    /** The weights, {@code visible × hidden}, row-major; a copy. */
    public double[] weights() {
        return w.clone();
    }

    /** The visible biases a; a copy. */
    public double[] visibleBiases() {
        return a.clone();
    }

    /** The hidden biases b; a copy. */
    public double[] hiddenBiases() {
        return b.clone();
    }

    /** The mean reconstruction error of each training epoch (§5); a copy. */
    public double[] reconstructionErrors() {
        return reconstructionErrors.clone();
    }

    /** p(h = 1 | v) of each row of {@code v} ({@code rows × visible}): the data of the next RBM. */
    public double[] hiddenProbabilities(double[] v, int rows) {
        double[] out = new double[rows * hidden];
        Dense.affine(v, 0, rows, visible, w, b, hidden, out);
        Activation.SIGMOID.applyInPlace(out, 0, out.length);
        return out;
    }

    /**
     * The mean-field reconstruction of each row of {@code v}: the expected visible vector given the
     * hidden probabilities.
     */
    public double[] reconstruct(double[] v, int rows) {
        double[] out = new double[rows * visible];
        visibleMeans(hiddenProbabilities(v, rows), rows, out);
        return out;
    }

    /** E[v | h] for {@code rows} hidden vectors. */
    void visibleMeans(double[] h, int rows, double[] out) {
        Dense.affineTransposed(h, rows, hidden, w, a, visible, out);
        if (kind == Visible.BERNOULLI) {
            Activation.SIGMOID.applyInPlace(out, 0, rows * visible);
        }
    }
}
