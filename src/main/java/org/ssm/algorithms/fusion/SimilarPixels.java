package org.ssm.algorithms.fusion;

import java.util.Arrays;

/**
 * The per-window work of ESTARFM for the centre pixels of one strip of columns, with the scratch
 * space of one worker thread.
 *
 * <p>For a centre pixel it finds the similar pixels of the window (|F(x_i, t_k, B) − F(x_c, t_k, B)|
 * ≤ 2σ/m for every band and both base dates), their weights W_i = (1/D_i)/Σ(1/D_i) with
 * D_i = (1 − R_i + ε)·d_i, and the conversion coefficient V of each band; then either predicts the
 * current date at once ({@link #predict}) or keeps the weights summed per coarse cell for later
 * dates ({@link #scanCells}, then {@link #apply}).
 *
 * <p>How the overlap of neighbouring windows is used:
 *
 * <ul>
 *   <li>The rows of the windows of one centre row are copied once into column-major buffers (each
 *       column's w rows contiguous, columns side by side, padded with r no-data columns on both
 *       sides), so the window of every centre of the row is one contiguous range of w² values and the
 *       similarity test runs as long, vectorised loops. Moving to the next centre row replaces one
 *       row of the ring of w rows, not the whole window.
 *   <li>Everything a similar pixel contributes that does not depend on the centre is computed once
 *       per pixel when its row enters the ring: the products of the regression sums, and the
 *       coarse differences of the prediction date.
 *   <li>D_i is the product of a per-pixel factor (1 − R_i + ε) and a per-offset factor d_i, so
 *       1/D_i is the product of two precomputed numbers: no division per pixel and window.
 *   <li>When several dates are predicted, the weights are summed per coarse cell, over which the
 *       coarse images are constant: Σ W_i·ΔC(x_i) = Σ_cells (Σ_{i in cell} W_i)·ΔC(cell), so each
 *       further date costs one term per coarse cell of the window.
 * </ul>
 */
final class SimilarPixels {

    /** Fewest similar pixels for eq. 1; with fewer the window means are used (Zhu's reference code: more than 5). */
    static final int MIN_SIMILAR = 6;

    /** Largest accepted V. */
    static final double MAX_V = 5;

    /**
     * Fraction of the valid range's span that the mean coarse change of the similar pixels between
     * t_m and t_n must reach for V to be fitted (Zhu's reference code: 2 % of DN_max, with DN_min = 0).
     */
    static final double MIN_CHANGE_FRACTION = 0.02;

    /** Added to the absolute mean coarse differences of eq. 3, as in Zhu's reference code (0.01^5). */
    static final double TEMPORAL_EPSILON = 1e-10;

    /** Per-pixel regression terms per band, x = coarse, y = fine, centred on the band's offset. */
    private static final int SX = 0;
    private static final int SXX = 1;
    private static final int SXY = 2;
    private static final int SY = 3;
    private static final int SYY = 4;
    private static final int SD = 5;
    private static final int TERMS = 6;

    private final BasePairs p;
    private final int nb;
    private final int features;
    private final int radius;
    private final int window;
    private final boolean revise;
    private final boolean regression;
    private final double minChange;
    /** The date predicted by {@link #predict}, or null when cell weights are kept. */
    private final PredictionDate date;

    // The strip: buffer column xb holds image column col0 − radius + xb.
    private int col0;
    private final int columns;
    private int row = Integer.MIN_VALUE;

    // Column-major ring buffers: index xb * window + slot, slot = row mod window.
    private final float[][] feature;
    private final double[] factor;
    private final int[] cellRow;
    private final int[] cellCol;
    /** [band * TERMS + term][slot]. */
    private final double[][] terms;
    /** Fine values at t_m and t_n minus the offset, [band] and [nb + band], when predictions may be revised. */
    private final double[][] fine;
    /** v·(C(t_p) − C(t_m)) and v·(C(t_p) − C(t_n)), [band] and [nb + band], v = 1 where C(t_p) is valid. */
    private final double[][] delta;
    private final double[] validP;
    /** 1/d for buffer offsets of the current centre row: index (dx + radius) * window + slot. */
    private final double[] distance;

    // Scratch of the current window.
    private int base;
    private final float[] excess;
    private final int[] hits;
    private final double[] weightOf;
    private final float[] centre;
    private double total;
    private final int[] count;
    private final double[] cellWeight;
    private final int[] touched;

