package org.ssm.algorithms.learning;

import java.util.SplittableRandom;
import org.ssm.algorithms.model.Regressor;
import org.ssm.core.Monitor;
import smile.base.cart.CART;
import smile.base.cart.Loss;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.regression.RegressionTree;

/**
 * Gradient-boosted regression trees with least-squares loss (Friedman 2001, algorithm LS_Boost;
 * stochastic row subsampling, Friedman 2002), set like LightGBM, the GBDT of paper C: F₀ = mean(y);
 * at stage m a regression tree h_m is fitted to the residuals y − F_{m−1} on a random subsample of
 * the rows, and F_m = F_{m−1} + ν h_m. Each tree is grown by Smile 2.6.0's {@code RegressionTree}
 * (best leaf first, up to {@code maxNodes} leaves, as LightGBM grows leaf-wise) with Smile's
 * least-squares {@code Loss}; then the stages are exported to a {@link TreeEnsemble} whose
 * intercept is F₀ and whose leaves hold ν times Smile's leaf outputs.
 *
 * <p>The stage loop is written here rather than delegated to Smile's {@code GradientTreeBoost.fit}
 * for three reasons: progress and cancellation once per tree (Smile's loop has no hook), row draws
 * from this model's own seeded stream (Smile draws from a per-thread generator shared with
 * everything else running on the thread), and F₀ and ν known without reading Smile's private fields.
 * With {@code subsample} 1 the loop performs Smile's operations in Smile's order, and the tests
 * check that it reproduces {@code GradientTreeBoost.fit}.
 */
public final class GradientBoostingTrainer extends ParameterisedTrainer<BoostingParameters> {

    /** The method name. */
    public static final String METHOD = "GBDT";

    public GradientBoostingTrainer(BoostingParameters parameters) {
        super(METHOD, parameters, "BoostingParameters");
    }

    @Override
    public Regressor fit(TrainingSet data, Monitor monitor) {
        return fitSmile(data, monitor).ensemble();
    }

    /** Smile's trees with the intercept, and their export. */
    record Fit(RegressionTree[] trees, double intercept, DataFrame frame, TreeEnsemble ensemble) {}

    Fit fitSmile(TrainingSet data, Monitor monitor) {
        int n = data.rows();
        if (n < 2) {
            throw new IllegalArgumentException("gradient boosting needs at least 2 training rows, not " + n);
        }
        DataFrame x = SmileTrees.predictors(data);
        Tuple[] rows = new Tuple[n];
        for (int i = 0; i < n; i++) {
            rows[i] = x.get(i);
        }
        int[][] order = CART.order(x);
        Loss loss = Loss.ls();
        double intercept = loss.intercept(data.targets());
        double[] residual = loss.residual();
        double shrinkage = parameters.shrinkage();
        int drawn = Math.max(1, (int) Math.round(n * parameters.subsample()));
        SplittableRandom random = new SplittableRandom(parameters.seed());
        int[] permutation = new int[n];
        int[] samples = new int[n];
        RegressionTree[] trees = new RegressionTree[parameters.trees()];
        TreeEnsemble.Builder builder = new TreeEnsemble.Builder(data.columns());
        for (int m = 0; m < trees.length; m++) {
            monitor.checkpoint(m, trees.length);
            draw(random, permutation, samples, drawn);
            trees[m] = new RegressionTree(x, loss, SmileTrees.response(), parameters.maxDepth(), parameters.maxNodes(),
                    parameters.nodeSize(), data.columns(), samples, order);
            for (int i = 0; i < n; i++) {
                residual[i] -= shrinkage * trees[m].predict(rows[i]);
            }
            SmileTrees.append(builder, trees[m], shrinkage);
        }
        monitor.checkpoint(trees.length, trees.length);
        return new Fit(trees, intercept, x, builder.build(intercept, false));
    }

    /** Marks {@code drawn} rows drawn without replacement (a partial Fisher–Yates shuffle). */
    private static void draw(SplittableRandom random, int[] permutation, int[] samples, int drawn) {
        int n = samples.length;
        java.util.Arrays.fill(samples, 0);
        if (drawn >= n) {
            java.util.Arrays.fill(samples, 1);
            return;
        }
        for (int i = 0; i < n; i++) {
            permutation[i] = i;
        }
        for (int i = 0; i < drawn; i++) {
            int j = i + random.nextInt(n - i);
            int t = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = t;
            samples[permutation[i]] = 1;
        }
    }
}
