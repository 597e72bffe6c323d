package org.ssm.algorithms.nonlinear;

import org.ssm.core.ParameterException;

/**
 * The options of {@link NonlinearLinkDownscaler}, paper D §2.2.2.
 *
 * @param dl half-width of the time window of eq. 3 in days: dates within ±dl calendar days of the
 *     date being downscaled are fitted together; an integer in [0, {@link #MAX_DL}]; 5 in paper D
 * @param ws side of the square window of coarse pixels of eq. 3, centred on the pixel being
 *     downscaled: an odd integer in [1, {@link #MAX_WS}]; 7 in paper D
 * @param bandwidth b of the bi-square kernel of eq. 4, in metres, &gt; 0; 200 km in paper D
 * @param minCoverage smallest fraction of a coarse pixel's fine pixels with both SEE and NMDI for its
 *     means to be a sample of eq. 3 or a term of eq. 6, in (0, 1]
 * @param minSamples fewest samples for a fit of eq. 3, more than the 3 coefficients
 */
public record LinkParameters(int dl, int ws, double bandwidth, double minCoverage, int minSamples) {

    /** Paper D: ±5 days. */
    public static final int DEFAULT_DL = 5;
    /** Paper D: a 7 × 7 window of coarse pixels. */
    public static final int DEFAULT_WS = 7;
    /** Paper D: a bandwidth of 200 km. */
    public static final double DEFAULT_BANDWIDTH = 200_000;
    /**
     * Half the coarse pixel: paper D feeds gap-filled LST and smoothed indices, so its coarse means
     * cover the whole pixel; a mean over less than half of it (under cloud) misrepresents the pixel
     * whose SSM it is paired with.
     */
    public static final double DEFAULT_MIN_COVERAGE = 0.5;
    /** Ten samples: over three times the coefficients, so that one outlier cannot decide a, b, c. */
    public static final int DEFAULT_MIN_SAMPLES = 10;
    /** Largest dl: the tested range of paper D ends at 13. */
    public static final int MAX_DL = 60;
    /** Largest ws. */
    public static final int MAX_WS = 101;

    /** The settings of paper D. */
    public static final LinkParameters PAPER_D = new LinkParameters(DEFAULT_DL, DEFAULT_WS, DEFAULT_BANDWIDTH,
            DEFAULT_MIN_COVERAGE, DEFAULT_MIN_SAMPLES);

    public LinkParameters {
        ParameterException.requireInRange("dl", dl, 0, MAX_DL);
        if (ws < 1 || ws > MAX_WS || ws % 2 == 0) {
            throw new ParameterException("ws", ws, "an odd integer in [1, " + MAX_WS + "]");
        }
        ParameterException.requirePositive("bandwidth", bandwidth);
        if (!(minCoverage > 0 && minCoverage <= 1)) {
            throw new ParameterException("minCoverage", minCoverage, "a fraction in (0, 1]");
        }
        ParameterException.requireInRange("minSamples", minSamples, LinkFit.PARAMETERS + 1, 1_000_000);
    }

    /** The settings of paper D ({@link #PAPER_D}). */
    public static LinkParameters defaults() {
        return PAPER_D;
    }

    /** These parameters with another minimum number of samples. */
    public LinkParameters withMinSamples(int samples) {
        return new LinkParameters(dl, ws, bandwidth, minCoverage, samples);
    }

    /** These parameters with other windows. */
    public LinkParameters withWindows(int newDl, int newWs) {
        return new LinkParameters(newDl, newWs, bandwidth, minCoverage, minSamples);
    }

    /** These parameters with another bandwidth (m). */
    public LinkParameters withBandwidth(double metres) {
        return new LinkParameters(dl, ws, metres, minCoverage, minSamples);
    }

    /** These parameters with another minimum coverage. */
    public LinkParameters withMinCoverage(double fraction) {
        return new LinkParameters(dl, ws, bandwidth, fraction, minSamples);
    }

    /** Half the window side, (ws − 1) / 2. */
    public int radius() {
        return ws / 2;
    }

    /** The bi-square weight of eq. 4 at {@code distance} metres. */
    public double weight(double distance) {
        if (!(distance < bandwidth)) {
            return 0;
        }
        double u = distance / bandwidth;
        double v = 1 - u * u;
        return v * v;
    }
}