    // Results of the last scan.
    /** Number of coarse cells holding similar pixels, and those cells and their weights (summing to 1). */
    int cells;
    final int[] cellIndex;
    final float[] weights;
    /** V of each band. */
    final float[] conversion;
    /** Σ W_i·F(x_i, t_m, B) and Σ W_i·F(x_i, t_n, B) per band, for the revision of out-of-range predictions. */
    final float[] revisedM;
    final float[] revisedN;
    /** Number of similar pixels. */
    int similar;

    /**
     * Scratch for the centres of strips of at most {@code stripWidth} columns.
     *
     * @param date the date to predict, or {@code null} to keep cell weights instead
     */
    SimilarPixels(BasePairs p, int stripWidth, PredictionDate date) {
        this.p = p;
        this.nb = p.bands;
        this.features = p.features;
        this.radius = p.parameters.radius();
        this.window = p.parameters.window();
        this.revise = p.parameters.hasRange();
        this.regression = p.parameters.regression();
        EstarfmParameters q = p.parameters;
        this.minChange = q.hasFiniteRange() ? MIN_CHANGE_FRACTION * (q.maxValue() - q.minValue()) : 0;
        this.date = date;
        this.columns = stripWidth + 2 * radius;
        int size = columns * window;
        feature = new float[features][size];
        factor = new double[size];
        cellRow = new int[size];
        cellCol = new int[size];
        terms = new double[regression ? nb * TERMS : 0][size];
        fine = new double[revise ? 2 * nb : 0][size];
        delta = new double[date != null ? 2 * nb : 0][size];
        validP = new double[date != null ? size : 0];
        distance = new double[window * window];
        excess = new float[size];
        hits = new int[window * window];
        weightOf = new double[window * window];
        centre = new float[features];
        int footprint = date == null ? p.footprint() : 0;
        count = new int[footprint];
        cellWeight = new double[footprint];
        touched = new int[footprint];
        cellIndex = new int[footprint];
        weights = new float[footprint];
        conversion = new float[nb];
        revisedM = new float[nb];
        revisedN = new float[nb];
    }

    /** Works on the strip of centre columns starting at {@code firstColumn}. */
    void startStrip(int firstColumn) {
        col0 = firstColumn;
        row = Integer.MIN_VALUE;
    }

    /** Makes {@code r} the current centre row. Consecutive rows move the ring by one row. */
    void startRow(int r) {
        if (row != Integer.MIN_VALUE && r == row + 1) {
            fill(r + radius);
        } else {
            for (int y = r - radius; y <= r + radius; y++) {
                fill(y);
            }
        }
        row = r;
        // The distance factor of each buffer slot for this centre row.
        for (int s = 0; s < window; s++) {
            int y = r - radius + Math.floorMod(s - (r - radius), window);
            int dy = y - r;
            for (int dx = -radius; dx <= radius; dx++) {
                distance[(dx + radius) * window + s] = p.distanceFactor[(dy + radius) * window + dx + radius];
            }
        }
    }

    /** Copies image row {@code y} (no data outside the image) into its ring slot. */
    private void fill(int y) {
        int s = Math.floorMod(y, window);
        boolean inside = y >= 0 && y < p.height;
        for (int xb = 0; xb < columns; xb++) {
            int x = col0 - radius + xb;
            int jj = xb * window + s;
            if (!inside || x < 0 || x >= p.width || !p.valid[y * p.width + x]) {
                for (int k = 0; k < features; k++) {
                    feature[k][jj] = Float.NaN;
                }
                continue;
            }
            int i = y * p.width + x;
            for (int k = 0; k < features; k++) {
                feature[k][jj] = p.scaled[k][i];
            }
            factor[jj] = p.weightFactor[i];
            int cr = p.rowCell[y];
            int cc = p.colCell[x];
            cellRow[jj] = cr;
            cellCol[jj] = cc;
            int cell = cr * p.coarseWidth + cc;
            boolean validAtP = date != null && date.cellValid[cell];
            if (date != null) {
                validP[jj] = validAtP ? 1 : 0;
            }
            for (int b = 0; b < nb; b++) {
                double o = p.offset[b];
                double ym = p.fineM[b][i] - o;
                double yn = p.fineN[b][i] - o;
                if (regression) {
                    double xm = p.coarseM[b][cell] - o;
                    double xn = p.coarseN[b][cell] - o;
                    double[][] t = terms;
                    int tb = b * TERMS;
                    t[tb + SX][jj] = (xm + xn);
                    t[tb + SXX][jj] = (xm * xm + xn * xn);
                    t[tb + SXY][jj] = (xm * ym + xn * yn);
                    t[tb + SY][jj] = (ym + yn);
                    t[tb + SYY][jj] = (ym * ym + yn * yn);
                    t[tb + SD][jj] = (xm - xn);
                }
                if (revise) {
                    fine[b][jj] = ym;
                    fine[nb + b][jj] = yn;
                }
                if (date != null) {
                    double cp = validAtP ? date.coarse[b][cell] : 0;
                    delta[b][jj] = validAtP ? cp - p.coarseM[b][cell] : 0;
                    delta[nb + b][jj] = validAtP ? cp - p.coarseN[b][cell] : 0;
                }
            }
        }
    }

