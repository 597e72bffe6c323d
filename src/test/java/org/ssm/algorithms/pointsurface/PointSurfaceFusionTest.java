package org.ssm.algorithms.pointsurface;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.ssm.algorithms.learning.Predictor;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.algorithms.methods.Trainers;
import org.ssm.algorithms.model.FittedModel;
import org.ssm.core.CancelledException;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.CoordinateMap;
import org.ssm.grid.GridSeries;

class PointSurfaceFusionTest {

    private static PointSurfaceFusion.Result run(Scene scene, FusionParameters p, Monitor monitor) {
        return new PointSurfaceFusion(p).run(scene.stack, scene.stations, CoordinateMap.IDENTITY,
                new LeastSquaresTrainer(), monitor);
    }

    @Test
    void anExactLinearRelationIsRecoveredAtEveryPixelAndMissingPredictorsGiveNaN() {
        Scene scene = new Scene(0, 3);
        PointSurfaceFusion.Result result = run(scene, FusionParameters.defaults(), Monitor.NONE);
        GridSeries ssm = result.ssm();
        assertEquals(scene.dates, ssm.dates());
        assertEquals(Scene.FINE, ssm.geometry());
        for (int t = 0; t < ssm.size(); t++) {
            for (int i = 0; i < Scene.FINE.size(); i++) {
                float truth = scene.truth[t][i];
                if (Float.isNaN(truth)) {
                    assertTrue(Float.isNaN(ssm.band(t)[i]), "date " + t + " pixel " + i);
                } else {
                    // Fitted on 10 stations only, the plane holds everywhere: the error is the float32
                    // rounding of the output (values ~0.3, ulp 3e-8) plus the solve's ~1e-9.
                    assertEquals(truth, ssm.band(t)[i], 1e-6, "date " + t + " pixel " + i);
                }
            }
        }
        assertTrue(Float.isNaN(ssm.band(3)[40]), "cloud in LST");
        assertTrue(Float.isNaN(ssm.band(5)[Scene.STATION_PIXELS[1]]), "gap in NDVI");
        assertEquals(List.of("lst", "ndvi", "pm", "doy"), result.model().predictors());
        assertEquals("OLS", result.model().method());
        assertEquals(result.training().set().rows(), result.finalRows());
        Map<String, Object> metrics = result.metricsJson();
        assertEquals(10, metrics.get("stations_used"));
        assertEquals("year", ((Map<?, ?>) metrics.get("cross_validation")).get("split"));
    }

    @Test
    void aStoredModelAppliedAgainGivesBitIdenticalOutput() {
        Scene scene = new Scene(0.02, 4);
        PointSurfaceFusion.Result result = run(scene, FusionParameters.defaults(), Monitor.NONE);
        FittedModel back = FittedModel.fromJson("model", result.model().toJson());
        // The predictors given in another order, without the day of year (derived again from the dates).
        List<Predictor> shuffled = List.of(scene.predictors.get(2), scene.predictors.get(0), scene.predictors.get(1));
        PredictorStack again = PredictorStack.align(shuffled, true, null, null, (a, b) -> CoordinateMap.IDENTITY,
                Monitor.NONE);
        GridSeries applied = ModelApplication.predict(back, again, Monitor.NONE);
        for (int t = 0; t < applied.size(); t++) {
            assertArrayEquals(bits(result.ssm().band(t)), bits(applied.band(t)), "date " + t);
        }
        ParameterException e = assertThrows(ParameterException.class, () -> ModelApplication.predict(back,
                PredictorStack.align(List.of(scene.predictors.get(0), scene.predictors.get(2)), true, null, null,
                        (a, b) -> CoordinateMap.IDENTITY, Monitor.NONE), Monitor.NONE));
        assertEquals("predictors", e.parameter());
        assertTrue(e.getMessage().contains("no predictor named ndvi"), e.getMessage());
    }

    @Test
    void everyRegisteredMethodsStoredModelReproducesItsOutputBitForBit() {
        Scene scene = new Scene(0.02, 4);
        // Small settings: the check is the round trip, not the accuracy. Each method reads its own
        // options and ignores the others'.
        TrainerOptions small = new TrainerOptions(Map.of("trees", 20, "epochs", 30, "pretrainingEpochs", 5,
                "seed", 3));
        assertTrue(Trainers.methods().containsAll(List.of("RF", "GBDT")), Trainers.methods().toString());
        for (String method : Trainers.methods()) {
            PointSurfaceFusion.Result result = new PointSurfaceFusion(FusionParameters.defaults()).run(scene.stack,
                    scene.stations, CoordinateMap.IDENTITY, Trainers.create("method", method, small), Monitor.NONE);
            assertEquals(method, result.model().method());
            FittedModel back = FittedModel.fromJson("model", result.model().toJson());
            GridSeries applied = ModelApplication.predict(back, scene.stack, Monitor.NONE);
            for (int t = 0; t < applied.size(); t++) {
                assertArrayEquals(bits(result.ssm().band(t)), bits(applied.band(t)), method + ", date " + t);
            }
        }
    }

    @Test
    void theSameInputsGiveTheSameModel() {
        Scene scene = new Scene(0.02, 4);
        FusionParameters p = FusionParameters.defaults().withCrossValidation(
                CrossValidationParameters.defaults().withSplit(Split.KFOLD));
        assertEquals(run(scene, p, Monitor.NONE).model().toJson(), run(scene, p, Monitor.NONE).model().toJson());
    }

    @Test
    void theTrainingPeriodLimitsTheFinalModelNotTheCrossValidation() {
        Scene scene = new Scene(0.02, 4);
        PointSurfaceFusion.Result result = run(scene, FusionParameters.defaults().withTrainingPeriod(null,
                LocalDate.of(2021, 12, 31)), Monitor.NONE);
        // 10 stations x 20 days of 2021, less station 1's NDVI gap on 6 May 2021.
        assertEquals(199, result.finalRows());
        assertEquals(199, result.model().provenance().get("training_rows"));
        assertEquals("2021-05-20", result.model().provenance().get("training_to"));
        assertEquals(399, result.crossValidation().pooled().n(), "cross-validation uses both seasons");
        assertEquals(40, result.ssm().size(), "every date is predicted");
        assertEquals("trainingPeriod", assertThrows(ParameterException.class, () -> run(scene,
                FusionParameters.defaults().withTrainingPeriod(LocalDate.of(2023, 1, 1), null), Monitor.NONE))
                .parameter());
    }

    @Test
    void cancellationStopsTrainingAndPrediction() {
        Scene scene = new Scene(0.02, 4);
        for (double stopAt : new double[] {0.2, 0.8}) {
            AtomicInteger calls = new AtomicInteger();
            double[] last = {0};
            Monitor monitor = new Monitor() {
                @Override
                public void progress(double fraction) {
                    last[0] = fraction;
                }

                @Override
                public boolean isCancelled() {
                    calls.incrementAndGet();
                    return last[0] >= stopAt;
                }
            };
            assertThrows(CancelledException.class, () -> run(scene, FusionParameters.defaults(), monitor));
            // Cross-validation runs from 5 to 55 %, prediction from 75 %: cancelled inside each.
            assertTrue(last[0] >= stopAt && last[0] < stopAt + 0.1, "stopped at " + last[0]);
        }
    }

    private static int[] bits(float[] band) {
        int[] b = new int[band.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = Float.floatToRawIntBits(band[i]);
        }
        return b;
    }
}
