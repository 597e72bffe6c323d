package org.ssm.grid;

import java.io.IOException;

/**
 * The receiving end of a series processed window by window: each window of each band is written
 * once. Implementations: {@link SeriesBuffer} in memory, {@code org.ssm.io.ScratchSeries} on disk.
 */
public interface SeriesWriter extends AutoCloseable {

    GridGeometry geometry();

    /** Number of bands. */
    int bands();

    /** Stores {@code values} (row-major within {@code window}) as the window's cells of band {@code band}. */
    void write(int band, Window window, float[] values) throws IOException;

    /** Stores a whole band. */
    default void write(int band, float[] values) throws IOException {
        write(band, Window.all(geometry()), values);
    }

    @Override
    default void close() throws IOException {}
}
