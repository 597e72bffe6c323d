package org.ssm.algorithms.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.ssm.core.ParameterException;

/**
 * Reads regressors back from their JSON form, dispatching on the {@code "type"} key. Each kind of
 * model registers its reader once (in a static initialiser of the class that implements it, listed
 * in {@link #KNOWN}), so that a stored model can be applied without knowing how it was trained.
 */
public final class Models {

    private static final Map<String, Function<Map<String, Object>, Regressor>> READERS = new ConcurrentHashMap<>();

    /**
     * Classes whose static initialisers register readers; loaded before the first look-up so that
     * a model can be read in a JVM that never trained one.
     */
    private static final String[] KNOWN = {
        "org.ssm.algorithms.learning.TreeEnsemble",
        "org.ssm.algorithms.regression.PolynomialRegressor",
        "org.ssm.algorithms.regression.GaussianProcessRegressor",
        "org.ssm.algorithms.neural.MlpRegressor",
    };

    private Models() {}

    /** Registers the reader of models of {@code type}. */
    public static void register(String type, Function<Map<String, Object>, Regressor> reader) {
        READERS.put(type, reader);
    }

    /** The regressor described by {@code json}; errors name {@code parameter}. */
    public static Regressor regressor(String parameter, Map<String, Object> json) {
        loadKnown();
        Object type = json.get("type");
        Function<Map<String, Object>, Regressor> reader = type == null ? null : READERS.get(type.toString());
        if (reader == null) {
            throw new ParameterException(parameter, type, "a model type among " + READERS.keySet());
        }
        try {
            return reader.apply(json);
        } catch (ClassCastException | NullPointerException | IndexOutOfBoundsException e) {
            throw ParameterException.because(parameter, "the " + type + " model is malformed (" + e + ")");
        }
    }

    private static void loadKnown() {
        for (String name : KNOWN) {
            try {
                Class.forName(name, true, Models.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("model class " + name + " is missing", e);
            }
        }
    }
}
