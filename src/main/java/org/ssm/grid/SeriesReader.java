package org.ssm.grid;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * A series read window by window and band by band, so that a series larger than the heap can be
 * processed date by date or tile by tile. Implementations: {@link GridSeries#reader()} in memory,
 * {@code org.ssm.io.ScratchSeries} on disk, {@code org.ssm.io.Coverages#reader} over a (lazily read)
 * GeoTools coverage.
 */
public interface SeriesReader extends AutoCloseable {

    GridGeometry geometry();

    /** One date per band, or empty for an undated series. */
    List<LocalDate> dates();

    /** Number of bands. */
    int bands();

    /** The cells of {@code window} of band {@code band}, row-major within the window, in a new array. */
    float[] read(int band, Window window) throws IOException;

    /** A whole band, in a new array. */
    default float[] read(int band) throws IOException {
        return read(band, Window.all(geometry()));
    }

    /**
     * Every band of {@code window}: {@code result[band][cell]}. Implementations that store bands
     * interleaved read the window once.
     */
    default float[][] readAllBands(Window window) throws IOException {
        float[][] out = new float[bands()][];
        for (int b = 0; b < out.length; b++) {
            out[b] = read(b, window);
        }
        return out;
    }

    @Override
    default void close() throws IOException {}
}
