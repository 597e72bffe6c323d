package org.ssm.io;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.SeriesReader;
import org.ssm.grid.SeriesWriter;
import org.ssm.grid.Window;

/**
 * A series kept in a memory-mapped scratch file (float32, band after band), so that series larger
 * than the heap can be read and written window by window: the operating system pages the data,
 * the Java heap holds only the windows in use. The file is deleted on {@link #close()}.
 *
 * <p>Reads and writes of distinct windows may run in parallel threads; a band is mapped when first
 * touched. New files read as NaN until written.
 */
public final class ScratchSeries implements SeriesReader, SeriesWriter {

    private final Path file;
    private final FileChannel channel;
    private final GridGeometry geometry;
    private final List<LocalDate> dates;
    private final int bands;
    private final FloatBuffer[] mapped;

    private ScratchSeries(Path file, FileChannel channel, GridGeometry geometry, List<LocalDate> dates, int bands) {
        this.file = file;
        this.channel = channel;
        this.geometry = geometry;
        this.dates = List.copyOf(dates);
        this.bands = bands;
        this.mapped = new FloatBuffer[bands];
    }

    /** A new scratch series of {@code bands} bands in a temporary file under {@code dir}. */
    public static ScratchSeries create(Path dir, GridGeometry geometry, List<LocalDate> dates, int bands)
            throws IOException {
        if (!dates.isEmpty() && dates.size() != bands) {
            throw new ParameterException("dates", dates.size() + " dates", "one per band (" + bands + ")");
        }
        if (4L * geometry.size() > Integer.MAX_VALUE) {
            throw new ParameterException("grid", geometry.describe(), "at most 2^29 cells per band for scratch storage");
        }
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, "series-", ".f32");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        return new ScratchSeries(file, channel, geometry, dates, bands);
    }

    /** A scratch copy of {@code source}, copied band by band. */
    public static ScratchSeries copyOf(Path dir, SeriesReader source) throws IOException {
        ScratchSeries copy = create(dir, source.geometry(), source.dates(), source.bands());
        try {
            for (int b = 0; b < source.bands(); b++) {
                copy.write(b, source.read(b));
            }
            return copy;
        } catch (IOException | RuntimeException e) {
            copy.close();
            throw e;
        }
    }

    private FloatBuffer band(int band) throws IOException {
        if (band < 0 || band >= bands) {
            throw new IndexOutOfBoundsException("band " + band + " of " + bands);
        }
        synchronized (mapped) {
            if (mapped[band] == null) {
                long bytes = 4L * geometry.size();
                boolean fresh = channel.size() < (band + 1) * bytes;
                MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_WRITE, band * bytes, bytes);
                FloatBuffer floats = buffer.order(ByteOrder.nativeOrder()).asFloatBuffer();
                if (fresh) {
                    // A sparse file reads as zeros; no data must read as NaN.
                    float[] nan = new float[geometry.width()];
                    java.util.Arrays.fill(nan, Float.NaN);
                    for (int r = 0; r < geometry.height(); r++) {
                        floats.put(r * geometry.width(), nan);
                    }
                }
                mapped[band] = floats;
            }
            return mapped[band];
        }
    }

    @Override
    public GridGeometry geometry() {
        return geometry;
    }

    @Override
    public List<LocalDate> dates() {
        return dates;
    }

    @Override
    public int bands() {
        return bands;
    }

    @Override
    public float[] read(int band, Window window) throws IOException {
        check(window);
        FloatBuffer data = band(band);
        float[] out = new float[window.size()];
        for (int r = 0; r < window.height(); r++) {
            data.get((window.row() + r) * geometry.width() + window.col(), out, r * window.width(), window.width());
        }
        return out;
    }

    @Override
    public void write(int band, Window window, float[] values) throws IOException {
        check(window);
        if (values.length != window.size()) {
            throw new IllegalArgumentException(values.length + " values for a window of " + window.size());
        }
        FloatBuffer data = band(band);
        for (int r = 0; r < window.height(); r++) {
            data.put((window.row() + r) * geometry.width() + window.col(), values, r * window.width(), window.width());
        }
    }

    private void check(Window window) {
        if (!window.within(geometry)) {
            throw new IllegalArgumentException("window " + window + " outside " + geometry.describe());
        }
    }

    /** Releases the mapping and deletes the file. */
    @Override
    public void close() throws IOException {
        synchronized (mapped) {
            java.util.Arrays.fill(mapped, null);
        }
        channel.close();
        Files.deleteIfExists(file);
    }
}
