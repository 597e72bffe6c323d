package org.ssm.algorithms.indices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ssm.core.ParameterException;

/** Paper E eq. 1–3 on hand-computed cases (float32 results, tolerance 1e-5 for values near 1). */
class SoilEvaporativeEfficiencyTest {

    private static final float EPS = 1e-5f;

    @Test
    void bareSoilSeeIsTheNormalisedTemperature() {
        SoilEvaporativeEfficiency model = new SoilEvaporativeEfficiency(0.006, 0.9, 290);
        float[] see = model.compute(new float[] {300, 310, 320}, new float[] {0, 0, 0}, null, null, 0).see();
        // T_s = T; SEE = (320 - T_s) / (320 - 300)
        assertEquals(1f, see[0], EPS);
        assertEquals(0.5f, see[1], EPS);
        assertEquals(0f, see[2], EPS);
    }

    @Test
    void soilTemperatureRemovesTheVegetationShare() {
        SoilEvaporativeEfficiency model = new SoilEvaporativeEfficiency(0, 0.9, 290);
        SoilEvaporativeEfficiency.Result r =
                model.compute(new float[] {300, 305, 310}, new float[] {0.5f, 0.5f, 0f}, null, null, 0);
        // eq. 2: T_s = (T - 0.5*290) / 0.5 = 2T - 290 -> 310, 320; the bare pixel keeps 310.
        assertEquals(310, r.soilTemperatureMin(), 1e-4);
        assertEquals(320, r.soilTemperatureMax(), 1e-4);
        assertEquals(1f, r.see()[0], EPS);
        assertEquals(0f, r.see()[1], EPS);
        assertEquals(1f, r.see()[2], EPS);
    }

    @Test
    void elevationCorrectionUsesTheMeanOfTheLowResolutionCell() {
        SoilEvaporativeEfficiency model = new SoilEvaporativeEfficiency(0.006, 0.9, 290);
        // Two low-resolution cells: {0, 1} with mean 200 m and {2, 3} with mean 1000 m.
        float[] t = model.elevationCorrected(new float[] {300, 300, 280, 280}, new float[] {100, 300, 1000, 1000},
                new int[] {0, 0, 1, 1}, 2);
        assertEquals(299.4f, t[0], 1e-4f); // 300 + 0.006 * (100 - 200)
        assertEquals(300.6f, t[1], 1e-4f);
        assertEquals(280f, t[2], 1e-4f);
    }

    @Test
    void vegetationTemperatureIsTheMidpointOfTheTrapezoidEdgesAtFullCover() {
        int perBin = 4;
        float[] lst = new float[10 * perBin * 2];
        float[] fvc = new float[lst.length];
        int k = 0;
        for (int b = 0; b < 10; b++) {
            float f = (b + 0.5f) / 10;
            for (int i = 0; i < perBin; i++) {
                // Dry edge 320 - 20 f, wet edge 300 - 5 f, other points strictly between them.
                fvc[k] = f;
                lst[k++] = i == 0 ? 320 - 20 * f : 310 - 12.5f * f;
                fvc[k] = f;
                lst[k++] = i == 0 ? 300 - 5 * f : 308 - 11 * f;
            }
        }
        // Edges at f = 1: 300 and 295 -> T_v = 297.5.
        assertEquals(297.5, SoilEvaporativeEfficiency.trapezoidVegetationTemperature(lst, fvc), 1e-3);
    }

    @Test
    void denseVegetationAndCloudsAreNoData() {
        float[] see = new SoilEvaporativeEfficiency(0, 0.9, 290)
                .compute(new float[] {300, Float.NaN, 310, 305}, new float[] {0.95f, 0.1f, 0.1f, 0.2f}, null, null, 0)
                .see();
        assertTrue(Float.isNaN(see[0]), "f_v above maxFvc");
        assertTrue(Float.isNaN(see[1]), "cloud");
    }

    @Test
    void imageWithoutATrapezoidHasNoSee() {
        float[] see = SoilEvaporativeEfficiency.of(new float[] {300, 301}, new float[] {0.1f, 0.1f}, null, null, 0);
        assertTrue(Float.isNaN(see[0]) && Float.isNaN(see[1]));
    }

    @Test
    void parametersAreValidated() {
        assertEquals("maxFvc", assertThrows(ParameterException.class,
                () -> new SoilEvaporativeEfficiency(0.006, 1.0, Double.NaN)).parameter());
        assertEquals("lapseRate", assertThrows(ParameterException.class,
                () -> new SoilEvaporativeEfficiency(-1, 0.9, Double.NaN)).parameter());
    }
}
