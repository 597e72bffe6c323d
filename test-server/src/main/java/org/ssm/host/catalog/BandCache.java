package org.ssm.host.catalog;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** A least-recently-used cache of decoded bands, bounded by their total size in bytes. */
final class BandCache {

    private final long capacityBytes;
    private final LinkedHashMap<String, float[]> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long sizeBytes;

    BandCache(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    float[] get(String layer, int band, Supplier<float[]> loader) {
        String key = layer + "#" + band;
        synchronized (this) {
            float[] hit = entries.get(key);
            if (hit != null) {
                return hit;
            }
        }
        // Load outside the lock: two threads may decode the same band once each, which is harmless.
        float[] values = loader.get();
        synchronized (this) {
            if (entries.put(key, values) == null) {
                sizeBytes += 4L * values.length;
            }
            Iterator<Map.Entry<String, float[]>> it = entries.entrySet().iterator();
            while (sizeBytes > capacityBytes && it.hasNext()) {
                Map.Entry<String, float[]> eldest = it.next();
                if (eldest.getKey().equals(key)) {
                    continue;
                }
                sizeBytes -= 4L * eldest.getValue().length;
                it.remove();
            }
        }
        return values;
    }

    synchronized void evictLayer(String layer) {
        String prefix = layer + "#";
        Iterator<Map.Entry<String, float[]>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, float[]> e = it.next();
            if (e.getKey().startsWith(prefix)) {
                sizeBytes -= 4L * e.getValue().length;
                it.remove();
            }
        }
    }
}
