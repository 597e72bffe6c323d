package org.ssm.algorithms.validation;

import java.util.List;

/**
 * The downscaling gains over the stations: the mean of each term and how many stations gained
 * (G_down &gt; 0), the "+Gdown" share of paper E Table 2.
 *
 * @param stations number of stations with a G_down (NaN gains excluded)
 * @param mean the mean of each gain over them
 * @param positive number of them with G_down &gt; 0
 */
public record GDownSummary(int stations, GDown mean, int positive) {

    /** The summary of the stations' gains (entries with a NaN G_down are skipped). */
    public static GDownSummary of(List<GDown> gains) {
        double[] sum = new double[4];
        int n = 0;
        int positive = 0;
        for (GDown g : gains) {
            if (Double.isNaN(g.down())) {
                continue;
            }
            sum[0] += g.effi();
            sum[1] += g.prec();
            sum[2] += g.accu();
            sum[3] += g.down();
            n++;
            if (g.down() > 0) {
                positive++;
            }
        }
        GDown mean = n == 0 ? new GDown(Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                : new GDown(sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n);
        return new GDownSummary(n, mean, positive);
    }

    /** Share of the stations with G_down &gt; 0, NaN without stations. */
    public double positiveShare() {
        return stations == 0 ? Double.NaN : (double) positive / stations;
    }
}