    // The two loops below index both arrays alike: C2 (Java 17) vectorises a loop only when its
    // array references share the same invariant offset.

    /** e[i] = |f[i] − c| for i in [from, to). */
    private static void absDifference(float[] e, float[] f, int from, int to, float c) {
        for (int i = from; i < to; i++) {
            e[i] = Math.abs(f[i] - c);
        }
    }

    /** e[i] = max(e[i], |f[i] − c|) for i in [from, to) (NaN when either is NaN). */
    private static void maxAbsDifference(float[] e, float[] f, int from, int to, float c) {
        for (int i = from; i < to; i++) {
            e[i] = Math.max(e[i], Math.abs(f[i] - c));
        }
    }

    /**
     * Finds the similar pixels of the window of the centre at column {@code c} of the current row,
     * their weights 1/D_i (in {@code weightOf}, summing to {@code total}), V and the revision sums.
     *
     * @return the number of similar pixels, listed in {@code hits} as offsets from {@code base}
     */
    private int search(int c, boolean fitConversion) {
        final int n = window * window;
        base = (c - col0) * window;
        final int from = base;
        final int jc = (c - col0 + radius) * window + Math.floorMod(row, window);
        for (int k = 0; k < features; k++) {
            centre[k] = feature[k][jc];
        }
        // Largest scaled difference over the features: similar where it is at most 1 (NaN never is).
        final float[] e = excess;
        absDifference(e, feature[0], from, from + n, centre[0]);
        for (int k = 1; k < features; k++) {
            maxAbsDifference(e, feature[k], from, from + n, centre[k]);
        }
        final int[] idx = hits;
        int m = 0;
        for (int j = 0; j < n; j++) {
            idx[m] = j;
            m += e[from + j] <= 1f ? 1 : 0;
        }
        double sum = 0;
        for (int q = 0; q < m; q++) {
            int j = idx[q];
            double w = factor[from + j] * distance[j];
            weightOf[q] = w;
            sum += w;
        }
        total = sum;
        similar = m;
        if (fitConversion) {
            for (int b = 0; b < nb; b++) {
                conversion[b] = m >= MIN_SIMILAR ? (float) conversion(b, m) : 1f;
            }
        }
        if (revise) {
            for (int b = 0; b < nb; b++) {
                revisedM[b] = (float) (weightedMean(fine[b], m) + p.offset[b]);
                revisedN[b] = (float) (weightedMean(fine[nb + b], m) + p.offset[b]);
            }
        }
        return m;
    }

    /** Σ W_i·v_i over the similar pixels. */
    private double weightedMean(double[] v, int m) {
        double s = 0;
        for (int q = 0; q < m; q++) {
            s += weightOf[q] * v[base + hits[q]];
        }
        return s / total;
    }

    /**
     * V of band {@code b}: the slope of the least-squares line of fine on coarse values of the
     * similar pixels at both base dates; 1 when the regression is off, when the mean coarse change
     * of the similar pixels between t_m and t_n is below {@link #MIN_CHANGE_FRACTION} of the valid
     * range, when the slope is not significant at 5 % (F test), or when it is outside (0, 5].
     */
    private double conversion(int b, int m) {
        if (!regression) {
            return 1;
        }
        final int tb = b * TERMS;
        final double[] tx = terms[tb + SX];
        final double[] txx = terms[tb + SXX];
        final double[] txy = terms[tb + SXY];
        final double[] ty = terms[tb + SY];
        final double[] tyy = terms[tb + SYY];
        final double[] td = terms[tb + SD];
        final int[] idx = hits;
        final int from = base;
        double sx = 0;
        double sxx = 0;
        double sxy = 0;
        double sy = 0;
        double syy = 0;
        double sd = 0;
        for (int q = 0; q < m; q++) {
            int jj = from + idx[q];
            sx += tx[jj];
            sxx += txx[jj];
            sxy += txy[jj];
            sy += ty[jj];
            syy += tyy[jj];
            sd += td[jj];
        }
        return slopeOrOne(m, sx, sxx, sxy, sy, syy, sd);
    }

