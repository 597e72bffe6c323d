package org.ssm.algorithms.fusion;

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
import org.ssm.grid.GridGeometry;
import org.ssm.grid.SeriesReader;
import org.ssm.grid.Window;
import org.ssm.io.ScratchSeries;

/**
 * Memory and speed of ESTARFM on a long daily series (see docs/performance.md):
 *
 * <pre>src/bench org.ssm.algorithms.fusion.EstarfmSeriesBenchmark [size] [days] [factor] [window] [scratch dir]</pre>
 *
 * <p>Default: a 2000 × 2000 fine grid (one band, LST-like), coarse cells of 40 × 40 fine pixels
 * (1.2 km cells over Landsat-like 30 m pixels), a year of daily coarse images, w = 51. The coarse series is
 * synthesised date by date when read (never held whole) and the fine series is written date by date
 * to a memory-mapped scratch file (off the heap). The synthetic truth is linear in a seasonal term
 * plus a daily scene-wide anomaly, F(t) = F_m + s(t)·(F_n − F_m) + a(t), seen by the coarse sensor
 * as block means; a few dates are compared with it. Prints the time, the peak heap and the RMSE.
 */
public final class EstarfmSeriesBenchmark {

    private EstarfmSeriesBenchmark() {}

    public static void main(String[] args) throws IOException {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 365;
        int factor = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        int window = args.length > 3 ? Integer.parseInt(args[3]) : 51;
        Path dir = Path.of(args.length > 4 ? args[4] : System.getProperty("java.io.tmpdir"), "estarfm-bench");
        System.out.printf(Locale.ROOT, "ESTARFM series benchmark: %d x %d fine pixels, 1 band, coarse cells of %d x %d,"
                + " %d days, w = %d, %d cores, max heap %d MB%n", size, size, factor, factor, days, window,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        long t0 = System.nanoTime();
        SyntheticScene s = new SyntheticScene(size / factor * factor, size / factor * factor, 1, factor, 6, 40, 0.5,
                1.0, 0, 365);
        GridGeometry fine = s.fine;
        System.out.printf(Locale.ROOT, "scene generated in %.1f s (%d x %d fine pixels)%n",
                (System.nanoTime() - t0) / 1e9, fine.width(), fine.height());
        float[] fm = s.fineImages[0][0];
        float[] fn = s.fineImages[2][0];
        float[] cm = s.coarseImages[0][0];
        float[] cn = s.coarseImages[2][0];
        double[] season = new double[days];
        double[] anomaly = new double[days];
        SplittableRandom rnd = new SplittableRandom(2016);
        double a = 0;
        for (int d = 0; d < days; d++) {
            season[d] = 0.5 - 0.5 * Math.cos(2 * Math.PI * d / days);
            a = 0.7 * a + 1.5 * rnd.nextGaussian();
            anomaly[d] = a;
        }
        // Base dates: the first day (s = 0) and mid-year (s = 1), with their anomalies removed.
        SeriesReader coarseP = new SyntheticCoarse(s.coarse, cm, cn, season, anomaly);
        List<LocalDate> dates = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            dates.add(LocalDate.of(2021, 1, 1).plusDays(d));
        }
        Files.createDirectories(dir);
        resetPeaks();
        long cpu = EstarfmBenchmark.processCpuNanos();
        long start = System.nanoTime();
        try (ScratchSeries out = ScratchSeries.create(dir, fine, dates, days)) {
            Estarfm estarfm = Estarfm.prepare(EstarfmParameters.DEFAULTS.withWindow(window).withRange(200, 400),
                    s.fine(0), s.coarse(0), s.fine(2), s.coarse(2));
            estarfm.predict(coarseP, out, Monitor.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (EstarfmBenchmark.processCpuNanos() - cpu) / 1e9;
            System.out.printf(Locale.ROOT, "%d dates in %.1f s (CPU %.1f s): %.2f s per date, %.0f pixels/s;"
                    + " peak heap %d MB; scratch file %d MB%n", days, seconds, cpuSeconds, seconds / days,
                    (double) fine.size() * days / seconds, EstarfmBenchmark.peakHeapMb(),
                    4L * fine.size() * days >> 20);
            for (int d = 0; d < days; d += Math.max(1, days / 5)) {
                float[] predicted = out.read(d);
                double ss = 0;
                int n = 0;
                for (int i = 0; i < predicted.length; i++) {
                    if (!Float.isNaN(predicted[i])) {
                        double truth = fm[i] + season[d] * (fn[i] - fm[i]) + anomaly[d];
                        ss += (predicted[i] - truth) * (predicted[i] - truth);
                        n++;
                    }
                }
                System.out.printf(Locale.ROOT, "  %s: RMSE %.3f against the synthetic truth%n", dates.get(d),
                        Math.sqrt(ss / n));
            }
            // One date alone searches the similar pixels again (no kept cell weights).
            long single = System.nanoTime();
            estarfm.predict(new float[][] {coarseP.read(days / 2)}, Monitor.NONE);
            System.out.printf(Locale.ROOT, "one date on its own (similar-pixel search included): %.1f s%n",
                    (System.nanoTime() - single) / 1e9);
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /**
     * Daily coarse images made when read: C(t) = C_m + s(t)·(C_n − C_m) + a(t), the block means of
     * the synthetic truth. Only the image asked for is ever in memory.
     */
    private static final class SyntheticCoarse implements SeriesReader {
        private final GridGeometry grid;
        private final float[] cm;
        private final float[] cn;
        private final double[] season;
        private final double[] anomaly;

        SyntheticCoarse(GridGeometry grid, float[] cm, float[] cn, double[] season, double[] anomaly) {
            this.grid = grid;
            this.cm = cm;
            this.cn = cn;
            this.season = season;
            this.anomaly = anomaly;
        }

        @Override
        public GridGeometry geometry() {
            return grid;
        }

        @Override
        public List<LocalDate> dates() {
            return List.of();
        }

        @Override
        public int bands() {
            return season.length;
        }

        @Override
        public float[] read(int band, Window window) {
            float[] all = new float[grid.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = (float) (cm[i] + season[band] * (cn[i] - cm[i]) + anomaly[band]);
            }
            return window.size() == all.length ? all : window.copyFrom(all, grid.width());
        }
    }
}
