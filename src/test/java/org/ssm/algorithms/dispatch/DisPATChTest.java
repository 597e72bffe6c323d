package org.ssm.algorithms.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ssm.algorithms.indices.SoilEvaporativeEfficiency;
import org.ssm.core.CancelledException;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.Grid;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;

class DisPATChTest {

    private static final GridGeometry FINE = new GridGeometry("EPSG:32633", 500_000, 5_300_000, 1000, 1000, 40, 30);
    private static final GridGeometry COARSE = FINE.coarsen(10);

    private static List<LocalDate> dates(int n) {
        List<LocalDate> d = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            d.add(LocalDate.of(2021, 5, 1).plusDays(i));
        }
        return d;
    }

    private static GridSeries random(GridGeometry g, int bands, double lo, double hi, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] v = new float[bands][g.size()];
        for (float[] band : v) {
            for (int i = 0; i < band.length; i++) {
                band[i] = (float) (lo + (hi - lo) * rnd.nextDouble());
            }
        }
        return GridSeries.of(g, dates(bands), v);
    }

    @Test
    void fineMeanEqualsCoarseValueWhenAllFinePixelsAreValid() {
        int days = 5;
        GridSeries coarse = random(COARSE, days, 0.05, 0.45, 1);
        GridSeries lst = random(FINE, days, 285, 325, 2);
        GridSeries fvc = random(FINE, days, 0.0, 0.6, 3);
        Grid dem = random(FINE, 1, 200, 1200, 4).grid(0);
        GridSeries fine = DisPATCh.PAPER_E.downscale(coarse, lst, fvc, dem, Monitor.NONE);

        int[] cell = FINE.coarseCellIndex(COARSE);
        for (int d = 0; d < days; d++) {
            double[] sum = new double[COARSE.size()];
            int[] n = new int[COARSE.size()];
            for (int i = 0; i < FINE.size(); i++) {
                float v = fine.band(d)[i];
                assertTrue(!Float.isNaN(v), "every fine pixel is valid here");
                sum[cell[i]] += v;
                n[cell[i]]++;
            }
            for (int c = 0; c < COARSE.size(); c++) {
                // E eq. 5-6 are linear, so the mean is exact up to float32 rounding of the outputs.
                assertEquals(coarse.band(d)[c], sum[c] / n[c], 1e-5, "date " + d + " cell " + c);
            }
        }
        // The downscaled field is not just the coarse value repeated.
        float[] day0 = fine.band(0);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (int i = 0; i < 100; i++) {
            min = Math.min(min, day0[i]);
            max = Math.max(max, day0[i]);
        }
        assertTrue(max - min > 0.01, "fine detail is added");
    }

    @Test
    void handComputedTaylorStep() {
        // One coarse cell over 2 fine pixels, SEE_HR = 1 and 0 -> SEE_LR = 0.5, SM' = 0.2 / 0.5 = 0.4.
        float[] out = DisPATCh.PAPER_E.downscaleImage(new float[] {0.2f}, new int[] {0, 0}, new float[] {1f, 0f});
        assertEquals(0.2f + 0.4f * 0.5f, out[0], 1e-7f);
        assertEquals(0.2f - 0.4f * 0.5f, out[1], 1e-7f);
    }

    @Test
    void swathGapsAndCloudsGiveNoDataAndOtherCellsStillConserve() {
        float[] out = DisPATCh.PAPER_E.downscaleImage(new float[] {Float.NaN, 0.3f}, new int[] {0, 0, 1, 1, 1},
                new float[] {0.5f, 0.6f, Float.NaN, 0.2f, 0.6f});
        assertTrue(Float.isNaN(out[0]) && Float.isNaN(out[1]), "swath gap");
        assertTrue(Float.isNaN(out[2]), "cloud");
        assertEquals(0.3, (out[3] + out[4]) / 2.0, 1e-6);
    }

    @Test
    void tinyCoarseSeeKeepsTheCoarseValue() {
        float[] out = DisPATCh.PAPER_E.downscaleImage(new float[] {0.1f}, new int[] {0, 0}, new float[] {0.0f, 0.004f});
        assertEquals(0.1f, out[0], 0f);
        assertEquals(0.1f, out[1], 0f);
    }

    @Test
    void misalignedCoarseGridIsRejected() {
        GridGeometry shifted = new GridGeometry("EPSG:32633", 500_300, 5_300_000, 10_000, 10_000, 4, 3);
        GridSeries coarse = random(shifted, 2, 0.1, 0.3, 1);
        ParameterException e = assertThrows(ParameterException.class, () -> DisPATCh.PAPER_E.downscale(coarse,
                random(FINE, 2, 290, 310, 2), random(FINE, 2, 0, 0.5, 3), null, Monitor.NONE));
        assertEquals("coarseSsm", e.parameter());
        assertTrue(e.getMessage().contains("ssm:Align"), e.getMessage());
    }

    @Test
    void mismatchedDatesAndAllNaNInputsAreRejected() {
        GridSeries coarse = random(COARSE, 3, 0.1, 0.3, 1);
        GridSeries lst = random(FINE, 2, 290, 310, 2);
        assertEquals("lst", assertThrows(ParameterException.class, () -> DisPATCh.PAPER_E.downscale(coarse, lst,
                random(FINE, 3, 0, 0.5, 3), null, Monitor.NONE)).parameter());

        float[][] nan = new float[3][FINE.size()];
        for (float[] b : nan) {
            Arrays.fill(b, Float.NaN);
        }
        GridSeries cloudy = GridSeries.of(FINE, dates(3), nan);
        ParameterException e = assertThrows(ParameterException.class,
                () -> DisPATCh.PAPER_E.downscale(coarse, cloudy, random(FINE, 3, 0, 0.5, 3), null, Monitor.NONE));
        assertEquals("lst", e.parameter());
        assertTrue(e.getMessage().contains("no data"), e.getMessage());
    }

    @Test
    void cancellationStopsTheRun() {
        Monitor cancelled = new Monitor() {
            @Override
            public void progress(double fraction) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancelledException.class, () -> DisPATCh.PAPER_E.downscale(random(COARSE, 2, 0.1, 0.3, 1),
                random(FINE, 2, 290, 310, 2), random(FINE, 2, 0, 0.5, 3), null, cancelled));
    }

    @Test
    void parametersAreValidated() {
        assertEquals("minCoarseSee", assertThrows(ParameterException.class,
                () -> new DisPATCh(SoilEvaporativeEfficiency.PAPER_E, 1.5)).parameter());
    }
}
