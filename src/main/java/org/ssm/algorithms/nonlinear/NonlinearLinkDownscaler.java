package org.ssm.algorithms.nonlinear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridChecks;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesBuffer;
import org.ssm.grid.SeriesDates;
import org.ssm.grid.SeriesReader;
import org.ssm.grid.SeriesWriter;

/**
 * Downscaling of coarse passive-microwave SSM with the non-linear SEE/NMDI linking model, paper D
 * §2.2.2, eq. 2–6.
 *
 * <p>For every date t0 and every coarse pixel P0:
 *
 * <ol>
 *   <li>The coarse SEE and NMDI of every pixel and date are the means of the fine values over the
 *       pixel's fine cells where both are valid.
 *   <li>The linking model of eq. 2 ({@link LinkingModel}) is fitted by weighted least squares (eq. 3,
 *       {@link LinkFit}) to the observed coarse SSM of every pixel of the ws × ws window centred on
 *       P0, on every date within ±dl calendar days of t0. The weight of eq. 4 is the bi-square
 *       kernel of the distance between the pixel's centre and P0's with bandwidth b; as in eq. 3,
 *       where w carries the spatial index i only, all dates of the window weigh alike. A pixel and
 *       date is a sample when its coarse SSM is observed and its means cover at least {@code
 *       minCoverage} of it, with ⟨SEE⟩ &lt; 1. Where the window does not determine b, the model is
 *       fitted with b = 0 ({@link FitOutcome#LINEAR}); see {@link LinkFit}.
 *   <li>Where the coarse SSM at t0 is missing (swath gap), it is filled from t0 − 1 and t0 + 1 by
 *       eq. 6 ({@link SwathGapFill}); without a value on either day the pixel stays NaN.
 *   <li>Each fine cell gets the second-order Taylor expansion of eq. 5 around the pixel's means
 *       ({@link Sensitivities}). Fine cells without SEE or NMDI are NaN.
 * </ol>
 *
 * <p>Every pixel and date ends in one {@link CellOutcome}, counted in the {@link LinkReport}.
 * Dates are processed one by one: the coarse means of the dates within ±max(dl, 1) days are kept,
 * and the fine SEE and NMDI of a date are read twice (for its means, when it enters the span, and
 * for its own downscaling), so the heap holds a few fine bands whatever the length of the series.
 * The fits of one date run in parallel over the coarse pixels; each is independent, so the results
 * do not depend on the number of threads.
 */
public final class NonlinearLinkDownscaler {

    private final LinkParameters parameters;

    public NonlinearLinkDownscaler(LinkParameters parameters) {
        if (parameters == null) {
            throw ParameterException.missing("parameters", "the dl, ws and bandwidth of paper D");
        }
        this.parameters = parameters;
    }

    public LinkParameters parameters() {
        return parameters;
    }

    /**
     * An in-memory result.
     *
     * @param ssm fine SSM, with the dates of the coarse input
     * @param a coefficient a per coarse pixel and date, NaN where none was fitted
     * @param b coefficient b, likewise
     * @param c coefficient c, likewise
     * @param report the outcomes per date
     */
    public record Result(GridSeries ssm, GridSeries a, GridSeries b, GridSeries c, LinkReport report) {}

