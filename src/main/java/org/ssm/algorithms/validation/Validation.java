package org.ssm.algorithms.validation;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import org.ssm.algorithms.collocation.DailyMeans;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.SeriesReader;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;

/**
 * Validates a soil-moisture product against in-situ stations, as in paper E §3.4 and §4.2 and paper
 * B §4.2: per station, over all stations and per month, the PCC, RMSE, ubRMSE, bias and MAE (E eq.
 * 12–15, B Table S1) with the regression slope; against a coarse product the downscaling gain
 * G_down with G_effi, G_prec and G_accu (E eq. 16–19); the spatial standard deviation across the
 * stations per date where at least 10 report (B §4.2.3); and, given a full truth on the product's
 * grid (the twin experiment), the same metrics over every pixel.
 *
 * <p>A station's readings are averaged per UTC date ({@link DailyMeans}) and paired with the value
 * of the product cell containing the station on that date. The product is read band by band and
 * only around the stations ({@link StationSampler}), unless a truth is given, in which case whole
 * bands are read once for both comparisons.
 */
public final class Validation {

    private final ValidationParameters parameters;

    public Validation(ValidationParameters parameters) {
        if (parameters == null) {
            throw ParameterException.missing("parameters", "validation parameters");
        }
        this.parameters = parameters;
    }

    /**
     * Runs the validation; reports progress and checks for cancellation once per date read.
     *
     * @throws ParameterException when the period holds no date of the product, or the truth no date
     *     of the product, or no station has a single pair
     * @throws IOException when a series cannot be read
     */
    public ValidationResult validate(ValidationInputs in, Monitor monitor) throws IOException {
        List<Station> stations = in.stations().stream().map(StationSeries::station).toList();
        SeriesReader productReader = in.product().reader();
        List<Integer> productBands = bandsInPeriod("product", productReader);
        List<Integer> coarseBands = in.coarse() == null ? List.of() : bandsInPeriod("coarse", in.coarse().reader());
        long total = productBands.size() + coarseBands.size() + (long) in.stations().size() + 1;

        int[] productCells = StationCells.of(stations, productReader.geometry(), in.product().fromLonLat());
        TruthAccumulator truth = in.truth() == null ? null : new TruthAccumulator(in.truth());
        StationSampler sampler = new StationSampler(productReader, productCells);
        List<LocalDate> productDates = new ArrayList<>();
        float[][] productValues = new float[productBands.size()][];
        for (int k = 0; k < productBands.size(); k++) {
            int band = productBands.get(k);
            LocalDate date = productReader.dates().get(band);
            productDates.add(date);
            if (truth != null && truth.has(date)) {
                float[] whole = productReader.read(band);
                productValues[k] = sampler.sample(whole);
                truth.add(date, whole);
            } else {
                productValues[k] = sampler.sample(band);
            }
            monitor.checkpoint(k + 1, total);
        }
        if (truth != null && truth.isEmpty()) {
            throw ParameterException.because("truth", "it has no date of the product within the period");
        }
        StationSamples productSamples = new StationSamples(productDates, productValues);

        int[] coarseCells = null;
        StationSamples coarseSamples = null;
        if (in.coarse() != null) {
            SeriesReader coarseReader = in.coarse().reader();
            coarseCells = StationCells.of(stations, coarseReader.geometry(), in.coarse().fromLonLat());
            StationSampler coarseSampler = new StationSampler(coarseReader, coarseCells);
            List<LocalDate> dates = new ArrayList<>();
            float[][] values = new float[coarseBands.size()][];
            for (int k = 0; k < coarseBands.size(); k++) {
                dates.add(coarseReader.dates().get(coarseBands.get(k)));
                values[k] = coarseSampler.sample(coarseBands.get(k));
                monitor.checkpoint(productBands.size() + k + 1, total);
            }
            coarseSamples = new StationSamples(dates, values);
        }

        double[][] observed = new double[productDates.size()][stations.size()];
        List<StationValidation> results = new ArrayList<>();
        for (int s = 0; s < stations.size(); s++) {
            NavigableMap<LocalDate, Double> means = DailyMeans.of(in.stations().get(s));
            for (int t = 0; t < productDates.size(); t++) {
                Double v = means.get(productDates.get(t));
                observed[t][s] = v == null ? Double.NaN : v;
            }
            results.add(station(s, stations.get(s), productCells[s], coarseCells == null ? StationCells.OUTSIDE
                    : coarseCells[s], means, productSamples, coarseSamples, observed));
            monitor.checkpoint(productBands.size() + coarseBands.size() + s + 1L, total);
        }
        if (results.stream().allMatch(r -> r.pairs() == 0)) {
            throw ParameterException.because("stations", "no station has a daily mean on a date on which the product"
                    + " has a value in its cell (" + productDates.get(0) + " to " + productDates.get(productDates.size() - 1)
                    + "); check the positions, the dates and the period");
        }
        ValidationResult result = Aggregation.of(parameters, results, productSamples, coarseSamples, observed,
                truth == null ? null : truth.result());
        monitor.checkpoint(total, total);
        return result;
    }

