package org.ssm.algorithms.tch;

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
import java.util.stream.IntStream;
import org.ssm.core.Monitor;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.Window;
import org.ssm.io.ScratchSeries;

/**
 * Time and peak heap of {@link ThreeCorneredHat} on N synthetic daily products larger than the heap
 * (default 5 products × 1000 × 1000 pixels × 365 dates, 1.46 GB of float32 each), read from
 * memory-mapped scratch files.
 *
 * <pre>src/bench org.ssm.algorithms.tch.ThreeCorneredHatBenchmark [width height dates products [runs [scratchDir]]]</pre>
 *
 * <p>From a fixed seed: a seasonal soil-moisture truth with a spatial pattern and weather noise;
 * product p adds a bias and independent Gaussian errors of standard deviation σ_p(x), which varies
 * across the grid so that different products are the least uncertain in different places; each
 * product misses 10 % of its values at random. The run reports the recovered σ against the truth.
 */
public final class ThreeCorneredHatBenchmark {

    private static final long SEED = 20_250_305L;
    private static final float MISSING = 0.10f;

    private final GridGeometry grid;
    private final List<LocalDate> dates;
    private final int products;

    private ThreeCorneredHatBenchmark(int width, int height, int days, int products) {
        this.grid = new GridGeometry("EPSG:32633", 400_000, 5_500_000, 1000, 1000, width, height);
        this.dates = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            dates.add(LocalDate.of(2021, 1, 1).plusDays(d));
        }
        this.products = products;
    }

    /** σ of product p at column c: between 0.01 and 0.05 m³/m³, rising or falling across the grid. */
    double sigma(int p, int col) {
        double x = (double) col / Math.max(1, grid.width() - 1);
        double slope = (p % 2 == 0 ? 1 : -1) * (0.01 + 0.005 * p);
        return 0.03 + slope * (x - 0.5) * 2 * 0.5 + 0.002 * p;
    }

    /** Band t of every product, one strip of rows at a time in parallel, each strip from its own seed. */
    float[][] date(int t) {
        float[][] out = new float[products][grid.size()];
        int strip = 16;
        double season = Math.sin(2 * Math.PI * (t - 100) / 365.0);
        IntStream.range(0, (grid.height() + strip - 1) / strip).parallel().forEach(s -> {
            SplittableRandom rnd = new SplittableRandom(SEED ^ ((long) t << 32) ^ s);
            for (int r = s * strip; r < Math.min(grid.height(), (s + 1) * strip); r++) {
                for (int c = 0; c < grid.width(); c++) {
                    int i = r * grid.width() + c;
                    double truth = 0.22 + 0.08 * season + 0.05 * Math.sin(c / 90.0) * Math.cos(r / 70.0)
                            + 0.02 * rnd.nextGaussian();
                    for (int p = 0; p < products; p++) {
                        out[p][i] = rnd.nextDouble() < MISSING ? Float.NaN
                                : (float) (truth + 0.01 * p + sigma(p, c) * rnd.nextGaussian());
                    }
                }
            }
        });
        return out;
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

    public static void main(String[] args) throws Exception {
        int width = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int height = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 365;
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        Path dir = args.length > 5 ? Path.of(args[5]) : Files.createTempDirectory("tch-bench");
        ThreeCorneredHatBenchmark b = new ThreeCorneredHatBenchmark(width, height, days, n);
        System.out.printf(Locale.ROOT, "%d products of %d x %d pixels x %d dates, %.2f GB each; max heap %d MB;"
                + " %d processors%n", n, width, height, days, 4.0 * b.grid.size() * days / 1e9,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        List<ScratchSeries> inputs = new ArrayList<>();
        try (ScratchSeries uncertainty = ScratchSeries.create(dir, b.grid, List.of(), n);
                ScratchSeries relative = ScratchSeries.create(dir, b.grid, List.of(), n);
                ScratchSeries least = ScratchSeries.create(dir, b.grid, List.of(), 1)) {
            for (int p = 0; p < n; p++) {
                inputs.add(ScratchSeries.create(dir, b.grid, b.dates, days));
            }
            long t0 = System.nanoTime();
            for (int t = 0; t < days; t++) {
                float[][] bands = b.date(t);
                for (int p = 0; p < n; p++) {
                    inputs.get(p).write(t, bands[p]);
                }
            }
            System.out.printf(Locale.ROOT, "generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);

            int rows = ThreeCorneredHat.rowsPerWindow(width, days, n);
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            TchReport report = null;
            for (int run = 1; run <= runs; run++) {
                System.gc();
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    pool.resetPeakUsage();
                }
                long cpuStart = os.getProcessCpuTime();
                long start = System.nanoTime();
                report = ThreeCorneredHat.DEFAULTS.run(inputs, new TchOutputs(uncertainty, relative, least),
                        Monitor.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
                long peak = heapPeak();
                System.out.printf(Locale.ROOT, "run %d: TCH in %.1f s (%.1f s of CPU): %.0f pixels/s; windows of %d"
                        + " rows (%.0f MB of input); peak heap %.0f MB (pool peaks, garbage included)%n", run,
                        seconds, cpu, b.grid.size() / seconds, rows, 4.0 * rows * width * days * n / 1048576.0,
                        peak / 1048576.0);
            }
            System.out.print(report.outcomesCsv());

            // Accuracy: mean |σ̂ − σ| and the share of pixels whose least uncertain product is the true one.
            double[] absError = new double[n];
            long agree = 0;
            long solved = 0;
            float[][] u = new float[n][];
            for (int p = 0; p < n; p++) {
                u[p] = uncertainty.read(p, Window.all(b.grid));
            }
            float[] l = least.read(0, Window.all(b.grid));
            for (int i = 0; i < b.grid.size(); i++) {
                if (Float.isNaN(l[i])) {
                    continue;
                }
                solved++;
                int col = i % width;
                int best = 0;
                for (int p = 0; p < n; p++) {
                    absError[p] += Math.abs(u[p][i] - b.sigma(p, col));
                    if (b.sigma(p, col) < b.sigma(best, col)) {
                        best = p;
                    }
                }
                agree += (int) l[i] == best + 1 ? 1 : 0;
            }
            for (int p = 0; p < n; p++) {
                System.out.printf(Locale.ROOT, "product %d: mean |sigma estimate - sigma| %.5f; least uncertain in"
                        + " %.1f %% of the pixels%n", p + 1, absError[p] / solved,
                        100.0 * report.leastUncertain()[p] / solved);
            }
            System.out.printf(Locale.ROOT, "least uncertain product = true least: %.1f %% of %d pixels%n",
                    100.0 * agree / solved, solved);
        } finally {
            for (ScratchSeries s : inputs) {
                s.close();
            }
            Files.deleteIfExists(dir);
        }
    }
}
