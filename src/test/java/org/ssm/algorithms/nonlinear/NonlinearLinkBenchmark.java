package org.ssm.algorithms.nonlinear;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
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
 * <pre>src/bench org.ssm.algorithms.nonlinear.NonlinearLinkBenchmark [demo|small] [runs]</pre>
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

    public static void main(String[] args) {
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
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            result = downscaler.downscale(pm, see, nmdi, Monitor.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: %.1f s (%.1f s of CPU): %.0f fine pixel-dates/s, %.0f coarse"
                    + " fits/s; peak heap %.0f MB (pool peaks, garbage and the in-memory scenario included)%n", run,
                    seconds, cpu, pixelDates / seconds, (double) s.pmGrid().size() * pm.size() / seconds,
                    heapPeak() / 1048576.0);
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
    }

    private static void row(String name, Metrics m) {
        System.out.printf(Locale.ROOT, "| %s | %.3f | %.4f | %.4f | %+.4f | %d |%n", name, m.pcc(), m.rmse(),
                m.ubrmse(), m.bias(), m.n());
    }
}
