package org.ssm.algorithms.validation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The aggregates of a validation over its stations: overall (paper E Table 2, paper B §4.2.1),
 * per month (paper B Fig. 7), the downscaling gains over stations (paper E Table 2, "+Gdown") and
 * the spatial standard deviation per date (paper B §4.2.3).
 */
final class Aggregation {

    private Aggregation() {}

    static ValidationResult of(ValidationParameters p, List<StationValidation> stations, StationSamples product,
            StationSamples coarse, double[][] observed, TruthComparison truth) {
        int min = p.minPairs();
        List<PairMoments> productMoments = new ArrayList<>();
        List<PairMoments> coarseMoments = new ArrayList<>();
        List<GDown> gains = new ArrayList<>();
        Map<YearMonth, List<PairMoments>> productMonths = new TreeMap<>();
        Map<YearMonth, List<PairMoments>> coarseMonths = new TreeMap<>();
        int chart = 0;
        for (int s = 0; s < stations.size(); s++) {
            StationValidation v = stations.get(s);
            if (v.pairs() > stations.get(chart).pairs()) {
                chart = s;
            }
            if (v.pairs() >= min) {
                productMoments.add(v.product().pairs().moments());
            }
            addMonths(v.product().pairs(), min, productMonths);
            if (v.coarse() != null) {
                if (v.coarse().pairs().size() >= min) {
                    coarseMoments.add(v.coarse().pairs().moments());
                }
                addMonths(v.coarse().pairs(), min, coarseMonths);
                if (v.gain().pairs() >= min) {
                    gains.add(v.gain().gains());
                }
            }
        }
        List<MonthlyMetrics> months = new ArrayList<>();
        TreeMap<YearMonth, Boolean> allMonths = new TreeMap<>();
        productMonths.keySet().forEach(m -> allMonths.put(m, true));
        coarseMonths.keySet().forEach(m -> allMonths.put(m, true));
        for (YearMonth m : allMonths.keySet()) {
            months.add(new MonthlyMetrics(m, Aggregate.of(productMonths.getOrDefault(m, List.of())),
                    coarse == null ? null : Aggregate.of(coarseMonths.getOrDefault(m, List.of()))));
        }
        return new ValidationResult(p, stations, Aggregate.of(productMoments),
                coarse == null ? null : Aggregate.of(coarseMoments), coarse == null ? null : GDownSummary.of(gains),
                months, spatialSd(p, product, coarse, observed), truth, product, coarse, chart);
    }

    private static void addMonths(StationPairs pairs, int min, Map<YearMonth, List<PairMoments>> months) {
        for (Map.Entry<YearMonth, PairMoments> e : pairs.byMonth().entrySet()) {
            if (e.getValue().count() >= min) {
                months.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
            }
        }
    }

    /**
     * Per product date, the standard deviation across the stations where the in-situ daily mean,
     * the product and (when given) the coarse product all have a value.
     */
    private static List<SpatialSd> spatialSd(ValidationParameters p, StationSamples product, StationSamples coarse,
            double[][] observed) {
        List<SpatialSd> out = new ArrayList<>();
        List<LocalDate> dates = product.dates();
        for (int t = 0; t < dates.size(); t++) {
            int stations = observed[t].length;
            int c = coarse == null ? -1 : coarse.indexOf(dates.get(t));
            if (coarse != null && c < 0) {
                continue;
            }
            double[] insitu = new double[stations];
            double[] hr = new double[stations];
            double[] lr = new double[stations];
            int n = 0;
            for (int s = 0; s < stations; s++) {
                double o = observed[t][s];
                double e = product.value(t, s);
                double l = c < 0 ? 0 : coarse.value(c, s);
                if (!Double.isNaN(o) && !Double.isNaN(e) && !Double.isNaN(l)) {
                    insitu[n] = o;
                    hr[n] = e;
                    lr[n] = l;
                    n++;
                }
            }
            if (n == 0) {
                continue;
            }
            boolean enough = n >= p.spatialSdMinStations();
            out.add(new SpatialSd(dates.get(t), n, enough ? sd(insitu, n) : Double.NaN, enough ? sd(hr, n) : Double.NaN,
                    enough && coarse != null ? sd(lr, n) : Double.NaN));
        }
        return out;
    }

    /** Sample standard deviation (n − 1) of the first {@code n} values, two-pass. */
    static double sd(double[] v, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += v[i];
        }
        double mean = sum / n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += (v[i] - mean) * (v[i] - mean);
        }
        return Math.sqrt(ss / (n - 1));
    }
}
