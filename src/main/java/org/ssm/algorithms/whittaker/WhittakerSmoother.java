package org.ssm.algorithms.whittaker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.Grid;
import org.ssm.grid.GridChecks;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesBuffer;
import org.ssm.grid.SeriesReader;
import org.ssm.grid.SeriesWriter;
import org.ssm.grid.Window;

/**
 * The weighted Whittaker smoother with second-order differences, applied to the series of every
 * pixel: the reconstruction of vegetation indices under cloud of paper D §2.2.1, which follows the
 * Whittaker smoother of Kong et al. (2019). For each series y with weights w it returns the z that
 * minimises
 *
 * <pre>Σ w_i (y_i − z_i)² + λ Σ (Δ²z_i)²,   i.e. (W + λDᵀD) z = W y</pre>
 *
 * (Eilers 2003, weighted, with differences of order d = 2; paper D states the method in words, without an
 * equation), solved by {@link WhittakerSolver}. Values with weight 0 (no
 * data, NaN or non-finite values, NaN weights) do not pull on z, so gaps are filled. Differences are
 * taken between successive samples: the smoother works on the sample index, not on the dates, as
 * the MODIS smoothing tools do, so λ has the same meaning as in those tools.
 *
 * <p>λ is given ({@link LambdaSelection.Fixed}) or chosen per series by the V-curve
 * ({@link LambdaSelection.VCurve}; Frasso and Eilers 2015): for each log10 λ_i of the grid, the
 * series is smoothed and ln of fidelity F_i = Σ w (y − z)² and of roughness R_i = Σ (Δ²z)² is
 * taken; the distance between successive points (ln F, ln R), divided by ln 10 · step, is the
 * V-curve, and λ is 10 to the midpoint of its shortest segment (the first on ties), with which the
 * series is smoothed once more. This is the V-curve of Kong's {@code phenofit} and of the WFP
 * {@code modape} package (whose fidelity is Σ (w (y − z))², the same for 0/1 weights).
 *
 * <p>A series with fewer than two positive weights cannot be smoothed (a straight line through it is
 * not determined) and becomes NaN.
 *
 * @param lambda how λ is set
 * @param threads worker threads, ≥ 1; the results are bit-identical for any number
 */
public record WhittakerSmoother(LambdaSelection lambda, int threads) {

    /** The V-curve grid of the common MODIS smoothing tools: log10 λ from −2.0 to 1.0 by 0.2. */
    public static final double DEFAULT_LOG_LAMBDA_START = -2.0;

    public static final double DEFAULT_LOG_LAMBDA_END = 1.0;

    public static final double DEFAULT_LOG_LAMBDA_STEP = 0.2;

    /** The smoothed series and, per pixel, the log10 λ used (NaN where the series could not be smoothed). */
    public record Smoothed(GridSeries values, Grid logLambda) {}

    public WhittakerSmoother {
        if (lambda == null) {
            throw ParameterException.missing("lambda", "a fixed lambda or a V-curve grid");
        }
        ParameterException.requireInRange("threads", threads, 1, 1024);
    }

