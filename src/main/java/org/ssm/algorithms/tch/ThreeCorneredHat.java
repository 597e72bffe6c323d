package org.ssm.algorithms.tch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridChecks;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.SeriesDates;
import org.ssm.grid.SeriesReader;
import org.ssm.grid.SeriesWriter;
import org.ssm.grid.Window;

/**
 * The three-cornered hat (TCH) of paper E §3.5 (eq. 20–25): the error variance of each of N ≥ 3
 * products of the same variable, per pixel, without a reference truth.
 *
 * <p>Each product is truth plus error, X_i = X_true + e_i (eq. 20). The differences to product N,
 * Y_i = X_i − X_N = e_i − e_N (eq. 21), have the (N−1)×(N−1) covariance S = J R Jᵀ (eq. 22), where R
 * is the N×N error covariance of the products and J = [I −U]. S is estimated from the series; R
 * has N free unknowns more than S fixes, which are chosen by the constrained minimisation of Galindo
 * and Palacio (1999): minimise F = (1/K²) Σ_{i&lt;j} R_ij² with K = |S|^{1/(N−1)} (eq. 23), the
 * covariances between the products' errors, subject to R positive definite, G = −|R|/(|S|·K) &lt; 0
 * (eq. 24, Tavella and Premoli 1994), from the initial value of eq. 25 ({@link TchSolver} gives the
 * method). The uncertainty of product i is √R_ii, its relative uncertainty √R_ii over its mean.
 *
 * <p>Where the paper is silent:
 *
 * <ul>
 *   <li>only dates on which every product has a finite value enter S and the means; a pixel with fewer
 *       than {@code minDates} such dates is not estimated;
 *   <li>S uses the unbiased divisor (dates − 1); the sampling error of a variance estimated from T
 *       dates is about σ²·√(2/T), 26 % at the default of 30 dates;
 *   <li>R does not depend on which product is the reference (|S| and the set of R with a given S are
 *       the same for every choice), so the last product is;
 *   <li>the least uncertain product is the one with the least √R_ii (the first of equals); relative
 *       uncertainties would favour a product biased towards large values;
 *   <li>a product constant over the common dates, and a singular S (identical products), leave the
 *       pixel NaN rather than a number with no meaning (see {@link TchOutcome}).
 * </ul>
 *
 * <p>The series are read window by window: all bands of a strip of rows from every product, at most
 * {@link #WINDOW_BYTES} (less on a small heap). Pixels are estimated in parallel in blocks of
 * {@link #BLOCK} cells whose tallies are merged in block order, so results do not depend on threads.
 *
 * @param minDates fewest dates valid in every product for a pixel to be estimated, ≥ 3 and at least
 *     the number of products
 * @param maxIterations most steps of the minimisation (one on F, the rest on the Kuhn–Tucker multiplier),
 *     in [1, 1000]
 * @param tolerance largest |G| (eq. 24, free of units) accepted on the boundary of the domain, in
 *     [1e-15, 1e-3]
 */
public record ThreeCorneredHat(int minDates, int maxIterations, double tolerance) {

    /** Fewest products: with two, S is 1×1 and cannot separate two error variances. */
    public static final int MIN_PRODUCTS = 3;
    /** About a month of daily data; a variance from 30 samples has a relative standard error of about 26 %. */
    public static final int DEFAULT_MIN_DATES = 30;
    /** A boundary pixel takes about 10 steps (at most 28 on 20,000 arbitrary covariances); 50 leaves room. */
    public static final int DEFAULT_MAX_ITERATIONS = 50;
    /** |G| on the boundary; a variance then errs by about this fraction of K, far below its sampling error. */
    public static final double DEFAULT_TOLERANCE = 1e-9;

    /** Smallest tolerance: G is computed to about 1e-16 (double rounding of numbers of order 1), so less cannot be met. */
    public static final double MIN_TOLERANCE = 1e-15;

