package org.ssm.algorithms.neural;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.algorithms.learning.TrainerParameters;

/**
 * A back-propagation neural network regressor, the BPNN of paper B's comparison (§3.4 and SI Text
 * S3, after Rumelhart, Hinton &amp; Williams 1986): hidden layers from random weights, trained by
 * back-propagation, with a linear output unit. The defaults are those of {@link DbnParameters}, so
 * that the two differ only in the starting weights and a comparison measures what pre-training adds.
 *
 * @param hiddenLayers units of each hidden layer, from the input up ({@code hiddenLayers})
 * @param activation of the hidden units ({@code activation}: "sigmoid" or "tanh")
 * @param training how the network is trained
 * @param seed of every random choice: initial weights, batch order, held-out rows ({@code seed})
 */
public record BpnnParameters(int[] hiddenLayers, Activation activation, BackpropParameters training,
        long seed) implements TrainerParameters {

    /** As the DBN's. */
    public static final int[] DEFAULT_HIDDEN_LAYERS = DbnParameters.DEFAULT_HIDDEN_LAYERS;
    /** The logistic function of Rumelhart, Hinton &amp; Williams (1986) and of the DBN's units. */
    public static final Activation DEFAULT_ACTIVATION = Activation.SIGMOID;
    public static final long DEFAULT_SEED = 1;

    public BpnnParameters {
        hiddenLayers = HiddenLayers.check(HiddenLayers.OPTION, hiddenLayers);
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(training, "training");
    }

    /** Every default. */
    public static BpnnParameters defaults() {
        return from(TrainerOptions.DEFAULTS);
    }

    /** The parameters named in {@code options}, defaults for the others. */
    public static BpnnParameters from(TrainerOptions options) {
        Activation activation = options.has("activation")
                ? Activation.of("activation", options.text("activation", null)) : DEFAULT_ACTIVATION;
        return new BpnnParameters(HiddenLayers.from(options, DEFAULT_HIDDEN_LAYERS), activation,
                BackpropParameters.from(options), options.longInteger("seed", DEFAULT_SEED));
    }

    /** The parameters by public name. */
    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(HiddenLayers.OPTION, HiddenLayers.list(hiddenLayers));
        m.put("activation", activation.label());
        training.putInto(m);
        m.put("seed", seed);
        return m;
    }

    @Override
    public int[] hiddenLayers() {
        return hiddenLayers.clone();
    }

    public BpnnParameters withSeed(long value) {
        return new BpnnParameters(hiddenLayers, activation, training, value);
    }

    public BpnnParameters withHiddenLayers(int... value) {
        return new BpnnParameters(value, activation, training, seed);
    }

    public BpnnParameters withActivation(Activation value) {
        return new BpnnParameters(hiddenLayers, value, training, seed);
    }

    public BpnnParameters withTraining(BackpropParameters value) {
        return new BpnnParameters(hiddenLayers, activation, value, seed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BpnnParameters p && Arrays.equals(hiddenLayers, p.hiddenLayers)
                && activation == p.activation && training.equals(p.training) && seed == p.seed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(hiddenLayers), activation, training, seed);
    }

    @Override
    public String toString() {
        return "BpnnParameters" + toMap();
    }
}
