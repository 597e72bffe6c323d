package org.ssm.algorithms.fusion;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import org.ssm.core.Monitor;
import org.ssm.grid.GridSeries;

/**
 * Speed of ESTARFM on a synthetic scene generated with a fixed seed (see docs/performance.md):
 *
 * <pre>src/bench org.ssm.algorithms.fusion.EstarfmBenchmark [size] [bands] [factor]</pre>
 *
 * <p>Default: 1000 × 1000 fine pixels, 4 bands, coarse cells of 20 × 20 fine pixels; one prediction
 * date with w = 51 and with w = 25, with the coarse images nested (at the coarse resolution) and
 * replicated onto the fine grid, and the naive per-pixel window scan ({@link NaiveEstarfm}) on a few
 * rows for comparison, after a warm-up on a small scene. Prints seconds (wall and CPU), pixels per
 * second and the peak heap.
 */
public final class EstarfmBenchmark {

    private EstarfmBenchmark() {}

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int bands = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int factor = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        System.out.printf(Locale.ROOT, "ESTARFM benchmark: %d x %d fine pixels, %d bands, coarse cells of %d x %d, %d cores,"
                + " max heap %d MB%n", size, size, bands, factor, factor, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        long t0 = System.nanoTime();
        SyntheticScene s = new SyntheticScene(size, size, bands, factor, 6, 40, 1.5, 1.1, 3, 20240607);
        System.out.printf(Locale.ROOT, "scene generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        double pixels = (double) size * size;
        // Warm-up on a small scene, so that the figures are those of compiled code.
        SyntheticScene small = new SyntheticScene(200, 200, bands, factor, 6, 40, 1.5, 1.1, 3, 7);
        for (int window : new int[] {51, 25}) {
            Estarfm.prepare(EstarfmParameters.DEFAULTS.withWindow(window), small.fine(0), small.coarse(0),
                    small.fine(2), small.coarse(2)).predict(small.coarseImages[1], Monitor.NONE);
        }
        for (int window : new int[] {51, 25}) {
            for (boolean onFineGrid : new boolean[] {false, true}) {
                EstarfmParameters p = EstarfmParameters.DEFAULTS.withWindow(window);
                GridSeries cm = onFineGrid ? s.coarseOnFine(0) : s.coarse(0);
                GridSeries cn = onFineGrid ? s.coarseOnFine(2) : s.coarse(2);
                float[][] cp = onFineGrid ? s.replicate(s.coarseImages[1]) : s.coarseImages[1];
                resetPeaks();
                long cpu = processCpuNanos();
                long start = System.nanoTime();
                Estarfm estarfm = Estarfm.prepare(p, s.fine(0), cm, s.fine(2), cn);
                float[][] out = estarfm.predict(cp, Monitor.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
                System.out.printf(Locale.ROOT, "w = %d, coarse %s: %.2f s (CPU %.1f s), %.0f pixels/s, rmse vs truth"
                        + " %.3f, peak heap %d MB%n", window, onFineGrid ? "on the fine grid" : "nested (coarse grid)",
                        seconds, cpuSeconds, pixels / seconds, rmse(out, s.fineImages[1]), peakHeapMb());
            }
        }
        // The naive scan on 4 rows (it recomputes everything per window), extrapolated.
        int rows = 4;
        NaiveEstarfm naive = new NaiveEstarfm(EstarfmParameters.DEFAULTS, size, size, s.fineImages[0],
                s.replicate(s.coarseImages[0]), s.fineImages[2], s.replicate(s.coarseImages[2]));
        float[][] cp = s.replicate(s.coarseImages[1]);
        long start = System.nanoTime();
        naive.predict(cp, size / 2, size / 2 + rows);
        double seconds = (System.nanoTime() - start) / 1e9;
        double perSecond = rows * size / seconds;
        System.out.printf(Locale.ROOT, "naive per-pixel window scan, w = 51, one thread: %.0f pixels/s (%d rows in %.1f s;"
                + " %.0f s extrapolated to the scene)%n", perSecond, rows, seconds, pixels / perSecond);
    }

    /** CPU time of the whole JVM: with the wall time it shows whether other processes took cores. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double rmse(float[][] predicted, float[][] truth) {
        double ss = 0;
        long n = 0;
        for (int b = 0; b < truth.length; b++) {
            for (int i = 0; i < truth[b].length; i++) {
                if (!Float.isNaN(predicted[b][i])) {
                    double d = predicted[b][i] - truth[b][i];
                    ss += d * d;
                    n++;
                }
            }
        }
        return Math.sqrt(ss / n);
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the peak usage of the heap pools since the last reset (an upper bound of the peak heap). */
    static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }
}
