package org.ssm.algorithms.learning;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ssm.algorithms.neural.BpnnParameters;
import org.ssm.algorithms.neural.BpnnTrainer;
import org.ssm.algorithms.neural.DbnParameters;
import org.ssm.algorithms.neural.DbnTrainer;
import org.ssm.core.ParameterException;

/**
 * The learning methods by name: each maps the client's {@link TrainerOptions} to a configured
 * {@link RegressorTrainer}. Adding a method is one line in {@link #METHODS}.
 */
public final class Trainers {

    /** Method name → trainer factory, in the order they are offered to clients. */
    private static final Map<String, Function<TrainerOptions, RegressorTrainer>> METHODS = new LinkedHashMap<>();

    static {
        METHODS.put(RandomForestTrainer.METHOD, o -> new RandomForestTrainer(RandomForestParameters.from(o)));
        METHODS.put(GradientBoostingTrainer.METHOD, o -> new GradientBoostingTrainer(BoostingParameters.from(o)));
        METHODS.put(DbnTrainer.METHOD, o -> new DbnTrainer(DbnParameters.from(o)));
        METHODS.put(BpnnTrainer.METHOD, o -> new BpnnTrainer(BpnnParameters.from(o)));
        METHODS.put("MSR", org.ssm.algorithms.regression.StepwiseRegression::of);
        METHODS.put("GPR", org.ssm.algorithms.regression.GaussianProcessRegression::of);
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
