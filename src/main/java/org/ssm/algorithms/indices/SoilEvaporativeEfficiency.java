package org.ssm.algorithms.indices;

import org.ssm.core.ParameterException;

/**
 * Soil evaporative efficiency (SEE) from land-surface temperature and vegetation cover, paper E §3.1.
 *
 * <ol>
 *   <li>Elevation correction, E eq. 3 (Merlin et al. 2013): T = T_ori + γ·(H − H_LR), where H_LR is
 *       the mean elevation of the low-resolution cell containing the pixel (or of the whole domain
 *       when no low-resolution grid is given) and γ = 0.006 K/m.
 *   <li>Soil temperature, E eq. 2: T_s = (T − f_v·T_v) / (1 − f_v). The vegetation temperature T_v
 *       is given, or estimated for each image from the LST–f_v trapezoid of Moran et al. (1994):
 *       the dry edge (per-bin maximum LST) and the wet edge (per-bin minimum LST) are fitted as lines
 *       of f_v over bins of width 0.1, and T_v is the mean of the two edges at f_v = 1, the midpoint
 *       between stressed and unstressed full cover used by DisPATCh (Merlin et al. 2012).
 *   <li>SEE, E eq. 1: SEE = (T_s,max − T_s) / (T_s,max − T_s,min), with the extremes taken over the
 *       image.
 * </ol>
 *
 * <p>Pixels whose f_v exceeds {@code maxFvc} are NaN: there T_s is dominated by noise in T divided by
 * (1 − f_v). An image whose trapezoid cannot be estimated (fewer than two f_v bins holding at least
 * {@link #MIN_PIXELS_PER_BIN} clear pixels) gives an all-NaN SEE.
 *
 * @param lapseRate γ in K/m, ≥ 0 (0 disables the elevation correction)
 * @param maxFvc largest f_v for which T_s is computed, in (0, 1)
 * @param vegetationTemperature T_v in K, or NaN to estimate it from each image
 */
public record SoilEvaporativeEfficiency(double lapseRate, double maxFvc, double vegetationTemperature) {

    /** γ of paper E eq. 3, K/m. */
    public static final double DEFAULT_LAPSE_RATE = 0.006;

    /** Largest f_v for which eq. 2 is evaluated by default. */
    public static final double DEFAULT_MAX_FVC = 0.9;

    /** γ = 0.006 K/m (paper E eq. 3), maxFvc 0.9, T_v estimated per image. */
    public static final SoilEvaporativeEfficiency PAPER_E =
            new SoilEvaporativeEfficiency(DEFAULT_LAPSE_RATE, DEFAULT_MAX_FVC, Double.NaN);

    /** Clear pixels an f_v bin needs to contribute an edge point to the trapezoid. */
    public static final int MIN_PIXELS_PER_BIN = 3;

    private static final int BINS = 10;

    public SoilEvaporativeEfficiency {
        ParameterException.requireInRange("lapseRate", lapseRate, 0, 0.1);
        if (!(maxFvc > 0 && maxFvc < 1)) {
            throw new ParameterException("maxFvc", maxFvc, "a fraction in (0, 1)");
        }
        if (!Double.isNaN(vegetationTemperature)) {
            ParameterException.requireInRange("vegetationTemperature", vegetationTemperature, 150, 400);
        }
    }

    /** SEE with the paper E defaults. */
    public static float[] of(float[] lst, float[] fvc, float[] dem, int[] lowResolutionCell, int lowResolutionCells) {
        return PAPER_E.compute(lst, fvc, dem, lowResolutionCell, lowResolutionCells).see();
    }

    /**
     * The SEE of one image and the end-members used.
     *
     * @param see SEE per pixel, NaN where undefined
     * @param vegetationTemperature T_v used, NaN if the trapezoid could not be estimated
     * @param soilTemperatureMin T_s,min of eq. 1
     * @param soilTemperatureMax T_s,max of eq. 1
     */
    public record Result(float[] see, double vegetationTemperature, double soilTemperatureMin, double soilTemperatureMax) {}

