package org.ssm.algorithms.validation;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ssm.charts.ValidationCharts;
import org.ssm.core.Monitor;
import org.ssm.grid.CoordinateMap;
import org.ssm.grid.GridGeometry;
import org.ssm.io.ScratchSeries;
import org.ssm.stations.Observation;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;

/**
 * Speed and heap of {@link Validation}: stations with daily readings against a daily product on a
 * large grid kept off-heap in a {@link ScratchSeries} (generated date by date from a fixed seed),
 * with a coarse product 25 times coarser; then the tables and the three charts. A second run adds
 * a truth of the same size (every pixel compared).
 *
 * <pre>BENCH_JAVA_OPTS=-Xmx1g src/bench org.ssm.algorithms.validation.ValidationBenchmark [stations width height days]</pre>
 *
 * Defaults: 1000 stations, 1000 × 1000 pixels, 730 days (2.9 GB of scratch files per series in
 * {@code java.io.tmpdir}, deleted at the end).
 */
public final class ValidationBenchmark {

    private static final long SEED = 20240917L;

    private ValidationBenchmark() {}

    public static void main(String[] args) throws Exception {
        int stationCount = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int days = args.length > 3 ? Integer.parseInt(args[3]) : 730;
        // Longitude/latitude grids keep coordinate transforms out of the figures (the identity map).
        GridGeometry fine = new GridGeometry("EPSG:4326", 10, 50, 0.001, 0.001, width, height);
        GridGeometry coarse = fine.coarsen(25);
        List<LocalDate> dates = new ArrayList<>();
        for (int t = 0; t < days; t++) {
            dates.add(LocalDate.of(2021, 1, 1).plusDays(t));
        }
        System.out.printf(Locale.ROOT, "Validation benchmark: %d stations, %d x %d pixels, %d days, -Xmx %d MiB,"
                + " %d processors, load average %.2f%n", stationCount, width, height, days,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), load());
        Path dir = Files.createTempDirectory("validation-bench");
        try (ScratchSeries product = ScratchSeries.create(dir, fine, dates, days);
                ScratchSeries truth = ScratchSeries.create(dir, fine, dates, days);
                ScratchSeries lowRes = ScratchSeries.create(dir, coarse, dates, days)) {
            long t0 = System.nanoTime();
            int[] cells = new SplittableRandom(SEED).ints(stationCount, 0, fine.size()).toArray();
            double[][] atStations = generate(product, truth, lowRes, cells);
            List<StationSeries> stations = stations(fine, cells, dates, atStations);
            System.out.printf(Locale.ROOT, "inputs generated in %.1f s%n", seconds(t0));

            ValidationInputs in = ValidationInputs.of(stations, new GriddedProduct("product", product,
                    CoordinateMap.IDENTITY)).withCoarse(new GriddedProduct("coarse", lowRes, CoordinateMap.IDENTITY));
            run("stations + coarse", in);
            run("stations + coarse + truth (every pixel)", in.withTruth(truth));
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    private static void run(String label, ValidationInputs in) throws Exception {
        System.gc();
        resetPeaks();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        ValidationResult r = new Validation(ValidationParameters.defaults()).validate(in, Monitor.NONE);
        double validate = seconds(t0);
        long t1 = System.nanoTime();
        String table = ValidationTable.csv(r);
        String sd = ValidationTable.spatialSdCsv(r);
        double tables = seconds(t1);
        long t2 = System.nanoTime();
        BufferedImage scatter = ValidationCharts.scatter(r);
        BufferedImage series = ValidationCharts.timeSeries(r, r.chartStation(), in.stations().get(r.chartStation()),
                null).render();
        BufferedImage box = ValidationCharts.boxPlot(r);
        double charts = seconds(t2);
        double total = seconds(t0);
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "%s: validate %.2f s, tables %.2f s (%d + %d characters), charts %.2f s"
                + " (%d images); total %.2f s (CPU %.2f s, all threads); peak heap %s; load average %.2f%n", label,
                validate, tables, table.length(), sd.length(), charts, scatter.getWidth() > 0 && series.getWidth() > 0
                        && box.getWidth() > 0 ? 3 : 0, total, cpu, peakHeap(), load());
        System.out.printf(Locale.ROOT, "  check: %d stations aggregated, pooled %s; mean G_down %.3f; %d dates with"
                + " a spatial SD%s%n", r.product().stations(), r.product().pooled(), r.gains().mean().down(),
                r.spatialSd().stream().filter(d -> !Double.isNaN(d.insitu())).count(),
                r.truth() == null ? "" : "; truth pooled " + r.truth().pooled());
    }

    /**
     * A seasonal soil-moisture field with a per-pixel level and daily noise; the truth is the field
     * without the product's error, the coarse product a noisier field. Returns the truth at the
     * stations, {@code [station][day]}.
     */
    private static double[][] generate(ScratchSeries product, ScratchSeries truth, ScratchSeries coarse, int[] cells)
            throws Exception {
        GridGeometry g = product.geometry();
        float[] p = new float[g.size()];
        float[] t = new float[g.size()];
        float[] c = new float[coarse.geometry().size()];
        double[][] atStations = new double[cells.length][product.bands()];
        for (int d = 0; d < product.bands(); d++) {
            SplittableRandom rnd = new SplittableRandom(SEED * 31 + d);
            double season = 0.08 * Math.sin(2 * Math.PI * d / 365.0);
            for (int i = 0; i < p.length; i++) {
                double level = 0.15 + 0.2 * ((mix(SEED ^ i) & 0xFFFF) / 65536.0);
                t[i] = (float) (level + season + 0.02 * (rnd.nextDouble() - 0.5));
                p[i] = (float) (t[i] + 0.01 + 0.05 * (rnd.nextDouble() - 0.5));
            }
            for (int i = 0; i < c.length; i++) {
                c[i] = d % 3 == 1 ? Float.NaN : (float) (0.25 + season + 0.1 * (rnd.nextDouble() - 0.5));
            }
            product.write(d, p);
            truth.write(d, t);
            coarse.write(d, c);
            for (int s = 0; s < cells.length; s++) {
                atStations[s][d] = t[cells[s]];
            }
        }
        return atStations;
    }

    /** One reading a day at 06:00 UTC (the truth plus noise), 5 % of them missing. */
    private static List<StationSeries> stations(GridGeometry g, int[] cells, List<LocalDate> dates, double[][] truth) {
        SplittableRandom rnd = new SplittableRandom(SEED + 1);
        List<StationSeries> out = new ArrayList<>();
        for (int s = 0; s < cells.length; s++) {
            int col = cells[s] % g.width();
            int row = cells[s] / g.width();
            List<Observation> obs = new ArrayList<>(dates.size());
            for (int d = 0; d < dates.size(); d++) {
                double v = rnd.nextDouble() < 0.05 ? Double.NaN : truth[s][d] + 0.02 * rnd.nextGaussian();
                obs.add(new Observation(dates.get(d).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(21600), v,
                        "G"));
            }
            out.add(new StationSeries(new Station(String.format("B%04d", s), "BENCH", g.centerX(col), g.centerY(row),
                    0, 0.05), obs));
        }
        return out;
    }

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

    /** The sum of the heap pools' peaks: an upper bound of the peak heap in use (garbage included). */
    private static String peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return (sum >> 20) + " MiB";
    }

    /** CPU time of this JVM, all threads (the collector's included): steadier than wall time on a busy machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
