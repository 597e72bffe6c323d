package org.ssm.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesBuffer;
import org.ssm.grid.SeriesReader;
import org.ssm.grid.Window;

/** Window-by-window series: scratch files, lazy coverages and lazily read GeoTIFFs give the stored values bit for bit. */
class StreamingSeriesTest {

    @TempDir
    Path dir;

    // 300 x 270 spans two tiles of 256 in each direction, so edge tiles are exercised.
    private static final GridGeometry GRID = new GridGeometry("EPSG:32633", 500_000, 5_350_000, 100, 100, 300, 270);

    private static GridSeries sample(int bands, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] v = new float[bands][GRID.size()];
        List<LocalDate> dates = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            dates.add(LocalDate.of(2021, 4, 1).plusDays(b));
            for (int i = 0; i < GRID.size(); i++) {
                v[b][i] = rnd.nextInt(10) == 0 ? Float.NaN : (float) rnd.nextDouble();
            }
        }
        return GridSeries.of(GRID, dates, v);
    }

    @Test
    void scratchSeriesStoresWindowsAndReadsNaNWhereUnwritten() throws Exception {
        GridSeries s = sample(3, 1);
        try (ScratchSeries scratch = ScratchSeries.create(dir, GRID, s.dates(), 3)) {
            for (Window w : Window.tiles(GRID, 64)) {
                for (int b = 0; b < 2; b++) {
                    scratch.write(b, w, w.copyFrom(s.band(b), GRID.width()));
                }
            }
            assertArrayEquals(s.band(0), scratch.read(0), 0f);
            assertArrayEquals(s.band(1), scratch.read(1), 0f);
            float[] unwritten = scratch.read(2, new Window(10, 20, 5, 5));
            for (float v : unwritten) {
                assertTrue(Float.isNaN(v));
            }
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "the scratch file is deleted on close");
        }
    }

    @Test
    void lazyCoverageWritesTheSameGeoTiffAsTheInMemorySeries() throws Exception {
        GridSeries s = sample(5, 2);
        Path file = dir.resolve("lazy.tif");
        try (ScratchSeries scratch = ScratchSeries.copyOf(dir.resolve("scratch"), s.reader())) {
            GeoTiff.write(file, scratch);
        }
        GridSeries back = GeoTiff.read(file);
        assertEquals(s.dates(), back.dates());
        assertTrue(back.geometry().sameAs(GRID));
        for (int b = 0; b < 5; b++) {
            assertArrayEquals(s.band(b), back.band(b), 0f);
        }
    }

    @Test
    void openReadsWindowsWithoutDecodingTheWholeFile() throws Exception {
        GridSeries s = sample(4, 3);
        Path file = dir.resolve("series.tif");
        GeoTiff.write(file, s);
        try (SeriesReader r = GeoTiff.open("series", file, null)) {
            assertEquals(s.dates(), r.dates());
            Window w = new Window(250, 200, 50, 70);
            assertArrayEquals(w.copyFrom(s.band(3), GRID.width()), r.read(3, w), 0f);
            float[][] all = r.readAllBands(w);
            for (int b = 0; b < 4; b++) {
                assertArrayEquals(w.copyFrom(s.band(b), GRID.width()), all[b], 0f);
            }
        }
    }

    @Test
    void seriesBufferCollectsWindows() throws Exception {
        GridSeries s = sample(2, 4);
        SeriesBuffer buffer = new SeriesBuffer(GRID, s.dates(), 2);
        for (Window w : Window.tiles(GRID, 100)) {
            buffer.write(1, w, w.copyFrom(s.band(1), GRID.width()));
        }
        GridSeries out = buffer.toSeries();
        assertArrayEquals(s.band(1), out.band(1), 0f);
        assertFalse(out.grid(0).validCount() > 0, "an unwritten band is NaN");
    }
}
