package org.ssm.algorithms.neural;

import java.util.Map;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.core.ParameterException;

/**
 * How each RBM of a DBN is pre-trained by contrastive divergence (paper B §3.4: "The pre-training
 * step extracts significant features from the predictor variables, starting from the input layer to
 * the hidden layer of the last RBM without supervision"). Paper B gives no values; the defaults
 * follow Hinton (2010), "A practical guide to training restricted Boltzmann machines" (UTML TR
 * 2010-003), section numbers below, and the code of Hinton &amp; Salakhutdinov (2006).
 *
 * @param epochs passes over the training rows per RBM; 0: no pre-training, the network starts from
 *     the RBMs' small random initial weights ({@code pretrainingEpochs})
 * @param batchSize rows per weight update, §4: 10 to 100 ({@code pretrainingBatchSize})
 * @param learningRate for RBMs with binary visible units; Hinton &amp; Salakhutdinov 2006: 0.1
 *     ({@code pretrainingLearningRate})
 * @param gaussianLearningRate for the first RBM, whose visible units are Gaussian: "one or two
 *     orders of magnitude smaller" (§13.2) ({@code gaussianLearningRate})
 * @param momentum momentum after the first {@value #WARM_UP_EPOCHS} epochs, which use 0.5 or this if
 *     smaller; §9: 0.5 at first, then 0.9 ({@code pretrainingMomentum})
 * @param l2 weight cost, the coefficient of the L2 penalty on the weights; §10: 0.01 to 0.00001,
 *     Hinton &amp; Salakhutdinov 2006: 0.0002 ({@code pretrainingL2})
 * @param cdSteps k of CD-k, the full steps of alternating Gibbs sampling per update, §3
 *     ({@code cdSteps})
 */
public record RbmParameters(int epochs, int batchSize, double learningRate, double gaussianLearningRate,
        double momentum, double l2, int cdSteps) {

    /** Epochs at the start of training with momentum 0.5 (§9). */
    public static final int WARM_UP_EPOCHS = 5;
    /** Momentum during the warm-up epochs (§9). */
    public static final double WARM_UP_MOMENTUM = 0.5;

    public static final int DEFAULT_EPOCHS = 20;
    public static final int DEFAULT_BATCH_SIZE = 32;
    public static final double DEFAULT_LEARNING_RATE = 0.1;
    public static final double DEFAULT_GAUSSIAN_LEARNING_RATE = 0.01;
    public static final double DEFAULT_MOMENTUM = 0.9;
    public static final double DEFAULT_L2 = 0.0002;
    public static final int DEFAULT_CD_STEPS = 1;

    public RbmParameters {
        ParameterException.requireInRange("pretrainingEpochs", epochs, 0, 100_000);
        ParameterException.requireInRange("pretrainingBatchSize", batchSize, 1, 1_000_000);
        requireRate("pretrainingLearningRate", learningRate);
        requireRate("gaussianLearningRate", gaussianLearningRate);
        requireMomentum("pretrainingMomentum", momentum);
        ParameterException.requireInRange("pretrainingL2", l2, 0, 1);
        ParameterException.requireInRange("cdSteps", cdSteps, 1, 100);
    }

    /** Every default. */
    public static RbmParameters defaults() {
        return from(TrainerOptions.DEFAULTS);
    }

    /** The parameters named in {@code options}, defaults for the others. */
    public static RbmParameters from(TrainerOptions o) {
        return new RbmParameters(o.integer("pretrainingEpochs", DEFAULT_EPOCHS),
                o.integer("pretrainingBatchSize", DEFAULT_BATCH_SIZE),
                o.number("pretrainingLearningRate", DEFAULT_LEARNING_RATE),
                o.number("gaussianLearningRate", DEFAULT_GAUSSIAN_LEARNING_RATE),
                o.number("pretrainingMomentum", DEFAULT_MOMENTUM), o.number("pretrainingL2", DEFAULT_L2),
                o.integer("cdSteps", DEFAULT_CD_STEPS));
    }

    static void requireRate(String name, double rate) {
        if (!(rate > 0 && rate <= 10)) {
            throw new ParameterException(name, rate, "a number in (0, 10]");
        }
    }

    static void requireMomentum(String name, double momentum) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new ParameterException(name, momentum, "a number in [0, 1)");
        }
    }

    /** The momentum of epoch {@code epoch} (0-based). */
    double momentumAt(int epoch) {
        return epoch < WARM_UP_EPOCHS ? Math.min(WARM_UP_MOMENTUM, momentum) : momentum;
    }

    /** The parameters by public name. */
    void putInto(Map<String, Object> m) {
        m.put("pretrainingEpochs", epochs);
        m.put("pretrainingBatchSize", batchSize);
        m.put("pretrainingLearningRate", learningRate);
        m.put("gaussianLearningRate", gaussianLearningRate);
        m.put("pretrainingMomentum", momentum);
        m.put("pretrainingL2", l2);
        m.put("cdSteps", cdSteps);
    }

    public RbmParameters withEpochs(int value) {
        return new RbmParameters(value, batchSize, learningRate, gaussianLearningRate, momentum, l2, cdSteps);
    }

    public RbmParameters withCdSteps(int value) {
        return new RbmParameters(epochs, batchSize, learningRate, gaussianLearningRate, momentum, l2, value);
    }

    public RbmParameters withLearningRates(double binary, double gaussian) {
        return new RbmParameters(epochs, batchSize, binary, gaussian, momentum, l2, cdSteps);
    }
}
