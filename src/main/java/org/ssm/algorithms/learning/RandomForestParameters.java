package org.ssm.algorithms.learning;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ssm.core.ParameterException;

/**
 * The parameters of a random forest (Breiman 2001; the RF of paper B §3.4 and paper E §3.2.3).
 *
 * @param trees number of trees
 * @param mtry predictors tried at each split, or 0 for a third of them (at least one), Breiman's
 *     choice for regression
 * @param maxDepth deepest split path
 * @param maxNodes most leaves per tree, or 0 for a fifth of the training rows (Smile's default,
 *     i.e. effectively unlimited with {@code nodeSize} 5)
 * @param nodeSize fewest training rows in a leaf
 * @param subsample 1 for bootstrap samples (with replacement, Breiman), or the fraction of rows
 *     drawn without replacement for each tree
 * @param seed seed of the bootstrap samples and the predictor draws
 */
public record RandomForestParameters(int trees, int mtry, int maxDepth, int maxNodes, int nodeSize, double subsample,
        long seed) {

    public static final int DEFAULT_TREES = 200;
    public static final int DEFAULT_MTRY = 0;
    public static final int DEFAULT_MAX_DEPTH = 20;
    public static final int DEFAULT_MAX_NODES = 0;
    public static final int DEFAULT_NODE_SIZE = 5;
    public static final double DEFAULT_SUBSAMPLE = 1.0;
    public static final long DEFAULT_SEED = 1;
    /** Bounds that keep a forest's model document and its prediction time reasonable. */
    public static final int MAX_TREES = 5000;
    public static final int MAX_DEPTH = 64;

    public RandomForestParameters {
        ParameterException.requireInRange("trees", trees, 1, MAX_TREES);
        ParameterException.requireInRange("mtry", mtry, 0, 10_000);
        ParameterException.requireInRange("maxDepth", maxDepth, 2, MAX_DEPTH);
        if (maxNodes != 0 && maxNodes < 2) {
            throw new ParameterException("maxNodes", maxNodes, "0 (a fifth of the rows) or an integer >= 2");
        }
        ParameterException.requireInRange("nodeSize", nodeSize, 1, 1_000_000);
        if (!(subsample > 0 && subsample <= 1)) {
            throw new ParameterException("subsample", subsample, "a number in (0, 1]");
        }
    }

    /** Every default. */
    public static RandomForestParameters defaults() {
        return from(TrainerOptions.DEFAULTS);
    }

    /** The parameters named in {@code options}, defaults for the others. */
    public static RandomForestParameters from(TrainerOptions options) {
        return new RandomForestParameters(options.integer("trees", DEFAULT_TREES), options.integer("mtry", DEFAULT_MTRY),
                options.integer("maxDepth", DEFAULT_MAX_DEPTH), options.integer("maxNodes", DEFAULT_MAX_NODES),
                options.integer("nodeSize", DEFAULT_NODE_SIZE), options.number("subsample", DEFAULT_SUBSAMPLE),
                options.longInteger("seed", DEFAULT_SEED));
    }

    /** The predictors tried per split for {@code columns} predictors. */
    public int mtryFor(int columns) {
        return mtry == 0 ? Math.max(1, columns / 3) : Math.min(mtry, columns);
    }

    /** The leaf limit for {@code rows} training rows. */
    public int maxNodesFor(int rows) {
        return maxNodes == 0 ? Math.max(2, rows / 5) : maxNodes;
    }

    /** The parameters by public name. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trees", trees);
        m.put("mtry", mtry);
        m.put("maxDepth", maxDepth);
        m.put("maxNodes", maxNodes);
        m.put("nodeSize", nodeSize);
        m.put("subsample", subsample);
        m.put("seed", seed);
        return m;
    }
}
