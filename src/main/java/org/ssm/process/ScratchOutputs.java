package org.ssm.process;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.geotools.coverage.grid.GridCoverage2D;
import org.ssm.grid.GridGeometry;
import org.ssm.io.Coverages;
import org.ssm.io.ScratchSeries;

/**
 * Series outputs too large for the heap: written to a memory-mapped {@link ScratchSeries} and
 * returned as a coverage that reads it tile by tile. Whoever consumes a process result (the host's
 * GeoTIFF writer, GeoServer's WPS encoder) drops the coverage afterwards; the scratch file is then
 * deleted when the coverage is garbage collected, or when the JVM exits normally, whichever comes
 * first.
 */
final class ScratchOutputs {

    private static final Cleaner CLEANER = Cleaner.create();

    /** Scratch series behind coverages not yet collected. */
    private static final Set<ScratchSeries> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(ScratchOutputs::closeQuietly),
                "ssm-scratch-cleanup"));
    }

    private ScratchOutputs() {}

    /** A new scratch series under {@code java.io.tmpdir}/ssm-scratch. */
    static ScratchSeries create(GridGeometry geometry, List<LocalDate> dates, int bands) throws IOException {
        return ScratchSeries.create(Path.of(System.getProperty("java.io.tmpdir"), "ssm-scratch"), geometry, dates, bands);
    }

    /** A coverage named {@code name} over {@code scratch}, which is closed once the coverage is unreachable. */
    static GridCoverage2D coverage(String name, ScratchSeries scratch) {
        GridCoverage2D coverage = Coverages.toCoverage(name, scratch);
        OPEN.add(scratch);
        // The action must not reach the coverage, or the coverage would never become unreachable.
        CLEANER.register(coverage, () -> {
            OPEN.remove(scratch);
            closeQuietly(scratch);
        });
        return coverage;
    }

    static void closeQuietly(ScratchSeries scratch) {
        try {
            scratch.close();
        } catch (IOException e) {
            // A scratch file that cannot be deleted stays in the temporary directory; nothing else depends on it.
        }
    }
}
