package org.ssm.algorithms.regression;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
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
 * Time and peak heap of fitting MSR and GPR (default parameters) on N coarse samples of paper E's
 * eight predictors (LST, FVC, LAI, albedo, SEE, lon, lat, DOY), and of predicting M fine pixels.
 *
 * <pre>src/bench org.ssm.algorithms.regression.RegressionBenchmark [samples [finePixels [runs]]]</pre>
 *
 * <p>From a fixed seed: predictors drawn in their physical ranges, soil moisture a smooth non-linear
 * function of them plus 0.01 m³/m³ noise; a held-out set of 2000 samples gives the RMSE.
 */
public final class RegressionBenchmark {

    private static final long SEED = 20_140_501L;
    private static final List<String> NAMES = List.of("lst", "fvc", "lai", "albedo", "see", "lon", "lat", "doy");

    private static TrainingSet samples(int n, long seed, boolean noise) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] rows = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double lst = 270 + 50 * rnd.nextDouble();
            double fvc = rnd.nextDouble();
            double lai = 6 * fvc * fvc + 0.3 * rnd.nextDouble();
            double albedo = 0.1 + 0.25 * rnd.nextDouble();
            double see = Math.max(0, Math.min(1, (320 - lst) / 50 + 0.1 * rnd.nextGaussian()));
            double lon = 80 + 20 * rnd.nextDouble();
            double lat = 28 + 10 * rnd.nextDouble();
            double doy = 91 + 183 * rnd.nextDouble();
            rows[i] = new double[] {lst, fvc, lai, albedo, see, lon, lat, doy};
            y[i] = 0.05 + 0.25 * see + 0.08 * fvc * Math.sin((lon - 80) / 4) + 0.05 * Math.cos((lat - 28) / 3)
                    + 0.04 * Math.sin(Math.PI * (doy - 91) / 183) - 0.1 * albedo
                    + (noise ? 0.01 * rnd.nextGaussian() : 0);
        }
        return TrainingSet.of(rows, y);
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
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

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int fine = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        TrainerOptions options = args.length > 3 ? TrainerOptions.parse("options", args[3])
                : TrainerOptions.DEFAULTS;
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "%d coarse samples x %d predictors, %d fine pixels; max heap %d MB;"
                + " %d processors%n", n, NAMES.size(), fine, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        TrainingSet train = samples(n, SEED, true);
        TrainingSet test = samples(2000, SEED + 1, false);
        TrainingSet pixels = samples(fine, SEED + 2, false);
        for (String method : List.of("MSR", "GPR")) {
            List<Double> times = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            FittedModel model = null;
            long peak = 0;
            for (int run = 1; run <= runs; run++) {
                resetPeaks();
                long t0 = System.nanoTime();
                long c0 = threads.getCurrentThreadCpuTime();
                model = ModelFitting.fit(Trainers.create("method", method, options), NAMES, train, Map.of(),
                        Monitor.NONE);
                cpu.add((threads.getCurrentThreadCpuTime() - c0) / 1e9);
                times.add((System.nanoTime() - t0) / 1e9);
                peak = Math.max(peak, heapPeak());
            }
            double[] out = new double[test.rows()];
            model.predictInPlace(test.features().clone(), test.rows(), out);
            double sq = 0;
            for (int i = 0; i < out.length; i++) {
                sq += (out[i] - test.targets()[i]) * (out[i] - test.targets()[i]);
            }
            double[] fineOut = new double[fine];
            long t1 = System.nanoTime();
            model.predictInPlace(pixels.features().clone(), fine, fineOut);
            double predict = (System.nanoTime() - t1) / 1e9;
            String detail = "";
            if (model.regressor() instanceof GaussianProcessRegressor gp) {
                detail = String.format(Locale.ROOT, "; posterior on %d samples, noise variance %.3g, length scales %s",
                        gp.samples(), gp.noiseVariance(), java.util.Arrays.toString(
                                java.util.Arrays.stream(gp.lengthScales()).mapToObj(v -> String.format(Locale.ROOT,
                                        "%.2f", v)).toArray()));
                // The share of the fit that is the exact posterior (one Cholesky factor of the n x n kernel matrix).
                double[] x = train.features().clone();
                model.features().applyInPlace(x, n);
                double[] y = train.targets().clone();
                model.target().applyInPlace(y, n);
                long c0 = threads.getCurrentThreadCpuTime();
                GaussianProcessRegression.withHyperparameters(x, NAMES.size(), y, new GpHyperparameters(
                        gp.lengthScales(), gp.signalVariance(), gp.noiseVariance()));
                detail += String.format(Locale.ROOT, "; posterior alone CPU %.2f s",
                        (threads.getCurrentThreadCpuTime() - c0) / 1e9);
            } else if (model.regressor() instanceof PolynomialRegressor p) {
                detail = "; " + p.terms().length + " terms kept";
            }
            System.out.printf(Locale.ROOT, "%s fit: wall %s s, CPU %s s (runs), heap peak %d MB; held-out RMSE %.4f m3/m3;"
                    + " predict %d pixels %.2f s%s%n", method, times.stream().map(t -> String.format(Locale.ROOT,
                    "%.2f", t)).toList(), cpu.stream().map(t -> String.format(Locale.ROOT, "%.2f", t)).toList(),
                    peak >> 20, Math.sqrt(sq / out.length), fine, predict, detail);
        }
    }
}
