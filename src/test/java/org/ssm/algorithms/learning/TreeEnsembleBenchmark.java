package org.ssm.algorithms.learning;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.ssm.algorithms.methods.Trainers;
import org.ssm.algorithms.model.FittedModel;
import org.ssm.core.Monitor;

/**
 * Training time and batch prediction throughput of the RF and GBDT trainers ({@link TreeEnsemble})
 * on a synthetic set shaped like paper B §3.4's: 8 predictors (three coarse soil-moisture products,
 * LST, NDVI, albedo, precipitation, day of year) and in-situ targets.
 *
 * <pre>src/bench org.ssm.algorithms.learning.TreeEnsembleBenchmark [trainingRows [pixelDates [runs [trees]]]]</pre>
 *
 * <p>Defaults: 6000 training rows (paper B trains on S station-days, e.g. 30 sensors × 200 days),
 * 200 trees per method, 2,000,000 pixel-dates predicted per run through
 * {@link FittedModel#predictInPlace} (normalisation, ensemble, de-normalisation) in chunks of
 * 1,000,000 rows (one 1000 × 1000 date), 3 runs. Throughput targets of issue 5 on 2 cores:
 * RF ≥ 250,000 pixel-dates/s, GBDT ≥ 1,000,000 pixel-dates/s.
 */
public final class TreeEnsembleBenchmark {

    private static final long SEED = 20_251_123L;
    private static final List<String> PREDICTORS = List.of("ssm_smap", "ssm_amsr2", "ssm_ascat", "lst", "ndvi",
            "albedo", "precipitation", "doy");
    private static final int CHUNK = 1_000_000;

    private TreeEnsembleBenchmark() {}

    /** {@code rows} synthetic rows of the 8 predictors in their own units, from {@code seed}. */
    static double[] predictors(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[rows * 8];
        for (int r = 0; r < rows; r++) {
            int o = r * 8;
            double doy = 1 + random.nextInt(365);
            double season = Math.sin(2 * Math.PI * (doy - 100) / 365);
            double wet = 0.22 + 0.08 * season + 0.06 * random.nextGaussian();
            x[o] = wet + 0.03 * random.nextGaussian();
            x[o + 1] = 0.9 * wet + 0.02 + 0.04 * random.nextGaussian();
            x[o + 2] = wet + 0.05 * random.nextGaussian();
            x[o + 3] = 295 + 12 * season - 40 * (wet - 0.22) + 3 * random.nextGaussian();
            x[o + 4] = Math.min(0.9, Math.max(0.05, 0.4 + 0.2 * season + 0.1 * random.nextGaussian()));
            x[o + 5] = 0.18 - 0.1 * (x[o + 4] - 0.4) + 0.02 * random.nextGaussian();
            x[o + 6] = random.nextDouble() < 0.7 ? 0 : 20 * random.nextDouble() * random.nextDouble();
            x[o + 7] = doy;
        }
        return x;
    }

    /** A nonlinear in-situ soil moisture of the predictors, plus noise. */
    static double[] targets(double[] x, int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            int o = r * 8;
            double coarse = (x[o] + x[o + 1] + x[o + 2]) / 3;
            y[r] = coarse + 0.05 * Math.tanh(10 * (x[o + 4] - 0.4)) - 0.002 * (x[o + 3] - 295)
                    + 0.03 * Math.log1p(x[o + 6]) - 0.1 * (x[o + 5] - 0.18) + 0.01 * random.nextGaussian();
        }
        return y;
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

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    public static void main(String[] args) {
        int trainingRows = args.length > 0 ? Integer.parseInt(args[0]) : 6000;
        long pixelDates = args.length > 1 ? Long.parseLong(args[1]) : 2_000_000L;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int trees = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "%d training rows x %d predictors, %d trees, %d pixel-dates per run; max heap"
                + " %d MB; %d processors; load average %.2f%n", trainingRows, PREDICTORS.size(), trees, pixelDates,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                os.getSystemLoadAverage());
        double[] x = predictors(trainingRows, SEED);
        TrainingSet train = new TrainingSet(8, x, targets(x, trainingRows, SEED + 1), null, null);
        int testRows = 20_000;
        double[] tx = predictors(testRows, SEED + 2);
        double[] ty = targets(tx, testRows, SEED + 3);
        double[] chunkInput = predictors(CHUNK, SEED + 4);

        for (String method : List.of("RF", "GBDT")) {
            resetPeaks();
            RegressorTrainer trainer = Trainers.create("method", method, TrainerOptions.DEFAULTS.with("trees", trees));
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            FittedModel model = ModelFitting.fit(trainer, PREDICTORS, train, Map.of(), Monitor.NONE);
            double fitSeconds = (System.nanoTime() - t0) / 1e9;
            double fitCpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            TreeEnsemble ensemble = (TreeEnsemble) model.regressor();
            int maxDepth = 0;
            double meanDepth = 0;
            for (int t = 0; t < ensemble.trees(); t++) {
                maxDepth = Math.max(maxDepth, ensemble.depth(t));
                meanDepth += ensemble.depth(t) / (double) ensemble.trees();
            }
            double[] out = new double[testRows];
            model.predictInPlace(tx.clone(), testRows, out);
            double sq = 0;
            for (int r = 0; r < testRows; r++) {
                sq += (out[r] - ty[r]) * (out[r] - ty[r]);
            }
            String json = model.toJson();
            System.out.printf(Locale.ROOT, "%s: fitted in %.1f s (%.1f s CPU), peak heap %.0f MB; %d trees, %d nodes,"
                    + " depth mean %.1f max %d; JSON %.1f MB; test RMSE %.4f (noise 0.0100)%n", method, fitSeconds,
                    fitCpu, heapPeak() / 1048576.0, ensemble.trees(), ensemble.nodes(), meanDepth, maxDepth,
                    json.length() / 1048576.0, Math.sqrt(sq / testRows));

            double[] buffer = new double[CHUNK * 8];
            double[] prediction = new double[CHUNK];
            double[] rates = new double[runs];
            for (int run = 0; run < runs; run++) {
                resetPeaks();
                long cpu = os.getProcessCpuTime();
                long start = System.nanoTime();
                for (long done = 0; done < pixelDates; done += CHUNK) {
                    int rows = (int) Math.min(CHUNK, pixelDates - done);
                    // A fresh copy each chunk: predictInPlace normalises its input in place.
                    System.arraycopy(chunkInput, 0, buffer, 0, rows * 8);
                    model.predictInPlace(buffer, rows, prediction);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                rates[run] = pixelDates / seconds;
                System.out.printf(Locale.ROOT, "%s run %d: %d pixel-dates in %.2f s (%.1f s CPU): %,.0f pixel-dates/s;"
                        + " peak heap %.0f MB; load average %.2f%n", method, run + 1, pixelDates, seconds,
                        (os.getProcessCpuTime() - cpu) / 1e9, rates[run], heapPeak() / 1048576.0,
                        os.getSystemLoadAverage());
            }
            double[] sorted = rates.clone();
            Arrays.sort(sorted);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("best", String.format(Locale.ROOT, "%,.0f", sorted[sorted.length - 1]));
            summary.put("median", String.format(Locale.ROOT, "%,.0f", sorted[sorted.length / 2]));
            System.out.println(method + " pixel-dates/s " + summary);
        }
    }
}
