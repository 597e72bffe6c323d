package org.ssm.algorithms.neural;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.core.ParameterException;

/**
 * How a network is trained by back-propagation: the BPNN from random weights, the DBN's fine-tuning
 * from its pre-trained weights (paper B §3.4: "the weights and biases are further refined to obtain
 * more accurate predictions by the back-propagation algorithm"). Mini-batch gradient descent on the
 * mean squared error with classical momentum (Rumelhart, Hinton &amp; Williams 1986, eq. 9) and an L2
 * penalty on the weights, with early stopping: after each epoch the error on held-out rows is
 * measured, and the weights of the best epoch are kept once it has not improved for {@code patience}
 * epochs (Prechelt 1998, "Early stopping — but when?").
 *
 * <p>Paper B gives no training values; the defaults are common choices for standardised data:
 * learning rate 0.05 with momentum 0.9 (an effective step of 0.5), mini-batches of 32 rows, a small
 * weight decay, and up to 300 epochs, of which early stopping usually runs 50 to 150 on the twin
 * experiment.
 *
 * @param epochs the most passes over the training rows ({@code epochs})
 * @param batchSize rows per weight update ({@code batchSize})
 * @param learningRate step size on the gradient of the mean squared error of z-scored targets
 *     ({@code learningRate})
 * @param momentum fraction of the previous update added to each update ({@code momentum})
 * @param l2 coefficient λ of the penalty (λ/2) Σ w² on the weights, not the biases ({@code l2})
 * @param patience epochs without a better held-out error before stopping; 0 trains all epochs and
 *     keeps the last weights ({@code patience})
 * @param holdOut share of the training rows held out at random (from the seed) to decide early
 *     stopping; 0 holds out nothing and trains all epochs ({@code holdOut})
 */
public record BackpropParameters(int epochs, int batchSize, double learningRate, double momentum, double l2,
        int patience, double holdOut) {

    public static final int DEFAULT_EPOCHS = 300;
    public static final int DEFAULT_BATCH_SIZE = 32;
    public static final double DEFAULT_LEARNING_RATE = 0.05;
    public static final double DEFAULT_MOMENTUM = 0.9;
    public static final double DEFAULT_L2 = 0.0001;
    public static final int DEFAULT_PATIENCE = 30;
    public static final double DEFAULT_HOLD_OUT = 0.1;

    public BackpropParameters {
        ParameterException.requireInRange("epochs", epochs, 1, 100_000);
        ParameterException.requireInRange("batchSize", batchSize, 1, 1_000_000);
        RbmParameters.requireRate("learningRate", learningRate);
        RbmParameters.requireMomentum("momentum", momentum);
        ParameterException.requireInRange("l2", l2, 0, 1);
        ParameterException.requireInRange("patience", patience, 0, epochs);
        ParameterException.requireInRange("holdOut", holdOut, 0, 0.5);
    }

    /** Every default. */
    public static BackpropParameters defaults() {
        return from(TrainerOptions.DEFAULTS);
    }

    /** The parameters named in {@code options}, defaults for the others. */
    public static BackpropParameters from(TrainerOptions o) {
        int epochs = o.integer("epochs", DEFAULT_EPOCHS);
        // A short run given without a patience keeps the default only where it fits.
        int patience = o.has("patience") ? o.integer("patience", DEFAULT_PATIENCE)
                : Math.min(DEFAULT_PATIENCE, Math.max(0, epochs));
        return new BackpropParameters(epochs, o.integer("batchSize", DEFAULT_BATCH_SIZE),
                o.number("learningRate", DEFAULT_LEARNING_RATE), o.number("momentum", DEFAULT_MOMENTUM),
                o.number("l2", DEFAULT_L2), patience, o.number("holdOut", DEFAULT_HOLD_OUT));
    }

    /** Whether training stops early on held-out rows. */
    boolean stopsEarly() {
        return patience > 0 && holdOut > 0;
    }

    /** The parameters by public name. */
    void putInto(Map<String, Object> m) {
        m.put("epochs", epochs);
        m.put("batchSize", batchSize);
        m.put("learningRate", learningRate);
        m.put("momentum", momentum);
        m.put("l2", l2);
        m.put("patience", patience);
        m.put("holdOut", holdOut);
    }

    /** The parameters by public name. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        putInto(m);
        return m;
    }

    public BackpropParameters withEpochs(int value) {
        return new BackpropParameters(value, batchSize, learningRate, momentum, l2, Math.min(patience, value), holdOut);
    }

    public BackpropParameters withLearningRate(double value) {
        return new BackpropParameters(epochs, batchSize, value, momentum, l2, patience, holdOut);
    }

    public BackpropParameters withEarlyStopping(int newPatience, double newHoldOut) {
        return new BackpropParameters(epochs, batchSize, learningRate, momentum, l2, newPatience, newHoldOut);
    }
}
