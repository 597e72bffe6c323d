package org.ssm.algorithms.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesReader;
import org.ssm.grid.Window;

/** The sampler returns each station's cell and reads only around the stations. */
class StationSamplerTest {

    /** A reader that counts what it is asked for. */
    private static final class Counting implements SeriesReader {
        private final SeriesReader inner;
        final List<Window> reads = new ArrayList<>();

        Counting(SeriesReader inner) {
            this.inner = inner;
        }

        @Override
        public GridGeometry geometry() {
            return inner.geometry();
        }

        @Override
        public List<LocalDate> dates() {
            return inner.dates();
        }

        @Override
        public int bands() {
            return inner.bands();
        }

        @Override
        public float[] read(int band, Window window) throws IOException {
            reads.add(window);
            return inner.read(band, window);
        }
    }

    private static GridSeries series(int width, int height, int bands) {
        GridGeometry g = new GridGeometry("EPSG:32633", 0, 0, 1, 1, width, height);
        float[][] data = new float[bands][g.size()];
        SplittableRandom rnd = new SplittableRandom(2);
        for (float[] band : data) {
            for (int i = 0; i < band.length; i++) {
                band[i] = (float) rnd.nextDouble();
            }
        }
        List<LocalDate> dates = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            dates.add(LocalDate.of(2021, 1, 1).plusDays(b));
        }
        return GridSeries.of(g, dates, data);
    }

    @Test
    void denseStationsAreReadInOneWindow() throws IOException {
        GridSeries s = series(50, 40, 3);
        int[] cells = new int[60];
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = rnd.nextInt(s.geometry().size());
        }
        cells[7] = StationCells.OUTSIDE;
        Counting reader = new Counting(s.reader());
        StationSampler sampler = new StationSampler(reader, cells);
        assertEquals(1, sampler.readsPerBand(), "60 stations in 2000 cells: the bounding window is cheaper");
        for (int b = 0; b < 3; b++) {
            float[] v = sampler.sample(b);
            for (int i = 0; i < cells.length; i++) {
                assertEquals(cells[i] < 0 ? Float.NaN : s.band(b)[cells[i]], v[i], 0f, "station " + i);
            }
            assertEquals(v.length, sampler.sample(s.band(b)).length);
            assertEquals(java.util.Arrays.toString(v), java.util.Arrays.toString(sampler.sample(s.band(b))));
        }
        assertEquals(3, reader.reads.size());
    }

    @Test
    void sparseStationsAreReadCellByCell() throws IOException {
        GridSeries s = series(2000, 1000, 1);
        // Two neighbours on one row (one run), one far away on the same row, one on another row.
        int[] cells = {10 * 2000 + 5, 10 * 2000 + 7, 10 * 2000 + 1500, 900 * 2000 + 1999};
        Counting reader = new Counting(s.reader());
        StationSampler sampler = new StationSampler(reader, cells);
        assertEquals(3, sampler.readsPerBand());
        float[] v = sampler.sample(0);
        for (int i = 0; i < cells.length; i++) {
            assertEquals(s.band(0)[cells[i]], v[i], 0f);
        }
        assertEquals(List.of(new Window(5, 10, 3, 1), new Window(1500, 10, 1, 1), new Window(1999, 900, 1, 1)),
                reader.reads);
    }
}
