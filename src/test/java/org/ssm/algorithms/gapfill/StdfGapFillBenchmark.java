package org.ssm.algorithms.gapfill;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ssm.core.Monitor;
import org.ssm.grid.Grid;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.SeriesReader;
import org.ssm.grid.Window;
import org.ssm.io.ScratchSeries;

/**
 * Time and peak heap of {@link StdfGapFill} on a synthetic daily LST series larger than the heap
 * (default 2000 × 2000 pixels × 365 dates = 5.8 GB of float32 per series), read from and written
 * to memory-mapped scratch files.
 *
 * <pre>src/bench org.ssm.algorithms.gapfill.StdfGapFillBenchmark [width height dates [scratchDir]]</pre>
 *
 * <p>The series is built from a fixed seed: a smooth spatial pattern whose weight changes with the
 * season, NDVI with a phenology, elevation, 0.5 K noise, and clouds as smooth random fields covering
 * 10–80 % of each date. NDVI is gap-free, as paper D fills it first. The run reports the fill
 * fractions and the RMSE of the filled pixels against the cloud-free values.
 */
public final class StdfGapFillBenchmark {

    private static final long SEED = 20_240_301L;
    private static final int CLOUD_CELL = 50;

    private final GridGeometry grid;
    private final List<LocalDate> dates;
    private final float[] pattern;
    private final float[] dem;
    private final float[] greenness;

