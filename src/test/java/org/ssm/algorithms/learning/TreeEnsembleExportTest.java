package org.ssm.algorithms.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.ssm.core.Monitor;
import smile.base.cart.Loss;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.regression.GradientTreeBoost;
import smile.regression.RandomForest;

/**
 * The exported ensembles predict what Smile's own models predict. The tolerance asked for is
 * 1e-12; the export performs Smile's operations in Smile's order, so the tests demand equality.
 */
class TreeEnsembleExportTest {

    private static final TrainingSet TRAIN = Problems.smoothSet(600, 0.05, 11);
    private static final TrainingSet TEST = Problems.smoothSet(400, 0.0, 12);

    @Test
    void randomForestExportMatchesSmile() {
        RandomForestTrainer trainer = new RandomForestTrainer(
                RandomForestParameters.from(TrainerOptions.DEFAULTS.with("trees", 40).with("seed", 5L)));
        RandomForestTrainer.Fit fit = trainer.fitSmile(TRAIN, Monitor.NONE);
        assertEquals(40, fit.ensemble().trees());
        assertEquals(40, fit.forest().size());
        DataFrame trainFrame = fit.frame();
        for (int r = 0; r < TRAIN.rows(); r++) {
            assertEquals(fit.forest().predict(trainFrame.get(r)), fit.ensemble().predict(TRAIN.row(r)), 0.0, "row " + r);
        }
        DataFrame testFrame = frame(TEST);
        for (int r = 0; r < TEST.rows(); r++) {
            assertEquals(fit.forest().predict(testFrame.get(r)), fit.ensemble().predict(TEST.row(r)), 0.0, "row " + r);
        }
    }

    @Test
    void forestGrownInBatchesEqualsOneSmileForestWithTheSameSeeds() {
        RandomForestParameters p = RandomForestParameters.from(TrainerOptions.DEFAULTS.with("trees", 12).with("seed", 9L));
        RandomForestTrainer.Fit fit = new RandomForestTrainer(p).fitSmile(TRAIN, Monitor.NONE);
        RandomForest whole = RandomForest.fit(Formula.lhs("y"), fit.frame(), 12, p.mtryFor(4), p.maxDepth(),
                p.maxNodesFor(TRAIN.rows()), p.nodeSize(), p.subsample(),
                java.util.stream.LongStream.of(RandomForestTrainer.treeSeeds(9, 12)));
        DataFrame testFrame = frame(TEST);
        for (int r = 0; r < TEST.rows(); r++) {
            assertEquals(whole.predict(testFrame.get(r)), fit.ensemble().predict(TEST.row(r)), 0.0, "row " + r);
        }
    }

    @Test
    void boostingExportMatchesSmileModelOfTheSameTrees() {
        GradientBoostingTrainer trainer = new GradientBoostingTrainer(BoostingParameters.defaults());
        GradientBoostingTrainer.Fit fit = trainer.fitSmile(TRAIN, Monitor.NONE);
        Formula formula = Formula.lhs("y");
        DataFrame trainFrame = frame(TRAIN);
        formula.expand(trainFrame.schema());
        GradientTreeBoost smile = new GradientTreeBoost(formula, fit.trees(), fit.intercept(),
                BoostingParameters.DEFAULT_SHRINKAGE, new double[4]);
        for (int r = 0; r < TRAIN.rows(); r++) {
            assertEquals(smile.predict(trainFrame.get(r)), fit.ensemble().predict(TRAIN.row(r)), 0.0, "row " + r);
        }
        DataFrame testFrame = frame(TEST);
        for (int r = 0; r < TEST.rows(); r++) {
            assertEquals(smile.predict(testFrame.get(r)), fit.ensemble().predict(TEST.row(r)), 0.0, "row " + r);
        }
    }

    @Test
    void boostingLoopReproducesSmileGradientTreeBoostWithoutSubsampling() {
        TrainerOptions options = TrainerOptions.DEFAULTS.with("subsample", 1.0).with("trees", 60);
        BoostingParameters p = BoostingParameters.from(options);
        TreeEnsemble ours = new GradientBoostingTrainer(p).fitSmile(TRAIN, Monitor.NONE).ensemble();
        DataFrame trainFrame = frame(TRAIN);
        GradientTreeBoost smile = GradientTreeBoost.fit(Formula.lhs("y"), trainFrame, Loss.ls(), 60, p.maxDepth(),
                p.maxNodes(), p.nodeSize(), p.shrinkage(), 1.0);
        for (int r = 0; r < TRAIN.rows(); r++) {
            assertEquals(smile.predict(trainFrame.get(r)), ours.predict(TRAIN.row(r)), 1e-12, "row " + r);
        }
        DataFrame testFrame = frame(TEST);
        for (int r = 0; r < TEST.rows(); r++) {
            assertEquals(smile.predict(testFrame.get(r)), ours.predict(TEST.row(r)), 1e-12, "row " + r);
        }
    }

    @Test
    void subsamplingChangesTheModel() {
        TreeEnsemble full = new GradientBoostingTrainer(BoostingParameters.from(
                TrainerOptions.DEFAULTS.with("subsample", 1.0))).fitSmile(TRAIN, Monitor.NONE).ensemble();
        TreeEnsemble sub = new GradientBoostingTrainer(BoostingParameters.defaults()).fitSmile(TRAIN, Monitor.NONE)
                .ensemble();
        assertNotEquals(org.ssm.core.Json.write(full.toJson()), org.ssm.core.Json.write(sub.toJson()));
    }

    static DataFrame frame(TrainingSet set) {
        return SmileTrees.predictors(set).merge(DoubleVector.of("y", set.targets()));
    }
}