    /** V from the sums over the m similar pixels (2m points), or 1 (see {@link #conversion}). */
    private double slopeOrOne(int m, double sx, double sxx, double sxy, double sy, double syy, double sd) {
        double n = 2.0 * m;
        if (Math.abs(sd) / m < minChange) {
            return 1;
        }
        double cxx = sxx - sx * sx / n;
        double cxy = sxy - sx * sy / n;
        double cyy = syy - sy * sy / n;
        if (!(cxx > 1e-12 * Math.max(1, sxx))) {
            return 1;
        }
        double slope = cxy / cxx;
        if (!(slope > 0 && slope <= MAX_V)) {
            return 1;
        }
        double explained = slope * cxy;
        double residual = cyy - explained;
        int df = 2 * m - 2;
        boolean significant = residual <= 0 || explained / (residual / df) >= Significance.criticalF(df);
        return significant ? slope : 1;
    }

    /** Searches the window of the centre at column {@code c} and keeps its weights per coarse cell. */
    void scanCells(int c) {
        int m = search(c, true);
        final int cc0 = p.colCell[Math.max(0, c - radius)];
        final int cr0 = p.rowCell[Math.max(0, row - radius)];
        final int ncols = p.colCell[Math.min(p.width - 1, c + radius)] - cc0 + 1;
        int nt = 0;
        for (int q = 0; q < m; q++) {
            int jj = base + hits[q];
            int l = (cellRow[jj] - cr0) * ncols + cellCol[jj] - cc0;
            if (count[l]++ == 0) {
                touched[nt] = l;
                cellIndex[nt] = cellRow[jj] * p.coarseWidth + cellCol[jj];
                nt++;
            }
            cellWeight[l] += weightOf[q];
        }
        cells = nt;
        for (int t = 0; t < nt; t++) {
            int l = touched[t];
            weights[t] = (float) (cellWeight[l] / total);
            count[l] = 0;
            cellWeight[l] = 0;
        }
    }

    /** Searches the window of the (valid) centre at column {@code c} and predicts the date. */
    void predict(int c, float[][] out) {
        int m = search(c, false);
        int ic = row * p.width + c;
        if (m < MIN_SIMILAR) {
            fallback(p, ic, date, out);
            return;
        }
        final int[] idx = hits;
        final int from = base;
        double wp = 0;
        for (int q = 0; q < m; q++) {
            wp += weightOf[q] * validP[from + idx[q]];
        }
        for (int b = 0; b < nb; b++) {
            final double[] dm = delta[b];
            final double[] dn = delta[nb + b];
            double sm = 0;
            double sn = 0;
            double v = 1;
            if (regression) {
                // One pass for the coarse changes and the regression sums of this band.
                final int tb = b * TERMS;
                final double[] tx = terms[tb + SX];
                final double[] txx = terms[tb + SXX];
                final double[] txy = terms[tb + SXY];
                final double[] ty = terms[tb + SY];
                final double[] tyy = terms[tb + SYY];
                final double[] td = terms[tb + SD];
                double sx = 0;
                double sxx = 0;
                double sxy = 0;
                double sy = 0;
                double syy = 0;
                double sd = 0;
                for (int q = 0; q < m; q++) {
                    int jj = from + idx[q];
                    double w = weightOf[q];
                    sm += w * dm[jj];
                    sn += w * dn[jj];
                    sx += tx[jj];
                    sxx += txx[jj];
                    sxy += txy[jj];
                    sy += ty[jj];
                    syy += tyy[jj];
                    sd += td[jj];
                }
                v = slopeOrOne(m, sx, sxx, sxy, sy, syy, sd);
            } else {
                for (int q = 0; q < m; q++) {
                    int jj = from + idx[q];
                    double w = weightOf[q];
                    sm += w * dm[jj];
                    sn += w * dn[jj];
                }
            }
            combine(p, ic, b, date, sm / wp, sn / wp, v, revisedM[b], revisedN[b], out);
        }
    }

