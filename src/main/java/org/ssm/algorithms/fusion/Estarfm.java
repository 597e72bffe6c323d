package org.ssm.algorithms.fusion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesBuffer;
import org.ssm.grid.SeriesReader;
import org.ssm.grid.SeriesWriter;

/**
 * ESTARFM, the enhanced spatial and temporal adaptive reflectance fusion model of Zhu et al. (2010,
 * Remote Sensing of Environment 114:2610), as used in paper B §3.3 (eq. 1–3): from two pairs of
 * fine and coarse images at base dates t_m and t_n and a coarse image at t_p, it predicts the fine
 * image at t_p.
 *
 * <p>For each fine pixel (the centre of a w×w window):
 *
 * <ol>
 *   <li>similar pixels are those of the window whose fine value is within 2σ(B, t_k)/m of the
 *       centre's in every band B at both base dates (σ over the image, m classes); the centre
 *       always is one;
 *   <li>each similar pixel i gets the weight W_i = (1/D_i)/Σ(1/D_i), D_i = (1 − R_i + ε)·d_i, with
 *       R_i the correlation of its fine and coarse values and d_i = 1 + distance/(w/2);
 *   <li>V, per band, is the slope of fine on coarse values of the similar pixels (both base dates
 *       pooled), or 1 (see {@link SimilarPixels});
 *   <li>F_k = F(x_c, t_k) + V·Σ W_i·(C(x_i, t_p) − C(x_i, t_k)) for k = m, n (B eq. 1);
 *   <li>F = T_m·F_m + T_n·F_n (B eq. 2) with T_k ∝ 1/|Σ_window C(t_k) − Σ_window C(t_p)| (B eq. 3).
 * </ol>
 *
 * <p>The coarse images may be on a coarser grid nested in the fine grid (each coarse cell then
 * stands for the fine pixels it contains) or already on the fine grid. Images have nb bands; a
 * pixel is valid where every band of an image is finite and within the valid range. The output is
 * NaN where the centre pixel is invalid in any of the five images.
 *
 * <p>Prediction dates are independent: {@link #predict(SeriesReader, SeriesWriter, Monitor)} reads
 * and writes one date at a time. When it predicts several dates and the per-pixel cell weights fit
 * in a quarter of the heap, the similar-pixel search runs once and each further date costs one term
 * per coarse cell of the window.
 */
public final class Estarfm {

    private final BasePairs pairs;

    private Estarfm(BasePairs pairs) {
        this.pairs = pairs;
    }

    /**
     * Checks and prepares the two base pairs.
     *
     * @param parameters window, classes, regression switch and valid range
     * @param fineM fine image at t_m, nb bands (any dates are ignored)
     * @param coarseM coarse image at t_m, nb bands, on a grid nested in (or equal to) the fine grid
     * @param fineN fine image at t_n, on the grid of {@code fineM}
     * @param coarseN coarse image at t_n, on the grid of {@code coarseM}
     */
    public static Estarfm prepare(EstarfmParameters parameters, GridSeries fineM, GridSeries coarseM, GridSeries fineN,
            GridSeries coarseN) {
        return new Estarfm(BasePairs.of(parameters, fineM, coarseM, fineN, coarseN));
    }

    public EstarfmParameters parameters() {
        return pairs.parameters;
    }

    /** The grid of the fine images and of the predictions. */
    public GridGeometry fineGrid() {
        return pairs.fine;
    }

    /** The grid of every coarse image. */
    public GridGeometry coarseGrid() {
        return pairs.coarse;
    }

    /** Number of spectral bands nb. */
    public int bands() {
        return pairs.bands;
    }

    /** The similarity threshold 2σ/m of band {@code band} at t_m ({@code pair} 0) or t_n (1). */
    public double threshold(int pair, int band) {
        return pairs.threshold(pair, band);
    }

