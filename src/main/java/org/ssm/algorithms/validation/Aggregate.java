package org.ssm.algorithms.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Metrics over several stations, in the two ways the literature uses them:
 *
 * <ul>
 *   <li>{@code pooled}: every pair of every station as one sample (the metrics of one scatter plot
 *       of all pairs, as in paper B Fig. 4);</li>
 *   <li>{@code stationMean}: the metrics of each station, averaged over the stations (what papers B
 *       §4.2.1 and E Table 2 report as average metrics "over all validation sites").</li>
 * </ul>
 *
 * The two differ: pooling mixes differences between stations into the pooled PCC and ubRMSE.
 *
 * @param stations number of stations included
 * @param pooled metrics of all their pairs as one sample
 * @param stationMean mean of their metrics (NaN metrics skipped)
 */
public record Aggregate(int stations, Metrics pooled, Metrics stationMean) {

    /** The aggregate of the given per-station samples. */
    public static Aggregate of(List<PairMoments> stations) {
        PairMoments all = PairMoments.EMPTY;
        List<Metrics> each = new ArrayList<>();
        for (PairMoments m : stations) {
            all = all.plus(m);
            each.add(m.metrics());
        }
        return new Aggregate(stations.size(), all.metrics(), Metrics.meanOf(each));
    }
}
