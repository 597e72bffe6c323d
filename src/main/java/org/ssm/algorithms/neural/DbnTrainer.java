package org.ssm.algorithms.neural;

import java.util.SplittableRandom;
import org.ssm.algorithms.learning.ParameterisedTrainer;
import org.ssm.algorithms.learning.TrainingSet;
import org.ssm.core.Monitor;

/**
 * Deep belief network regression, paper B §3.4 (eq. 7: SSM = f(SMAP SSM, ERA-5 SSM, LST, NDVI,
 * albedo, precipitation, DOY), f the DBN) and paper A, after Hinton &amp; Salakhutdinov (2006):
 *
 * <ol>
 *   <li>the predictors and the target arrive z-scored ({@link org.ssm.algorithms.learning.ModelFitting});</li>
 *   <li><b>pre-training</b>: a stack of RBMs is trained greedily, "starting from the input layer to
 *       the hidden layer of the last RBM without supervision" (B §3.4): the first RBM has Gaussian
 *       visible units on the predictors, each next one Bernoulli visible units on the hidden
 *       probabilities of the one below, each trained by CD-k ({@link Rbm}, B eq. 6);</li>
 *   <li><b>fine-tuning</b>: the RBMs' weights and hidden biases become the hidden layers of a
 *       feed-forward network of logistic units, topped by one linear output unit ("one
 *       back-propagation (BP) layer", B §3.4) initialised at random, and the whole network is
 *       trained by back-propagation on the mean squared error ({@link BackpropParameters}).</li>
 * </ol>
 *
 * <p>Deterministic: one seed drives the held-out rows, the RBMs and the fine-tuning through
 * independent {@link SplittableRandom#split() split} streams, and training runs on one thread.
 * Progress is one checkpoint per epoch of every RBM and of the fine-tuning.
 */
public final class DbnTrainer extends ParameterisedTrainer<DbnParameters> {

    /** The method name. */
    public static final String METHOD = "DBN";

    public DbnTrainer(DbnParameters parameters) {
        super(METHOD, parameters, "DbnParameters");
    }

    @Override
    public MlpRegressor fit(TrainingSet data, Monitor monitor) {
        return train(data, monitor).model();
    }

    /** Trains the DBN on normalised {@code data}, keeping the history of its training. */
    public NetworkFit train(TrainingSet data, Monitor monitor) {
        DbnParameters p = parameters;
        SplittableRandom root = new SplittableRandom(p.seed());
        SplittableRandom holdOut = root.split();
        SplittableRandom pretraining = root.split();
        SplittableRandom fineTuning = root.split();
        TrainingData split = TrainingData.split(data, p.fineTuning(), holdOut);
        int[] hidden = p.hiddenLayers();
        Progress progress = new Progress(monitor,
                (long) hidden.length * p.pretraining().epochs() + p.fineTuning().epochs());

        Mlp net = new Mlp(HiddenLayers.network(data.columns(), hidden), Activation.SIGMOID);
        double[][] errors = new double[hidden.length][];
        // The RBMs see the training rows only: the held-out rows judge the whole model.
        double[] input = split.train.x();
        int rows = split.train.rows();
        for (int l = 0; l < hidden.length; l++) {
            Rbm.Visible kind = l == 0 ? Rbm.Visible.GAUSSIAN : Rbm.Visible.BERNOULLI;
            Samples layerData = Samples.unlabelled(input, rows, net.layers[l]);
            Rbm rbm = Rbm.train(layerData, kind, hidden[l], p.pretraining(), pretraining, progress);
            System.arraycopy(rbm.w, 0, net.w[l], 0, rbm.w.length);
            System.arraycopy(rbm.b, 0, net.b[l], 0, rbm.b.length);
            errors[l] = rbm.reconstructionErrors();
            if (l + 1 < hidden.length) {
                input = rbm.hiddenProbabilities(input, rows);
            }
        }
        net.initialiseRandomly(hidden.length, fineTuning);

        BackpropTrainer trainer = new BackpropTrainer(net, p.fineTuning(), fineTuning);
        trainer.run(split.train, split.validation, progress);
        return new NetworkFit(net.toRegressor(), errors, trainer.trainingRmse, trainer.validationRmse,
                trainer.bestEpoch, split.train.rows(), split.validation == null ? 0 : split.validation.rows());
    }
}