    private List<Integer> bandsInPeriod(String parameter, SeriesReader reader) {
        List<Integer> bands = new ArrayList<>();
        List<LocalDate> dates = reader.dates();
        for (int b = 0; b < dates.size(); b++) {
            if (parameters.includes(dates.get(b))) {
                bands.add(b);
            }
        }
        if (bands.isEmpty()) {
            throw ParameterException.because(parameter.equals("product") ? "period" : parameter, "no date of "
                    + parameter + " (" + dates.get(0) + " to " + dates.get(dates.size() - 1) + ") lies within the period "
                    + (parameters.from() == null ? "" : parameters.from()) + "/"
                    + (parameters.to() == null ? "" : parameters.to()));
        }
        return bands;
    }

    private static StationValidation station(int s, Station station, int productCell, int coarseCell,
            NavigableMap<LocalDate, Double> means, StationSamples product, StationSamples coarse, double[][] observed) {
        PairsBuilder hr = new PairsBuilder();
        PairsBuilder hrCommon = new PairsBuilder();
        PairsBuilder lrCommon = new PairsBuilder();
        List<LocalDate> dates = product.dates();
        for (int t = 0; t < dates.size(); t++) {
            double obs = observed[t][s];
            double est = product.value(t, s);
            if (Double.isNaN(obs) || Double.isNaN(est)) {
                continue;
            }
            int day = (int) dates.get(t).toEpochDay();
            hr.add(day, est, obs);
            if (coarse != null) {
                double lr = coarse.at(s, dates.get(t));
                if (!Double.isNaN(lr)) {
                    hrCommon.add(day, est, obs);
                    lrCommon.add(day, lr, obs);
                }
            }
        }
        Comparison productComparison = Comparison.of(hr.build());
        Comparison coarseComparison = null;
        GainComparison gain = null;
        if (coarse != null) {
            PairsBuilder lr = new PairsBuilder();
            List<LocalDate> coarseDates = coarse.dates();
            for (int t = 0; t < coarseDates.size(); t++) {
                Double obs = means.get(coarseDates.get(t));
                double est = coarse.value(t, s);
                if (obs != null && !Double.isNaN(est)) {
                    lr.add((int) coarseDates.get(t).toEpochDay(), est, obs);
                }
            }
            coarseComparison = Comparison.of(lr.build());
            gain = GainComparison.of(hrCommon.build().moments().metrics(), lrCommon.build().moments().metrics());
        }
        String note = "";
        if (productCell == StationCells.OUTSIDE) {
            note = "outside the product grid";
        } else if (productComparison.pairs().size() == 0) {
            note = means.isEmpty() ? "no reading" : "no daily mean on a date the product has a value in its cell";
        }
        return new StationValidation(station, productCell, coarseCell, productComparison, coarseComparison, gain,
                note);
    }

    /** Growing arrays of pairs. */
    private static final class PairsBuilder {
        private int[] days = new int[16];
        private double[] est = new double[16];
        private double[] obs = new double[16];
        private int n;

        void add(int day, double estimated, double observed) {
            if (n == days.length) {
                days = java.util.Arrays.copyOf(days, 2 * n);
                est = java.util.Arrays.copyOf(est, 2 * n);
                obs = java.util.Arrays.copyOf(obs, 2 * n);
            }
            days[n] = day;
            est[n] = estimated;
            obs[n] = observed;
            n++;
        }

        StationPairs build() {
            return new StationPairs(java.util.Arrays.copyOf(days, n), java.util.Arrays.copyOf(est, n),
                    java.util.Arrays.copyOf(obs, n));
        }
    }
}