    /** A smoother using one thread per available processor. */
    public static WhittakerSmoother of(LambdaSelection lambda) {
        return new WhittakerSmoother(lambda, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Smooths one series.
     *
     * @param y the values (NaN or non-finite: no data)
     * @param w the weights in [0, 1] (NaN: 0), or {@code null} for 1 wherever there is a value
     * @param z receives the smoothed series, NaN if it could not be smoothed
     * @return the log10 λ used, or NaN
     */
    public double smooth(double[] y, double[] w, double[] z) {
        requireLengths(y, w, z.length);
        return new SeriesKernel(lambda, y.length).smooth(y, w, z);
    }

    /** The V-curve of one series; only for a V-curve selection. */
    public VCurvePoints vCurve(double[] y, double[] w) {
        if (!(lambda instanceof LambdaSelection.VCurve)) {
            throw ParameterException.because("lambda", "a fixed lambda has no V-curve");
        }
        requireLengths(y, w, y.length);
        return new SeriesKernel(lambda, y.length).vCurvePoints(y, w);
    }

    private static void requireLengths(double[] y, double[] w, int outLength) {
        if ((w != null && w.length != y.length) || outLength != y.length) {
            throw new IllegalArgumentException("series of " + y.length + " values, weights of "
                    + (w == null ? "-" : w.length) + " and output of " + outLength);
        }
    }

    /** Smooths an in-memory series; {@code weights} may be {@code null}. */
    public Smoothed smooth(GridSeries values, GridSeries weights, Monitor monitor) {
        SeriesBuffer out = new SeriesBuffer(values.geometry(), values.dates(), values.size());
        SeriesBuffer logLambda = new SeriesBuffer(values.geometry(), List.of(), 1);
        try {
            smooth(values.reader(), weights == null ? null : weights.reader(), out, logLambda, monitor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Smoothed(out.toSeries(), logLambda.toSeries().grid(0));
    }

    /**
     * Smooths a series window by window, holding only a few windows of every date in the heap (see
     * {@link SeriesBlocks}), and reading the next window while the current one is smoothed.
     *
     * @param values the series, band i = date i
     * @param weights weights of the same shape, or {@code null}
     * @param smoothed receives the smoothed series (same grid and bands)
     * @param logLambda receives the log10 λ of every pixel (one band), or {@code null}
     * @param monitor progress and cancellation, checked once per window
     */
    public void smooth(SeriesReader values, SeriesReader weights, SeriesWriter smoothed, SeriesWriter logLambda,
            Monitor monitor) throws IOException {
        requireInputs(values, weights);
        requireOutput(values, smoothed, values.bands(), "smoothed");
        if (logLambda != null) {
            requireOutput(values, logLambda, 1, "logLambda");
        }
        List<Window> windows = SeriesBlocks.windows(values.geometry(), values.bands());
        try (ParallelKernels kernels = new ParallelKernels(lambda, values.bands(), threads)) {
            Block next = Block.read(values, weights, windows.get(0));
            for (int k = 0; k < windows.size(); k++) {
                monitor.checkpoint(k, windows.size());
                Block current = next;
                ParallelKernels.Pending pending = kernels.start(current.values, current.weights, current.logLambda);
                next = k + 1 < windows.size() ? Block.read(values, weights, windows.get(k + 1)) : null;
                pending.await();
                current.write(smoothed, logLambda);
            }
            monitor.checkpoint(windows.size(), windows.size());
        }
    }

    private static void requireInputs(SeriesReader values, SeriesReader weights) {
        if (values.bands() < 3) {
            throw new ParameterException("series", values.bands() + " bands", "at least 3 dates (the smoother"
                    + " penalises second differences)");
        }
        if (weights == null) {
            return;
        }
        GridChecks.requireSameGrid("weights", weights.geometry(), "series", values.geometry());
        if (weights.bands() != values.bands()) {
            throw new ParameterException("weights", weights.bands() + " bands", "one band per date of series ("
                    + values.bands() + " bands)");
        }
        if (!weights.dates().isEmpty() && !values.dates().isEmpty() && !weights.dates().equals(values.dates())) {
            throw ParameterException.because("weights", "its dates differ from the dates of series");
        }
    }

    private static void requireOutput(SeriesReader values, SeriesWriter out, int bands, String what) {
        if (!out.geometry().sameAs(values.geometry()) || out.bands() != bands) {
            throw new IllegalArgumentException(what + " must have " + bands + " band(s) on "
                    + values.geometry().describe());
        }
    }

    /** One window of every date, smoothed in place. */
    private static final class Block {
        final Window window;
        final float[][] values;
        final float[][] weights;
        final float[] logLambda;

        private Block(Window window, float[][] values, float[][] weights) {
            this.window = window;
            this.values = values;
            this.weights = weights;
            this.logLambda = new float[window.size()];
        }

        static Block read(SeriesReader values, SeriesReader weights, Window window) throws IOException {
            return new Block(window, values.readAllBands(window), weights == null ? null : weights.readAllBands(window));
        }

        void write(SeriesWriter smoothed, SeriesWriter lambdas) throws IOException {
            for (int b = 0; b < values.length; b++) {
                smoothed.write(b, window, values[b]);
            }
            if (lambdas != null) {
                lambdas.write(0, window, logLambda);
            }
        }
    }
}