    private StdfGapFillBenchmark(int width, int height, int days) {
        grid = new GridGeometry("EPSG:32633", 400_000, 5_500_000, 1000, 1000, width, height);
        dates = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            dates.add(LocalDate.of(2021, 1, 1).plusDays(d));
        }
        pattern = new float[grid.size()];
        dem = new float[grid.size()];
        greenness = new float[grid.size()];
        for (int i = 0; i < grid.size(); i++) {
            double x = (i % width) / 100.0;
            double y = (i / width) / 100.0;
            pattern[i] = (float) (Math.sin(x * 1.3) * Math.cos(y * 0.9) + 0.5 * Math.sin(x * 3.1 + y * 2.3));
            dem[i] = (float) (600 + 400 * Math.sin(x * 0.7 + 1) * Math.sin(y * 0.5) + 150 * Math.cos(x * 2.9 - y * 1.7));
            greenness[i] = (float) (0.5 + 0.4 * Math.sin(x * 2.1 - y * 1.1));
        }
    }

    private double season(int t) {
        return Math.sin(2 * Math.PI * (dates.get(t).getDayOfYear() - 110) / 365.0);
    }

    float[] ndvi(int t) {
        double s = season(t);
        float[] v = new float[grid.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (0.15 + greenness[i] * (0.45 + 0.25 * s));
        }
        return v;
    }

    /** Cloud-free LST (K) of date {@code t}. */
    float[] truth(int t, float[] ndvi) {
        SplittableRandom noise = new SplittableRandom(SEED + t);
        double s = season(t);
        double weight = 6 + 3 * s;
        float[] v = new float[grid.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (288 + 12 * s + weight * pattern[i] - 9 * ndvi[i] - 0.0065 * dem[i]
                    + (noise.nextDouble() - 0.5) * 1.73); // uniform noise of standard deviation 0.5 K
        }
        return v;
    }

    /** Whether each pixel of date {@code t} is cloudy: a bilinearly smoothed random field below the date's cover. */
    boolean[] clouds(int t) {
        SplittableRandom rnd = new SplittableRandom(SEED * 31 + t);
        double cover = 0.1 + 0.7 * rnd.nextDouble();
        int cw = grid.width() / CLOUD_CELL + 2;
        int ch = grid.height() / CLOUD_CELL + 2;
        double[] coarse = new double[cw * ch];
        for (int k = 0; k < coarse.length; k++) {
            coarse[k] = rnd.nextDouble();
        }
        // Interpolated uniforms crowd towards 0.5, roughly like the mean of two uniforms (triangular):
        // its quantile function maps the cover to a threshold.
        double threshold = cover < 0.5 ? Math.sqrt(cover / 2) : 1 - Math.sqrt((1 - cover) / 2);
        boolean[] out = new boolean[grid.size()];
        for (int r = 0; r < grid.height(); r++) {
            double fy = (double) r / CLOUD_CELL;
            int y0 = (int) fy;
            double wy = fy - y0;
            for (int c = 0; c < grid.width(); c++) {
                double fx = (double) c / CLOUD_CELL;
                int x0 = (int) fx;
                double wx = fx - x0;
                double top = coarse[y0 * cw + x0] * (1 - wx) + coarse[y0 * cw + x0 + 1] * wx;
                double bottom = coarse[(y0 + 1) * cw + x0] * (1 - wx) + coarse[(y0 + 1) * cw + x0 + 1] * wx;
                // A little pixel noise frays the cloud edges.
                out[r * grid.width() + c] = top * (1 - wy) + bottom * wy + (rnd.nextDouble() - 0.5) * 0.02 < threshold;
            }
        }
        return out;
    }

    /** Counts band reads, to show that each band is decoded about once. */
    private static final class CountingReader implements SeriesReader {
        private final SeriesReader inner;
        private long reads;

        CountingReader(SeriesReader inner) {
            this.inner = inner;
        }

        @Override
        public GridGeometry geometry() {
            return inner.geometry();
        }

        @Override
        public List<LocalDate> dates() {
            return inner.dates();
        }

        @Override
        public int bands() {
            return inner.bands();
        }

        @Override
        public float[] read(int band, Window window) throws IOException {
            reads++;
            return inner.read(band, window);
        }
    }

    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** The largest heap in use right after a garbage collection: an upper bound of the live data. */
    private static final class AfterGcPeak {
        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();

        AfterGcPeak() {
            for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                            .equals(notification.getType())) {
                        return;
                    }
                    var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                            (javax.management.openmbean.CompositeData) notification.getUserData());
                    long used = 0;
                    for (var usage : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                        used += usage.getUsed();
                    }
                    // Non-heap pools (metaspace, code cache) are in the map too; they are small and steady.
                    peak.accumulateAndGet(used, Math::max);
                }, null, null);
            }
        }

        void reset() {
            peak.set(0);
        }

        long get() {
            return peak.get();
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    public static void main(String[] args) throws Exception {
        int width = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int height = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 365;
        Path dir = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("stdf-bench");
        StdfGapFillBenchmark b = new StdfGapFillBenchmark(width, height, days);
        System.out.printf(Locale.ROOT, "grid %d x %d, %d dates, %.1f GB per series; max heap %d MB; %d processors%n",
                width, height, days, 4.0 * b.grid.size() * days / 1e9, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());

        long t0 = System.nanoTime();
        try (ScratchSeries lst = ScratchSeries.create(dir, b.grid, b.dates, days);
                ScratchSeries ndvi = ScratchSeries.create(dir, b.grid, b.dates, days);
                ScratchSeries filled = ScratchSeries.create(dir, b.grid, b.dates, days);
                ScratchSeries distance = ScratchSeries.create(dir, b.grid, b.dates, days)) {
            for (int t = 0; t < days; t++) {
                float[] n = b.ndvi(t);
                float[] v = b.truth(t, n);
                boolean[] cloud = b.clouds(t);
                for (int i = 0; i < v.length; i++) {
                    if (cloud[i]) {
                        v[i] = Float.NaN;
                    }
                }
                lst.write(t, v);
                ndvi.write(t, n);
            }
            long generated = System.nanoTime();
            System.out.printf(Locale.ROOT, "generated in %.1f s%n", (generated - t0) / 1e9);

            AfterGcPeak afterGc = new AfterGcPeak();
            System.gc();
            resetPeaks();
            afterGc.reset();
            CountingReader counting = new CountingReader(lst);
            long start = System.nanoTime();
            FillReport report = StdfGapFill.PAPER_D.fill(counting, ndvi, Grid.of(b.grid, b.dem), filled, distance,
                    Monitor.NONE);
            long seconds = System.nanoTime() - start;
            long peak = heapPeak();

            double before = 0;
            double after = 0;
            double neighbours = 0;
            int reached = 0;
            for (FillReport.DateFill d : report.dates()) {
                before += d.fractionBefore();
                after += d.fractionAfter();
                neighbours += d.neighbours();
                reached += d.fractionAfter() >= StdfGapFill.DEFAULT_TARGET_COVERAGE ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "filled in %.1f s (%.0f ms per date); peak heap %.0f MB (pool peaks, garbage"
                    + " included), %.0f MB after a collection at most%n", seconds / 1e9, seconds / 1e6 / days,
                    peak / 1048576.0, afterGc.get() / 1048576.0);
            System.out.printf(Locale.ROOT, "LST band reads: %d for %d dates (one pass for the bounds, then the cache)%n",
                    counting.reads, days);
            System.out.printf(Locale.ROOT, "mean valid fraction %.3f before, %.4f after; %d of %d dates reach 0.99;"
                    + " %.1f neighbours per date; %d fits%n", before / days, after / days, reached, days,
                    neighbours / days, report.fits().size());

            double sum = 0;
            long n = 0;
            for (int t = 0; t < days; t++) {
                float[] truth = b.truth(t, b.ndvi(t));
                float[] observed = lst.read(t);
                float[] out = filled.read(t);
                for (int i = 0; i < truth.length; i++) {
                    if (Float.isNaN(observed[i]) && Float.isFinite(out[i])) {
                        double e = out[i] - truth[i];
                        sum += e * e;
                        n++;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "RMSE of %d filled pixels against the cloud-free values: %.3f K"
                    + " (noise 0.5 K)%n", n, Math.sqrt(sum / n));
        } finally {
            Files.deleteIfExists(dir);
        }
    }
}
