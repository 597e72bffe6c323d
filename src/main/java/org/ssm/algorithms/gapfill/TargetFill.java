package org.ssm.algorithms.gapfill;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The work on one target date t1 of {@link StdfGapFill}: the pixels clear at t1 (which the fits of
 * eq. 1 are made on), the cloudy pixels (which receive estimates), and the running sum and count of
 * the estimates of each cloudy pixel, so that a pixel filled from several neighbours gets their mean.
 *
 * <p>The buffers are allocated once per run and reused for every date. Pixels are processed in
 * chunks of fixed size in parallel; partial sums are merged in chunk order, so results do not depend
 * on the number of threads.
 */
final class TargetFill {

    private static final int UNKNOWNS = 4;

    private final float[] dem;
    private final MinMax lstBounds;
    private final MinMax ndviBounds;
    private final int domainPixels;
    private final int chunk;

    private final int[] clear;
    private final int[] cloudy;
    private final float[] ndvi;
    private final double[] sum;
    private final short[] count;
    private final int[] daysSum;

    private float[] lst;
    private int clearCount;
    private int cloudyCount;
    private int validBefore;
    private int covered;

    /**
     * @param dem normalised elevation, NaN outside the domain
     * @param chunk pixels per parallel task
     */
    TargetFill(float[] dem, MinMax lstBounds, MinMax ndviBounds, int chunk) {
        this.dem = dem;
        this.lstBounds = lstBounds;
        this.ndviBounds = ndviBounds;
        this.chunk = chunk;
        int n = dem.length;
        int inside = 0;
        for (float h : dem) {
            if (!Float.isNaN(h)) {
                inside++;
            }
        }
        this.domainPixels = inside;
        this.clear = new int[n];
        this.cloudy = new int[n];
        this.ndvi = new float[n];
        this.sum = new double[n];
        this.count = new short[n];
        this.daysSum = new int[n];
    }

    int domainPixels() {
        return domainPixels;
    }

    /** Starts target date t1 with its observed LST (K, NaN under cloud) and its NDVI. */
    void start(float[] lstTarget, float[] ndviTarget) {
        lst = lstTarget;
        clearCount = 0;
        cloudyCount = 0;
        validBefore = 0;
        for (int i = 0; i < dem.length; i++) {
            if (Float.isNaN(dem[i])) {
                continue;
            }
            boolean observed = Float.isFinite(lstTarget[i]);
            if (observed) {
                validBefore++;
            }
            float v = ndviTarget[i];
            if (!Float.isFinite(v)) {
                // Without NDVI at t1, eq. 1 can neither use nor fill the pixel.
                continue;
            }
            ndvi[i] = (float) ndviBounds.normalise(v);
            if (observed) {
                clear[clearCount++] = i;
            } else {
                cloudy[cloudyCount] = i;
                sum[cloudyCount] = 0;
                count[cloudyCount] = 0;
                daysSum[cloudyCount] = 0;
                cloudyCount++;
            }
        }
        covered = validBefore;
    }

    int validBefore() {
        return validBefore;
    }

    /** Domain pixels with a value now: observed or filled at least once. */
    int covered() {
        return covered;
    }

    /** Whether some cloudy pixel could still be filled (it has NDVI and lies in the domain). */
    boolean hasCloudyPixels() {
        return cloudyCount > 0;
    }

    private int chunks(int items) {
        return (items + chunk - 1) / chunk;
    }

    /**
     * The normal equations of eq. 1 over the pixels clear at t1 and at the neighbour t0 (solved by
     * {@link #fit}).
     *
     * @param lstNeighbour observed LST at t0 (K)
     */
    NormalEquations normalEquations(float[] lstNeighbour) {
        NormalEquations[] parts = IntStream.range(0, chunks(clearCount)).parallel()
                .mapToObj(c -> partialSums(lstNeighbour, c * chunk, Math.min(clearCount, (c + 1) * chunk)))
                .toArray(NormalEquations[]::new);
        NormalEquations total = new NormalEquations(UNKNOWNS);
        for (NormalEquations part : parts) {
            total.add(part);
        }
        return total;
    }

