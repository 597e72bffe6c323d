package org.ssm.algorithms.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssm.core.Monitor;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.io.GeoTiff;

/**
 * ESTARFM on real Landsat/MODIS LST around the OzFlux Yanco site (test resources
 * {@code data/estarfm-lst-yanco}, from github.com/yuyi13/ubESTARFM, MIT): base pairs 2016-02-05 and
 * 2016-03-08, prediction of 2016-02-18, statistics against the MODIS image of 2016-02-18 at the
 * fine grid and over its 10 × 10 blocks (the 0.01° MODIS cells). See docs/algorithms/estarfm.md.
 */
class EstarfmYancoTest {

    private static final int SIZE = 400;
    private static final int BLOCK = 10;

    /** The valid range of the upstream example (ubESTARFM's DN_min and DN_max for LST in K). */
    private static final EstarfmParameters LST = EstarfmParameters.DEFAULTS.withRange(250, 350);

    private static GridSeries landsatM;
    private static GridSeries landsatN;
    private static GridSeries modisM;
    private static GridSeries modisP;
    private static GridSeries modisN;

    @BeforeAll
    static void read() throws IOException {
        landsatM = read("Landsat_LST_cloudrm_20160205");
        landsatN = read("Landsat_LST_cloudrm_20160308");
        modisM = read("MOD11A1_LST_cloudrm_20160205");
        modisP = read("MOD11A1_LST_cloudrm_20160218");
        modisN = read("MOD11A1_LST_cloudrm_20160308");
    }

