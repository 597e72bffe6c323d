package org.ssm.algorithms.validation;

import java.util.List;

/**
 * A product against a full truth on its own grid (the twin experiment): the metrics of paper E
 * eq. 12–15 and B Table S1 over every pixel, not only at stations.
 *
 * @param pooled every (pixel, date) pair where both have a value, as one sample
 * @param dates per date, over the pixels of that date
 */
public record TruthComparison(Metrics pooled, List<DatedMetrics> dates) {

    public TruthComparison {
        dates = List.copyOf(dates);
    }
}
