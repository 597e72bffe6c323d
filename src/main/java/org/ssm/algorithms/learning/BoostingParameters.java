package org.ssm.algorithms.learning;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ssm.core.ParameterException;

/**
 * The parameters of gradient-boosted regression trees with least-squares loss (Friedman 2001,
 * 2002), set like LightGBM, the GBDT of paper C (its abstract names LightGBM and gives no
 * settings, so the defaults are LightGBM's documented ones where Smile has the same knob): trees
 * grown best leaf first up to 31 leaves ({@code num_leaves}), learning rate 0.1
 * ({@code learning_rate}), at least 20 rows per leaf ({@code min_data_in_leaf}). Two defaults
 * differ from LightGBM's and say so: row subsampling 0.8 (LightGBM's {@code bagging_fraction} is 1,
 * i.e. off; Friedman 2002 finds 0.5–0.8 better than 1, and it makes the seed meaningful), and a
 * depth cap of 8 (LightGBM's {@code max_depth} is unlimited; 31 leaves grown best-first rarely go
 * deeper, and the cap bounds the prediction walk). 200 trees as issue 5 asks (LightGBM: 100).
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
        double subsample, long seed) implements TrainerParameters {

    /** 200 boosting stages (issue 5). */
    public static final int DEFAULT_TREES = 200;
    /** LightGBM's default {@code learning_rate} (paper C's GBDT is LightGBM). */
    public static final double DEFAULT_SHRINKAGE = 0.1;
    /** A cap on the leaf-wise growth (LightGBM's {@code max_depth} default is unlimited). */
    public static final int DEFAULT_MAX_DEPTH = 8;
    /** LightGBM's default {@code num_leaves}. */
    public static final int DEFAULT_MAX_NODES = 31;
    /** LightGBM's default {@code min_data_in_leaf}. */
    public static final int DEFAULT_NODE_SIZE = 20;
    /** Stochastic gradient boosting (Friedman 2002), LightGBM's {@code bagging_fraction} set to 0.8. */
    public static final double DEFAULT_SUBSAMPLE = 0.8;
    /** Any fixed seed: models are reproducible unless the client asks for another. */
    public static final long DEFAULT_SEED = 1;
    /** Bound that keeps a model document and its prediction time reasonable. */
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

    /** These parameters with {@code trees} replaced. */
    public BoostingParameters withTrees(int trees) {
        return new BoostingParameters(trees, shrinkage, maxDepth, maxNodes, nodeSize, subsample, seed);
    }

    /** These parameters with {@code shrinkage} replaced. */
    public BoostingParameters withShrinkage(double shrinkage) {
        return new BoostingParameters(trees, shrinkage, maxDepth, maxNodes, nodeSize, subsample, seed);
    }

    /** These parameters with {@code maxDepth} replaced. */
    public BoostingParameters withMaxDepth(int maxDepth) {
        return new BoostingParameters(trees, shrinkage, maxDepth, maxNodes, nodeSize, subsample, seed);
    }

    /** These parameters with {@code maxNodes} replaced. */
    public BoostingParameters withMaxNodes(int maxNodes) {
        return new BoostingParameters(trees, shrinkage, maxDepth, maxNodes, nodeSize, subsample, seed);
    }

    /** These parameters with {@code nodeSize} replaced. */
    public BoostingParameters withNodeSize(int nodeSize) {
        return new BoostingParameters(trees, shrinkage, maxDepth, maxNodes, nodeSize, subsample, seed);
    }

    /** These parameters with {@code subsample} replaced. */
    public BoostingParameters withSubsample(double subsample) {
        return new BoostingParameters(trees, shrinkage, maxDepth, maxNodes, nodeSize, subsample, seed);
    }

    /** These parameters with {@code seed} replaced. */
    public BoostingParameters withSeed(long seed) {
        return new BoostingParameters(trees, shrinkage, maxDepth, maxNodes, nodeSize, subsample, seed);
    }

    /** The parameters named in {@code options}, defaults for the others. */
    public static BoostingParameters from(TrainerOptions options) {
        return new BoostingParameters(options.integer("trees", DEFAULT_TREES),
                options.number("shrinkage", DEFAULT_SHRINKAGE), options.integer("maxDepth", DEFAULT_MAX_DEPTH),
                options.integer("maxNodes", DEFAULT_MAX_NODES), options.integer("nodeSize", DEFAULT_NODE_SIZE),
                options.number("subsample", DEFAULT_SUBSAMPLE), options.longInteger("seed", DEFAULT_SEED));
    }

    /** The parameters by public name. */
    @Override
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
