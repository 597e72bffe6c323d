package org.ssm.algorithms.nonlinear;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.ssm.charts.ChartStyle;
import org.ssm.charts.TimeSeriesChart;
import org.ssm.scenario.DateRange;
import org.ssm.scenario.TwinStation;
import org.ssm.algorithms.validation.Metrics;
import org.ssm.core.Monitor;
import org.ssm.grid.GridSeries;
import org.ssm.scenario.Scenario;
import org.ssm.scenario.TwinExperiment;
import org.ssm.scenario.TwinExperimentConfig;

/**
 * Throughput, time and peak heap of {@link NonlinearLinkDownscaler} (paper D §2.2.2) on a twin
 * experiment, and its accuracy against the truth over the validation season next to the PM product
 * resampled to the fine grid.
 *
 * <p>With an output directory, also writes {@code nonlinear-link-timeseries.png}: truth, PM product
 * and downscaled SSM over the validation season at the fine cell of the first station, with the rain.
 *
 * <pre>src/bench org.ssm.algorithms.nonlinear.NonlinearLinkBenchmark [demo|small] [runs] [image directory]</pre>
 */
public final class NonlinearLinkBenchmark {

    private NonlinearLinkBenchmark() {}

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
        TwinExperimentConfig config = args.length > 0 && args[0].equals("small") ? TwinExperimentConfig.small()
                : TwinExperimentConfig.demo();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Scenario s = TwinExperiment.generate(config, Monitor.NONE);
        GridSeries see = TwinLink.see(s);
        GridSeries nmdi = TwinLink.nmdi(s);
        GridSeries pm = s.pmSsm();
        long pixelDates = (long) s.fineGrid().size() * pm.size();
        System.out.printf(Locale.ROOT, "%d x %d fine, %d x %d coarse, %d dates (%d pixel-dates); max heap %d MB;"
                + " %d processors%n", s.fineGrid().width(), s.fineGrid().height(), s.pmGrid().width(),
                s.pmGrid().height(), pm.size(), pixelDates, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        NonlinearLinkDownscaler downscaler = new NonlinearLinkDownscaler(LinkParameters.defaults());
        NonlinearLinkDownscaler.Result result = null;
        for (int run = 1; run <= runs; run++) {
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            long baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            result = downscaler.downscale(pm, see, nmdi, Monitor.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: %.1f s (%.1f s of CPU): %.0f fine pixel-dates/s, %.0f coarse"
                    + " fits/s; peak heap %.0f MB (pool peaks, garbage included) of which %.0f MB in use before"
                    + " the run (scenario and inputs)%n", run, seconds, cpu, pixelDates / seconds,
                    (double) s.pmGrid().size() * pm.size() / seconds, heapPeak() / 1048576.0, baseline / 1048576.0);
        }
        LinkReport report = result.report();
        StringBuilder outcomes = new StringBuilder("outcomes (pixel-dates):");
        for (CellOutcome o : CellOutcome.values()) {
            outcomes.append(' ').append(o.csvName()).append('=').append(report.total(o));
        }
        System.out.println(outcomes + "; of the downscaled, linear (b = 0) fits: " + report.totalLinear());
        TwinLink.Scores scores = TwinLink.score(s, result.ssm(), config.validation());
        System.out.println("validation season " + config.validation() + " against the truth:");
        System.out.println("| estimate | PCC | RMSE | ubRMSE | bias | pairs |");
        row("non-linear link, PM observed", scores.downscaled());
        row("PM resampled (same pairs)", scores.coarse());
        row("non-linear link, swath gaps", scores.gapFilled());
        if (args.length > 2) {
            chart(s, result.ssm(), Path.of(args[2]));
        }
    }

    private static void chart(Scenario s, GridSeries downscaled, Path dir) throws java.io.IOException {
        TwinStation station = s.stations().get(0);
        int cell = station.row() * s.fineGrid().width() + station.col();
        int coarseCell = s.fineGrid().coarseCellIndex(s.pmGrid())[cell];
        DateRange season = s.config().validation();
        List<Integer> index = new ArrayList<>();
        for (int t = 0; t < downscaled.size(); t++) {
            LocalDate d = downscaled.dates().get(t);
            if (!d.isBefore(season.start()) && !d.isAfter(season.end())) {
                index.add(t);
            }
        }
        int n = index.size();
        int[] days = new int[n];
        double[] truth = new double[n];
        double[] pm = new double[n];
        double[] down = new double[n];
        double[] rain = new double[n];
        int rainCell = s.fineGrid().coarseCellIndex(s.rain().geometry())[cell];
        for (int k = 0; k < n; k++) {
            int t = index.get(k);
            days[k] = (int) downscaled.dates().get(t).toEpochDay();
            truth[k] = s.truthSsm().band(t)[cell];
            pm[k] = s.pmSsm().band(t)[coarseCell];
            down[k] = downscaled.band(t)[cell];
            rain[k] = s.rain().band(t)[rainCell];
        }
        TimeSeriesChart chart = new TimeSeriesChart("Non-linear link downscaling at station " + station.id()
                + " (demo twin, validation season)", List.of(
                new TimeSeriesChart.Line("truth (1 km)", ChartStyle.INSITU, TimeSeriesChart.Style.LINE, days, truth),
                new TimeSeriesChart.Line("PM product (25 km)", ChartStyle.COARSE, TimeSeriesChart.Style.POINTS, days,
                        pm),
                new TimeSeriesChart.Line("non-linear link (1 km)", ChartStyle.PRODUCT, TimeSeriesChart.Style.POINTS,
                        days, down)), new TimeSeriesChart.Rain(days, rain));
        Files.createDirectories(dir);
        ImageIO.write(chart.render(), "png", dir.resolve("nonlinear-link-timeseries.png").toFile());
    }

    private static void row(String name, Metrics m) {
        System.out.printf(Locale.ROOT, "| %s | %.3f | %.4f | %.4f | %+.4f | %d |%n", name, m.pcc(), m.rmse(),
                m.ubrmse(), m.bias(), m.n());
    }
}
