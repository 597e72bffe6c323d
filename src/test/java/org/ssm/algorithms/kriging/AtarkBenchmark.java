package org.ssm.algorithms.kriging;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ssm.algorithms.learning.Predictor;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.algorithms.methods.Trainers;
import org.ssm.core.Monitor;
import org.ssm.grid.Grid;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.scenario.TwinExperimentConfig;

/**
 * Time and peak heap of ATARK at twin-demo scale: the 200 x 150 fine grid of 1 km of {@link
 * TwinExperimentConfig#demo()} under a coarse grid {@code factor} times coarser (5: 40 x 30 cells,
 * the default; 25: the 8 x 6 passive-microwave grid).
 *
 * <pre>src/bench org.ssm.algorithms.kriging.AtarkBenchmark [dates=10] [factor=5] [neighbours=9]</pre>
 *
 * Synthetic inputs (seeded): three smooth fine predictors and a fine "truth" = linear in them plus a
 * smooth field they do not explain; coarse SM = block means of the truth. Prints, per date, the
 * kriging alone (deconvolution + kriging) and the whole ATARK (MSR trend per date + kriging), the
 * distinct systems solved, the worst coherence error and the heap peak.
 */
public final class AtarkBenchmark {

    private AtarkBenchmark() {}

    public static void main(String[] args) {
        int dates = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int factor = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int k = args.length > 2 ? Integer.parseInt(args[2]) : AtaParameters.DEFAULT_NEIGHBOURS;
        GridGeometry fine = TwinExperimentConfig.demo().grid();
        GridGeometry coarse = fine.coarsen(factor);
        System.out.printf(Locale.ROOT,
                "fine %dx%d, coarse %dx%d (factor %d), %d dates, k = %d, heap max %d MB, %d cores%n",
                fine.width(), fine.height(), coarse.width(), coarse.height(), factor, dates, k,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());

        List<LocalDate> days = new ArrayList<>();
        for (int d = 0; d < dates; d++) {
            days.add(LocalDate.of(2021, 5, 1).plusDays(d));
        }
        SplittableRandom random = new SplittableRandom(2021);
        float[][][] x = new float[3][dates][];
        float[][] truth = new float[dates][fine.size()];
        for (int d = 0; d < dates; d++) {
            for (int p = 0; p < 3; p++) {
                x[p][d] = smooth(fine, random, 4 + 3 * p);
            }
            float[] z = smooth(fine, random, 30);
            for (int i = 0; i < fine.size(); i++) {
                truth[d][i] = (float) (0.2 + 0.05 * x[0][d][i] - 0.03 * x[1][d][i] + 0.02 * x[2][d][i]
                        + 0.04 * z[i]);
            }
        }
        float[][] coarseBands = new float[dates][];
        for (int d = 0; d < dates; d++) {
            coarseBands[d] = blockMeans(fine, coarse, truth[d]);
        }
        GridSeries coarseSm = GridSeries.of(coarse, days, coarseBands);
        List<Predictor> predictors = List.of(new Predictor("lst", GridSeries.of(fine, days, x[0])),
                new Predictor("fvc", GridSeries.of(fine, days, x[1])),
                new Predictor("albedo", GridSeries.of(fine, days, x[2])));
        AtaParameters parameters = AtaParameters.defaults().withNeighbours(k);

        // Kriging alone, on the coarse truth anomalies as residuals, one date at a time.
        AreaToPointKriging kriging = new AreaToPointKriging(parameters);
        kriging.krige(Grid.of(coarse, coarseBands[0]), fine, Monitor.NONE); // warm-up (JIT)
        resetPeaks();
        long start = System.nanoTime();
        long systems = 0;
        double worst = 0;
        for (int d = 0; d < dates; d++) {
            KrigedResiduals r = kriging.krige(Grid.of(coarse, coarseBands[d]), fine, Monitor.NONE);
            systems += r.systems();
            double[] means = doubleMeans(fine, coarse, r.fine().values());
            for (int c = 0; c < means.length; c++) {
                worst = Math.max(worst, Math.abs(means[c] - coarseBands[d][c]));
            }
            if (d == 0) {
                DeconvolvedVariogram v = r.variogram();
                System.out.printf(Locale.ROOT, "date 1 variogram: %s sill %.3g range %.0f m, misfit %.3f%n",
                        v.point().model(), v.point().sill(), v.point().range(), v.relativeMisfit());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "kriging only: %.3f s per date (%d fine pixels, %.0f systems per date),"
                + " worst |block mean - coarse| %.2g, peak heap %.0f MB%n", seconds / dates, fine.size(),
                (double) systems / dates, worst, heapPeak() / 1048576.0);

        RegressionKriging atark = new RegressionKriging(Trainers.create("trend", "MSR", TrainerOptions.DEFAULTS),
                RegressionKriging.DEFAULT_TREND, parameters);
        resetPeaks();
        start = System.nanoTime();
        RegressionKriging.Result result = atark.downscale(coarseSm, predictors, Monitor.NONE);
        seconds = (System.nanoTime() - start) / 1e9;
        double trendSq = 0;
        double atarkSq = 0;
        for (int d = 0; d < dates; d++) {
            for (int i = 0; i < fine.size(); i++) {
                trendSq += sq(result.trend().ssm().band(d)[i] - truth[d][i]);
                atarkSq += sq(result.ssm().band(d)[i] - truth[d][i]);
            }
        }
        System.out.printf(Locale.ROOT, "ATARK (MSR trend per date + kriging): %.3f s per date, peak heap %.0f MB;"
                + " RMSE vs truth: trend %.4f, ATARK %.4f m3/m3%n", seconds / dates, heapPeak() / 1048576.0,
                Math.sqrt(trendSq / (dates * (double) fine.size())),
                Math.sqrt(atarkSq / (dates * (double) fine.size())));
    }

    /** A smooth field: white noise averaged over a moving (2w+1)² box, computed by prefix sums. */
    static float[] smooth(GridGeometry g, SplittableRandom random, int w) {
        int width = g.width();
        int height = g.height();
        double[] sums = new double[(width + 1) * (height + 1)];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                sums[(r + 1) * (width + 1) + c + 1] = random.nextGaussian() + sums[r * (width + 1) + c + 1]
                        + sums[(r + 1) * (width + 1) + c] - sums[r * (width + 1) + c];
            }
        }
        float[] out = new float[g.size()];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int r0 = Math.max(0, r - w);
                int r1 = Math.min(height, r + w + 1);
                int c0 = Math.max(0, c - w);
                int c1 = Math.min(width, c + w + 1);
                double s = sums[r1 * (width + 1) + c1] - sums[r0 * (width + 1) + c1] - sums[r1 * (width + 1) + c0]
                        + sums[r0 * (width + 1) + c0];
                out[r * width + c] = (float) (s / Math.sqrt((double) (r1 - r0) * (c1 - c0)));
            }
        }
        return out;
    }

    static float[] blockMeans(GridGeometry fine, GridGeometry coarse, float[] values) {
        double[] means = doubleMeans(fine, coarse, values);
        float[] out = new float[means.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = (float) means[c];
        }
        return out;
    }

    /** Block means in double precision (the coherence check must not round them to float first). */
    static double[] doubleMeans(GridGeometry fine, GridGeometry coarse, float[] values) {
        int[] cell = fine.coarseCellIndex(coarse);
        double[] sum = new double[coarse.size()];
        int[] n = new int[coarse.size()];
        for (int i = 0; i < cell.length; i++) {
            sum[cell[i]] += values[i];
            n[cell[i]]++;
        }
        for (int c = 0; c < sum.length; c++) {
            sum[c] /= n[c];
        }
        return sum;
    }

    private static double sq(double v) {
        return v * v;
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
}