    /** Defaults. */
    public static final ThreeCorneredHat DEFAULTS = new ThreeCorneredHat(DEFAULT_MIN_DATES, DEFAULT_MAX_ITERATIONS,
            DEFAULT_TOLERANCE);

    /** Heap given to the window of every product's bands read at once (less on a heap under 1 GB). */
    public static final long WINDOW_BYTES = 128L << 20;

    /** Pixels per parallel task. */
    static final int BLOCK = 1024;

    public ThreeCorneredHat {
        ParameterException.requireInRange("minDates", minDates, MIN_PRODUCTS, SeriesDates.MAX_DATES);
        ParameterException.requireInRange("maxIterations", maxIterations, 1, 1000);
        ParameterException.requireInRange("tolerance", tolerance, MIN_TOLERANCE, 1e-3);
    }

    /**
     * TCH for one covariance of differences.
     *
     * @param s the (N−1)×(N−1) covariance of X_i − X_N, i &lt; N (symmetric)
     */
    public TchSolution solve(double[][] s) {
        int n = s.length;
        if (n < MIN_PRODUCTS - 1) {
            throw new ParameterException("s", n + "x" + n, "the covariance of at least 2 differences (3 products)");
        }
        double[] flat = new double[n * n];
        for (int i = 0; i < n; i++) {
            if (s[i].length != n) {
                throw new ParameterException("s", "row " + i + " of " + s[i].length, "a square matrix");
            }
            for (int j = 0; j < n; j++) {
                if (s[i][j] != s[j][i]) {
                    throw new ParameterException("s", "s[" + i + "][" + j + "] != s[" + j + "][" + i + "]",
                            "a symmetric matrix");
                }
                flat[i * n + j] = s[i][j];
            }
        }
        double[] means = new double[n + 1];
        Arrays.fill(means, Double.NaN);
        return solveFlat(new TchSolver(n + 1, maxIterations, tolerance), flat, 0, means);
    }

    /**
     * TCH for the series of one pixel: {@code series[i][t]} is product i on date t; NaN (or ±∞) marks
     * a missing value, and only dates valid in every product are used.
     */
    public TchSolution estimate(double[][] series) {
        int products = series.length;
        if (products < MIN_PRODUCTS) {
            throw new ParameterException("products", products, "at least " + MIN_PRODUCTS + " series");
        }
        int dates = series[0].length;
        for (double[] s : series) {
            if (s.length != dates) {
                throw new ParameterException("products", s.length + " dates", dates + " dates in every series");
            }
        }
        Pixel pixel = new Pixel(products, 1);
        double[] values = new double[products];
        for (int t = 0; t < dates; t++) {
            boolean valid = true;
            for (int p = 0; p < products && valid; p++) {
                values[p] = series[p][t];
                valid = Double.isFinite(values[p]);
            }
            if (valid) {
                pixel.sums.add(0, values);
            }
        }
        TchOutcome outcome = pixel.estimate(0);
        double[] means = pixel.means(0);
        int count = pixel.sums.count(0);
        if (!outcome.solved()) {
            return TchSolution.failed(outcome, products, count, means);
        }
        return new TchSolution(outcome, count, pixel.solver.covariance(), means, pixel.solver.objective(),
                pixel.solver.constraint(), pixel.solver.iterations());
    }

    private TchSolution solveFlat(TchSolver solver, double[] s, int dates, double[] means) {
        int products = means.length;
        TchOutcome outcome = solver.solve(s, new double[products]);
        if (!outcome.solved()) {
            return TchSolution.failed(outcome, products, dates, means);
        }
        return new TchSolution(outcome, dates, solver.covariance(), means, solver.objective(), solver.constraint(),
                solver.iterations());
    }

