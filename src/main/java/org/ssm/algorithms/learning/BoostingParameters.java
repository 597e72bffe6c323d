package org.ssm.algorithms.learning;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ssm.core.ParameterException;

/**
 * The parameters of gradient-boosted regression trees with least-squares loss (Friedman 2001,
 * 2002), set as LightGBM sets them by default (the GBDT of paper C): many small trees grown best
 * leaf first up to {@code maxNodes} leaves, a small learning rate and row subsampling.
 *
 * @param trees number of boosting stages (trees)
 * @param shrinkage learning rate ν: each tree's contribution is scaled by it
 * @param maxDepth deepest split path (LightGBM's {@code max_depth})
 * @param maxNodes most leaves per tree (LightGBM's {@code num_leaves})
 * @param nodeSize fewest training rows in a leaf (LightGBM's {@code min_data_in_leaf})
 * @param subsample fraction of the rows drawn without replacement for each tree (stochastic
 *     gradient boosting, Friedman 2002; LightGBM's {@code bagging_fraction})
 * @param seed seed of the row draws
 */
public record BoostingParameters(int trees, double shrinkage, int maxDepth, int maxNodes, int nodeSize,
        double subsample, long seed) {

    public static final int DEFAULT_TREES = 200;
    public static final double DEFAULT_SHRINKAGE = 0.1;
    public static final int DEFAULT_MAX_DEPTH = 8;
    public static final int DEFAULT_MAX_NODES = 31;
    public static final int DEFAULT_NODE_SIZE = 20;
    public static final double DEFAULT_SUBSAMPLE = 0.8;
    public static final long DEFAULT_SEED = 1;
    public static final int MAX_TREES = 20_000;

    public BoostingParameters {
        ParameterException.requireInRange("trees", trees, 1, MAX_TREES);
        if (!(shrinkage > 0 && shrinkage <= 1)) {
            throw new ParameterException("shrinkage", shrinkage, "a number in (0, 1]");
        }
        ParameterException.requireInRange("maxDepth", maxDepth, 2, RandomForestParameters.MAX_DEPTH);
        ParameterException.requireInRange("maxNodes", maxNodes, 2, 1 << 16);
        ParameterException.requireInRange("nodeSize", nodeSize, 1, 1_000_000);
        if (!(subsample > 0 && subsample <= 1)) {
            throw new ParameterException("subsample", subsample, "a number in (0, 1]");
        }
    }

    /** Every default. */
    public static BoostingParameters defaults() {
        return from(TrainerOptions.DEFAULTS);
    }

    /** The parameters named in {@code options}, defaults for the others. */
    public static BoostingParameters from(TrainerOptions options) {
        return new BoostingParameters(options.integer("trees", DEFAULT_TREES),
                options.number("shrinkage", DEFAULT_SHRINKAGE), options.integer("maxDepth", DEFAULT_MAX_DEPTH),
                options.integer("maxNodes", DEFAULT_MAX_NODES), options.integer("nodeSize", DEFAULT_NODE_SIZE),
                options.number("subsample", DEFAULT_SUBSAMPLE), options.longInteger("seed", DEFAULT_SEED));
    }

    /** The parameters by public name. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trees", trees);
        m.put("shrinkage", shrinkage);
        m.put("maxDepth", maxDepth);
        m.put("maxNodes", maxNodes);
        m.put("nodeSize", nodeSize);
        m.put("subsample", subsample);
        m.put("seed", seed);
        return m;
    }
}
