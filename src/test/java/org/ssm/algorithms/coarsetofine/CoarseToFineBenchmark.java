package org.ssm.algorithms.coarsetofine;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.ssm.algorithms.learning.Predictor;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.algorithms.methods.Trainers;
import org.ssm.core.Monitor;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;

/**
 * {@link CoarseToFine} end to end with MSR, GPR, RF and GBDT on a synthetic twin scene whose fine
 * truth is known: time, heap peak, RMSE and R against the fine truth, and the worst conservation
 * error with the residual correction; optionally a PNG of the first date.
 *
 * <pre>src/bench org.ssm.algorithms.coarsetofine.CoarseToFineBenchmark [fineSize factor dates [figure.png]]</pre>
 *
 * <p>From a fixed seed: fine LST, FVC and albedo with spatial patterns at several scales; the fine
 * truth a non-linear function of them (wetter where cooler and greener) plus a smooth regional
 * gradient; the coarse SSM the block means of the truth (a perfect coarse sensor), so every error is
 * the downscaler's.
 */
public final class CoarseToFineBenchmark {

    private static final long SEED = 20_140_601L;

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
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 160;
        int factor = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        File figure = args.length > 3 ? new File(args[3]) : null;
        GridGeometry fine = new GridGeometry("EPSG:4326", 90, 35, 0.01, 0.01, size, size);
        GridGeometry coarse = fine.coarsen(factor);
        List<LocalDate> dates = new ArrayList<>();
        float[][] lst = new float[days][fine.size()];
        float[][] fvc = new float[days][fine.size()];
        float[][] albedo = new float[days][fine.size()];
        float[][] truth = new float[days][fine.size()];
        float[][] sm = new float[days][coarse.size()];
        SplittableRandom rnd = new SplittableRandom(SEED);
        int[] cell = fine.coarseCellIndex(coarse);
        for (int d = 0; d < days; d++) {
            dates.add(LocalDate.of(2014, 6, 1).plusDays(3L * d));
            double[] sum = new double[coarse.size()];
            int[] count = new int[coarse.size()];
            for (int i = 0; i < fine.size(); i++) {
                double x = (double) (i % size) / size;
                double y = (double) (i / size) / size;
                double green = 0.5 + 0.3 * Math.sin(9 * x + 2 * d * 0.1) * Math.cos(7 * y) + 0.1 * rnd.nextDouble();
                fvc[d][i] = (float) Math.max(0, Math.min(1, green));
                lst[d][i] = (float) (305 - 15 * fvc[d][i] + 4 * Math.sin(23 * x + 17 * y) + 2 * d + rnd.nextGaussian());
                albedo[d][i] = (float) (0.25 - 0.1 * fvc[d][i] + 0.03 * Math.cos(31 * y) + 0.01 * rnd.nextDouble());
                double see = Math.max(0, Math.min(1, (315 - lst[d][i]) / 25));
                truth[d][i] = (float) (0.05 + 0.3 * see * see + 0.08 * fvc[d][i] - 0.3 * (albedo[d][i] - 0.2)
                        + 0.05 * x + 0.03 * Math.sin(4 * y));
                sum[cell[i]] += truth[d][i];
                count[cell[i]]++;
            }
            for (int c = 0; c < coarse.size(); c++) {
                sm[d][c] = (float) (sum[c] / count[c]);
            }
        }
        GridSeries coarseSm = GridSeries.of(coarse, dates, sm);
        List<Predictor> predictors = List.of(new Predictor("lst", GridSeries.of(fine, dates, lst)),
                new Predictor("fvc", GridSeries.of(fine, dates, fvc)),
                new Predictor("albedo", GridSeries.of(fine, dates, albedo)));
        System.out.printf(Locale.ROOT, "%d x %d fine pixels, %d x %d coarse cells, %d dates (pooled: %d samples);"
                + " max heap %d MB; %d processors%n", size, size, coarse.width(), coarse.height(), days,
                coarse.size() * days, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        double[] blocky = new double[days * fine.size()];
        for (int d = 0; d < days; d++) {
            for (int i = 0; i < fine.size(); i++) {
                blocky[d * fine.size() + i] = sm[d][cell[i]];
            }
        }
        System.out.printf(Locale.ROOT, "coarse value repeated on the fine grid: RMSE %.4f, R %.3f%n",
                rmse(blocky, truth), r(blocky, truth));
        Map<String, float[]> panels = new LinkedHashMap<>();
        panels.put("coarse SSM", toFloat(java.util.Arrays.copyOf(blocky, fine.size())));
        panels.put("fine truth", truth[0]);
        for (String method : List.of("MSR", "GPR", "RF", "GBDT")) {
            for (boolean corrected : new boolean[] {false, true}) {
                resetPeaks();
                long t0 = System.nanoTime();
                CoarseToFine.Result result = new CoarseToFine(Trainers.create("method", method,
                        TrainerOptions.DEFAULTS), CoarseToFineParameters.defaults().withResidualCorrection(corrected))
                        .downscale(coarseSm, predictors, Monitor.NONE);
                double seconds = (System.nanoTime() - t0) / 1e9;
                double[] out = new double[days * fine.size()];
                double worst = 0;
                for (int d = 0; d < days; d++) {
                    double[] sum = new double[coarse.size()];
                    int[] count = new int[coarse.size()];
                    for (int i = 0; i < fine.size(); i++) {
                        out[d * fine.size() + i] = result.ssm().band(d)[i];
                        sum[cell[i]] += result.ssm().band(d)[i];
                        count[cell[i]]++;
                    }
                    for (int c = 0; c < coarse.size(); c++) {
                        worst = Math.max(worst, Math.abs(sum[c] / count[c] - sm[d][c]));
                    }
                }
                System.out.printf(Locale.ROOT, "%-4s %-9s %6.1f s, heap peak %4d MB: fine RMSE %.4f, R %.3f;"
                        + " worst |coarse-cell mean - coarse| %.1e; coarse fit RMSE %.4f%n", method,
                        corrected ? "corrected" : "plain", seconds, heapPeak() >> 20, rmse(out, truth), r(out, truth),
                        worst, result.models().get(0).rmse());
                if (!corrected) {
                    panels.put(method, result.ssm().band(0));
                }
            }
        }
        if (figure != null) {
            write(figure, panels, size, factor);
            System.out.println("figure: " + figure);
        }
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private static double rmse(double[] out, float[][] truth) {
        double s = 0;
        int n = truth[0].length;
        for (int k = 0; k < out.length; k++) {
            double e = out[k] - truth[k / n][k % n];
            s += e * e;
        }
        return Math.sqrt(s / out.length);
    }

    private static double r(double[] out, float[][] truth) {
        int n = truth[0].length;
        double mo = 0;
        double mt = 0;
        for (int k = 0; k < out.length; k++) {
            mo += out[k];
            mt += truth[k / n][k % n];
        }
        mo /= out.length;
        mt /= out.length;
        double sot = 0;
        double soo = 0;
        double stt = 0;
        for (int k = 0; k < out.length; k++) {
            double a = out[k] - mo;
            double b = truth[k / n][k % n] - mt;
            sot += a * b;
            soo += a * a;
            stt += b * b;
        }
        return sot / Math.sqrt(soo * stt);
    }

    /** Panels side by side on one colour scale (dry brown to wet blue), each with its title. */
    private static void write(File file, Map<String, float[]> panels, int size, int factor) throws Exception {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : panels.get("fine truth")) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        int pad = 24;
        BufferedImage img = new BufferedImage(panels.size() * (size + 8) + 8, size + pad + 28,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int x0 = 8;
        for (Map.Entry<String, float[]> e : panels.entrySet()) {
            float[] v = e.getValue();
            for (int i = 0; i < v.length; i++) {
                double t = Math.max(0, Math.min(1, (v[i] - lo) / (hi - lo)));
                Color c = Float.isNaN(v[i]) ? Color.LIGHT_GRAY : new Color((int) (166 - 136 * t),
                        (int) (97 + 53 * t), (int) (26 + 204 * t));
                img.setRGB(x0 + i % size, pad + i / size, c.getRGB());
            }
            g.setColor(Color.BLACK);
            g.drawString(e.getKey(), x0, 16);
            x0 += size + 8;
        }
        g.drawString(String.format(Locale.ROOT, "first date; colour scale %.2f (brown) to %.2f m3/m3 (blue);"
                + " coarse cells %d x %d fine pixels", lo, hi, factor, factor), 8, size + pad + 18);
        g.dispose();
        ImageIO.write(img, "png", file);
    }
}
