package org.ssm.algorithms.neural;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.algorithms.learning.TrainerParameters;

/**
 * A deep belief network regressor (paper B §3.4, eq. 7; paper A): {@code hiddenLayers} RBMs stacked
 * on the predictors (the first with Gaussian visible units, the others Bernoulli-Bernoulli),
 * pre-trained greedily by CD-k, then the network with a linear output unit on top fine-tuned by
 * back-propagation. Paper B names no layer sizes; see docs/algorithms/dbn-bpnn.md for how the
 * default was chosen on the twin experiment.
 *
 * @param hiddenLayers units of each RBM's hidden layer, from the input up ({@code hiddenLayers})
 * @param pretraining how each RBM is trained
 * @param fineTuning how the whole network is then trained
 * @param seed of every random choice: initial weights, Gibbs samples, batch order, held-out rows
 *     ({@code seed})
 */
public record DbnParameters(int[] hiddenLayers, RbmParameters pretraining, BackpropParameters fineTuning,
        long seed) implements TrainerParameters {

    /** Two RBMs of 32 and 16 units. */
    public static final int[] DEFAULT_HIDDEN_LAYERS = {32, 16};
    public static final long DEFAULT_SEED = 1;

    public DbnParameters {
        hiddenLayers = HiddenLayers.check(HiddenLayers.OPTION, hiddenLayers);
        Objects.requireNonNull(pretraining, "pretraining");
        Objects.requireNonNull(fineTuning, "fineTuning");
    }

    /** Every default. */
    public static DbnParameters defaults() {
        return from(TrainerOptions.DEFAULTS);
    }

    /** The parameters named in {@code options}, defaults for the others. */
    public static DbnParameters from(TrainerOptions options) {
        return new DbnParameters(HiddenLayers.from(options, DEFAULT_HIDDEN_LAYERS), RbmParameters.from(options),
                BackpropParameters.from(options), options.longInteger("seed", DEFAULT_SEED));
    }

    /** The parameters by public name. */
    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(HiddenLayers.OPTION, HiddenLayers.list(hiddenLayers));
        pretraining.putInto(m);
        fineTuning.putInto(m);
        m.put("seed", seed);
        return m;
    }

    @Override
    public int[] hiddenLayers() {
        return hiddenLayers.clone();
    }

    public DbnParameters withSeed(long value) {
        return new DbnParameters(hiddenLayers, pretraining, fineTuning, value);
    }

    public DbnParameters withHiddenLayers(int... value) {
        return new DbnParameters(value, pretraining, fineTuning, seed);
    }

    public DbnParameters withPretraining(RbmParameters value) {
        return new DbnParameters(hiddenLayers, value, fineTuning, seed);
    }

    public DbnParameters withFineTuning(BackpropParameters value) {
        return new DbnParameters(hiddenLayers, pretraining, value, seed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DbnParameters p && Arrays.equals(hiddenLayers, p.hiddenLayers)
                && pretraining.equals(p.pretraining) && fineTuning.equals(p.fineTuning) && seed == p.seed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(hiddenLayers), pretraining, fineTuning, seed);
    }

    @Override
    public String toString() {
        return "DbnParameters" + toMap();
    }
}