    /**
     * The prediction at one pixel and date from kept cell weights (paper B eq. 1–3).
     *
     * @param ic the centre pixel, valid in the base pairs and at t_p
     * @param cellIndex coarse cells holding similar pixels, from {@code off}
     * @param weights their weights (summing to 1)
     * @param n number of cells, 0 for too few similar pixels (then the window means are used)
     * @param conversion V per band, from {@code vOff}
     * @param revisedM Σ W_i·F(x_i, t_m, B) per band, from {@code vOff}
     * @param revisedN Σ W_i·F(x_i, t_n, B) per band, from {@code vOff}
     * @param date the coarse image at t_p and its window sums
     * @param out the prediction, [band][pixel]
     */
    static void apply(BasePairs p, int ic, int[] cellIndex, float[] weights, int off, int n, float[] conversion,
            float[] revisedM, float[] revisedN, int vOff, PredictionDate date, float[][] out) {
        if (n == 0) {
            fallback(p, ic, date, out);
            return;
        }
        double wp = 0;
        for (int t = off; t < off + n; t++) {
            if (date.cellValid[cellIndex[t]]) {
                wp += weights[t];
            }
        }
        for (int b = 0; b < p.bands; b++) {
            float[] cp = date.coarse[b];
            float[] cm = p.coarseM[b];
            float[] cn = p.coarseN[b];
            double sm = 0;
            double sn = 0;
            for (int t = off; t < off + n; t++) {
                int cell = cellIndex[t];
                if (date.cellValid[cell]) {
                    double wt = weights[t];
                    double c0 = cp[cell];
                    sm += wt * (c0 - cm[cell]);
                    sn += wt * (c0 - cn[cell]);
                }
            }
            float[] rm = revisedM;
            float[] rn = revisedN;
            combine(p, ic, b, date, sm / wp, sn / wp, conversion[vOff + b], rm == null ? 0 : rm[vOff + b],
                    rn == null ? 0 : rn[vOff + b], out);
        }
    }

    /** The temporal weight T_m of band {@code b} at pixel {@code ic} (B eq. 3, with window means). */
    private static double temporalWeightM(double dm, double dn) {
        double am = Math.abs(dm) + TEMPORAL_EPSILON;
        double an = Math.abs(dn) + TEMPORAL_EPSILON;
        return an / (am + an);
    }

    /**
     * Eq. 1–2 for band {@code b}: F = T_m·(F(t_m) + V·ΔC_m) + T_n·(F(t_n) + V·ΔC_n), with ΔC_k the
     * weighted mean coarse change of the similar pixels; a result outside the valid range is
     * replaced by T_m·Σ W_i·F(x_i, t_m) + T_n·Σ W_i·F(x_i, t_n) (Zhu's reference code).
     */
    private static void combine(BasePairs p, int ic, int b, PredictionDate date, double changeM, double changeN,
            double v, double revisedM, double revisedN, float[][] out) {
        int nb = p.bands;
        float count = date.sums[2 * nb][ic];
        double tm = temporalWeightM(date.sums[b][ic] / count, date.sums[nb + b][ic] / count);
        double tn = 1 - tm;
        double value = tm * (p.fineM[b][ic] + v * changeM) + tn * (p.fineN[b][ic] + v * changeN);
        if (value < p.parameters.minValue() || value > p.parameters.maxValue()) {
            value = tm * revisedM + tn * revisedN;
        }
        out[b][ic] = (float) value;
    }

    /**
     * Too few similar pixels (Zhu's reference code): F = T_m·(F(t_m) + ΔC̄_m) + T_n·(F(t_n) + ΔC̄_n),
     * with ΔC̄_k the mean coarse change over the valid pixels of the window.
     */
    private static void fallback(BasePairs p, int ic, PredictionDate date, float[][] out) {
        int nb = p.bands;
        float count = date.sums[2 * nb][ic];
        for (int b = 0; b < nb; b++) {
            double dm = date.sums[b][ic] / count;
            double dn = date.sums[nb + b][ic] / count;
            double tm = temporalWeightM(dm, dn);
            out[b][ic] = (float) (tm * (p.fineM[b][ic] + dm) + (1 - tm) * (p.fineN[b][ic] + dn));
        }
    }
}
