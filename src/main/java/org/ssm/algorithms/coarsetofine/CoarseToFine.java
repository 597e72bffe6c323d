package org.ssm.algorithms.coarsetofine;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssm.algorithms.learning.ModelFitting;
import org.ssm.algorithms.learning.Predictor;
import org.ssm.algorithms.learning.RegressorTrainer;
import org.ssm.algorithms.learning.TrainingSet;
import org.ssm.algorithms.model.FittedModel;
import org.ssm.algorithms.validation.Metrics;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridChecks;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesBuffer;
import org.ssm.grid.SeriesDates;
import org.ssm.grid.SeriesWriter;

/**
 * Coarse-to-fine statistical downscaling of soil moisture, paper E §3.2.1 (MSR), §3.2.3 (RF),
 * §3.2.4 (GPR) and paper C (GBDT/LightGBM): "the establishment of a statistical relationship between
 * SM and downscaling predictors under low resolution condition (microwave pixel scale), and then
 * apply this statistical relationship to high resolution condition (target scale) by using high
 * resolution downscaling predictors" (E §3.2.1, after Piles et al. 2016).
 *
 * <ol>
 *   <li>Aggregation: for every date and coarse cell c, each predictor A_k (E §3.1: LST, FVC, LAI,
 *       albedo, SEE, lon, lat, DOY) is averaged over the fine pixels of c at which every predictor
 *       is valid, Ā_k(c) = (1/|V_c|) Σ_{i∈V_c} A_k(i) (area average on nested grids, all fine cells of
 *       equal area). A cell is a training sample when its coarse SM is valid and |V_c| is at least
 *       {@code minCoverage} of its fine pixels.</li>
 *   <li>Fit: SM_c ≈ f(Ā(c)) by the given {@link RegressorTrainer} through {@link ModelFitting}
 *       (z-scored predictors and target). Which dates train a date's model is set by
 *       {@code windowDays}: all dates pooled (E, default), each date alone, or a moving window.</li>
 *   <li>Application: SM_HR(i) = f(A(i)) at every valid fine pixel whose coarse cell has a coarse
 *       value (the downscaled field is produced where the coarse product exists, as in DisPATCh).</li>
 *   <li>Optional residual correction: SM_HR(i) += SM_c − (1/|V_c|) Σ_{j∈V_c} f(A(j)), after which the
 *       mean of the fine values in c equals SM_c exactly (up to float rounding) — the property E §3.2.2
 *       credits DisPATCh's linearity with. For a non-linear f the mean of f over the fine pixels is
 *       not f of the mean predictors (the "scale effect" of E §5.1), so this residual differs from
 *       the coarse training residual SM_c − f(Ā(c)); the former is the one that conserves.</li>
 * </ol>
 *
 * <p>Deterministic: rows are assembled in date, cell order; the trainer is seeded.
 */
public final class CoarseToFine {

    /** Fewest coarse samples for which a model is fitted; with fewer, the window's dates stay no data. */
    public static final int MIN_SAMPLES = 3;

    /** Fine rows predicted per batch: bounds the predictor buffer to 64k · p doubles. */
    private static final int BATCH = 1 << 16;

    private final RegressorTrainer trainer;
    private final CoarseToFineParameters parameters;

    public CoarseToFine(RegressorTrainer trainer, CoarseToFineParameters parameters) {
        if (trainer == null) {
            throw ParameterException.missing("method", "a learning method");
        }
        if (parameters == null) {
            throw ParameterException.missing("parameters", "coarse-to-fine parameters");
        }
        this.trainer = trainer;
        this.parameters = parameters;
    }

