package org.ssm.algorithms.pointsurface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ssm.algorithms.learning.ModelFitting;
import org.ssm.algorithms.learning.TrainingSet;
import org.ssm.algorithms.model.FittedModel;
import org.ssm.algorithms.validation.Metrics;
import org.ssm.core.Monitor;
import org.ssm.grid.CoordinateMap;

class CrossValidationTest {

    private static StationTraining training(double noise) {
        Scene scene = new Scene(noise, 11);
        return StationTraining.assemble(scene.stack, scene.stations, CoordinateMap.IDENTITY, Monitor.NONE);
    }

    @Test
    void anExactLinearTargetIsPredictedExactlyOnEveryHeldOutFold() {
        StationTraining t = training(0);
        for (Split split : Split.values()) {
            LeastSquaresTrainer ols = new LeastSquaresTrainer();
            CrossValidation.Result cv = CrossValidation.run(ols, List.of("lst", "ndvi", "pm", "doy"), t.set(),
                    t.stationIds(), CrossValidationParameters.defaults().withSplit(split), Monitor.NONE);
            assertEquals(cv.folds().size(), ols.fits, "one fit per fold");
            // The targets are a linear function of the predictors (float32 values): least squares
            // recovers it up to the rounding of the normal equations on unit-scale data, ~1e-9.
            assertTrue(cv.pooled().rmse() < 1e-7, split + ": RMSE " + cv.pooled().rmse());
            assertEquals(1.0, cv.pooled().pcc(), 1e-9, split.label());
            assertEquals(t.set().rows(), cv.pooled().n());
            for (CrossValidation.FoldScore f : cv.folds()) {
                assertTrue(f.metrics().rmse() < 1e-7, f.label());
            }
        }
    }

    @Test
    void heldOutPredictionsComeFromAModelThatNeverSawThemAndMetricsAreTheValidationOnes() {
        StationTraining t = training(0.03);
        List<String> names = List.of("lst", "ndvi", "pm", "doy");
        CrossValidationParameters p = CrossValidationParameters.defaults().withSplit(Split.STATION).withFolds(4);
        CrossValidation.Result cv = CrossValidation.run(new LeastSquaresTrainer(), names, t.set(), t.stationIds(), p,
                Monitor.NONE);
        Folds folds = Folds.assign(t.set(), t.stationIds(), p);
        // Refit fold 2 by hand on the other folds: the held-out predictions must be that model's.
        int[] train = folds.rows(2, false);
        int[] test = folds.rows(2, true);
        FittedModel m = ModelFitting.fit(new LeastSquaresTrainer(), names, t.set().subset(train), Map.of(),
                Monitor.NONE);
        TrainingSet held = t.set().subset(test);
        double[] expected = new double[test.length];
        for (int i = 0; i < test.length; i++) {
            expected[i] = m.predict(held.row(i));
            assertEquals(expected[i], cv.heldOut()[test[i]], 0, "row " + test[i]);
        }
        Metrics fold = Metrics.of(expected, held.targets());
        assertEquals(fold, cv.folds().get(2).metrics());
        assertEquals(train.length, cv.folds().get(2).trainRows());
        assertEquals(Metrics.of(cv.heldOut(), t.set().targets()), cv.pooled());
        // With station noise of 0.03 (daily mean of two equal-noise readings: the noise is 0.03), the
        // held-out RMSE is about the noise: between 0.02 and 0.045 with 399 pairs.
        assertTrue(cv.pooled().rmse() > 0.02 && cv.pooled().rmse() < 0.045, "RMSE " + cv.pooled().rmse());
        assertTrue(cv.stationMean().note().startsWith("mean over 10 stations"), cv.stationMean().note());
        Map<String, Object> json = cv.toJson();
        assertEquals("station", json.get("split"));
        assertEquals(4, ((List<?>) json.get("folds")).size());
    }
}
