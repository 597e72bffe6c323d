package org.ssm.algorithms.learning;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.ssm.algorithms.model.Regressor;
import org.ssm.core.Monitor;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.regression.RandomForest;
import smile.regression.RegressionTree;

/**
 * Random forest regression (Breiman 2001), the RF of paper B §3.4 (compared with the DBN of eq. 7)
 * and of paper E §3.2.3: trees grown by Smile 2.6.0's {@code RandomForest} on bootstrap samples,
 * each split chosen among {@code mtry} random predictors, and the forest averaged; then exported to
 * a {@link TreeEnsemble}.
 *
 * <p>Every tree has its own seed, drawn from the parameters' seed, so a tree depends on that seed
 * and the data only: Smile reseeds its per-thread generator ({@code MathEx.setSeed}) with the
 * tree's seed before drawing the tree's bootstrap sample and, at each split, the {@code mtry}
 * predictors, all on the thread that grows the tree. The trees are grown in batches (each batch in
 * parallel inside Smile) so that progress is reported and cancellation honoured between batches;
 * batch sizes and thread counts do not change the forest (tested).
 *
 * <p>Known Smile 2.6.0 behaviour, harmless here: {@code MathEx.setSeed} records every seed in a
 * static set (about 200 longs per forest, never released) and its out-of-bag statistics, which
 * this export ignores, are summed without synchronisation.
 */
public final class RandomForestTrainer extends ParameterisedTrainer<RandomForestParameters> {

    /** The method name. */
    public static final String METHOD = "RF";

    public RandomForestTrainer(RandomForestParameters parameters) {
        super(METHOD, parameters, "RandomForestParameters");
    }

    @Override
    public Regressor fit(TrainingSet data, Monitor monitor) {
        return fitSmile(data, monitor).ensemble();
    }

    /** Smile's forest and its export. */
    record Fit(RandomForest forest, DataFrame frame, TreeEnsemble ensemble) {}

    Fit fitSmile(TrainingSet data, Monitor monitor) {
        if (data.rows() < 2) {
            throw new IllegalArgumentException("a random forest needs at least 2 training rows, not " + data.rows());
        }
        DataFrame frame = SmileTrees.predictors(data).merge(DoubleVector.of(SmileTrees.RESPONSE, data.targets()));
        Formula formula = Formula.lhs(SmileTrees.RESPONSE);
        int trees = parameters.trees();
        long[] seeds = treeSeeds(parameters.seed(), trees);
        int batch = 2 * Math.max(1, Runtime.getRuntime().availableProcessors());
        int mtry = parameters.mtryFor(data.columns());
        int maxNodes = parameters.maxNodesFor(data.rows());
        RandomForest forest = null;
        for (int start = 0; start < trees; start += batch) {
            monitor.checkpoint(start, trees);
            int end = Math.min(trees, start + batch);
            RandomForest part = RandomForest.fit(formula, frame, end - start, mtry, parameters.maxDepth(), maxNodes,
                    parameters.nodeSize(), parameters.subsample(), LongStream.of(Arrays.copyOfRange(seeds, start, end)));
            forest = forest == null ? part : forest.merge(part);
        }
        monitor.checkpoint(trees, trees);
        TreeEnsemble.Builder builder = new TreeEnsemble.Builder(data.columns());
        for (RegressionTree tree : forest.trees()) {
            SmileTrees.append(builder, tree, 1);
        }
        return new Fit(forest, frame, builder.build(0, true));
    }

    /**
     * Distinct per-tree seeds above 1 (Smile reseeds a tree's random stream only for seeds > 1 and
     * wants them distinct).
     */
    static long[] treeSeeds(long seed, int trees) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<Long> seeds = new LinkedHashSet<>();
        while (seeds.size() < trees) {
            long s = random.nextLong() >>> 1;
            if (s > 1) {
                seeds.add(s);
            }
        }
        return seeds.stream().mapToLong(Long::longValue).toArray();
    }
}
