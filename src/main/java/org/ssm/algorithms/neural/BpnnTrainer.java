package org.ssm.algorithms.neural;

import java.util.SplittableRandom;
import org.ssm.algorithms.learning.ParameterisedTrainer;
import org.ssm.algorithms.learning.TrainingSet;
import org.ssm.core.Monitor;

/**
 * Back-propagation neural network regression, the BPNN against which paper B (§3.4, SI Text S3)
 * compares its DBN, after Rumelhart, Hinton &amp; Williams (1986): on z-scored predictors and target,
 * the hidden layers start from random weights (Glorot &amp; Bengio 2010) and the network with a linear
 * output unit is trained by back-propagation ({@link BackpropParameters}). It differs from
 * {@link DbnTrainer} only in the starting weights of the hidden layers, so a comparison of the two
 * with the same layers measures what RBM pre-training adds.
 *
 * <p>Deterministic: one seed drives the held-out rows, the initial weights and the batch order, and
 * training runs on one thread. Progress is one checkpoint per epoch.
 */
public final class BpnnTrainer extends ParameterisedTrainer<BpnnParameters> {

    /** The method name. */
    public static final String METHOD = "BPNN";

    public BpnnTrainer(BpnnParameters parameters) {
        super(METHOD, parameters, "BpnnParameters");
    }

    @Override
    public MlpRegressor fit(TrainingSet data, Monitor monitor) {
        return train(data, monitor).model();
    }

    /** Trains the BPNN on normalised {@code data}, keeping the history of its training. */
    public NetworkFit train(TrainingSet data, Monitor monitor) {
        BpnnParameters p = parameters;
        SplittableRandom root = new SplittableRandom(p.seed());
        SplittableRandom holdOut = root.split();
        SplittableRandom weights = root.split();
        SplittableRandom batches = root.split();
        TrainingData split = TrainingData.split(data, p.training(), holdOut);
        Progress progress = new Progress(monitor, p.training().epochs());
        Mlp net = new Mlp(HiddenLayers.network(data.columns(), p.hiddenLayers()), p.activation());
        for (int l = 0; l < net.depth(); l++) {
            net.initialiseRandomly(l, weights);
        }
        BackpropTrainer trainer = new BackpropTrainer(net, p.training(), batches);
        trainer.run(split.train, split.validation, progress);
        return new NetworkFit(net.toRegressor(), new double[0][], trainer.trainingRmse, trainer.validationRmse,
                trainer.bestEpoch, split.train.rows(), split.validation == null ? 0 : split.validation.rows());
    }
}
