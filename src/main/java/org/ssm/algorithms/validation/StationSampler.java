package org.ssm.algorithms.validation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.SeriesReader;
import org.ssm.grid.Window;

/**
 * Reads the values of a series in the cells of a set of stations, band by band, reading only what
 * it needs: one window around all of them when they are dense, else short runs of cells along the
 * rows that hold stations. A series larger than the heap is then never read whole.
 */
public final class StationSampler {

    /**
     * What one read costs beside its cells, in cells (a call, a raster or buffer set-up): runs of
     * cells closer than this are read as one, and a bounding window is preferred when it reads
     * fewer cells than the runs plus this per run.
     */
    static final int CELLS_PER_READ = 256;

    private final SeriesReader reader;
    private final int[] cells;
    private final List<Window> windows = new ArrayList<>();
    /** For each station, the window holding its cell and the cell's offset in it; -1 outside. */
    private final int[] windowOf;
    private final int[] offsetIn;

    /**
     * @param reader the series
     * @param cells the row-major cell of each station in the series' grid, {@link StationCells#OUTSIDE}
     *     for none
     */
    public StationSampler(SeriesReader reader, int[] cells) {
        this.reader = reader;
        this.cells = cells.clone();
        this.windowOf = new int[cells.length];
        this.offsetIn = new int[cells.length];
        plan(reader.geometry());
    }

    private void plan(GridGeometry grid) {
        int w = grid.width();
        int[] sorted = Arrays.stream(cells).filter(c -> c >= 0).distinct().sorted().toArray();
        Arrays.fill(windowOf, -1);
        if (sorted.length == 0) {
            return;
        }
        List<Window> runs = new ArrayList<>();
        long runCells = 0;
        int start = sorted[0];
        int prev = sorted[0];
        for (int i = 1; i <= sorted.length; i++) {
            int c = i < sorted.length ? sorted[i] : -1;
            if (c < 0 || c / w != prev / w || c - prev > CELLS_PER_READ) {
                runs.add(new Window(start % w, start / w, prev - start + 1, 1));
                runCells += prev - start + 1;
                start = c;
            }
            prev = c;
        }
        int minCol = Integer.MAX_VALUE;
        int maxCol = -1;
        for (int c : sorted) {
            minCol = Math.min(minCol, c % w);
            maxCol = Math.max(maxCol, c % w);
        }
        int minRow = sorted[0] / w;
        int maxRow = sorted[sorted.length - 1] / w;
        Window box = new Window(minCol, minRow, maxCol - minCol + 1, maxRow - minRow + 1);
        if ((long) box.size() <= runCells + (long) CELLS_PER_READ * runs.size()) {
            windows.add(box);
        } else {
            windows.addAll(runs);
        }
        for (int s = 0; s < cells.length; s++) {
            int c = cells[s];
            if (c < 0) {
                continue;
            }
            int col = c % w;
            int row = c / w;
            for (int k = 0; k < windows.size(); k++) {
                Window win = windows.get(k);
                if (row >= win.row() && row < win.row() + win.height() && col >= win.col()
                        && col < win.col() + win.width()) {
                    windowOf[s] = k;
                    offsetIn[s] = (row - win.row()) * win.width() + col - win.col();
                    break;
                }
            }
        }
    }

    /** Number of reads per band. */
    public int readsPerBand() {
        return windows.size();
    }

    /** The value of each station's cell in band {@code band}; NaN for stations outside the grid. */
    public float[] sample(int band) throws IOException {
        float[][] data = new float[windows.size()][];
        for (int k = 0; k < data.length; k++) {
            data[k] = reader.read(band, windows.get(k));
        }
        float[] out = new float[cells.length];
        for (int s = 0; s < out.length; s++) {
            out[s] = windowOf[s] < 0 ? Float.NaN : data[windowOf[s]][offsetIn[s]];
        }
        return out;
    }

    /** The value of each station's cell in a whole band already read. */
    public float[] sample(float[] wholeBand) {
        float[] out = new float[cells.length];
        for (int s = 0; s < out.length; s++) {
            out[s] = cells[s] < 0 ? Float.NaN : wholeBand[cells[s]];
        }
        return out;
    }
}