    /** Downscales in-memory series, with planar distances (map units of metres). */
    public Result downscale(GridSeries coarseSsm, GridSeries see, GridSeries nmdi, Monitor monitor) {
        LinkInputs inputs = LinkInputs.planar(reader(coarseSsm), reader(see), reader(nmdi));
        GridGeometry coarse = coarseSsm.geometry();
        List<LocalDate> dates = coarseSsm.dates();
        SeriesBuffer ssm = new SeriesBuffer(see.geometry(), dates, coarseSsm.size());
        SeriesBuffer a = new SeriesBuffer(coarse, dates, coarseSsm.size());
        SeriesBuffer b = new SeriesBuffer(coarse, dates, coarseSsm.size());
        SeriesBuffer c = new SeriesBuffer(coarse, dates, coarseSsm.size());
        try {
            LinkReport report = downscale(inputs, new LinkOutputs(ssm, a, b, c), monitor);
            return new Result(ssm.toSeries(), a.toSeries(), b.toSeries(), c.toSeries(), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SeriesReader reader(GridSeries series) {
        return series == null ? null : series.reader();
    }

    /**
     * Downscales a series date by date.
     *
     * @param inputs coarse SSM, fine SEE and NMDI, distances between coarse pixels
     * @param outputs where the fine SSM (and the coefficients) go, one band per date
     * @param monitor progress and cancellation, checked once per date
     * @return the outcomes per date
     * @throws ParameterException if the inputs do not fit together
     */
    public LinkReport downscale(LinkInputs inputs, LinkOutputs outputs, Monitor monitor) throws IOException {
        requireInputs(inputs);
        requireOutputs(inputs, outputs);
        GridGeometry fine = inputs.see().geometry();
        GridGeometry coarse = inputs.coarseSsm().geometry();
        int[] coarseCell = fine.coarseCellIndex(coarse);
        int[] finePixels = new int[coarse.size()];
        for (int c : coarseCell) {
            if (c >= 0) {
                finePixels[c]++;
            }
        }
        KernelWindows windows = new KernelWindows(coarse, parameters, inputs.distances());
        CoarseDays days = new CoarseDays(inputs, coarseCell, finePixels);
        List<LocalDate> dates = inputs.coarseSsm().dates();
        int span = Math.max(parameters.dl(), 1);
        List<LinkReport.DateRow> rows = new ArrayList<>(dates.size());
        for (int t = 0; t < dates.size(); t++) {
            monitor.checkpoint(t, dates.size());
            days.dropBefore(first(dates, t, span));
            DateWork work = new DateWork(t, dates, days, windows, finePixels);
            rows.add(work.run(inputs, coarseCell, outputs));
        }
        monitor.checkpoint(dates.size(), dates.size());
        return new LinkReport(rows);
    }

    /** Index of the first date no more than {@code days} calendar days before date {@code t}. */
    private static int first(List<LocalDate> dates, int t, int days) {
        long from = dates.get(t).toEpochDay() - days;
        int i = t;
        while (i > 0 && dates.get(i - 1).toEpochDay() >= from) {
            i--;
        }
        return i;
    }

    /** Index of the last date no more than {@code days} calendar days after date {@code t}. */
    private static int last(List<LocalDate> dates, int t, int days) {
        long to = dates.get(t).toEpochDay() + days;
        int i = t;
        while (i + 1 < dates.size() && dates.get(i + 1).toEpochDay() <= to) {
            i++;
        }
        return i;
    }

    /** Index of the date exactly {@code offset} days from date {@code t}, or -1 when the series lacks it. */
    private static int dayAt(List<LocalDate> dates, int t, int offset) {
        int i = t + Integer.signum(offset);
        return i >= 0 && i < dates.size() && dates.get(i).toEpochDay() == dates.get(t).toEpochDay() + offset ? i : -1;
    }

    /** One date: fits, swath-gap fills and the Taylor step for every coarse pixel. */
    private final class DateWork {

        private final int t;
        private final int from;
        private final int to;
        private final CoarseDays.Day[] window;
        private final CoarseDays.Day today;
        private final CoarseDays.Day before;
        private final CoarseDays.Day after;
        private final KernelWindows windows;
        private final int[] finePixels;

        DateWork(int t, List<LocalDate> dates, CoarseDays days, KernelWindows windows, int[] finePixels)
                throws IOException {
            this.t = t;
            this.from = first(dates, t, parameters.dl());
            this.to = last(dates, t, parameters.dl());
            this.window = new CoarseDays.Day[to - from + 1];
            for (int u = from; u <= to; u++) {
                window[u - from] = days.get(u);
            }
            this.today = days.get(t);
            int previous = dayAt(dates, t, -1);
            int next = dayAt(dates, t, 1);
            this.before = previous < 0 ? null : days.get(previous);
            this.after = next < 0 ? null : days.get(next);
            this.windows = windows;
            this.finePixels = finePixels;
        }

        LinkReport.DateRow run(LinkInputs inputs, int[] coarseCell, LinkOutputs outputs) throws IOException {
            int cells = today.ssm.length;
            CellResult[] results = new CellResult[cells];
            IntStream.range(0, cells).parallel().forEach(p -> results[p] = finePixels[p] == 0 ? null : cell(p));
            float[] seeFine = inputs.see().read(t);
            float[] nmdiFine = inputs.nmdi().read(t);
            float[] out = new float[seeFine.length];
            for (int i = 0; i < out.length; i++) {
                int c = coarseCell[i];
                CellResult r = c < 0 ? null : results[c];
                out[i] = r == null || r.sensitivities == null || !Float.isFinite(seeFine[i])
                        || !Float.isFinite(nmdiFine[i]) ? Float.NaN
                        : (float) r.sensitivities.downscale(r.coarseSsm, seeFine[i] - today.see[c],
                                nmdiFine[i] - today.nmdi[c]);
            }
            outputs.ssm().write(t, out);
            if (outputs.withCoefficients()) {
                writeCoefficients(results, outputs);
            }
            return row(results, inputs.coarseSsm().dates().get(t));
        }

        private void writeCoefficients(CellResult[] results, LinkOutputs outputs) throws IOException {
            float[] a = new float[results.length];
            float[] b = new float[results.length];
            float[] c = new float[results.length];
            Arrays.fill(a, Float.NaN);
            Arrays.fill(b, Float.NaN);
            Arrays.fill(c, Float.NaN);
            for (int p = 0; p < results.length; p++) {
                LinkingModel m = results[p] == null ? null : results[p].model;
                if (m != null) {
                    a[p] = (float) m.a();
                    b[p] = (float) m.b();
                    c[p] = (float) m.c();
                }
            }
            outputs.a().write(t, a);
            outputs.b().write(t, b);
            outputs.c().write(t, c);
        }

        private LinkReport.DateRow row(CellResult[] results, LocalDate date) {
            int[] counts = new int[CellOutcome.values().length];
            int cells = 0;
            int observed = 0;
            int linear = 0;
            double rms = 0;
            int fitted = 0;
            for (int p = 0; p < results.length; p++) {
                CellResult r = results[p];
                if (r == null) {
                    continue;
                }
                cells++;
                observed += today.observed(p) ? 1 : 0;
                counts[r.outcome.ordinal()]++;
                if (r.outcome.hasValues()) {
                    rms += r.rms;
                    fitted++;
                    linear += r.linear ? 1 : 0;
                }
            }
            return new LinkReport.DateRow(date, cells, observed, linear, fitted == 0 ? Double.NaN : rms / fitted, counts);
        }

        /** The outcome of pixel {@code p}: what eq. 5 needs, or why it cannot be applied. */
        private CellResult cell(int p) {
            boolean observed = today.observed(p);
            List<SwathGapFill.Neighbour> neighbours = observed ? List.of() : neighbours(p);
            if (!observed && neighbours.isEmpty()) {
                return CellResult.failed(CellOutcome.NO_NEIGHBOUR);
            }
            if (!today.hasMeans(p) || (!observed && !today.representative(p, parameters.minCoverage()))) {
                return CellResult.failed(CellOutcome.NO_OPTICAL);
            }
            LinkFit fit = LinkFit.of(samples(p), parameters.minSamples());
            if (!fit.fitted()) {
                return CellResult.failed(CellOutcome.of(fit.outcome()));
            }
            LinkingModel model = fit.model();
            boolean linear = fit.outcome() == FitOutcome.LINEAR;
            if (!awayFromPole(model, today.nmdi[p])
                    || neighbours.stream().anyMatch(n -> !awayFromPole(model, n.nmdi()))) {
                return new CellResult(CellOutcome.POLE, model, null, Double.NaN, fit.rms(), linear);
            }
            double coarseSsm = observed ? today.ssm[p]
                    : SwathGapFill.fill(model, today.see[p], today.nmdi[p], neighbours);
            // Away from the pole and with ⟨SEE⟩ < 1 every derivative of eq. 5 and every term of eq. 6 is finite.
            Sensitivities s = model.sensitivities(today.see[p], today.nmdi[p]);
            return new CellResult(observed ? CellOutcome.DOWNSCALED : CellOutcome.GAP_FILLED, model, s, coarseSsm,
                    fit.rms(), linear);
        }

        /** Days t0 − 1 and t0 + 1 with a coarse value and representative means, for eq. 6. */
        private List<SwathGapFill.Neighbour> neighbours(int p) {
            List<SwathGapFill.Neighbour> list = new ArrayList<>(2);
            for (CoarseDays.Day d : new CoarseDays.Day[] {before, after}) {
                if (d != null && d.observed(p) && d.representative(p, parameters.minCoverage())) {
                    list.add(new SwathGapFill.Neighbour(d.ssm[p], d.see[p], d.nmdi[p]));
                }
            }
            return list;
        }

        /** The samples of eq. 3 for pixel {@code p}: its window's observed pixels over ±dl days, weighted by eq. 4. */
        private LinkSamples samples(int p) {
            LinkSamples samples = new LinkSamples();
            int[] cells = windows.cells(p);
            double[] weights = windows.weights(p);
            for (CoarseDays.Day d : window) {
                for (int k = 0; k < cells.length; k++) {
                    int q = cells[k];
                    if (d.observed(q) && d.representative(q, parameters.minCoverage())) {
                        samples.add(d.see[q], d.nmdi[q], d.ssm[q], weights[k]);
                    }
                }
            }
            return samples;
        }
    }

    private static boolean awayFromPole(LinkingModel model, double nmdi) {
        return model.denominator(nmdi) >= LinkFit.MIN_DENOMINATOR;
    }

    /**
     * What became of one coarse pixel on one date.
     *
     * @param outcome the outcome
     * @param model the fitted model, or {@code null} when the fit failed or was not tried
     * @param sensitivities the derivatives of eq. 5, or {@code null} when the pixel gets no values
     * @param coarseSsm the coarse SSM expanded by eq. 5 (observed or from eq. 6)
     * @param rms the fit's weighted RMS residual
     * @param linear whether the fit fell back to b = 0
     */
    private record CellResult(CellOutcome outcome, LinkingModel model, Sensitivities sensitivities, double coarseSsm,
            double rms, boolean linear) {

        static CellResult failed(CellOutcome outcome) {
            return new CellResult(outcome, null, null, Double.NaN, Double.NaN, false);
        }
    }

    private static void requireInputs(LinkInputs inputs) {
        SeriesReader coarse = inputs.coarseSsm();
        SeriesReader see = inputs.see();
        if (coarse.dates().isEmpty()) {
            throw ParameterException.missing("dates", "one ISO date per band of coarseSsm");
        }
        GridChecks.requireNested("coarseSsm", coarse.geometry(), see.geometry());
        requireDates("see", see, coarse.dates());
        GridChecks.requireSameGrid("nmdi", inputs.nmdi().geometry(), "see", see.geometry());
        requireDates("nmdi", inputs.nmdi(), coarse.dates());
    }

    /** Fails unless {@code series} has {@code dates}, those of the coarse SSM. */
    private static void requireDates(String parameter, SeriesReader series, List<LocalDate> dates) {
        if (!series.dates().equals(dates)) {
            throw ParameterException.because(parameter, "it has " + series.bands() + " band(s)"
                    + (series.dates().isEmpty() ? " without dates" : " dated " + SeriesDates.format(series.dates()))
                    + "; expected the " + dates.size() + " dates of coarseSsm");
        }
    }

    private static void requireOutputs(LinkInputs inputs, LinkOutputs outputs) {
        int bands = inputs.coarseSsm().bands();
        requireOutput("ssm", outputs.ssm(), inputs.see().geometry(), bands);
        if (outputs.withCoefficients()) {
            GridGeometry coarse = inputs.coarseSsm().geometry();
            requireOutput("a", outputs.a(), coarse, bands);
            requireOutput("b", outputs.b(), coarse, bands);
            requireOutput("c", outputs.c(), coarse, bands);
        }
    }

    private static void requireOutput(String name, SeriesWriter writer, GridGeometry grid, int bands) {
        if (!writer.geometry().sameAs(grid) || writer.bands() != bands) {
            throw new IllegalArgumentException("output " + name + " must have " + bands + " bands on "
                    + grid.describe());
        }
    }
}
