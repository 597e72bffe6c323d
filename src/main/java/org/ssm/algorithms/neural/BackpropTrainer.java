package org.ssm.algorithms.neural;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Mini-batch gradient descent with momentum and weight decay on an {@link Mlp}, with early stopping
 * on a validation set ({@link BackpropParameters}). Single-threaded, so a seed fixes the result
 * (paper B §3.4, fine-tuning; Rumelhart, Hinton &amp; Williams 1986).
 */
final class BackpropTrainer {

    /** Rows per block when measuring the validation error. */
    private static final int EVALUATION_BLOCK = 256;

    private final Mlp net;
    private final BackpropParameters p;
    private final SplittableRandom rnd;

    double[] trainingRmse;
    double[] validationRmse;
    int bestEpoch;

    BackpropTrainer(Mlp net, BackpropParameters p, SplittableRandom rnd) {
        this.net = net;
        this.p = p;
        this.rnd = rnd;
    }

    /**
     * Trains {@code net} on normalised data; RMSEs are in units of the target's standard deviation.
     * With a validation set and {@code patience > 0}, leaves the weights of the best epoch.
     */
    void run(Samples train, Samples validation, Progress progress) {
        int rows = train.rows();
        int columns = train.columns();
        int batch = Math.min(p.batchSize(), rows);
        Mlp.Workspace ws = net.new Workspace(batch);
        Mlp.Workspace eval = validation == null ? null : net.new Workspace(EVALUATION_BLOCK);
        double[] yb = new double[batch];
        int depth = net.depth();
        double[][] vw = new double[depth][];
        double[][] vb = new double[depth][];
        for (int l = 0; l < depth; l++) {
            vw[l] = new double[net.w[l].length];
            vb[l] = new double[net.b[l].length];
        }
        boolean early = validation != null && p.patience() > 0;
        Mlp best = early ? net.copy() : null;
        double bestError = Double.POSITIVE_INFINITY;
        int[] order = Shuffle.identity(rows);
        double[] trainHistory = new double[p.epochs()];
        double[] validHistory = new double[validation == null ? 0 : p.epochs()];
        int run = 0;
        bestEpoch = p.epochs();
        for (int epoch = 0; epoch < p.epochs(); epoch++) {
            Shuffle.permute(order, rnd);
            double loss = 0;
            for (int start = 0; start < rows; start += batch) {
                int n = Math.min(batch, rows - start);
                Shuffle.gather(train.x(), columns, order, start, n, ws.a[0]);
                for (int k = 0; k < n; k++) {
                    yb[k] = train.y()[order[start + k]];
                }
                loss += ws.gradient(yb, n) * n;
                update(ws, vw, vb);
            }
            trainHistory[epoch] = Math.sqrt(2 * loss / rows);
            run = epoch + 1;
            if (validation != null) {
                double e = rmse(eval, validation);
                validHistory[epoch] = e;
                if (early && e < bestError) {
                    bestError = e;
                    bestEpoch = epoch + 1;
                    best.copyFrom(net);
                }
            }
            progress.epochDone();
            if (early && epoch + 1 - bestEpoch >= p.patience()) {
                progress.skip(p.epochs() - run);
                break;
            }
        }
        if (early) {
            net.copyFrom(best);
        } else {
            bestEpoch = run;
        }
        trainingRmse = Arrays.copyOf(trainHistory, run);
        validationRmse = Arrays.copyOf(validHistory, validation == null ? 0 : run);
    }

    /** v ← μ v − η (g + λ w), w ← w + v; biases without the weight decay. */
    private void update(Mlp.Workspace ws, double[][] vw, double[][] vb) {
        double mu = p.momentum();
        double eta = p.learningRate();
        double lambda = p.l2();
        for (int l = 0; l < net.depth(); l++) {
            double[] w = net.w[l];
            double[] g = ws.gw[l];
            double[] v = vw[l];
            for (int k = 0; k < w.length; k++) {
                v[k] = mu * v[k] - eta * (g[k] + lambda * w[k]);
                w[k] += v[k];
            }
            double[] b = net.b[l];
            double[] gb = ws.gb[l];
            double[] u = vb[l];
            for (int k = 0; k < b.length; k++) {
                u[k] = mu * u[k] - eta * gb[k];
                b[k] += u[k];
            }
        }
    }

    /** RMSE of the network on {@code s}. */
    private static double rmse(Mlp.Workspace eval, Samples s) {
        int p = s.columns();
        double sum = 0;
        for (int start = 0; start < s.rows(); start += EVALUATION_BLOCK) {
            int n = Math.min(EVALUATION_BLOCK, s.rows() - start);
            System.arraycopy(s.x(), start * p, eval.a[0], 0, n * p);
            double[] out = eval.forward(n);
            for (int k = 0; k < n; k++) {
                double e = out[k] - s.y()[start + k];
                sum += e * e;
            }
        }
        return Math.sqrt(sum / s.rows());
    }
}
