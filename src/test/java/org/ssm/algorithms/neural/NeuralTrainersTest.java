package org.ssm.algorithms.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.ssm.algorithms.learning.ModelFitting;
import org.ssm.algorithms.learning.RegressorTrainer;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.algorithms.methods.Trainers;
import org.ssm.algorithms.learning.TrainingSet;
import org.ssm.algorithms.model.FittedModel;
import org.ssm.algorithms.model.Normalization;
import org.ssm.core.CancelledException;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;

class NeuralTrainersTest {

    /** f(x1, x2) = sin(x1) + x2²/2 on [−2, 2]², raw units offset and scaled as a predictor would be. */
    static double target(double x1, double x2) {
        return Math.sin(x1) + 0.5 * x2 * x2;
    }

    /** {@code rows} noise-free samples of {@link #target}, the first predictor in "kelvin" (×10 + 300). */
    static TrainingSet smooth(int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = new double[rows][];
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            double a = 4 * rnd.nextDouble() - 2;
            double b = 4 * rnd.nextDouble() - 2;
            x[r] = new double[] {300 + 10 * a, b};
            y[r] = target(a, b);
        }
        return TrainingSet.of(x, y);
    }

    /** Fast settings for the unit tests: fewer epochs, the defaults otherwise. */
    static TrainerOptions quick() {
        return TrainerOptions.DEFAULTS.with("epochs", 150).with("pretrainingEpochs", 10);
    }

    static FittedModel fit(String method, TrainerOptions options, TrainingSet raw, Monitor monitor) {
        RegressorTrainer t = Trainers.create("method", method, options);
        return ModelFitting.fit(t, List.of("t", "u"), raw, Map.of(), monitor);
    }

    /** RMSE of {@code m} against {@link #target} on a 41 × 41 grid over [−2, 2]², and sd of f there. */
    static double[] gridError(FittedModel m) {
        double sq = 0;
        double sum = 0;
        double sum2 = 0;
        int n = 0;
        for (int i = 0; i <= 40; i++) {
            for (int j = 0; j <= 40; j++) {
                double a = -2 + i * 0.1;
                double b = -2 + j * 0.1;
                double f = target(a, b);
                double e = m.predict(new double[] {300 + 10 * a, b}) - f;
                sq += e * e;
                sum += f;
                sum2 += f * f;
                n++;
            }
        }
        double mean = sum / n;
        return new double[] {Math.sqrt(sq / n), Math.sqrt(sum2 / n - mean * mean)};
    }

    @Test
    void fineTunedDbnFitsASmoothNonlinearFunction() {
        FittedModel m = fit("DBN", quick(), smooth(2000, 1), Monitor.NONE);
        double[] e = gridError(m);
        // On the square f has variance 0.95 (sd 0.97); its best linear fit explains 0.57 of it (the
        // linear part of sin), i.e. R² = 0.60 and RMSE 0.62 sd. The samples are noise-free, so what
        // remains is the network's approximation and early stopping: measured 0.041 (0.042 sd) for
        // the DBN and 0.047 for the BPNN. Bound 0.1 sd, i.e. R² > 0.99: far beyond any linear model,
        // out of reach of an unconverged or mis-wired network, with room for other seeds. It is
        // evaluated on a grid including the corners, where the samples are sparsest.
        assertTrue(e[0] < 0.1 * e[1], "grid RMSE " + e[0] + ", sd " + e[1]);
        assertEquals("DBN", m.method());
        assertTrue(m.regressor() instanceof MlpRegressor);
    }

    @Test
    void bpnnFitsTheSameFunction() {
        FittedModel m = fit("BPNN", quick(), smooth(2000, 1), Monitor.NONE);
        double[] e = gridError(m);
        // Same bound and reasoning as for the DBN (measured 0.047).
        assertTrue(e[0] < 0.1 * e[1], "grid RMSE " + e[0] + ", sd " + e[1]);
    }

    @Test
    void sameSeedGivesABitIdenticalModelAndAnotherSeedAnotherModel() {
        TrainingSet raw = smooth(500, 2);
        for (String method : List.of("DBN", "BPNN")) {
            TrainerOptions o = quick().with("epochs", 40).with("seed", 17L);
            FittedModel a = fit(method, o, raw, Monitor.NONE);
            FittedModel b = fit(method, o, raw, Monitor.NONE);
            assertEquals(a.regressor(), b.regressor(), method + ": weights equal bit for bit");
            assertEquals(a.toJson(), b.toJson());
            FittedModel c = fit(method, o.with("seed", 18L), raw, Monitor.NONE);
            assertNotEquals(a.regressor(), c.regressor(), method);
        }
    }

    @Test
    void jsonRoundTripPredictsBitForBit() {
        TrainingSet raw = smooth(500, 3);
        for (String method : List.of("DBN", "BPNN")) {
            FittedModel m = fit(method, quick().with("epochs", 30), raw, Monitor.NONE);
            FittedModel back = FittedModel.fromJson("model", m.toJson());
            assertEquals(m.regressor(), back.regressor());
            assertEquals(m.toJson(), back.toJson());
            // Batch prediction over more rows than one parallel task, and row by row.
            int rows = 3 * 64 * MlpRegressor.BLOCK + 17;
            double[] x = smooth(rows, 4).features();
            double[] outA = new double[rows];
            double[] outB = new double[rows];
            m.predictInPlace(x.clone(), rows, outA);
            back.predictInPlace(x.clone(), rows, outB);
            assertArrayEquals(outA, outB, method);
            for (int r = 0; r < rows; r += 97) {
                double[] row = java.util.Arrays.copyOfRange(x, 2 * r, 2 * r + 2);
                assertEquals(Double.doubleToRawLongBits(outA[r]), Double.doubleToRawLongBits(back.predict(row)),
                        "batch and single-row predictions agree bit for bit");
            }
            assertEquals(method, back.method());
            assertEquals("[32, 16]", ((Map<?, ?>) back.provenance().get("parameters")).get("hiddenLayers").toString(),
                    "the parameters are kept in the model's provenance");
        }
    }

    @Test
    void malformedNetworkDocumentsAreRejectedNamingTheModel() {
        String json = fit("BPNN", quick().with("epochs", 2), smooth(50, 9), Monitor.NONE).toJson();
        String[] broken = {
            json.replace("\"sigmoid\"", "\"relu\""),
            json.replaceFirst("\"layers\":\\[7|\"layers\":\\[2", "\"layers\":[3"),
            json.replace("\"type\":\"mlp\"", "\"type\":\"cnn\""),
        };
        for (String b : broken) {
            assertNotEquals(json, b, "the test edits the document");
            ParameterException e = assertThrows(ParameterException.class, () -> FittedModel.fromJson("model", b));
            assertEquals("model", e.parameter(), e.getMessage());
        }
    }

    @Test
    void parallelBatchPredictionEqualsSerial() {
        MlpRegressor net = (MlpRegressor) fit("BPNN", quick().with("epochs", 5), smooth(300, 5), Monitor.NONE)
                .regressor();
        int rows = 10 * 64 * MlpRegressor.BLOCK + 3;
        double[] x = smooth(rows, 6).features();
        Normalization.zScore(x, rows, 2).applyInPlace(x, rows);
        double[] parallel = new double[rows];
        net.predict(x, rows, parallel);
        double[] serial = new double[rows];
        for (int start = 0; start < rows; start += 1000) {
            int n = Math.min(1000, rows - start);
            double[] part = java.util.Arrays.copyOfRange(x, 2 * start, 2 * (start + n));
            double[] out = new double[n];
            net.predict(part, n, out);
            System.arraycopy(out, 0, serial, start, n);
        }
        assertArrayEquals(serial, parallel);
    }

    @Test
    void smallNetworkPredictsTheHandComputedValue() {
        // 2 inputs, one hidden logistic unit, linear output:
        // z = 0.5 + 1·x1 − 2·x2; y = 0.25 + 3 σ(z). At x = (1, 0.5): z = 0.5, σ = 0.6224593312018546.
        MlpRegressor net = new MlpRegressor(new int[] {2, 1, 1}, new double[][] {{1, -2}, {3}},
                new double[][] {{0.5}, {0.25}}, Activation.SIGMOID);
        assertEquals(0.25 + 3 * 0.6224593312018546, net.predict(new double[] {1, 0.5}), 1e-15);
        MlpRegressor tanh = new MlpRegressor(new int[] {2, 1, 1}, new double[][] {{1, -2}, {3}},
                new double[][] {{0.5}, {0.25}}, Activation.TANH);
        assertEquals(0.25 + 3 * Math.tanh(0.5), tanh.predict(new double[] {1, 0.5}), 1e-15);
    }

    @Test
    void backPropagatedGradientMatchesFiniteDifferences() {
        for (Activation act : Activation.values()) {
            Mlp net = new Mlp(new int[] {3, 4, 2, 1}, act);
            SplittableRandom rnd = new SplittableRandom(8);
            for (int l = 0; l < net.depth(); l++) {
                net.initialiseRandomly(l, rnd);
                for (int k = 0; k < net.b[l].length; k++) {
                    net.b[l][k] = 0.3 * rnd.nextGaussian();
                }
            }
            int rows = 5;
            Mlp.Workspace ws = net.new Workspace(rows);
            double[] x = new double[rows * 3];
            double[] y = new double[rows];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextGaussian();
            }
            for (int r = 0; r < rows; r++) {
                y[r] = rnd.nextGaussian();
            }
            System.arraycopy(x, 0, ws.a[0], 0, x.length);
            ws.gradient(y, rows);
            double[][] gw = new double[net.depth()][];
            double[][] gb = new double[net.depth()][];
            for (int l = 0; l < net.depth(); l++) {
                gw[l] = ws.gw[l].clone();
                gb[l] = ws.gb[l].clone();
            }
            double h = 1e-6;
            for (int l = 0; l < net.depth(); l++) {
                for (double[][] pair : new double[][][] {{net.w[l], gw[l]}, {net.b[l], gb[l]}}) {
                    double[] param = pair[0];
                    for (int k = 0; k < param.length; k++) {
                        double keep = param[k];
                        param[k] = keep + h;
                        System.arraycopy(x, 0, ws.a[0], 0, x.length);
                        double up = ws.gradient(y, rows);
                        param[k] = keep - h;
                        System.arraycopy(x, 0, ws.a[0], 0, x.length);
                        double down = ws.gradient(y, rows);
                        param[k] = keep;
                        // Central differences have error O(h²) ≈ 1e-12 plus rounding ≈ 1e-16/h =
                        // 1e-10 on a loss of order 1: 1e-7 absolute leaves a wide margin while a
                        // wrong slope or index gives errors of order 0.01 or more.
                        assertEquals((up - down) / (2 * h), pair[1][k], 1e-7, act + " layer " + l + " #" + k);
                    }
                }
            }
        }
    }

    @Test
    void everyEpochIsACheckpointAndCancellationStopsTraining() {
        TrainingSet raw = smooth(200, 7);
        // DBN: two RBMs of 10 epochs and up to 150 fine-tuning epochs, counted as 170 steps.
        AtomicInteger calls = new AtomicInteger();
        double[] last = {-1};
        Monitor counting = new Monitor() {
            @Override
            public void progress(double fraction) {
                assertTrue(fraction >= last[0], "progress never goes back");
                last[0] = fraction;
                calls.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        fit("DBN", quick(), raw, counting);
        assertEquals(1.0, last[0], "early stopping counts the skipped epochs as done");
        assertTrue(calls.get() >= 1 + 20 + 31, "a checkpoint per epoch, got " + calls.get());

        for (String method : List.of("DBN", "BPNN")) {
            AtomicInteger seen = new AtomicInteger();
            Monitor cancelAfterFive = new Monitor() {
                @Override
                public void progress(double fraction) {
                    seen.incrementAndGet();
                }

                @Override
                public boolean isCancelled() {
                    return seen.get() >= 5;
                }
            };
            assertThrows(CancelledException.class, () -> fit(method, quick(), raw, cancelAfterFive));
            assertEquals(5, seen.get(), method + " stops at the first checkpoint after the cancellation");
        }
    }

    @Test
    void badParametersAreNamed() {
        Object[][] cases = {
            {"epochs", 0}, {"batchSize", -1}, {"learningRate", 0.0}, {"learningRate", Double.NaN},
            {"momentum", 1.0}, {"l2", -0.1}, {"patience", 301}, {"holdOut", 0.9},
            {"pretrainingEpochs", -1}, {"pretrainingBatchSize", 0}, {"pretrainingLearningRate", 11.0},
            {"gaussianLearningRate", -0.01}, {"pretrainingMomentum", -0.5}, {"pretrainingL2", 2.0},
            {"cdSteps", 0}, {"hiddenLayers", "32,x"}, {"hiddenLayers", "0"}, {"hiddenLayers", ""},
            {"hiddenLayers", "1,2,3,4,5,6,7,8,9"}, {"hiddenLayers", 5000}, {"seed", "abc"}, {"epochs", 2.5},
        };
        for (Object[] c : cases) {
            for (String method : List.of("DBN", "BPNN")) {
                if (method.equals("BPNN") && c[0].toString().startsWith("pretraining")
                        || method.equals("BPNN") && c[0].equals("gaussianLearningRate")
                        || method.equals("BPNN") && c[0].equals("cdSteps")) {
                    continue;
                }
                ParameterException e = assertThrows(ParameterException.class,
                        () -> Trainers.create("method", method, TrainerOptions.DEFAULTS.with(c[0].toString(), c[1])),
                        method + " " + c[0] + " = " + c[1]);
                assertEquals(c[0], e.parameter(), e.getMessage());
                assertTrue(e.getMessage().contains("expected"), e.getMessage());
            }
        }
        ParameterException act = assertThrows(ParameterException.class,
                () -> Trainers.create("method", "BPNN", TrainerOptions.DEFAULTS.with("activation", "relu")));
        assertEquals("activation", act.parameter());
        ParameterException unknown = assertThrows(ParameterException.class,
                () -> Trainers.create("method", "CNN", TrainerOptions.DEFAULTS));
        assertEquals("method", unknown.parameter());
        assertTrue(unknown.getMessage().contains("DBN") && unknown.getMessage().contains("BPNN"));
    }

    @Test
    void optionsReachTheParameters() {
        TrainerOptions o = TrainerOptions.DEFAULTS.with("hiddenLayers", "20 10 5").with("cdSteps", "3")
                .with("epochs", 50).with("seed", 99);
        DbnParameters d = DbnParameters.from(o);
        assertArrayEquals(new int[] {20, 10, 5}, d.hiddenLayers());
        assertEquals(3, d.pretraining().cdSteps());
        assertEquals(50, d.fineTuning().epochs());
        assertEquals(30, d.fineTuning().patience());
        assertEquals(99, d.seed());
        assertEquals(5, BackpropParameters.from(TrainerOptions.DEFAULTS.with("epochs", 5)).patience(),
                "a short run keeps the default patience only where it fits");
        assertArrayEquals(new int[] {7}, BpnnParameters.from(TrainerOptions.DEFAULTS.with("hiddenLayers", 7))
                .hiddenLayers());
        assertEquals(Activation.TANH, BpnnParameters.from(TrainerOptions.DEFAULTS.with("activation", "tanh"))
                .activation());
        assertEquals(d, DbnParameters.from(new TrainerOptions(d.toMap())), "the parameter map reads back");
        BpnnParameters b = BpnnParameters.defaults();
        assertEquals(b, BpnnParameters.from(new TrainerOptions(b.toMap())));
    }

    @Test
    void tooFewRowsForAHoldOutTrainOnAll() {
        TrainingSet one = TrainingSet.of(new double[][] {{1, 2}}, new double[] {3});
        FittedModel m = fit("DBN", quick().with("epochs", 3), one, Monitor.NONE);
        // One row: z-scores of zero spread map it to 0 and the target back to 3 (scale 1) whatever
        // the network, up to the network's output (a few units of the scale-1 target at most).
        assertTrue(Double.isFinite(m.predict(new double[] {1, 2})));
        NetworkFit fit = new BpnnTrainer(BpnnParameters.defaults().withTraining(BackpropParameters.defaults()
                .withEpochs(3))).train(one, Monitor.NONE);
        assertEquals(1, fit.trainingRows());
        assertEquals(0, fit.validationRows());
    }
}
