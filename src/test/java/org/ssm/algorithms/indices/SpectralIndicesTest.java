package org.ssm.algorithms.indices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ssm.core.ParameterException;

/** Hand-computed cases; values are float32, so comparisons allow 1e-6 (float epsilon at ~1 is 1.2e-7). */
class SpectralIndicesTest {

    private static final float EPS = 1e-6f;

    @Test
    void ndviOfVegetationSoilAndDegenerateCases() {
        float[] ndvi = SpectralIndices.ndvi(new float[] {0.1f, 0.2f, 0f, Float.NaN}, new float[] {0.5f, 0.2f, 0f, 0.3f});
        assertEquals(0.4f / 0.6f, ndvi[0], EPS); // (0.5 - 0.1) / (0.5 + 0.1)
        assertEquals(0f, ndvi[1], EPS);
        assertTrue(Float.isNaN(ndvi[2]), "0/0 is no data, not infinity");
        assertTrue(Float.isNaN(ndvi[3]));
    }

    @Test
    void albedoFollowsPaperBEquation5() {
        float[] a = SpectralIndices.albedo(new float[] {0.05f}, new float[] {0.08f}, new float[] {0.3f},
                new float[] {0.2f}, new float[] {0.1f});
        // 0.365*0.05 + 0.13*0.08 + 0.373*0.3 + 0.085*0.2 + 0.072*0.1 - 0.0018
        assertEquals(0.16295f, a[0], EPS);
    }

    @Test
    void nmdiFollowsPaperD() {
        float[] n = SpectralIndices.nmdi(new float[] {0.3f, 0.25f}, new float[] {0.2f, 0.3f}, new float[] {0.1f, 0.05f});
        assertEquals(0.5f, n[0], EPS); // (0.3 - 0.1) / (0.3 + 0.1)
        assertEquals(0f, n[1], EPS); // (0.25 - 0.25) / (0.25 + 0.25)
    }

    @Test
    void mismatchedBandsNameTheBand() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> SpectralIndices.ndvi(new float[3], new float[2]));
        assertEquals("nir", e.parameter());
    }

    @Test
    void fvcLinearAndSquared() {
        float[] linear = FractionalVegetationCover.of(new float[] {0.525f, 0.05f, 0.95f, Float.NaN});
        assertEquals(0.5f, linear[0], EPS); // (0.525 - 0.15) / 0.75
        assertEquals(0f, linear[1], EPS);
        assertEquals(1f, linear[2], EPS);
        assertTrue(Float.isNaN(linear[3]));
        assertEquals(0.25f, new FractionalVegetationCover(0.15, 0.9, 2).apply(new float[] {0.525f})[0], EPS);
    }

    @Test
    void fvcRejectsInvertedEndmembers() {
        ParameterException e = assertThrows(ParameterException.class, () -> new FractionalVegetationCover(0.8, 0.2, 1));
        assertEquals("ndviVegetation", e.parameter());
    }
}
