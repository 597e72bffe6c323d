package org.ssm.algorithms.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * The agreement of an estimated series x (a product) with an observed series y (in situ, or a
 * truth), as in paper E §3.4 and paper B Table S1:
 *
 * <ul>
 *   <li>PCC (E eq. 12): Σ(x−x̄)(y−ȳ) / √(Σ(x−x̄)² Σ(y−ȳ)²);</li>
 *   <li>RMSE (E eq. 13): √(Σ(x−y)² / N);</li>
 *   <li>ubRMSE (E eq. 14): √(Σ((x−x̄)−(y−ȳ))² / N), which equals √(RMSE² − bias²);</li>
 *   <li>bias (E eq. 15): Σ(x−y) / N, positive when the product is wetter than the observations;</li>
 *   <li>MAE (B Table S1): Σ|x−y| / N;</li>
 *   <li>slope: the least-squares slope of x against y, Σ(x−x̄)(y−ȳ) / Σ(y−ȳ)², the "slope of
 *       microwave/downscaled SM against in situ data" that G_effi uses (E eq. 17).</li>
 * </ul>
 *
 * <p>A metric that is undefined is NaN and {@link #note()} says why: with no pair every metric;
 * with one pair PCC, ubRMSE and slope (a centred sum of one value says nothing); PCC when either
 * series is constant and slope when the observations are (a zero variance in a denominator).
 *
 * @param n number of pairs (for a mean over stations: the pairs of the stations averaged)
 * @param pcc Pearson correlation coefficient, in [−1, 1]
 * @param rmse root-mean-square difference, in the units of the data
 * @param ubrmse unbiased RMSE, in the units of the data
 * @param bias mean difference estimated − observed
 * @param mae mean absolute difference
 * @param slope regression slope of the estimated on the observed values
 * @param note why some metric is NaN, empty when all are defined
 */
public record Metrics(long n, double pcc, double rmse, double ubrmse, double bias, double mae, double slope,
        String note) {

    /** Names of the metrics in the order of {@link #values()}. */
    public static final List<String> NAMES = List.of("pcc", "rmse", "ubrmse", "bias", "mae", "slope");

    /** The metrics of no pairs. */
    public static final Metrics NONE = new Metrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, "no pairs");

    public Metrics {
        note = note == null ? "" : note;
    }

    /** The metrics of the pairs where both values are finite. */
    public static Metrics of(double[] estimated, double[] observed) {
        return PairMoments.of(estimated, observed).metrics();
    }

    /** The metrics of a sample's statistics. */
    public static Metrics of(PairMoments m) {
        long n = m.count();
        if (n == 0) {
            return NONE;
        }
        double bias = m.sumD() / n;
        double rmse = Math.sqrt(m.sumSqD() / n);
        double mae = m.sumAbsD() / n;
        if (n == 1) {
            return new Metrics(1, Double.NaN, rmse, Double.NaN, bias, mae, Double.NaN,
                    "1 pair: PCC, ubRMSE and slope need at least 2");
        }
        double ubrmse = Math.sqrt(m.m2D() / n);
        List<String> undefined = new ArrayList<>();
        double pcc;
        double slope;
        if (m.observedConstant()) {
            pcc = Double.NaN;
            slope = Double.NaN;
            undefined.add("observed values constant: PCC and slope undefined");
        } else {
            slope = m.cXY() / m.m2Y();
            if (m.estimatedConstant()) {
                pcc = Double.NaN;
                undefined.add("estimated values constant: PCC undefined");
            } else {
                // Rounding can push |r| a hair above 1 for collinear samples.
                pcc = Math.max(-1, Math.min(1, m.cXY() / Math.sqrt(m.m2X() * m.m2Y())));
            }
        }
        return new Metrics(n, pcc, rmse, ubrmse, bias, mae, slope, String.join("; ", undefined));
    }

    /**
     * The mean of each metric over {@code stations} (papers B and E report averages over sites),
     * skipping the stations where that metric is NaN; {@code n} is the sum of their pairs.
     */
    public static Metrics meanOf(List<Metrics> stations) {
        if (stations.isEmpty()) {
            return new Metrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    "no station");
        }
        double[][] columns = new double[6][stations.size()];
        long pairs = 0;
        for (int s = 0; s < stations.size(); s++) {
            Metrics m = stations.get(s);
            pairs += m.n();
            double[] v = m.values();
            for (int k = 0; k < 6; k++) {
                columns[k][s] = v[k];
            }
        }
        double[] mean = new double[6];
        List<String> skipped = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            double sum = 0;
            int count = 0;
            for (double v : columns[k]) {
                if (!Double.isNaN(v)) {
                    sum += v;
                    count++;
                }
            }
            mean[k] = count == 0 ? Double.NaN : sum / count;
            if (count < stations.size()) {
                skipped.add(NAMES.get(k) + " over " + count);
            }
        }
        String note = "mean over " + stations.size() + (stations.size() == 1 ? " station" : " stations")
                + (skipped.isEmpty() ? "" : " (" + String.join(", ", skipped) + ")");
        return new Metrics(pairs, mean[0], mean[1], mean[2], mean[3], mean[4], mean[5], note);
    }

    /** The metrics in the order of {@link #NAMES}. */
    public double[] values() {
        return new double[] {pcc, rmse, ubrmse, bias, mae, slope};
    }
}
