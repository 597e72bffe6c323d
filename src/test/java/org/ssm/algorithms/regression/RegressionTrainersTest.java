package org.ssm.algorithms.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ssm.algorithms.learning.ModelFitting;
import org.ssm.algorithms.learning.RegressorTrainer;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.algorithms.methods.Trainers;
import org.ssm.algorithms.learning.TrainingSet;
import org.ssm.algorithms.model.FittedModel;
import org.ssm.core.CancelledException;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;

/** MSR and GPR through the common learning interface: registry, options, model documents. */
class RegressionTrainersTest {

    /** Raw-unit rows: y = 0.3 + 0.002·a − 0.1·b + 0.004·a·b on a in [250, 330] K, b in [0, 1]. */
    private static TrainingSet raw(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] rows = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double a = 250 + 80 * rnd.nextDouble();
            double b = rnd.nextDouble();
            rows[i] = new double[] {a, b};
            y[i] = 0.3 + 0.002 * (a - 290) - 0.1 * b + 0.004 * (a - 290) * b;
        }
        return TrainingSet.of(rows, y);
    }

    @Test
    void bothMethodsAreRegisteredAndReadTheirOptions() {
        assertTrue(Trainers.methods().containsAll(List.of("MSR", "GPR")));
        RegressorTrainer msr = Trainers.create("method", "msr", new TrainerOptions(Map.of("pEnter", 0.01,
                "interactions", "false")));
        assertInstanceOf(StepwiseRegression.class, msr);
        assertEquals(0.01, msr.parameters().get("pEnter"));
        assertEquals(false, msr.parameters().get("interactions"));
        RegressorTrainer gpr = Trainers.create("method", "GPR", new TrainerOptions(Map.of("kernel", "isotropic",
                "maxSamples", 100, "seed", 7)));
        assertEquals("squared-exponential ISOTROPIC", gpr.parameters().get("kernel"));
        assertEquals(100, gpr.parameters().get("hyperSamples"), "hyperSamples follows a smaller maxSamples");
        assertEquals(7L, gpr.parameters().get("seed"));
    }

    @Test
    void badOptionsNameThemselves() {
        assertEquals("method", assertThrows(ParameterException.class,
                () -> Trainers.create("method", "SVR", TrainerOptions.DEFAULTS)).parameter());
        assertEquals("kernel", assertThrows(ParameterException.class, () -> Trainers.create("method", "GPR",
                new TrainerOptions(Map.of("kernel", "matern")))).parameter());
        assertEquals("interactions", assertThrows(ParameterException.class, () -> Trainers.create("method", "MSR",
                new TrainerOptions(Map.of("interactions", "maybe")))).parameter());
        assertEquals("minNoiseVariance", assertThrows(ParameterException.class, () -> Trainers.create("method", "GPR",
                new TrainerOptions(Map.of("minNoiseVariance", 0)))).parameter());
        assertEquals("maxTerms", assertThrows(ParameterException.class, () -> Trainers.create("method", "MSR",
                new TrainerOptions(Map.of("maxTerms", 1.5)))).parameter());
        assertEquals("restarts", assertThrows(ParameterException.class,
                () -> GprParameters.defaults().withRestarts(0)).parameter());
        assertEquals("pRemove", assertThrows(ParameterException.class,
                () -> StepwiseParameters.defaults().withPRemove(0.01)).parameter());
    }

    @Test
    void modelDocumentsInRawUnitsRoundTripBitForBit() {
        TrainingSet set = raw(300, 1);
        for (String method : List.of("MSR", "GPR")) {
            RegressorTrainer trainer = Trainers.create("method", method, new TrainerOptions(Map.of("maxSamples", 200)));
            FittedModel model = ModelFitting.fit(trainer, List.of("lst", "fvc"), set, Map.of("test", true),
                    Monitor.NONE);
            FittedModel again = ModelFitting.fit(trainer, List.of("lst", "fvc"), set, Map.of("test", true),
                    Monitor.NONE);
            assertEquals(model.toJson(), again.toJson(), method + " is deterministic");
            FittedModel back = FittedModel.fromJson("model", model.toJson());
            TrainingSet test = raw(100, 2);
            double[] a = new double[100];
            double[] b = new double[100];
            model.predictInPlace(test.features().clone(), 100, a);
            back.predictInPlace(test.features().clone(), 100, b);
            assertArrayEquals(a, b, 0, method + " after JSON text");
            double sq = 0;
            for (int i = 0; i < 100; i++) {
                sq += (a[i] - test.targets()[i]) * (a[i] - test.targets()[i]);
            }
            // The target is an exact eq. 4 polynomial with spread about 0.1: MSR recovers it to rounding, GPR
            // (smooth kernel, 200 noise-free samples in 2-D) to well under 1 % of that spread.
            double rmse = Math.sqrt(sq / 100);
            assertTrue(rmse < (method.equals("MSR") ? 1e-10 : 1e-3), method + " RMSE " + rmse);
        }
    }

    @Test
    void gprFitIsCancellable() {
        TrainingSet set = raw(300, 3);
        Monitor cancelled = new Monitor() {
            @Override
            public void progress(double fraction) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancelledException.class,
                () -> GaussianProcessRegression.of(TrainerOptions.DEFAULTS).fit(set, cancelled));
    }
}
