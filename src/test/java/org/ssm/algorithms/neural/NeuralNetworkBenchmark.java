package org.ssm.algorithms.neural;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.ssm.algorithms.learning.ModelFitting;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.algorithms.methods.Trainers;
import org.ssm.algorithms.learning.TrainingSet;
import org.ssm.algorithms.model.FittedModel;
import org.ssm.core.Monitor;

/**
 * Training and prediction speed of the DBN and BPNN ({@code docs/performance.md}, "DBN and BPNN"):
 * fits each with its defaults to {@code rows} synthetic samples of seven predictors in the units and
 * ranges of paper B's eq. 7 (SSM products, LST in K, NDVI, albedo, rain in mm, DOY), whose target is
 * a smooth nonlinear function of them plus noise; then predicts {@code predictRows} pixel-dates in
 * batches with the fitted model, as a downscaling process does, reporting rows per second.
 *
 * <pre>src/bench org.ssm.algorithms.neural.NeuralNetworkBenchmark [rows=50000] [predictRows=4000000]</pre>
 */
public final class NeuralNetworkBenchmark {

    private NeuralNetworkBenchmark() {}

    static final List<String> NAMES = TwinPredictors.NAMES;

    /** Rows of the seven predictors and a target depending on them nonlinearly, noise sd 0.02. */
    static TrainingSet synthetic(int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[rows * 7];
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            double pm = 0.05 + 0.4 * rnd.nextDouble();
            double rea = pm + 0.05 * rnd.nextGaussian();
            double lst = 285 + 25 * rnd.nextDouble();
            double ndvi = 0.1 + 0.8 * rnd.nextDouble();
            double albedo = 0.1 + 0.2 * rnd.nextDouble();
            double rain = rnd.nextDouble() < 0.7 ? 0 : 20 * rnd.nextDouble();
            double doy = 91 + rnd.nextInt(183);
            double[] row = {pm, rea, lst, ndvi, albedo, rain, doy};
            System.arraycopy(row, 0, x, r * 7, 7);
            y[r] = 0.6 * pm + 0.2 * rea - 0.004 * (lst - 295) * (1 - ndvi) - 0.3 * (albedo - 0.2)
                    + 0.05 * Math.tanh(rain / 5) + 0.03 * Math.sin(2 * Math.PI * doy / 365) + 0.02 * rnd.nextGaussian();
        }
        return new TrainingSet(7, x, y, null, null);
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int predictRows = args.length > 1 ? Integer.parseInt(args[1]) : 4_000_000;
        System.out.printf(Locale.ROOT, "%d cores, heap max %d MB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        TrainingSet raw = synthetic(rows, 1);
        // Warm the JIT up on a small set so that the timed fits measure compiled code.
        ModelFitting.fit(Trainers.create("method", "DBN", TrainerOptions.DEFAULTS.with("epochs", 20)), NAMES,
                synthetic(5000, 2), Map.of(), Monitor.NONE);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        FittedModel model = null;
        for (String method : List.of("DBN", "BPNN")) {
            resetPeak();
            long cpu = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            FittedModel m = ModelFitting.fit(Trainers.create("method", method, TrainerOptions.DEFAULTS), NAMES, raw,
                    Map.of(), Monitor.NONE);
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpuS = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            System.out.printf(Locale.ROOT, "%s fit on %d rows: %.1f s wall, %.1f s CPU, peak heap %d MB%n", method,
                    rows, wall, cpuS, peakHeapMb());
            if (model == null) {
                model = m;
            }
        }
        TrainingSet pixels = synthetic(predictRows, 3);
        double[] out = new double[predictRows];
        resetPeak();
        for (int rep = 0; rep < 4; rep++) {
            double[] x = pixels.features().clone();
            long cpu = processCpuNanos();
            long t0 = System.nanoTime();
            model.predictInPlace(x, predictRows, out);
            double s = (System.nanoTime() - t0) / 1e9;
            double cpuS = (processCpuNanos() - cpu) / 1e9;
            System.out.printf(Locale.ROOT, "DBN %s predicts %d pixel-dates in %.3f s wall, %.3f s CPU: %.0f per s, %.0f"
                    + " per CPU-second (peak heap %d MB)%n", model.regressor(), predictRows, s, cpuS, predictRows / s,
                    predictRows / cpuS, peakHeapMb());
        }
        // One thread, for the parallel speed-up.
        double[] x = pixels.features().clone();
        model.features().applyInPlace(x, predictRows);
        MlpRegressor net = (MlpRegressor) model.regressor();
        int chunk = MlpRegressor.BLOCK * 64;
        double[] part = new double[chunk * 7];
        double[] partOut = new double[chunk];
        long cpu1 = processCpuNanos();
        long t0 = System.nanoTime();
        for (int start = 0; start < predictRows; start += chunk) {
            int n = Math.min(chunk, predictRows - start);
            System.arraycopy(x, start * 7, part, 0, n * 7);
            net.predict(part, n, partOut);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        double cpuS = (processCpuNanos() - cpu1) / 1e9;
        System.out.printf(Locale.ROOT, "one thread: %d pixel-dates in %.3f s wall, %.3f s CPU: %.0f per s%n",
                predictRows, s, cpuS, predictRows / s);
    }

    /** CPU time of the whole JVM (every thread), for throughput per core on a shared machine. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static void resetPeak() {
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
