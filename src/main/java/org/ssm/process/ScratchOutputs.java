package org.ssm.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.geotools.coverage.grid.GridCoverage2D;
import org.ssm.grid.GridGeometry;
import org.ssm.io.Coverages;
import org.ssm.io.ScratchSeries;

/**
 * Series outputs written date by date into memory-mapped scratch files and returned as coverages
 * that read them lazily, so that a result larger than the heap can be produced and encoded (the
 * GeoTIFF writer pulls it tile by tile).
 *
 * <p>A scratch file lives as long as its coverage: it is closed and deleted once the coverage is no
 * longer reachable, or when the JVM exits, whichever comes first. Scratch series never turned into a
 * coverage (the run failed) are deleted on {@link #close()}, so nothing half-written survives.
 */
final class ScratchOutputs implements AutoCloseable {

    /** Where scratch files go: {@code <java.io.tmpdir>/ssm-scratch}. */
    static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"), "ssm-scratch");

    private static final Cleaner CLEANER = Cleaner.create();

    /** Scratch series behind live coverages; the set does not keep the coverages reachable. */
    private static final Set<ScratchSeries> LIVE = ConcurrentHashMap.newKeySet();

    static {
        // A short-lived JVM may exit before its coverages are collected.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ScratchOutputs::closeQuietly),
                "ssm-scratch-cleanup"));
    }

    private final List<ScratchSeries> pending = new ArrayList<>();

    /** A new scratch series of {@code bands} bands. */
    ScratchSeries create(GridGeometry geometry, List<LocalDate> dates, int bands) {
        try {
            ScratchSeries series = ScratchSeries.create(DIR, geometry, dates, bands);
            pending.add(series);
            return series;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch series under " + DIR, e);
        }
    }

    /** The coverage named {@code variable} over {@code series}, which is deleted when the coverage is collected. */
    GridCoverage2D coverage(String variable, ScratchSeries series) {
        return coverage(variable, series, null);
    }

    /** {@link #coverage(String, ScratchSeries)} with band descriptions ({@code null} for the dates). */
    GridCoverage2D coverage(String variable, ScratchSeries series, List<String> bandNames) {
        if (!pending.remove(series)) {
            throw new IllegalArgumentException("not a pending scratch series of this run");
        }
        GridCoverage2D coverage = Coverages.toCoverage(variable, series, bandNames);
        LIVE.add(series);
        CLEANER.register(coverage, () -> {
            LIVE.remove(series);
            closeQuietly(series);
        });
        return coverage;
    }

    /** Deletes the scratch series that did not become coverages. */
    @Override
    public void close() {
        pending.forEach(ScratchOutputs::closeQuietly);
        pending.clear();
    }

    private static void closeQuietly(ScratchSeries series) {
        try {
            series.close();
        } catch (IOException e) {
            // A scratch file that cannot be deleted is left to the temporary folder's own cleaning.
        }
    }
}
