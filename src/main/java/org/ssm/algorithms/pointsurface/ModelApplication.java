package org.ssm.algorithms.pointsurface;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.ssm.algorithms.model.FittedModel;
import org.ssm.core.Monitor;
import org.ssm.grid.GridSeries;

/**
 * Applies a fitted point-surface model to every pixel of every date (paper B §3.4: "the best DBN
 * model was applied to produce spatio-temporally continuous daily SSM ... for the entire study
 * region"). Used both right after training and by {@code ssm:ApplyModel} on a stored model, through
 * the same code, so that a model read back from JSON reproduces the original output bit for bit.
 *
 * <p>A pixel-date is NaN when any predictor is NaN there (the model is not extrapolated over
 * missing inputs). Pixels are gathered in batches of {@value #BATCH} complete rows and passed to the
 * regressor's batch prediction, which the tree and network regressors implement faster than row by
 * row. Dates are predicted in parallel; each output value depends only on its own row, so the
 * result does not depend on the number of threads.
 */
public final class ModelApplication {

    /** Rows per batch prediction: large enough to amortise the call, small enough for the cache. */
    public static final int BATCH = 4096;

    private ModelApplication() {}

    /**
     * The model's SSM on {@code stack}'s grid and dates.
     *
     * @param stack the predictors; columns are picked by the model's predictor names, and a missing
     *     one fails naming {@code predictors}
     * @param monitor one checkpoint per date
     */
    public static GridSeries predict(FittedModel model, PredictorStack stack, Monitor monitor) {
        PredictorStack columns = stack.names().equals(model.predictors()) ? stack
                : stack.select("predictors", model.predictors());
        int dates = columns.dates().size();
        int pixels = columns.geometry().size();
        float[][] out = new float[dates][];
        AtomicInteger done = new AtomicInteger();
        Object lock = new Object();
        IntStream.range(0, dates).parallel().forEach(t -> {
            synchronized (lock) {
                monitor.checkpoint(done.get(), dates);
            }
            out[t] = predictDate(model, columns, t, pixels);
            done.incrementAndGet();
        });
        monitor.checkpoint(dates, dates);
        return GridSeries.of(columns.geometry(), columns.dates(), out);
    }

    private static float[] predictDate(FittedModel model, PredictorStack columns, int t, int pixels) {
        int p = columns.columns();
        float[] band = new float[pixels];
        double[] x = new double[BATCH * p];
        double[] y = new double[BATCH];
        int[] where = new int[BATCH];
        int n = 0;
        for (int i = 0; i < pixels; i++) {
            if (columns.fill(t, i, x, n * p)) {
                where[n++] = i;
            } else {
                band[i] = Float.NaN;
            }
            if (n == BATCH || i == pixels - 1 && n > 0) {
                model.predictInPlace(x, n, y);
                for (int r = 0; r < n; r++) {
                    band[where[r]] = (float) y[r];
                }
                n = 0;
            }
        }
        return band;
    }
}
