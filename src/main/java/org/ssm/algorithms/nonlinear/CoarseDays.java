package org.ssm.algorithms.nonlinear;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.ssm.grid.SeriesReader;

/**
 * The {@link CoarseDay}s of a sliding span of dates, each computed once from the coarse SSM and the
 * fine SEE and NMDI when first asked for and dropped once behind the span, so that the heap holds a
 * few coarse images however long the series.
 */
final class CoarseDays {

    private final LinkInputs inputs;
    private final int[] coarseCell;
    private final int[] finePixels;
    private final TreeMap<Integer, CoarseDay> days = new TreeMap<>();

    CoarseDays(LinkInputs inputs, int[] coarseCell, int[] finePixels) {
        this.inputs = inputs;
        this.coarseCell = coarseCell;
        this.finePixels = finePixels;
    }

    /** The coarse day of date index {@code t}. */
    CoarseDay get(int t) throws IOException {
        CoarseDay day = days.get(t);
        if (day == null) {
            day = CoarseDay.of(inputs.coarseSsm().read(t), inputs.see().read(t),
                    inputs.nmdi().read(t), coarseCell, finePixels);
            days.put(t, day);
        }
        return day;
    }

    /** Forgets the days before date index {@code t}. */
    void dropBefore(int t) {
        Map<Integer, CoarseDay> head = days.headMap(t);
        head.clear();
    }
}