    /**
     * TCH for every pixel of N products on one grid and one set of dates, window by window.
     *
     * @param products N ≥ 3 series with the same grid and dates (band t = date t)
     * @param outputs where the maps go; NaN where a pixel has no estimate
     * @return the outcome counts and per-product summary
     */
    public TchReport run(List<? extends SeriesReader> products, TchOutputs outputs, Monitor monitor)
            throws IOException {
        int count = requireProducts(products);
        SeriesReader first = products.get(0);
        return run(products, outputs, monitor, rowsPerWindow(first.geometry().width(), first.bands(), count));
    }

    /** {@link #run(List, TchOutputs, Monitor)} with windows of {@code rows} rows. */
    TchReport run(List<? extends SeriesReader> products, TchOutputs outputs, Monitor monitor, int rows)
            throws IOException {
        int count = requireProducts(products);
        SeriesReader first = products.get(0);
        GridGeometry grid = first.geometry();
        requireOutput("uncertainty", outputs.uncertainty(), grid, count);
        requireOutput("relativeUncertainty", outputs.relativeUncertainty(), grid, count);
        requireOutput("leastUncertain", outputs.leastUncertain(), grid, 1);
        int dates = first.bands();
        TchReport.Tally total = new TchReport.Tally(count);
        for (int row = 0; row < grid.height(); row += rows) {
            Window window = new Window(0, row, grid.width(), Math.min(rows, grid.height() - row));
            float[][][] data = readAll(products, window);
            WindowResult result = estimateWindow(data, window.size(), count, dates);
            for (int p = 0; p < count; p++) {
                outputs.uncertainty().write(p, window, result.uncertainty[p]);
                outputs.relativeUncertainty().write(p, window, result.relative[p]);
            }
            outputs.leastUncertain().write(0, window, result.least);
            total.add(result.tally);
            monitor.checkpoint(row + window.height(), grid.height());
        }
        return total.report();
    }

    private int requireProducts(List<? extends SeriesReader> products) {
        if (products == null || products.size() < MIN_PRODUCTS) {
            throw new ParameterException("products", products == null ? 0 : products.size() + " products",
                    "at least " + MIN_PRODUCTS + " series of the same variable on one grid and dates");
        }
        SeriesReader first = products.get(0);
        for (int p = 1; p < products.size(); p++) {
            SeriesReader other = products.get(p);
            GridChecks.requireSameGrid("products", other.geometry(), "product 1", first.geometry());
            if (!other.dates().equals(first.dates()) || other.bands() != first.bands()) {
                throw ParameterException.because("products", "product " + (p + 1) + " has " + describeDates(other)
                        + "; expected the " + describeDates(first) + " of product 1");
            }
        }
        if (minDates < products.size()) {
            throw new ParameterException("minDates", minDates, "at least the number of products (" + products.size()
                    + "), so that the covariance of the differences can be of full rank");
        }
        if (first.bands() < minDates) {
            throw ParameterException.because("products", "they have " + first.bands() + " dates, fewer than minDates = "
                    + minDates + "; give a longer period or lower minDates");
        }
        return products.size();
    }

    private static String describeDates(SeriesReader series) {
        return series.dates().isEmpty() ? series.bands() + " undated bands"
                : series.bands() + " bands dated " + SeriesDates.format(series.dates());
    }

    private static void requireOutput(String name, SeriesWriter writer, GridGeometry grid, int bands) {
        if (!writer.geometry().sameAs(grid) || writer.bands() != bands) {
            throw new IllegalArgumentException("output " + name + " must have " + bands + " band(s) on "
                    + grid.describe());
        }
    }

