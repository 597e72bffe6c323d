package org.ssm.algorithms.methods;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ssm.algorithms.learning.BoostingParameters;
import org.ssm.algorithms.learning.GradientBoostingTrainer;
import org.ssm.algorithms.learning.RandomForestParameters;
import org.ssm.algorithms.learning.RandomForestTrainer;
import org.ssm.algorithms.learning.RegressorTrainer;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.algorithms.neural.BpnnParameters;
import org.ssm.algorithms.neural.BpnnTrainer;
import org.ssm.algorithms.neural.DbnParameters;
import org.ssm.algorithms.neural.DbnTrainer;
import org.ssm.algorithms.regression.GaussianProcessRegression;
import org.ssm.algorithms.regression.StepwiseRegression;
import org.ssm.core.ParameterException;

/**
 * The learning methods by name: each maps the client's {@link TrainerOptions} to a configured
 * {@link RegressorTrainer}. Adding a method is one line in {@link #METHODS}. The registry sits in a
 * package of its own, above the packages that implement the methods ({@code learning},
 * {@code neural}, {@code regression}), so that none of those depends on another through it.
 */
public final class Trainers {

    /** Method name → trainer factory, in the order they are offered to clients. */
    private static final Map<String, Function<TrainerOptions, RegressorTrainer>> METHODS = new LinkedHashMap<>();

    static {
        METHODS.put(RandomForestTrainer.METHOD, o -> new RandomForestTrainer(RandomForestParameters.from(o)));
        METHODS.put(GradientBoostingTrainer.METHOD, o -> new GradientBoostingTrainer(BoostingParameters.from(o)));
        METHODS.put(DbnTrainer.METHOD, o -> new DbnTrainer(DbnParameters.from(o)));
        METHODS.put(BpnnTrainer.METHOD, o -> new BpnnTrainer(BpnnParameters.from(o)));
        METHODS.put("MSR", StepwiseRegression::of);
        METHODS.put("GPR", GaussianProcessRegression::of);
    }

    private Trainers() {}

    /** The method names, e.g. RF, GBDT. */
    public static Set<String> methods() {
        return java.util.Collections.unmodifiableSet(METHODS.keySet());
    }

    /**
     * The trainer of {@code method} configured by {@code options}; an unknown method fails naming
     * {@code parameter}, a bad option fails naming that option.
     */
    public static RegressorTrainer create(String parameter, String method, TrainerOptions options) {
        Function<TrainerOptions, RegressorTrainer> factory = method == null ? null : METHODS.get(method.strip().toUpperCase(java.util.Locale.ROOT));
        if (factory == null) {
            throw new ParameterException(parameter, method, "one of " + String.join(", ", METHODS.keySet()));
        }
        return factory.apply(options);
    }
}
