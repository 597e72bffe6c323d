package org.ssm.algorithms.whittaker;

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
import org.ssm.grid.SeriesBuffer;
import org.ssm.grid.Window;
import org.ssm.io.ScratchSeries;

/**
 * Speed and heap of {@link WhittakerSmoother} on a daily series of a year on a large grid, kept
 * off-heap in {@link ScratchSeries} files (input generated date by date from a fixed seed, output
 * written window by window), with a fixed λ and with the V-curve over the default grid.
 *
 * <pre>BENCH_JAVA_OPTS=-Xmx512m src/bench org.ssm.algorithms.whittaker.WhittakerBenchmark [width height dates threads]</pre>
 *
 * Defaults: 2000 × 2000 pixels, 365 dates, one thread per processor. The scratch files (2 × 5.8 GB
 * at the defaults) go to {@code java.io.tmpdir} and are deleted at the end.
 */
public final class WhittakerBenchmark {

    private static final long SEED = 20240521L;
    /** Share of values hidden by clouds (NaN), about what the MODIS daily series of paper D lose. */
    private static final double CLOUDS = 0.3;

    private WhittakerBenchmark() {}

    public static void main(String[] args) throws Exception {
        int width = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int height = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int dates = args.length > 2 ? Integer.parseInt(args[2]) : 365;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        GridGeometry grid = new GridGeometry("EPSG:32650", 300_000, 4_500_000, 1000, 1000, width, height);
        List<LocalDate> days = new ArrayList<>();
        for (int t = 0; t < dates; t++) {
            days.add(LocalDate.of(2019, 1, 1).plusDays(t));
        }
        System.out.printf(Locale.ROOT, "Whittaker benchmark: %d x %d pixels, %d dates, %d threads, -Xmx %d MiB, %d"
                + " processors%n", width, height, dates, threads, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        Path dir = Files.createTempDirectory("whittaker-bench");
        try (ScratchSeries input = ScratchSeries.create(dir, grid, days, dates)) {
            long t0 = System.nanoTime();
            generate(input);
            System.out.printf(Locale.ROOT, "input generated and written date by date in %.1f s%n", seconds(t0));
            run("fixed lambda = 10", new WhittakerSmoother(new LambdaSelection.Fixed(10), threads), input, dir);
            run("V-curve, log10 lambda -2..1 by 0.2", new WhittakerSmoother(LambdaSelection.VCurve.MODIS, threads),
                    input, dir);
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    private static void run(String label, WhittakerSmoother smoother, ScratchSeries input, Path dir) throws Exception {
        GridGeometry grid = input.geometry();
        try (ScratchSeries output = ScratchSeries.create(dir, grid, input.dates(), input.bands())) {
            SeriesBuffer logLambda = new SeriesBuffer(grid, List.of(), 1);
            System.gc();
            resetPeaks();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            smoother.smooth(input, null, output, logLambda, Monitor.NONE);
            double s = seconds(t0);
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            long series = (long) grid.size();
            System.out.printf(Locale.ROOT, "%s: %d series in %.1f s = %.2f million series/minute (%.2f million per"
                    + " CPU-minute, load average %.1f); peak heap %s%n", label, series, s, series / s * 60 / 1e6,
                    series / cpu * 60 / 1e6, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    peakHeap());
            check(output, logLambda);
        }
    }

    /** A sanity check that the result is smooth and gap-free where it should be: one row's values. */
    private static void check(ScratchSeries output, SeriesBuffer logLambda) throws Exception {
        Window row = new Window(0, output.geometry().height() / 2, output.geometry().width(), 1);
        long nan = 0;
        for (int b = 0; b < output.bands(); b++) {
            for (float v : output.read(b, row)) {
                if (Float.isNaN(v)) {
                    nan++;
                }
            }
        }
        float[] lambdas = logLambda.toSeries().band(0);
        double sum = 0;
        for (float v : lambdas) {
            sum += v;
        }
        System.out.printf(Locale.ROOT, "  check: %d NaN in the middle row after gap filling; mean log10 lambda %.3f%n",
                nan, sum / lambdas.length);
    }

    /**
     * An NDVI-like series: per pixel a seasonal cycle (base, amplitude and phase from a hash of the
     * pixel), per date Gaussian noise and clouds from a generator seeded by the date.
     */
    private static void generate(ScratchSeries input) throws Exception {
        GridGeometry grid = input.geometry();
        float[] band = new float[grid.size()];
        for (int t = 0; t < input.bands(); t++) {
            SplittableRandom rnd = new SplittableRandom(SEED * 31 + t);
            double season = 2 * Math.PI * t / 365.0;
            for (int cell = 0; cell < band.length; cell++) {
                if (rnd.nextDouble() < CLOUDS) {
                    band[cell] = Float.NaN;
                    continue;
                }
                long h = mix(SEED ^ cell);
                double base = 0.15 + 0.3 * ((h & 0xFFFF) / 65536.0);
                double amplitude = 0.05 + 0.3 * (((h >>> 16) & 0xFFFF) / 65536.0);
                double phase = 2 * Math.PI * (((h >>> 32) & 0xFFFF) / 65536.0);
                band[cell] = (float) (base + amplitude * Math.max(0, Math.sin(season + phase))
                        + 0.03 * rnd.nextGaussian());
            }
            input.write(t, band);
        }
    }

    /** SplitMix64's finaliser: a well-mixed 64-bit hash. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /**
     * The sum of the heap pools' peaks, an upper bound of the peak heap in use (the pools peak at
     * different times, and young pools hold garbage until collected), with each pool's peak.
     */
    private static String peakHeap() {
        long sum = 0;
        StringBuilder pools = new StringBuilder();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                long peak = pool.getPeakUsage().getUsed();
                sum += peak;
                pools.append(pools.length() == 0 ? "" : ", ").append(pool.getName()).append(' ').append(peak >> 20);
            }
        }
        return (sum >> 20) + " MiB (" + pools + " MiB)";
    }

    /** CPU time of this JVM, all threads: a figure less sensitive than wall time to other jobs on the machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