    /** Rows per window so that the bands of every product fit {@link #WINDOW_BYTES} (an eighth of a small heap). */
    static int rowsPerWindow(int width, int dates, int products) {
        long budget = Math.min(WINDOW_BYTES, Runtime.getRuntime().maxMemory() / 8);
        long bytesPerRow = 4L * width * dates * products;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, budget / bytesPerRow));
    }

    private static float[][][] readAll(List<? extends SeriesReader> products, Window window) throws IOException {
        float[][][] data = new float[products.size()][][];
        try {
            IntStream.range(0, products.size()).parallel().forEach(p -> {
                try {
                    data[p] = products.get(p).readAllBands(window);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return data;
    }

    /** Maps and tallies of one window. */
    private record WindowResult(float[][] uncertainty, float[][] relative, float[] least, TchReport.Tally tally) {}

    private WindowResult estimateWindow(float[][][] data, int cells, int products, int dates) {
        float[][] uncertainty = new float[products][cells];
        float[][] relative = new float[products][cells];
        float[] least = new float[cells];
        int blocks = (cells + BLOCK - 1) / BLOCK;
        List<TchReport.Tally> tallies = IntStream.range(0, blocks).parallel().mapToObj(b -> {
            int from = b * BLOCK;
            int to = Math.min(cells, from + BLOCK);
            Pixel pixel = new Pixel(products, to - from);
            TchReport.Tally tally = new TchReport.Tally(products);
            pixel.sums.addWindow(data, from);
            for (int cell = from; cell < to; cell++) {
                TchOutcome outcome = pixel.estimate(cell - from);
                tally.outcomes[outcome.ordinal()]++;
                pixel.write(outcome, cell - from, cell, uncertainty, relative, least, tally);
            }
            return tally;
        }).toList();
        TchReport.Tally merged = new TchReport.Tally(products);
        tallies.forEach(merged::add);
        return new WindowResult(uncertainty, relative, least, merged);
    }

    /** √R_ii / |mean|; NaN for a zero or missing mean. */
    static double relative(double uncertainty, double mean) {
        return mean == 0 || !Double.isFinite(mean) ? Double.NaN : uncertainty / Math.abs(mean);
    }

    /** The per-thread work on a block of pixels: their sums, the checks before eq. 22, and the solver. */
    private final class Pixel {
        final DifferenceSums sums;
        final TchSolver solver;
        final double[] s;
        final double[] variances;

        Pixel(int products, int cells) {
            sums = new DifferenceSums(products, cells);
            solver = new TchSolver(products, maxIterations, tolerance);
            s = new double[(products - 1) * (products - 1)];
            variances = new double[products];
        }

        /** Pixel {@code cell} of the block; leaves R_ii in {@link #variances} when solved. */
        TchOutcome estimate(int cell) {
            int n = sums.count(cell);
            if (n == 0) {
                return TchOutcome.NO_DATA;
            }
            if (n < minDates) {
                return TchOutcome.TOO_FEW_DATES;
            }
            for (int p = 0; p < variances.length; p++) {
                if (sums.isConstant(cell, p)) {
                    return TchOutcome.CONSTANT_PRODUCT;
                }
            }
            sums.covariance(cell, s);
            return solver.solve(s, variances);
        }

        double[] means(int cell) {
            double[] means = new double[variances.length];
            for (int p = 0; p < means.length; p++) {
                means[p] = sums.count(cell) == 0 ? Double.NaN : sums.mean(cell, p);
            }
            return means;
        }

        void write(TchOutcome outcome, int cell, int target, float[][] uncertainty, float[][] relative,
                float[] least, TchReport.Tally tally) {
            if (!outcome.solved()) {
                for (int p = 0; p < variances.length; p++) {
                    uncertainty[p][target] = Float.NaN;
                    relative[p][target] = Float.NaN;
                }
                least[target] = Float.NaN;
                return;
            }
            int best = 0;
            for (int p = 0; p < variances.length; p++) {
                double sigma = Math.sqrt(Math.max(0, variances[p]));
                double rel = relative(sigma, sums.mean(cell, p));
                uncertainty[p][target] = (float) sigma;
                relative[p][target] = (float) rel;
                tally.sumUncertainty[p] += sigma;
                if (!Double.isNaN(rel)) {
                    tally.sumRelative[p] += rel;
                    tally.relativeCount[p]++;
                }
                if (variances[p] < variances[best]) {
                    best = p;
                }
            }
            least[target] = best + 1;
            tally.least[best]++;
        }
    }
}
