package org.ssm.algorithms.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ssm.core.ParameterException;

class FittedModelTest {

    /** y = Σ w_i z_i + b on the normalised predictors: a model type for the round-trip checks. */
    record Linear(double[] weights, double bias) implements Regressor {
        static {
            Models.register("test-linear", m -> new Linear(
                    Normalization.numbers((List<Object>) m.get("weights")), ((Number) m.get("bias")).doubleValue()));
        }

        @Override
        public int inputs() {
            return weights.length;
        }

        @Override
        public double predict(double[] x) {
            double y = bias;
            for (int i = 0; i < weights.length; i++) {
                y += weights[i] * x[i];
            }
            return y;
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "test-linear");
            m.put("weights", weights);
            m.put("bias", bias);
            return m;
        }
    }

    private static FittedModel model() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] x = new double[300];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble() * (i % 3 == 0 ? 300 : 1);
        }
        return new FittedModel("TEST", List.of("lst", "ndvi", "doy"), Normalization.zScore(x, 100, 3),
                new Normalization(new double[] {0.2}, new double[] {0.1}),
                new Linear(new double[] {0.1 / 3, -Math.PI, 1e-17}, Math.E), Map.of("seed", 3L, "note", "unit test"));
    }

    @Test
    void jsonRoundTripPredictsBitForBit() {
        FittedModel m = model();
        FittedModel back = FittedModel.fromJson("model", m.toJson());
        assertEquals(m.predictors(), back.predictors());
        assertEquals(m.features(), back.features());
        SplittableRandom rnd = new SplittableRandom(9);
        for (int i = 0; i < 1000; i++) {
            double[] x = {rnd.nextDouble() * 300, rnd.nextDouble(), rnd.nextDouble() * 366};
            // Exact equality: every number is written in its shortest round-trip decimal form.
            assertEquals(Double.doubleToLongBits(m.predict(x)), Double.doubleToLongBits(back.predict(x)));
        }
    }

    @Test
    void batchPredictionEqualsRowByRow() {
        FittedModel m = model();
        double[] rows = {10, 0.5, 100, 250, 0.1, 200};
        double[] expected = {m.predict(new double[] {10, 0.5, 100}), m.predict(new double[] {250, 0.1, 200})};
        double[] out = new double[2];
        m.predictInPlace(rows.clone(), 2, out);
        assertEquals(expected[0], out[0], 0);
        assertEquals(expected[1], out[1], 0);
    }

    @Test
    void normalisationHandlesConstantColumnsAndNaN() {
        Normalization z = Normalization.zScore(new double[] {1, 5, 1, Double.NaN, 1, 7}, 3, 2);
        assertEquals(1, z.offset()[0], 0);
        assertEquals(1, z.scale()[0], 0, "a constant column keeps scale 1");
        assertEquals(6, z.offset()[1], 1e-12, "NaN left out of the mean");
        Normalization mm = Normalization.minMax(new double[] {2, 4, 6}, 3, 1);
        assertEquals(0.5, mm.apply(new double[] {4})[0], 1e-15);
    }

    @Test
    void badDocumentsNameTheParameter() {
        assertEquals("model", assertThrows(ParameterException.class, () -> FittedModel.fromJson("model", "{")).parameter());
        String unknown = model().toJson().replace("test-linear", "nonsense");
        ParameterException e = assertThrows(ParameterException.class, () -> FittedModel.fromJson("model", unknown));
        assertTrue(e.getMessage().contains("nonsense"), e.getMessage());
    }
}
