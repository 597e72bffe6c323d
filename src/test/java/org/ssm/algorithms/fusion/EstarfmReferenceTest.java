package org.ssm.algorithms.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ssm.core.Monitor;
import org.ssm.grid.GridSeries;

/**
 * {@link Estarfm} (cell weights, scaled similarity test, window sums, tabulated significance) agrees
 * with {@link NaiveEstarfm}, a literal per-pixel transcription of the equations, on synthetic scenes
 * with no-data pixels, coarse gaps at t_p, several bands, nested and fine-grid coarse images, with
 * and without regression and value range.
 */
class EstarfmReferenceTest {

    // Cases with many classes have windows with fewer than 6 similar pixels (window means used).
    @ParameterizedTest(name = "bands={0} factor={1} onFineGrid={2} regression={3} range={4} window={5} classes={6}")
    @CsvSource({
        "1, 4, false, true,  false, 15, 4",
        "1, 4, true,  true,  true,  15, 4",
        "3, 5, false, true,  true,  21, 4",
        "3, 5, true,  false, false, 21, 4",
        "2, 1, false, true,  true,  11, 4",
        "4, 3, false, true,  false, 9,  4",
        "1, 2, false, true,  false, 7,  60",
        "2, 3, true,  true,  true,  5,  40",
    })
    void agreesWithTheLiteralTranscription(int bands, int factor, boolean onFineGrid, boolean regression,
            boolean range, int window, int classes) {
        int size = 60 / factor * factor;
        SyntheticScene s = new SyntheticScene(size, size - 2 * factor, bands, factor, 4, 9, 1.5, 1.1, 3, 11 + bands);
        float[][][] f = s.fineImages;
        float[][][] c = onFineGrid ? new float[][][] {s.replicate(s.coarseImages[0]), s.replicate(s.coarseImages[1]),
            s.replicate(s.coarseImages[2])} : s.coarseImages;
        SplittableRandom rnd = new SplittableRandom(5);
        // No data: a few fine pixels at t_m, a coarse cell at t_n and two at t_p.
        for (int k = 0; k < 12; k++) {
            f[0][rnd.nextInt(bands)][rnd.nextInt(f[0][0].length)] = Float.NaN;
        }
        c[2][0][rnd.nextInt(c[2][0].length)] = Float.NaN;
        c[1][bands - 1][rnd.nextInt(c[1][0].length)] = Float.NaN;
        c[1][0][rnd.nextInt(c[1][0].length)] = Float.NaN;
        EstarfmParameters p = new EstarfmParameters(window, classes, regression, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY);
        if (range) {
            // A finite range just around the inputs: it switches on the coarse-change guard of V
            // and the revision of out-of-range predictions.
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (float[][][] images : new float[][][][] {f, c}) {
                for (float[][] image : images) {
                    for (float[] band : image) {
                        for (float v : band) {
                            if (Float.isNaN(v)) {
                                continue;
                            }
                            lo = Math.min(lo, v);
                            hi = Math.max(hi, v);
                        }
                    }
                }
            }
            p = p.withRange(lo - 0.5, hi + 0.5);
        }
        var grid = onFineGrid ? s.fine : s.coarse;
        Estarfm estarfm = Estarfm.prepare(p, GridSeries.undated(s.fine, f[0]), GridSeries.undated(grid, c[0]),
                GridSeries.undated(s.fine, f[2]), GridSeries.undated(grid, c[2]));
        float[][] fast = estarfm.predict(c[1], Monitor.NONE);

        float[][][] cf = onFineGrid ? c : new float[][][] {s.replicate(c[0]), s.replicate(c[1]), s.replicate(c[2])};
        NaiveEstarfm naive = new NaiveEstarfm(p, s.fine.width(), s.fine.height(), f[0], cf[0], f[2], cf[2]);
        float[][] slow = naive.predict(cf[1], 0, s.fine.height());
        for (int k = 0; k < 2; k++) {
            for (int b = 0; b < bands; b++) {
                assertEquals(naive.threshold(k, b), estarfm.threshold(k, b), 1e-9 * naive.threshold(k, b));
            }
        }
        int valid = 0;
        for (int b = 0; b < bands; b++) {
            for (int i = 0; i < fast[b].length; i++) {
                if (Float.isNaN(slow[b][i])) {
                    assertTrue(Float.isNaN(fast[b][i]), "NaN where the reference is NaN, pixel " + i);
                    continue;
                }
                valid++;
                // float32 outputs near 100-300; the two sum in different orders.
                assertEquals(slow[b][i], fast[b][i], 2e-3, "band " + b + " pixel " + i);
            }
        }
        assertTrue(valid > fast[0].length * bands * 0.8, "most pixels are predicted: " + valid);
    }
}
