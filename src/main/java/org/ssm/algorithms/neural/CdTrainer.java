package org.ssm.algorithms.neural;

import java.util.SplittableRandom;

/**
 * The CD-k epochs of one {@link Rbm}: mini-batches in a fresh random order each epoch, momentum and
 * weight cost as in Hinton (2010), §4, §9, §10. Single-threaded, so a seed fixes the result.
 */
final class CdTrainer {

    private final Rbm rbm;
    private final RbmParameters p;
    private final SplittableRandom rnd;
    private final double rate;
    private final int nv;
    private final int nh;
    private final int batch;

    private final double[] v0;
    private final double[] ph0;
    private final double[] hs;
    private final double[] vk;
    private final double[] phk;
    private final double[] gw;
    private final double[] ga;
    private final double[] gb;
    private final double[] dw;
    private final double[] da;
    private final double[] db;

    CdTrainer(Rbm rbm, RbmParameters p, SplittableRandom rnd) {
        this.rbm = rbm;
        this.p = p;
        this.rnd = rnd;
        this.rate = rbm.visibleUnits() == Rbm.Visible.GAUSSIAN ? p.gaussianLearningRate() : p.learningRate();
        nv = rbm.visible();
        nh = rbm.hidden();
        batch = p.batchSize();
        v0 = new double[batch * nv];
        vk = new double[batch * nv];
        ph0 = new double[batch * nh];
        hs = new double[batch * nh];
        phk = new double[batch * nh];
        gw = new double[nv * nh];
        ga = new double[nv];
        gb = new double[nh];
        dw = new double[nv * nh];
        da = new double[nv];
        db = new double[nh];
    }

    /** Runs every epoch; returns the reconstruction error of each. */
    double[] run(Samples data, Progress progress) {
        int rows = data.rows();
        int[] order = Shuffle.identity(rows);
        double[] errors = new double[p.epochs()];
        for (int epoch = 0; epoch < p.epochs(); epoch++) {
            Shuffle.permute(order, rnd);
            double momentum = p.momentumAt(epoch);
            double sum = 0;
            for (int start = 0; start < rows; start += batch) {
                int n = Math.min(batch, rows - start);
                Shuffle.gather(data.x(), nv, order, start, n, v0);
                sum += update(n, momentum);
            }
            errors[epoch] = sum / ((double) rows * nv);
            progress.epochDone();
        }
        return errors;
    }

    /** One CD-k update on the {@code n} rows in {@code v0}; returns their summed squared reconstruction error. */
    private double update(int n, double momentum) {
        hiddenProbabilities(v0, n, ph0);
        double error = 0;
        double[] ph = ph0;
        for (int step = 1; step <= p.cdSteps(); step++) {
            sample(ph, n * nh, hs);
            rbm.visibleMeans(hs, n, vk);
            hiddenProbabilities(vk, n, phk);
            if (step == 1) {
                for (int k = 0; k < n * nv; k++) {
                    double d = v0[k] - vk[k];
                    error += d * d;
                }
            }
            ph = phk;
        }
        java.util.Arrays.fill(gw, 0);
        java.util.Arrays.fill(ga, 0);
        java.util.Arrays.fill(gb, 0);
        double inv = 1.0 / n;
        Dense.accumulateOuter(v0, ph0, n, nv, nh, inv, gw);
        Dense.accumulateOuter(vk, phk, n, nv, nh, -inv, gw);
        Dense.accumulateColumns(v0, n, nv, inv, ga);
        Dense.accumulateColumns(vk, n, nv, -inv, ga);
        Dense.accumulateColumns(ph0, n, nh, inv, gb);
        Dense.accumulateColumns(phk, n, nh, -inv, gb);
        double[] w = rbm.w;
        double cost = p.l2();
        for (int k = 0; k < w.length; k++) {
            dw[k] = momentum * dw[k] + rate * (gw[k] - cost * w[k]);
            w[k] += dw[k];
        }
        step(rbm.a, da, ga, momentum);
        step(rbm.b, db, gb, momentum);
        return error;
    }

    private void step(double[] bias, double[] velocity, double[] gradient, double momentum) {
        for (int k = 0; k < bias.length; k++) {
            velocity[k] = momentum * velocity[k] + rate * gradient[k];
            bias[k] += velocity[k];
        }
    }

    private void hiddenProbabilities(double[] v, int n, double[] out) {
        Dense.affine(v, 0, n, nv, rbm.w, rbm.b, nh, out);
        Activation.SIGMOID.applyInPlace(out, 0, n * nh);
    }

    /** Binary states: 1 where a uniform draw falls below the probability (§3.1). */
    private void sample(double[] probabilities, int count, double[] states) {
        for (int k = 0; k < count; k++) {
            states[k] = rnd.nextDouble() < probabilities[k] ? 1.0 : 0.0;
        }
    }
}
