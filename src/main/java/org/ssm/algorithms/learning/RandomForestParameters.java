package org.ssm.algorithms.learning;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ssm.core.ParameterException;

/**
 * The parameters of a random forest (Breiman 2001; the RF of paper B §3.4 and paper E §3.2.3).
 * Neither paper lists its settings: paper B §3.4 refers to Breiman (2001), and paper E §3.2.3
 * describes Breiman's forest, each tree grown on a bootstrap sample and split "completely" on the
 * best of m &lt; M randomly chosen predictors, the trees' outputs averaged. The defaults are
 * therefore Breiman's regression settings (as in the reference implementation, R's randomForest:
 * m = M/3, leaves of at least 5 rows, bootstrap samples) with 200 trees (issue 5) and Smile's depth
 * cap of 20 as a guard against degenerate data.
 *
 * @param trees number of trees
 * @param mtry predictors tried at each split, or 0 for a third of them (at least one), Breiman's
 *     choice for regression; values above the number of predictors use them all
 * @param maxDepth deepest split path
 * @param maxNodes most leaves per tree, or 0 for a fifth of the training rows (Smile's default,
 *     i.e. effectively unlimited with {@code nodeSize} 5)
 * @param nodeSize fewest training rows in a leaf
 * @param subsample 1 for bootstrap samples (with replacement, Breiman), or the fraction of rows
 *     drawn without replacement for each tree
 * @param seed seed of the bootstrap samples and the predictor draws
 */
public record RandomForestParameters(int trees, int mtry, int maxDepth, int maxNodes, int nodeSize, double subsample,
        long seed) implements TrainerParameters {

    /** 200 trees (issue 5; paper B §3.4 gives no number, Breiman's error stabilises well before). */
    public static final int DEFAULT_TREES = 200;
    /** 0 = M/3 predictors per split, Breiman's (2001) choice for regression (paper E §3.2.3: m &lt; M). */
    public static final int DEFAULT_MTRY = 0;
    /** Smile 2.6.0's default depth cap for forests. */
    public static final int DEFAULT_MAX_DEPTH = 20;
    /** 0 = a fifth of the rows, no binding limit with leaves of 5 rows: trees split "completely" (E §3.2.3). */
    public static final int DEFAULT_MAX_NODES = 0;
    /** Leaves of at least 5 rows, Breiman's regression setting. */
    public static final int DEFAULT_NODE_SIZE = 5;
    /** Bootstrap samples (Breiman 2001). */
    public static final double DEFAULT_SUBSAMPLE = 1.0;
    /** Any fixed seed: models are reproducible unless the client asks for another. */
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

    /** These parameters with {@code trees} replaced. */
    public RandomForestParameters withTrees(int trees) {
        return new RandomForestParameters(trees, mtry, maxDepth, maxNodes, nodeSize, subsample, seed);
    }

    /** These parameters with {@code mtry} replaced. */
    public RandomForestParameters withMtry(int mtry) {
        return new RandomForestParameters(trees, mtry, maxDepth, maxNodes, nodeSize, subsample, seed);
    }

    /** These parameters with {@code maxDepth} replaced. */
    public RandomForestParameters withMaxDepth(int maxDepth) {
        return new RandomForestParameters(trees, mtry, maxDepth, maxNodes, nodeSize, subsample, seed);
    }

    /** These parameters with {@code maxNodes} replaced. */
    public RandomForestParameters withMaxNodes(int maxNodes) {
        return new RandomForestParameters(trees, mtry, maxDepth, maxNodes, nodeSize, subsample, seed);
    }

    /** These parameters with {@code nodeSize} replaced. */
    public RandomForestParameters withNodeSize(int nodeSize) {
        return new RandomForestParameters(trees, mtry, maxDepth, maxNodes, nodeSize, subsample, seed);
    }

    /** These parameters with {@code subsample} replaced. */
    public RandomForestParameters withSubsample(double subsample) {
        return new RandomForestParameters(trees, mtry, maxDepth, maxNodes, nodeSize, subsample, seed);
    }

    /** These parameters with {@code seed} replaced. */
    public RandomForestParameters withSeed(long seed) {
        return new RandomForestParameters(trees, mtry, maxDepth, maxNodes, nodeSize, subsample, seed);
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
    @Override
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