    /** A fitted model with the dates it was trained on and applied to, and its coarse-scale fit. */
    public record WindowModel(List<LocalDate> trainingDates, List<LocalDate> appliedTo, int samples, double rmse,
            double r, FittedModel model) {

        /** JSON-compatible summary; the model document is embedded whole under {@code "model"}. */
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trainingDates", SeriesDates.format(trainingDates));
            m.put("appliedTo", SeriesDates.format(appliedTo));
            m.put("samples", samples);
            m.put("rmse", finiteOrNull(rmse));
            m.put("r", finiteOrNull(r));
            m.put("model", model == null ? null : org.ssm.core.Json.parseObject(model.toJson()));
            return m;
        }
    }

    /**
     * The downscaled series and the models.
     *
     * @param ssm fine soil moisture, dated as the coarse input; {@code null} when it was written to a
     *     {@link SeriesWriter} instead
     * @param predictors the predictor names in model order
     * @param models one per distinct training window
     */
    public record Result(GridSeries ssm, List<String> predictors, List<WindowModel> models) {

        Result withSsm(GridSeries series) {
            return new Result(series, predictors, models);
        }

        /** Models and metrics as a JSON-compatible document. */
        public Map<String, Object> toJson(String method, CoarseToFineParameters parameters) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", method);
            m.put("predictors", predictors);
            m.put("windowDays", parameters.windowDays() == CoarseToFineParameters.POOLED ? "pooled"
                    : parameters.windowDays());
            m.put("residualCorrection", parameters.residualCorrection());
            m.put("minCoverage", parameters.minCoverage());
            List<Object> list = new ArrayList<>();
            models.forEach(w -> list.add(w.toJson()));
            m.put("models", list);
            return m;
        }
    }

    /** The trainer's method name. */
    public String method() {
        return trainer.method();
    }

    /**
     * Downscales {@code coarseSm} with fine {@code predictors}.
     *
     * @param coarseSm coarse soil moisture, dated, on a grid whose cells are whole multiples of the
     *     fine cells
     * @param predictors at least one fine predictor series on one grid, each with the dates of
     *     {@code coarseSm} or a single undated band
     * @param monitor progress and cancellation: per date while aggregating and applying, per
     *     iteration or tree while fitting
     */
    public Result downscale(GridSeries coarseSm, List<Predictor> predictors, Monitor monitor) {
        GridGeometry fine = requireInputs(coarseSm, predictors);
        SeriesBuffer buffer = new SeriesBuffer(fine, coarseSm.dates(), coarseSm.size());
        try {
            return downscale(coarseSm, predictors, buffer, monitor).withSsm(buffer.toSeries());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * {@link #downscale(GridSeries, List, Monitor)} writing the fine series date by date into
     * {@code sink} (e.g. a memory-mapped scratch series, so that the output need not fit in the heap);
     * the result's {@code ssm} is {@code null}.
     *
     * @param sink on the fine grid, one band per date of {@code coarseSm}
     * @throws IOException when the sink cannot be written
     */
    public Result downscale(GridSeries coarseSm, List<Predictor> predictors, SeriesWriter sink, Monitor monitor)
            throws IOException {
        GridGeometry fine = requireInputs(coarseSm, predictors);
        if (!sink.geometry().sameAs(fine) || sink.bands() != coarseSm.size()) {
            throw new IllegalArgumentException("the output needs " + coarseSm.size() + " bands on " + fine.describe());
        }
        List<String> names = new ArrayList<>();
        predictors.forEach(p -> names.add(p.name()));
        if (parameters.location()) {
            names.add("lon");
            names.add("lat");
        }
        if (parameters.dayOfYear()) {
            names.add(Predictor.DAY_OF_YEAR);
        }
        if (new java.util.HashSet<>(names).size() != names.size()) {
            throw ParameterException.because("predictors", "predictor names repeat: " + names);
        }
        int p = names.size();
        int[] cell = fine.coarseCellIndex(coarseSm.geometry());
        int cells = coarseSm.geometry().size();
        int[] pixelsIn = new int[cells];
        for (int c : cell) {
            if (c >= 0) {
                pixelsIn[c]++;
            }
        }
        int dates = coarseSm.size();
        Features features = new Features(fine, predictors, p);

        // 1. Aggregation: coarse samples per date.
        Monitor aggregating = monitor.stage(0, 0.2);
        double[][] sampleX = new double[dates][];
        double[][] sampleY = new double[dates][];
        for (int d = 0; d < dates; d++) {
            aggregating.checkpoint(d, dates);
            LocalDate date = coarseSm.dates().get(d);
            float[] sm = coarseSm.band(d);
            double[] sums = new double[cells * p];
            int[] valid = new int[cells];
            double[] row = new double[p];
            for (int i = 0; i < cell.length; i++) {
                int c = cell[i];
                if (c >= 0 && features.row(d, date, i, row)) {
                    valid[c]++;
                    for (int k = 0; k < p; k++) {
                        sums[c * p + k] += row[k];
                    }
                }
            }
            int n = 0;
            for (int c = 0; c < cells; c++) {
                if (isSample(sm[c], valid[c], pixelsIn[c])) {
                    n++;
                }
            }
            double[] x = new double[n * p];
            double[] y = new double[n];
            int r = 0;
            for (int c = 0; c < cells; c++) {
                if (isSample(sm[c], valid[c], pixelsIn[c])) {
                    for (int k = 0; k < p; k++) {
                        x[r * p + k] = sums[c * p + k] / valid[c];
                    }
                    y[r++] = sm[c];
                }
            }
            sampleX[d] = x;
            sampleY[d] = y;
        }

        // 2. Fit one model per distinct training window.
        List<LocalDate> allDates = coarseSm.dates();
        Map<List<Integer>, List<Integer>> windows = new LinkedHashMap<>();
        for (int d = 0; d < dates; d++) {
            windows.computeIfAbsent(window(allDates, d), w -> new ArrayList<>()).add(d);
        }
        WindowModel[] modelOfDate = new WindowModel[dates];
        List<WindowModel> models = new ArrayList<>();
        int w = 0;
        for (Map.Entry<List<Integer>, List<Integer>> entry : windows.entrySet()) {
            Monitor fitting = monitor.stage(0.2 + 0.4 * w / windows.size(), 0.4 / windows.size());
            WindowModel model = fit(entry.getKey(), entry.getValue(), allDates, sampleX, sampleY, p, names, fitting);
            models.add(model);
            for (int d : entry.getValue()) {
                modelOfDate[d] = model;
            }
            w++;
        }

        // 3. Application at the fine grid, with the optional residual correction.
        Monitor applying = monitor.stage(0.6, 0.4);
        for (int d = 0; d < dates; d++) {
            applying.checkpoint(d, dates);
            sink.write(d, apply(modelOfDate[d].model(), features, d, allDates.get(d), coarseSm.band(d), cell, cells));
        }
        applying.checkpoint(dates, dates);
        return new Result(null, List.copyOf(names), List.copyOf(models));
    }

    private boolean isSample(float coarse, int valid, int pixels) {
        return !Float.isNaN(coarse) && valid > 0 && valid >= parameters.minCoverage() * pixels;
    }

    /** Indices of the dates that train the model of date {@code d}. */
    private List<Integer> window(List<LocalDate> dates, int d) {
        List<Integer> w = new ArrayList<>();
        long day = dates.get(d).toEpochDay();
        for (int e = 0; e < dates.size(); e++) {
            if (parameters.windowDays() == CoarseToFineParameters.POOLED
                    || Math.abs(dates.get(e).toEpochDay() - day) <= parameters.windowDays()) {
                w.add(e);
            }
        }
        return w;
    }

    private WindowModel fit(List<Integer> training, List<Integer> appliedTo, List<LocalDate> dates, double[][] sampleX,
            double[][] sampleY, int p, List<String> names, Monitor monitor) {
        int n = 0;
        for (int d : training) {
            n += sampleY[d].length;
        }
        List<LocalDate> trainingDates = new ArrayList<>();
        training.forEach(d -> trainingDates.add(dates.get(d)));
        List<LocalDate> applied = new ArrayList<>();
        appliedTo.forEach(d -> applied.add(dates.get(d)));
        if (n < MIN_SAMPLES) {
            return new WindowModel(trainingDates, applied, n, Double.NaN, Double.NaN, null);
        }
        double[] x = new double[n * p];
        double[] y = new double[n];
        int[] days = new int[n];
        int r = 0;
        for (int d : training) {
            System.arraycopy(sampleX[d], 0, x, r * p, sampleX[d].length);
            System.arraycopy(sampleY[d], 0, y, r, sampleY[d].length);
            java.util.Arrays.fill(days, r, r + sampleY[d].length, (int) dates.get(d).toEpochDay());
            r += sampleY[d].length;
        }
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("scale", "coarse samples: predictors area-averaged to the coarse grid (paper E section 3.2.1)");
        provenance.put("trainingDates", SeriesDates.format(trainingDates));
        provenance.put("samples", n);
        FittedModel model = ModelFitting.fit(trainer, names, new TrainingSet(p, x.clone(), y, null, days), provenance,
                monitor);
        double[] fitted = new double[n];
        model.predictInPlace(x, n, fitted);
        Metrics fit = Metrics.of(fitted, y);
        return new WindowModel(trainingDates, applied, n, fit.rmse(), fit.pcc(), model);
    }

    private float[] apply(FittedModel model, Features features, int d, LocalDate date, float[] coarse, int[] cell,
            int cells) {
        float[] out = new float[cell.length];
        java.util.Arrays.fill(out, Float.NaN);
        if (model == null) {
            return out;
        }
        int p = features.columns;
        double[] predicted = new double[cell.length];
        java.util.Arrays.fill(predicted, Double.NaN);
        double[] batch = new double[BATCH * p];
        double[] result = new double[BATCH];
        int[] index = new int[BATCH];
        double[] row = new double[p];
        int filled = 0;
        for (int i = 0; i <= cell.length; i++) {
            if (i < cell.length) {
                int c = cell[i];
                if (c < 0 || Float.isNaN(coarse[c]) || !features.row(d, date, i, row)) {
                    continue;
                }
                System.arraycopy(row, 0, batch, filled * p, p);
                index[filled++] = i;
            }
            if (filled == BATCH || i == cell.length && filled > 0) {
                model.predictInPlace(batch, filled, result);
                for (int k = 0; k < filled; k++) {
                    predicted[index[k]] = result[k];
                }
                filled = 0;
            }
        }
        double[] shift = new double[cells];
        if (parameters.residualCorrection()) {
            double[] sum = new double[cells];
            int[] count = new int[cells];
            for (int i = 0; i < cell.length; i++) {
                if (!Double.isNaN(predicted[i])) {
                    sum[cell[i]] += predicted[i];
                    count[cell[i]]++;
                }
            }
            for (int c = 0; c < cells; c++) {
                shift[c] = count[c] == 0 ? 0 : coarse[c] - sum[c] / count[c];
            }
        }
        for (int i = 0; i < cell.length; i++) {
            if (!Double.isNaN(predicted[i])) {
                out[i] = (float) (predicted[i] + shift[cell[i]]);
            }
        }
        return out;
    }

    private static Object finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static GridGeometry requireInputs(GridSeries coarseSm, List<Predictor> predictors) {
        if (coarseSm == null) {
            throw ParameterException.missing("coarseSsm", "a coarse soil-moisture series");
        }
        if (predictors == null || predictors.isEmpty()) {
            throw ParameterException.missing("predictors", "at least one fine predictor (lst, fvc, lai, albedo, see)");
        }
        if (!coarseSm.isDated()) {
            throw ParameterException.missing("dates", "one ISO date per band of coarseSsm");
        }
        Predictor first = predictors.get(0);
        GridGeometry fine = first.series().geometry();
        for (Predictor p : predictors) {
            GridChecks.requireSameGrid(p.name(), p.series().geometry(), first.name(), fine);
            GridChecks.requireSameDates(p.name(), p.series(), "coarseSsm", coarseSm, true);
            GridChecks.requireData(p.name(), p.series());
        }
        GridChecks.requireNested("coarseSsm", coarseSm.geometry(), fine);
        GridChecks.requireData("coarseSsm", coarseSm);
        return fine;
    }

    /** The predictor row of a fine pixel on a date: the given series, then lon, lat, DOY. */
    private final class Features {
        private final GridGeometry fine;
        private final List<Predictor> predictors;
        final int columns;

        Features(GridGeometry fine, List<Predictor> predictors, int columns) {
            this.fine = fine;
            this.predictors = predictors;
            this.columns = columns;
        }

        /** Fills {@code row} for pixel {@code i} on date index {@code d}; false where a predictor is missing. */
        boolean row(int d, LocalDate date, int i, double[] row) {
            int k = 0;
            for (Predictor p : predictors) {
                float v = p.series().size() == 1 && !p.series().isDated() ? p.series().band(0)[i] : p.series().band(d)[i];
                if (!Float.isFinite(v)) {
                    return false;
                }
                row[k++] = v;
            }
            if (parameters.location()) {
                row[k++] = fine.centerX(i % fine.width());
                row[k++] = fine.centerY(i / fine.width());
            }
            if (parameters.dayOfYear()) {
                row[k] = date.getDayOfYear();
            }
            return true;
        }
    }
}
