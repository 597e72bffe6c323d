package org.ssm.algorithms.gapfill;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ssm.grid.SeriesReader;

/**
 * Decoded bands of a series kept on the heap while the target date moves through the series: the
 * neighbours of one target date are mostly the neighbours of the next, so each band is decoded about
 * once, yet at most {@code capacity} bands are held. When full, the band farthest in time from the
 * current target is dropped, since it is the last one the nearest-first search would ask for.
 */
final class BandCache {

    private final SeriesReader reader;
    private final int capacity;
    private final long[] day;
    private final TreeMap<Integer, float[]> bands = new TreeMap<>();
    private int reads;

    BandCache(SeriesReader reader, int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a cache of " + capacity + " bands cannot hold a target and a neighbour");
        }
        this.reader = reader;
        this.capacity = capacity;
        List<LocalDate> dates = reader.dates();
        this.day = new long[dates.size()];
        for (int i = 0; i < day.length; i++) {
            day[i] = dates.get(i).toEpochDay();
        }
    }

    /** Band {@code band} (do not modify), read if needed while working on target band {@code target}. */
    float[] get(int band, int target) throws IOException {
        float[] values = bands.get(band);
        if (values != null) {
            return values;
        }
        while (bands.size() >= capacity) {
            bands.remove(farthestFrom(target, band));
        }
        values = reader.read(band);
        reads++;
        bands.put(band, values);
        return values;
    }

    private int farthestFrom(int target, int keep) {
        int farthest = -1;
        long distance = -1;
        for (Map.Entry<Integer, float[]> e : bands.entrySet()) {
            int b = e.getKey();
            long d = Math.abs(day[b] - day[target]);
            // The target itself stays: it is read for every neighbour.
            if (b != target && b != keep && d >= distance) {
                farthest = b;
                distance = d;
            }
        }
        return farthest;
    }

    /** Drops the bands dated before {@code firstNeeded}, which no later target will ask for. */
    void dropBefore(LocalDate firstNeeded) {
        long first = firstNeeded.toEpochDay();
        bands.keySet().removeIf(b -> day[b] < first);
    }

    /** Bands held now. */
    int size() {
        return bands.size();
    }

    /** Bands read from the series so far. */
    int reads() {
        return reads;
    }
}