    /**
     * Predicts one date.
     *
     * @param coarseP the coarse image at t_p, [band][coarse cell] on {@link #coarseGrid()}
     * @return the fine image at t_p, [band][fine pixel]
     */
    public float[][] predict(float[][] coarseP, Monitor monitor) {
        requireImage(coarseP);
        Monitor m = monitor == null ? Monitor.NONE : monitor;
        float[][] out = new float[pairs.bands][pairs.fine.size()];
        float[][] sums = new float[2 * pairs.bands + 1][pairs.fine.size()];
        Progress progress = new Progress(m, pairs.height);
        predictDate(PredictionDate.of(pairs, coarseP, sums), null, out, progress);
        m.checkpoint(1, 1);
        return out;
    }

    /**
     * Predicts a series held in memory.
     *
     * @param coarseP the coarse images at the prediction dates, nb bands per date, date-major (band
     *     d·nb + b is band b of date d); with one band per date its dates carry over to the result
     * @return the fine predictions, with the bands and dates of {@code coarseP}
     */
    public GridSeries predict(GridSeries coarseP, Monitor monitor) {
        if (coarseP == null) {
            throw ParameterException.missing("coarseP", "a coverage (GeoTIFF)");
        }
        List<LocalDate> dates = coarseP.dates();
        SeriesBuffer out = new SeriesBuffer(pairs.fine, dates, coarseP.size());
        try {
            predict(coarseP.reader(), out, monitor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toSeries();
    }

    /**
     * Predicts every date of {@code coarseP}, reading and writing one date at a time.
     *
     * @param coarseP nb·k bands on {@link #coarseGrid()}: band d·nb + b is band b at date d
     * @param out receives nb·k bands on {@link #fineGrid()}, in the same order
     * @param monitor progress (once per row) and cancellation
     */
    public void predict(SeriesReader coarseP, SeriesWriter out, Monitor monitor) throws IOException {
        int nb = pairs.bands;
        Monitor m = monitor == null ? Monitor.NONE : monitor;
        if (!coarseP.geometry().sameAs(pairs.coarse)) {
            throw ParameterException.because("coarseP", "its grid (" + coarseP.geometry().describe()
                    + ") differs from the grid of coarseM (" + pairs.coarse.describe() + "); resample it with ssm:Align"
                    + " first");
        }
        if (coarseP.bands() % nb != 0) {
            throw ParameterException.because("coarseP", "it has " + coarseP.bands() + " band(s); expected " + nb
                    + " band(s) per prediction date (the bands of fineM), date after date");
        }
        if (!out.geometry().sameAs(pairs.fine) || out.bands() != coarseP.bands()) {
            throw new IllegalArgumentException("the output must have " + coarseP.bands() + " bands on the fine grid");
        }
        int dates = coarseP.bands() / nb;
        boolean keep = dates > 1 && CellWeights.bound(pairs) <= Runtime.getRuntime().maxMemory() / 4;
        Progress progress = new Progress(m, (long) pairs.height * (dates + (keep ? 1 : 0)));
        CellWeights model = keep ? search(progress) : null;
        float[][] result = new float[nb][pairs.fine.size()];
        float[][] sums = new float[2 * nb + 1][pairs.fine.size()];
        for (int d = 0; d < dates; d++) {
            float[][] coarse = new float[nb][];
            for (int b = 0; b < nb; b++) {
                coarse[b] = coarseP.read(d * nb + b);
            }
            predictDate(PredictionDate.of(pairs, coarse, sums), model, result, progress);
            for (int b = 0; b < nb; b++) {
                out.write(d * nb + b, result[b]);
            }
        }
        m.checkpoint(1, 1);
    }

    private void requireImage(float[][] coarseP) {
        if (coarseP == null || coarseP.length != pairs.bands) {
            throw ParameterException.because("coarseP", "expected " + pairs.bands + " band(s)");
        }
        for (float[] band : coarseP) {
            if (band == null || band.length != pairs.coarse.size()) {
                throw ParameterException.because("coarseP", "expected " + pairs.coarse.size()
                        + " values per band, on the grid of coarseM");
            }
        }
    }

    /** Centre columns per strip: the ring buffers of a strip stay within the processor's L2 cache. */
    private static final int STRIP = 256;

    /** Centre rows per task: the ring of w rows is filled once per task, then moved row by row. */
    private static final int CHUNK = 32;

    /**
     * Runs {@code work(scratch, row, firstColumn, endColumn)} over every strip and chunk of rows in
     * parallel (each row of each strip exactly once; results do not depend on the order).
     */
    private void forEachStripRow(PredictionDate date, Progress progress, StripWork work) {
        BasePairs p = pairs;
        int strip = Math.min(STRIP, p.width);
        int strips = (p.width + strip - 1) / strip;
        int chunks = (p.height + CHUNK - 1) / CHUNK;
        ConcurrentLinkedQueue<SimilarPixels> pool = new ConcurrentLinkedQueue<>();
        IntStream.range(0, chunks * strips).parallel().forEach(task -> {
            SimilarPixels s = pool.poll();
            if (s == null) {
                s = new SimilarPixels(p, strip, date);
            }
            int c0 = (task % strips) * strip;
            int c1 = Math.min(p.width, c0 + strip);
            int r0 = (task / strips) * CHUNK;
            s.startStrip(c0);
            for (int r = r0; r < Math.min(p.height, r0 + CHUNK); r++) {
                work.row(s, r, c0, c1);
                progress.row((double) (c1 - c0) / p.width);
            }
            pool.add(s);
        });
    }

    @FunctionalInterface
    private interface StripWork {
        void row(SimilarPixels scratch, int row, int c0, int c1);
    }

    /** Runs the similar-pixel search for every pixel and keeps the cell weights. */
    private CellWeights search(Progress progress) {
        BasePairs p = pairs;
        int strip = Math.min(STRIP, p.width);
        int strips = (p.width + strip - 1) / strip;
        CellWeights model = new CellWeights(p.height, strips);
        boolean revise = p.parameters.hasRange();
        forEachStripRow(null, progress, (s, r, c0, c1) -> {
            CellWeights.Row row = new CellWeights.Row(c1 - c0, p.bands, revise);
            boolean started = false;
            for (int c = c0; c < c1; c++) {
                if (p.valid[r * p.width + c]) {
                    if (!started) {
                        s.startRow(r);
                        started = true;
                    }
                    s.scanCells(c);
                    row.add(c - c0, s, p.bands, revise);
                } else {
                    row.skip(c - c0);
                }
            }
            row.trim();
            model.rows[r][c0 / strip] = row;
        });
        return model;
    }

    /** Predicts one date into {@code out}, from the kept cell weights or with a search per pixel. */
    private void predictDate(PredictionDate date, CellWeights model, float[][] out, Progress progress) {
        BasePairs p = pairs;
        int strip = Math.min(STRIP, p.width);
        forEachStripRow(model == null ? date : null, progress, (s, r, c0, c1) -> {
            CellWeights.Row row = model == null ? null : model.rows[r][c0 / strip];
            boolean started = false;
            for (int c = c0; c < c1; c++) {
                int ic = r * p.width + c;
                int cell = p.rowCell[r] * p.coarseWidth + p.colCell[c];
                if (!p.valid[ic] || !date.cellValid[cell]) {
                    for (int b = 0; b < p.bands; b++) {
                        out[b][ic] = Float.NaN;
                    }
                } else if (row != null) {
                    int k = c - c0;
                    int from = row.start[k];
                    SimilarPixels.apply(p, ic, row.cell, row.weight, from, row.start[k + 1] - from,
                            row.conversion, row.revisedM, row.revisedN, k * p.bands, date, out);
                } else {
                    if (!started) {
                        s.startRow(r);
                        started = true;
                    }
                    s.predict(c, out);
                }
            }
        });
    }

    /** Row progress shared by the worker threads; reports (never backwards) and checks cancellation. */
    private static final class Progress {
        private static final long SCALE = 1 << 16;
        private final Monitor monitor;
        private final long total;
        private long done;

        Progress(Monitor monitor, long total) {
            this.monitor = monitor == null ? Monitor.NONE : monitor;
            this.total = Math.max(1, total) * SCALE;
        }

        /** Reports {@code share} of a row done (a strip's part of it). */
        synchronized void row(double share) {
            done += Math.round(share * SCALE);
            monitor.checkpoint(done, total + 1);
        }
    }
}
