package org.ssm.algorithms.validation;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ssm.grid.SeriesReader;

/**
 * Compares whole bands of a product with a truth on the same grid, date by date, and pools them:
 * the statistics of each date are computed two-pass over its pixels and merged into the pooled
 * ones, so nothing but the current pair of bands is held.
 */
final class TruthAccumulator {

    private final SeriesReader truth;
    private final Map<LocalDate, Integer> bandOf = new HashMap<>();
    private final List<DatedMetrics> dates = new ArrayList<>();
    private PairMoments pooled = PairMoments.EMPTY;

    TruthAccumulator(SeriesReader truth) {
        this.truth = truth;
        for (int b = 0; b < truth.dates().size(); b++) {
            bandOf.put(truth.dates().get(b), b);
        }
    }

    boolean has(LocalDate date) {
        return bandOf.containsKey(date);
    }

    boolean isEmpty() {
        return dates.isEmpty();
    }

    /** Compares the product's whole band of {@code date} with the truth of that date. */
    void add(LocalDate date, float[] product) throws IOException {
        PairMoments m = PairMoments.of(product, truth.read(bandOf.get(date)));
        dates.add(new DatedMetrics(date, m.metrics(), m.sdEstimated(), m.sdObserved()));
        pooled = pooled.plus(m);
    }

    TruthComparison result() {
        return new TruthComparison(pooled.metrics(), dates);
    }
}