    private static GridSeries read(String name) throws IOException {
        java.net.URL url = EstarfmYancoTest.class.getResource("/data/estarfm-lst-yanco/" + name + ".tif");
        assertTrue(url != null, "test resource " + name);
        try {
            return GeoTiff.read(Path.of(url.toURI()));
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static float[] predict(EstarfmParameters p, GridSeries coarseP) {
        return Estarfm.prepare(p, landsatM, modisM, landsatN, modisN).predict(new float[][] {coarseP.band(0)},
                Monitor.NONE)[0];
    }

    @Test
    void theNoDataPixelIsTheOnlyGap() {
        float[] out = predict(LST, modisP);
        assertTrue(Float.isNaN(landsatM.band(0)[389 * SIZE + 327]), "the GeoTIFF NoData value is read as NaN");
        for (int i = 0; i < out.length; i++) {
            assertEquals(i == 389 * SIZE + 327, Float.isNaN(out[i]), "pixel " + i);
            if (!Float.isNaN(out[i])) {
                assertTrue(out[i] >= 250 && out[i] <= 350, "within the valid range: " + out[i]);
            }
        }
    }

    /** On real data too, the fast path equals the literal transcription (rows across the NoData pixel). */
    @Test
    void agreesWithTheLiteralTranscription() {
        for (EstarfmParameters p : new EstarfmParameters[] {LST, LST.withRegression(false)}) {
            float[] fast = predict(p, modisP);
            NaiveEstarfm naive = new NaiveEstarfm(p, SIZE, SIZE, bands(landsatM), bands(modisM), bands(landsatN),
                    bands(modisN));
            float[] slow = naive.predict(bands(modisP), 386, 392)[0];
            for (int i = 386 * SIZE; i < 392 * SIZE; i++) {
                if (Float.isNaN(slow[i])) {
                    assertTrue(Float.isNaN(fast[i]));
                } else {
                    // float32 LST near 310 K has a spacing of 3e-5 K; sums run in different orders.
                    assertEquals(slow[i], fast[i], 2e-3, "regression " + p.regression() + " pixel " + i);
                }
            }
        }
    }

    /**
     * The MODIS files are 0.01° cells replicated onto the 0.001° grid: given as the 40 × 40 coarse
     * grid instead, the prediction is the same (the coarse cells of a window are then weighed as
     * cells rather than pixel by pixel).
     */
    @Test
    void coarseCellsNestedOrReplicatedGiveTheSamePrediction() {
        GridGeometry coarse = landsatM.geometry().coarsen(BLOCK);
        float[] nested = Estarfm.prepare(LST, landsatM, cells(modisM, coarse), landsatN, cells(modisN, coarse))
                .predict(new float[][] {cells(modisP, coarse).band(0)}, Monitor.NONE)[0];
        float[] replicated = predict(LST, modisP);
        for (int i = 0; i < nested.length; i++) {
            if (!Float.isNaN(replicated[i])) {
                assertEquals(replicated[i], nested[i], 2e-3, "pixel " + i);
            }
        }
    }

    /** Predicting a base date gives its fine image back: T_k = 1 and Σ W·ΔC_k = 0 there. */
    @Test
    void aBaseDateIsReproduced() {
        float[] out = predict(LST, modisM);
        float[] fine = landsatM.band(0);
        for (int i = 0; i < out.length; i++) {
            if (!Float.isNaN(fine[i])) {
                assertEquals(fine[i], out[i], 1e-3, "pixel " + i);
            }
        }
    }

    /**
     * Statistics of the prediction of 2016-02-18 against the MODIS image of that date.
     *
     * <p>With V = 1 the prediction minus C(t_p) is T_m·(F_m − C_m) + T_n·(F_n − C_n) plus the
     * difference between the similar pixels' weighted coarse change and the centre's, which averages
     * out over the scene. ESTARFM keeps the fine sensor's radiometry, so its bias against MODIS is a
     * convex combination of the Landsat − MODIS biases of the two base pairs, and over 10 × 10 blocks
     * (where the weighted coarse change is nearly the block's own) its unbiased RMSE stays within the
     * larger of the two pairs' unbiased RMSEs. With regression, V fitted near 2 (Landsat warms twice as
     * much as MODIS between the base dates) doubles the MODIS change: only reported.
     */
    @Test
    void statisticsAgainstTheCoarseImageAtThePredictionDate() {
        float[] withV = predict(LST, modisP);
        float[] unitV = predict(LST.withRegression(false), modisP);
        Stats pairM = Stats.of(blocks(landsatM.band(0)), blocks(modisM.band(0)));
        Stats pairN = Stats.of(blocks(landsatN.band(0)), blocks(modisN.band(0)));
        Stats fine = Stats.of(unitV, modisP.band(0));
        Stats block = Stats.of(blocks(unitV), blocks(modisP.band(0)));
        System.out.println("Yanco 2016-02-18, base pair t_m blocks: " + pairM + "; t_n blocks: " + pairN);
        System.out.println("ESTARFM V = 1, fine grid: " + fine + "; 10 x 10 blocks: " + block);
        System.out.println("ESTARFM regression, fine grid: " + Stats.of(withV, modisP.band(0)) + "; 10 x 10 blocks: "
                + Stats.of(blocks(withV), blocks(modisP.band(0))));
        System.out.println("Nearest Landsat (2016-02-05), fine grid: " + Stats.of(landsatM.band(0), modisP.band(0))
                + "; blocks: " + Stats.of(blocks(landsatM.band(0)), blocks(modisP.band(0))));
        double lo = Math.min(pairM.bias(), pairN.bias());
        double hi = Math.max(pairM.bias(), pairN.bias());
        assertTrue(block.bias() > lo && block.bias() < hi, "bias " + block.bias() + " within [" + lo + ", " + hi + "]");
        assertEquals(block.bias(), fine.bias(), 1e-3, "block means keep the bias");
        double bound = Math.max(pairM.ubRmse(), pairN.ubRmse());
        assertTrue(block.ubRmse() < bound, "unbiased block RMSE " + block.ubRmse() + " < " + bound);
        assertEquals(SIZE * SIZE - 1, fine.count());
        assertEquals((SIZE / BLOCK) * (SIZE / BLOCK), block.count());
    }

    private static float[][] bands(GridSeries s) {
        return new float[][] {s.band(0)};
    }

    /** The replicated 10 × 10 blocks of {@code s} as one coarse cell each (block means). */
    private static GridSeries cells(GridSeries s, GridGeometry coarse) {
        return GridSeries.undated(coarse, new float[][] {blocks(s.band(0))});
    }

    /** Means over the 10 × 10 blocks, skipping NaN. */
    private static float[] blocks(float[] f) {
        int n = SIZE / BLOCK;
        float[] out = new float[n * n];
        for (int br = 0; br < n; br++) {
            for (int bc = 0; bc < n; bc++) {
                double sum = 0;
                int count = 0;
                for (int r = 0; r < BLOCK; r++) {
                    for (int c = 0; c < BLOCK; c++) {
                        float v = f[(br * BLOCK + r) * SIZE + bc * BLOCK + c];
                        if (!Float.isNaN(v)) {
                            sum += v;
                            count++;
                        }
                    }
                }
                out[br * n + bc] = count == 0 ? Float.NaN : (float) (sum / count);
            }
        }
        return out;
    }

    /** RMSE, bias (a − b), Pearson correlation and unbiased RMSE over the pixels valid in both. */
    record Stats(double rmse, double bias, double pcc, double ubRmse, int count) {
        static Stats of(float[] a, float[] b) {
            double sa = 0;
            double sb = 0;
            int n = 0;
            for (int i = 0; i < a.length; i++) {
                if (!Float.isNaN(a[i]) && !Float.isNaN(b[i])) {
                    sa += a[i];
                    sb += b[i];
                    n++;
                }
            }
            double ma = sa / n;
            double mb = sb / n;
            double ss = 0;
            double sab = 0;
            double saa = 0;
            double sbb = 0;
            for (int i = 0; i < a.length; i++) {
                if (!Float.isNaN(a[i]) && !Float.isNaN(b[i])) {
                    double d = a[i] - b[i];
                    ss += d * d;
                    sab += (a[i] - ma) * (b[i] - mb);
                    saa += (a[i] - ma) * (a[i] - ma);
                    sbb += (b[i] - mb) * (b[i] - mb);
                }
            }
            double rmse = Math.sqrt(ss / n);
            double bias = ma - mb;
            return new Stats(rmse, bias, sab / Math.sqrt(saa * sbb), Math.sqrt(Math.max(0, rmse * rmse - bias * bias)), n);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "RMSE %.2f K, bias %+.2f K, PCC %.2f, ubRMSE %.2f K (n = %d)", rmse, bias,
                    pcc, ubRmse, count);
        }
    }
}
