package org.ssm.algorithms.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ssm.core.Monitor;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;

class ResamplerTest {

    private static final GridGeometry SRC = new GridGeometry("EPSG:32633", 0, 100, 10, 10, 10, 10);

    private static GridSeries field(GridGeometry g, java.util.function.BiFunction<Double, Double, Double> f) {
        float[] v = new float[g.size()];
        for (int r = 0; r < g.height(); r++) {
            for (int c = 0; c < g.width(); c++) {
                v[r * g.width() + c] = (float) (double) f.apply(g.centerX(c), g.centerY(r));
            }
        }
        return GridSeries.undated(g, new float[][] {v});
    }

    @Test
    void nearestOnTheSameGridIsTheIdentity() {
        GridSeries s = field(SRC, (x, y) -> x * 3 + y);
        GridSeries out = new Resampler(SRC, Resampling.NEAREST, null).resample(s, Monitor.NONE);
        assertArrayEquals(s.band(0), out.band(0), 0f);
    }

    @Test
    void areaAverageOfBlocksIsTheBlockMean() {
        GridSeries s = field(SRC, (x, y) -> x * 3 + y);
        GridSeries out = new Resampler(SRC.coarsen(2), Resampling.AREA_AVERAGE, null).resample(s, Monitor.NONE);
        // The mean of a linear field over a block is its value at the block centre.
        GridSeries expected = field(SRC.coarsen(2), (x, y) -> x * 3 + y);
        assertArrayEquals(expected.band(0), out.band(0), 1e-4f);
    }

    @Test
    void areaAverageWeightsPartialOverlap() {
        GridGeometry src = new GridGeometry("EPSG:32633", 0, 10, 10, 10, 3, 1);
        GridSeries s = GridSeries.undated(src, new float[][] {{1, 2, 4}});
        // One target cell of 15 m covers the first cell fully and half of the second: (10*1 + 5*2) / 15.
        GridGeometry target = new GridGeometry("EPSG:32633", 0, 10, 15, 10, 2, 1);
        GridSeries out = new Resampler(target, Resampling.AREA_AVERAGE, null).resample(s, Monitor.NONE);
        assertEquals(20.0 / 15, out.band(0)[0], 1e-6);
        assertEquals((5 * 2 + 10 * 4) / 15.0, out.band(0)[1], 1e-6);
    }

    @Test
    void areaAverageSkipsNoData() {
        GridGeometry src = new GridGeometry("EPSG:32633", 0, 10, 10, 10, 2, 1);
        GridSeries s = GridSeries.undated(src, new float[][] {{Float.NaN, 3}});
        GridSeries out = new Resampler(src.coarsen(2), Resampling.AREA_AVERAGE, null).resample(s, Monitor.NONE);
        assertEquals(3f, out.band(0)[0], 0f);
    }

    @Test
    void bilinearReproducesAPlaneInsideTheGrid() {
        GridSeries s = field(SRC, (x, y) -> 0.5 * x - 0.25 * y + 7);
        GridGeometry target = new GridGeometry("EPSG:32633", 12, 88, 3, 3, 20, 20);
        GridSeries out = new Resampler(target, Resampling.BILINEAR, null).resample(s, Monitor.NONE);
        GridSeries expected = field(target, (x, y) -> 0.5 * x - 0.25 * y + 7);
        // float32 values of order 10: 1e-4 allows rounding only.
        assertArrayEquals(expected.band(0), out.band(0), 1e-4f);
    }

    @Test
    void coordinateMapIsAppliedAndOutsideIsNoData() {
        GridSeries s = field(SRC, (x, y) -> x);
        // Target coordinates are source coordinates shifted by +50 m in x.
        GridGeometry target = new GridGeometry("OTHER:1", 60, 100, 10, 10, 10, 10);
        org.ssm.grid.CoordinateMap shift = (xy, n) -> {
            for (int i = 0; i < n; i++) {
                xy[2 * i] -= 50;
            }
        };
        GridSeries out = new Resampler(target, Resampling.NEAREST, shift).resample(s, Monitor.NONE);
        assertEquals(15f, out.band(0)[0], 0f); // target centre x=65 -> source x=15
        assertEquals(95f, out.band(0)[8], 0f);
        assertTrue(Float.isNaN(out.band(0)[9]), "target x=155 -> source x=105, outside");
        GridSeries avg = new Resampler(target.coarsen(2), Resampling.AREA_AVERAGE, shift).resample(s, Monitor.NONE);
        assertEquals(20f, avg.band(0)[0], 1e-5f); // mean of source centres 15 and 25
    }
}