    private NormalEquations partialSums(float[] lstNeighbour, int from, int to) {
        // Columns 1, LST*(t0), NDVI*(t1), DEM*: the intercept comes first, so that a regressor
        // constant over the fit pixels is the column dropped as dependent, not the intercept. The
        // sums stay in local variables (registers) for speed; the order of summation is fixed.
        long n = 0;
        double s1 = 0, s2 = 0, s3 = 0, s11 = 0, s12 = 0, s13 = 0, s22 = 0, s23 = 0, s33 = 0;
        double sy = 0, s1y = 0, s2y = 0, s3y = 0, syy = 0;
        for (int k = from; k < to; k++) {
            int i = clear[k];
            float previous = lstNeighbour[i];
            if (Float.isFinite(previous)) {
                double x1 = lstBounds.normalise(previous);
                double x2 = ndvi[i];
                double x3 = dem[i];
                double y = lstBounds.normalise(lst[i]);
                n++;
                s1 += x1;
                s2 += x2;
                s3 += x3;
                s11 += x1 * x1;
                s12 += x1 * x2;
                s13 += x1 * x3;
                s22 += x2 * x2;
                s23 += x2 * x3;
                s33 += x3 * x3;
                sy += y;
                s1y += x1 * y;
                s2y += x2 * y;
                s3y += x3 * y;
                syy += y * y;
            }
        }
        NormalEquations part = new NormalEquations(UNKNOWNS);
        part.addSums(new double[] {n, s1, s2, s3, s11, s12, s13, s22, s23, s33}, new double[] {sy, s1y, s2y, s3y},
                syy, n);
        return part;
    }

    /** The coefficients of eq. 1 from {@link #normalEquations} (columns 1, LST*(t0), NDVI*(t1), DEM*). */
    static StdfFit fit(NormalEquations equations) {
        double[] beta = equations.solve();
        double rms = Math.sqrt(equations.residualSumOfSquares(beta) / equations.rows());
        return new StdfFit(beta[1], beta[2], beta[3], beta[0], equations.rows(), rms);
    }

    /**
     * Adds the estimate of {@code fit} to every cloudy pixel observed at t0.
     *
     * @return the number of pixels that received an estimate
     */
    int apply(StdfFit fit, float[] lstNeighbour, int days) {
        long counts = IntStream.range(0, chunks(cloudyCount)).parallel()
                .mapToLong(c -> applyChunk(fit, lstNeighbour, days, c * chunk, Math.min(cloudyCount, (c + 1) * chunk)))
                .sum();
        covered += (int) (counts & 0xFFFFFFFFL);
        return (int) (counts >>> 32);
    }

    /** Estimates in the high 32 bits, pixels filled for the first time in the low 32 bits. */
    private long applyChunk(StdfFit fit, float[] lstNeighbour, int days, int from, int to) {
        long estimates = 0;
        long first = 0;
        for (int k = from; k < to; k++) {
            int i = cloudy[k];
            float previous = lstNeighbour[i];
            if (Float.isFinite(previous)) {
                sum[k] += fit.predict(lstBounds.normalise(previous), ndvi[i], dem[i]);
                if (count[k]++ == 0) {
                    first++;
                }
                daysSum[k] += days;
                estimates++;
            }
        }
        return estimates << 32 | first;
    }

    /** Observed LST where clear, the mean estimate (K) where filled, NaN elsewhere. */
    float[] filledBand() {
        float[] out = Arrays.copyOf(lst, lst.length);
        for (int i = 0; i < out.length; i++) {
            if (!Float.isFinite(out[i])) {
                out[i] = Float.NaN;
            }
        }
        for (int k = 0; k < cloudyCount; k++) {
            if (count[k] > 0) {
                out[cloudy[k]] = (float) lstBounds.restore(sum[k] / count[k]);
            }
        }
        return out;
    }

    /** 0 where observed, the mean |t0 − t1| in days of the estimates where filled, NaN elsewhere. */
    float[] distanceBand() {
        float[] out = new float[lst.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.isFinite(lst[i]) ? 0f : Float.NaN;
        }
        for (int k = 0; k < cloudyCount; k++) {
            if (count[k] > 0) {
                out[cloudy[k]] = (float) ((double) daysSum[k] / count[k]);
            }
        }
        return out;
    }
}
