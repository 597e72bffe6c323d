package org.ssm.host.wcs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few recently encoded GetCoverage responses, kept as temporary files so that HTTP range
 * requests for one URL read one encoding.
 *
 * <p>GDAL's {@code /vsicurl/} reads a remote GeoTIFF by byte ranges: a HEAD (or first range) for
 * the size, then the header and the tiles it needs, each as a separate request for the same URL.
 * Without this cache every such request would subset and encode the coverage again. Entries are
 * keyed by the request (and the layer's publication time, so that a republished layer is
 * re-encoded), expire after a while, and are bounded in number and bytes.
 */
final class EncodedCoverageCache implements AutoCloseable {

    /** Writes an encoding to the given (existing, empty) file. */
    @FunctionalInterface
    interface Encoder {
        void encode(Path file) throws IOException;
    }

    private record Entry(Path file, long size, long created) {}

    private static final Logger LOG = LoggerFactory.getLogger(EncodedCoverageCache.class);

    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final int maxEntries;
    private final long maxBytes;
    private final long ttlMillis;
    private long bytes;
    private boolean closed;

    EncodedCoverageCache(int maxEntries, long maxBytes, long ttlMillis) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.ttlMillis = ttlMillis;
    }

    /**
     * An open channel on the encoding for {@code key}, encoding it first if needed. The channel
     * stays readable after the entry is evicted (the file is unlinked, not truncated).
     */
    FileChannel open(String key, Encoder encoder) throws IOException {
        synchronized (this) {
            expire(System.currentTimeMillis());
            Entry hit = entries.get(key);
            if (hit != null) {
                return FileChannel.open(hit.file, StandardOpenOption.READ);
            }
        }
        Path file = Files.createTempFile("ssm-wcs-", ".tif");
        try {
            encoder.encode(file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        long size = Files.size(file);
        synchronized (this) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            if (closed || size > maxBytes) {
                delete(file);
                return channel;
            }
            Entry previous = entries.put(key, new Entry(file, size, System.currentTimeMillis()));
            bytes += size;
            if (previous != null) {
                // Another request encoded the same coverage meanwhile; keep the newer file.
                bytes -= previous.size;
                delete(previous.file);
            }
            Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
            while ((entries.size() > maxEntries || bytes > maxBytes) && it.hasNext()) {
                Map.Entry<String, Entry> eldest = it.next();
                if (eldest.getKey().equals(key)) {
                    continue;
                }
                bytes -= eldest.getValue().size;
                delete(eldest.getValue().file);
                it.remove();
            }
            return channel;
        }
    }

    private void expire(long now) {
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Entry e = it.next().getValue();
            if (now - e.created > ttlMillis) {
                bytes -= e.size;
                delete(e.file);
                it.remove();
            }
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete the temporary coverage {}: {}", file, e.getMessage());
        }
    }

    /** Deletes every cached file. */
    @Override
    public synchronized void close() {
        closed = true;
        for (Entry e : entries.values()) {
            delete(e.file);
        }
        entries.clear();
        bytes = 0;
    }
}
