package org.ssm.algorithms.nonlinear;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@link Day}s of a sliding span of dates, each computed once from the coarse SSM and the
 * fine SEE and NMDI when first asked for and dropped once behind the span, so that the heap holds a
 * few coarse images however long the series.
 */
final class CoarseDays {

    private final LinkInputs inputs;
    private final int[] coarseCell;
    private final int[] finePixels;
    private final TreeMap<Integer, Day> days = new TreeMap<>();

    CoarseDays(LinkInputs inputs, int[] coarseCell, int[] finePixels) {
        this.inputs = inputs;
        this.coarseCell = coarseCell;
        this.finePixels = finePixels;
    }

    /** The coarse day of date index {@code t}. */
    Day get(int t) throws IOException {
        Day day = days.get(t);
        if (day == null) {
            day = Day.of(inputs.coarseSsm().read(t), inputs.see().read(t),
                    inputs.nmdi().read(t), coarseCell, finePixels);
            days.put(t, day);
        }
        return day;
    }

    /** Forgets the days before date index {@code t}. */
    void dropBefore(int t) {
        Map<Integer, Day> head = days.headMap(t);
        head.clear();
    }

    /**
     * One date at the coarse scale: the observed coarse SSM and, per coarse pixel, the means ⟨SEE⟩ and
     * ⟨NMDI⟩ of the fine pixels where both are valid (paper D §2.2.2: "the 36-km SEE and NMDI are
     * obtained via averaging the variables spatially from their native resolution") and the fraction of
     * the pixel's fine cells they cover.
     */
    static final class Day {

        final float[] ssm;
        final double[] see;
        final double[] nmdi;
        final double[] coverage;

        private Day(float[] ssm, double[] see, double[] nmdi, double[] coverage) {
            this.ssm = ssm;
            this.see = see;
            this.nmdi = nmdi;
            this.coverage = coverage;
        }

        /**
         * @param ssm coarse SSM of the date, one value per coarse pixel
         * @param seeFine fine SEE of the date
         * @param nmdiFine fine NMDI of the date
         * @param coarseCell coarse pixel of each fine cell, or -1
         * @param finePixels fine cells in each coarse pixel
         */
        static Day of(float[] ssm, float[] seeFine, float[] nmdiFine, int[] coarseCell, int[] finePixels) {
            int cells = ssm.length;
            double[] see = new double[cells];
            double[] nmdi = new double[cells];
            int[] count = new int[cells];
            for (int i = 0; i < seeFine.length; i++) {
                int c = coarseCell[i];
                float s = seeFine[i];
                float m = nmdiFine[i];
                if (c >= 0 && Float.isFinite(s) && Float.isFinite(m)) {
                    see[c] += s;
                    nmdi[c] += m;
                    count[c]++;
                }
            }
            double[] coverage = new double[cells];
            for (int c = 0; c < cells; c++) {
                if (count[c] == 0) {
                    see[c] = Double.NaN;
                    nmdi[c] = Double.NaN;
                } else {
                    see[c] /= count[c];
                    nmdi[c] /= count[c];
                    coverage[c] = (double) count[c] / finePixels[c];
                }
            }
            return new Day(ssm, see, nmdi, coverage);
        }

        /** Whether pixel {@code c} has an observed coarse SSM. */
        boolean observed(int c) {
            return Float.isFinite(ssm[c]);
        }

        /** Whether pixel {@code c} has means at all: at least one fine cell with SEE and NMDI, and ⟨SEE⟩ &lt; 1. */
        boolean hasMeans(int c) {
            return coverage[c] > 0 && see[c] < 1;
        }

        /** Whether the means of pixel {@code c} cover enough of it to stand for the pixel (a sample of eq. 3, a term of eq. 6). */
        boolean representative(int c, double minCoverage) {
            return hasMeans(c) && coverage[c] >= minCoverage;
        }
    }
}