    /**
     * Computes SEE for one image.
     *
     * @param lst land-surface temperature in K
     * @param fvc fractional vegetation cover in [0, 1]
     * @param dem elevation in m, or {@code null} to skip the elevation correction
     * @param lowResolutionCell for each pixel, the index of its low-resolution cell (or -1), or {@code
     *     null} to use the whole image as one cell for H_LR
     * @param lowResolutionCells number of low-resolution cells
     */
    public Result compute(float[] lst, float[] fvc, float[] dem, int[] lowResolutionCell, int lowResolutionCells) {
        int n = lst.length;
        SpectralIndices.requireSameLength("fvc", fvc, n);
        float[] t = dem == null || lapseRate == 0 ? lst : elevationCorrected(lst, dem, lowResolutionCell, lowResolutionCells);
        double tv = Double.isNaN(vegetationTemperature) ? trapezoidVegetationTemperature(t, fvc) : vegetationTemperature;
        float[] see = new float[n];
        java.util.Arrays.fill(see, Float.NaN);
        if (Double.isNaN(tv)) {
            return new Result(see, Double.NaN, Double.NaN, Double.NaN);
        }
        double tsMin = Double.POSITIVE_INFINITY;
        double tsMax = Double.NEGATIVE_INFINITY;
        float[] ts = new float[n];
        for (int i = 0; i < n; i++) {
            float f = fvc[i];
            if (Float.isNaN(t[i]) || !(f <= maxFvc)) {
                ts[i] = Float.NaN;
                continue;
            }
            double soil = (t[i] - f * tv) / (1 - f);
            ts[i] = (float) soil;
            tsMin = Math.min(tsMin, soil);
            tsMax = Math.max(tsMax, soil);
        }
        if (!(tsMax > tsMin)) {
            return new Result(see, tv, tsMin, tsMax);
        }
        double range = tsMax - tsMin;
        for (int i = 0; i < n; i++) {
            if (!Float.isNaN(ts[i])) {
                see[i] = (float) ((tsMax - ts[i]) / range);
            }
        }
        return new Result(see, tv, tsMin, tsMax);
    }

    /** E eq. 3: T = T_ori + γ·(H − H_LR). */
    float[] elevationCorrected(float[] lst, float[] dem, int[] cell, int cells) {
        SpectralIndices.requireSameLength("dem", dem, lst.length);
        double[] meanElevation = meanPerCell(dem, cell, cells);
        float[] out = new float[lst.length];
        for (int i = 0; i < lst.length; i++) {
            int c = cell == null ? 0 : cell[i];
            out[i] = c < 0 ? Float.NaN : (float) (lst[i] + lapseRate * (dem[i] - meanElevation[c]));
        }
        return out;
    }

    private static double[] meanPerCell(float[] values, int[] cell, int cells) {
        int count = cell == null ? 1 : cells;
        double[] sum = new double[count];
        int[] n = new int[count];
        for (int i = 0; i < values.length; i++) {
            int c = cell == null ? 0 : cell[i];
            if (c >= 0 && !Float.isNaN(values[i])) {
                sum[c] += values[i];
                n[c]++;
            }
        }
        for (int c = 0; c < count; c++) {
            sum[c] = n[c] == 0 ? Double.NaN : sum[c] / n[c];
        }
        return sum;
    }

    /**
     * T_v from the Moran et al. (1994) trapezoid: mean of the dry and wet edges at f_v = 1, or NaN
     * when fewer than two f_v bins hold enough clear pixels.
     */
    static double trapezoidVegetationTemperature(float[] t, float[] fvc) {
        double[] binMax = new double[BINS];
        double[] binMin = new double[BINS];
        int[] count = new int[BINS];
        java.util.Arrays.fill(binMax, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(binMin, Double.POSITIVE_INFINITY);
        for (int i = 0; i < t.length; i++) {
            float f = fvc[i];
            if (Float.isNaN(t[i]) || !(f >= 0 && f <= 1)) {
                continue;
            }
            int b = Math.min(BINS - 1, (int) (f * BINS));
            binMax[b] = Math.max(binMax[b], t[i]);
            binMin[b] = Math.min(binMin[b], t[i]);
            count[b]++;
        }
        double[] x = new double[BINS];
        double[] dry = new double[BINS];
        double[] wet = new double[BINS];
        int m = 0;
        for (int b = 0; b < BINS; b++) {
            if (count[b] >= MIN_PIXELS_PER_BIN) {
                x[m] = (b + 0.5) / BINS;
                dry[m] = binMax[b];
                wet[m] = binMin[b];
                m++;
            }
        }
        if (m < 2) {
            return Double.NaN;
        }
        return 0.5 * (lineAt(x, dry, m, 1.0) + lineAt(x, wet, m, 1.0));
    }

    /** Least-squares line through the first m points, evaluated at x0. */
    private static double lineAt(double[] x, double[] y, int m, double x0) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < m; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= m;
        my /= m;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < m; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return my + sxy / sxx * (x0 - mx);
    }
}
