package org.ssm.algorithms.fusion;

import java.util.stream.IntStream;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridChecks;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;

/**
 * The two base pairs of {@link Estarfm} (Zhu et al. 2010; paper B §3.3), checked and prepared once
 * for any number of prediction dates: everything here depends on the base dates t_m and t_n only.
 *
 * <p>Per fine pixel it holds whether the pixel is valid in all four base images, its features
 * F(t_k, B) scaled by the similarity thresholds (for the vectorisable similar-pixel test), and the
 * factor 1/(1 − R_i + ε) of its weight, where R_i is the spectral correlation of Zhu et al. (2010).
 * Computing these once per pixel, instead of once per window that contains the pixel (w² times),
 * is the first use of the overlap between neighbouring windows. The coarse images stay at the
 * coarse resolution; fine pixels find their coarse cell through a column and a row map.
 */
public final class BasePairs {

    /** The ε of the combined distance D = (1 − R + ε)·d, as in Zhu's reference code (1e-7). */
    static final double EPSILON = 1e-7;

    final EstarfmParameters parameters;
    final GridGeometry fine;
    final GridGeometry coarse;
    final int factor;
    final int width;
    final int height;
    final int bands;
    final int features;
    final int coarseWidth;
    final int coarseHeight;
    /** Coarse column of each fine column, clamped to the coarse grid. */
    final int[] colCell;
    /** Coarse row of each fine row, clamped to the coarse grid. */
    final int[] rowCell;
    /** Fine images at t_m and t_n, [band][pixel]; owned by the caller's series. */
    final float[][] fineM;
    final float[][] fineN;
    /** Coarse images at t_m and t_n, [band][coarse cell]. */
    final float[][] coarseM;
    final float[][] coarseN;
    /** Valid in all bands of the four base images and inside the coarse grid. */
    final boolean[] valid;
    /** (F(t_k, B) − mean) / threshold(t_k, B) for the 2·bands features (t_m bands, then t_n bands); NaN where invalid. */
    final float[][] scaled;
    /** Similarity threshold 2σ/m of each feature. */
    final double[] threshold;
    /** Per band, the mean of the valid fine values at both base dates: values are centred on it in sums. */
    final double[] offset;
    /** 1 / (1 − R_i + ε) per pixel. */
    final float[] weightFactor;
    /** 1 / d for each offset in the window, d = 1 + distance / (w / 2). */
    final float[] distanceFactor;
    /** Largest number of coarse cells a window touches (rows × columns). */
    final int footprintRows;
    final int footprintCols;
    /** Σ over all windows of the coarse cells each touches: a bound of the kept cell weights. */
    final long footprintTotal;
    final int validCount;

    private BasePairs(EstarfmParameters parameters, GridSeries fm, GridSeries cm, GridSeries fn, GridSeries cn) {
        this.parameters = parameters;
        this.fine = fm.geometry();
        this.coarse = cm.geometry();
        this.width = fine.width();
        this.height = fine.height();
        this.bands = fm.size();
        this.features = 2 * bands;
        this.coarseWidth = coarse.width();
        this.coarseHeight = coarse.height();
        this.factor = fine.nestingFactor(coarse);
        this.fineM = bandsOf(fm);
        this.fineN = bandsOf(fn);
        this.coarseM = bandsOf(cm);
        this.coarseN = bandsOf(cn);

        colCell = new int[width];
        rowCell = new int[height];
        boolean[] colInside = new boolean[width];
        boolean[] rowInside = new boolean[height];
        for (int c = 0; c < width; c++) {
            double cc = coarse.colOf(fine.centerX(c));
            colInside[c] = cc >= 0 && cc < coarseWidth;
            colCell[c] = (int) Math.max(0, Math.min(coarseWidth - 1, Math.floor(cc)));
        }
        for (int r = 0; r < height; r++) {
            double rr = coarse.rowOf(fine.centerY(r));
            rowInside[r] = rr >= 0 && rr < coarseHeight;
            rowCell[r] = (int) Math.max(0, Math.min(coarseHeight - 1, Math.floor(rr)));
        }

        int n = fine.size();
        valid = new boolean[n];
        int count = 0;
        for (int r = 0; r < height; r++) {
            int cellRow = rowCell[r] * coarseWidth;
            for (int c = 0; c < width; c++) {
                int i = r * width + c;
                boolean ok = rowInside[r] && colInside[c];
                int cell = cellRow + colCell[c];
                for (int b = 0; b < bands && ok; b++) {
                    ok = parameters.valid(fineM[b][i]) && parameters.valid(fineN[b][i])
                            && parameters.valid(coarseM[b][cell]) && parameters.valid(coarseN[b][cell]);
                }
                valid[i] = ok;
                if (ok) {
                    count++;
                }
            }
        }
        validCount = count;
        if (count == 0) {
            throw ParameterException.because("fineM", "no pixel is valid in every band of fineM, coarseM, fineN and"
                    + " coarseN" + (parameters.hasRange() ? " within [" + parameters.minValue() + ", "
                    + parameters.maxValue() + "]" : ""));
        }

        // Similarity thresholds 2σ/m over the valid pixels (Zhu et al. 2010), and the scaled features.
        threshold = new double[features];
        offset = new double[bands];
        scaled = new float[features][];
        for (int k = 0; k < features; k++) {
            float[] f = k < bands ? fineM[k] : fineN[k - bands];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if (valid[i]) {
                    sum += f[i];
                }
            }
            double mean = sum / count;
            offset[k % bands] += mean / 2;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                if (valid[i]) {
                    double d = f[i] - mean;
                    ss += d * d;
                }
            }
            double sigma = count > 1 ? Math.sqrt(ss / (count - 1)) : 0;
            threshold[k] = 2 * sigma / parameters.classes();
            double scale = threshold[k] > 0 ? 1 / threshold[k] : 0;
            float[] s = new float[n];
            for (int i = 0; i < n; i++) {
                s[i] = valid[i] ? (float) ((f[i] - mean) * scale) : Float.NaN;
            }
            scaled[k] = s;
        }

        weightFactor = new float[n];
        IntStream.range(0, height).parallel().forEach(this::computeWeightFactors);

        int w = parameters.window();
        int h = parameters.radius();
        double half = w / 2.0;
        distanceFactor = new float[w * w];
        for (int dy = -h; dy <= h; dy++) {
            for (int dx = -h; dx <= h; dx++) {
                distanceFactor[(dy + h) * w + dx + h] = (float) (1 / (1 + Math.sqrt(dx * dx + dy * dy) / half));
            }
        }
        int maxCols = 1;
        long sumCols = 0;
        for (int c = 0; c < width; c++) {
            int cols = colCell[Math.min(width - 1, c + h)] - colCell[Math.max(0, c - h)] + 1;
            maxCols = Math.max(maxCols, cols);
            sumCols += cols;
        }
        int maxRows = 1;
        long sumRows = 0;
        for (int r = 0; r < height; r++) {
            int rows = rowCell[Math.min(height - 1, r + h)] - rowCell[Math.max(0, r - h)] + 1;
            maxRows = Math.max(maxRows, rows);
            sumRows += rows;
        }
        footprintCols = maxCols;
        footprintRows = maxRows;
        footprintTotal = sumCols * sumRows;
    }

    /**
     * Checks and prepares the base pairs.
     *
     * @param parameters the ESTARFM options
     * @param fineM fine image at t_m, nb bands
     * @param coarseM coarse image at t_m, nb bands, on a grid nested in (or equal to) the fine grid
     * @param fineN fine image at t_n, on the grid of {@code fineM}
     * @param coarseN coarse image at t_n, on the grid of {@code coarseM}
     */
    public static BasePairs of(EstarfmParameters parameters, GridSeries fineM, GridSeries coarseM, GridSeries fineN,
            GridSeries coarseN) {
        if (parameters == null) {
            throw ParameterException.missing("parameters", "ESTARFM parameters");
        }
        require("fineM", fineM);
        require("coarseM", coarseM);
        require("fineN", fineN);
        require("coarseN", coarseN);
        GridChecks.requireSameGrid("fineN", fineN.geometry(), "fineM", fineM.geometry());
        GridChecks.requireSameGrid("coarseN", coarseN.geometry(), "coarseM", coarseM.geometry());
        GridChecks.requireNested("coarseM", coarseM.geometry(), fineM.geometry());
        int nb = fineM.size();
        requireBands("fineN", fineN, nb);
        requireBands("coarseM", coarseM, nb);
        requireBands("coarseN", coarseN, nb);
        GridChecks.requireData("fineM", fineM);
        GridChecks.requireData("coarseM", coarseM);
        GridChecks.requireData("fineN", fineN);
        GridChecks.requireData("coarseN", coarseN);
        return new BasePairs(parameters, fineM, coarseM, fineN, coarseN);
    }

    private static void require(String name, GridSeries s) {
        if (s == null) {
            throw ParameterException.missing(name, "a coverage (GeoTIFF)");
        }
    }

    private static void requireBands(String name, GridSeries s, int nb) {
        if (s.size() != nb) {
            throw ParameterException.because(name, "it has " + s.size() + " band(s); expected the " + nb
                    + " band(s) of fineM");
        }
    }

    private static float[][] bandsOf(GridSeries s) {
        float[][] out = new float[s.size()][];
        for (int b = 0; b < out.length; b++) {
            out[b] = s.band(b);
        }
        return out;
    }

    /**
     * R_i of Zhu et al. (2010): the correlation between the fine and the coarse values of the pixel
     * over all bands at both base dates. With one band these are two values, whose correlation is ±1
     * or undefined; Zhu's reference code then uses 1 − (|ΔF_m / ΣF_m| + |ΔF_n / ΣF_n|) / 2 with
     * ΔF = F − C and ΣF = F + C, which is done here too. An undefined or out-of-range R is 0.5, as there.
     */
    private void computeWeightFactors(int r) {
        int cellRow = rowCell[r] * coarseWidth;
        for (int c = 0; c < width; c++) {
            int i = r * width + c;
            if (!valid[i]) {
                continue;
            }
            int cell = cellRow + colCell[c];
            double rho;
            if (bands == 1) {
                double fm = fineM[0][i];
                double fn = fineN[0][i];
                double cm = coarseM[0][cell];
                double cn = coarseN[0][cell];
                rho = 1 - 0.5 * (Math.abs((fm - cm) / (fm + cm)) + Math.abs((fn - cn) / (fn + cn)));
                if (!(rho >= -1 && rho <= 1)) {
                    rho = 0.5;
                }
            } else {
                double sf = 0;
                double sc = 0;
                for (int b = 0; b < bands; b++) {
                    sf += (double) fineM[b][i] + fineN[b][i];
                    sc += (double) coarseM[b][cell] + coarseN[b][cell];
                }
                double mf = sf / features;
                double mc = sc / features;
                double sff = 0;
                double scc = 0;
                double sfc = 0;
                for (int b = 0; b < bands; b++) {
                    double f1 = fineM[b][i] - mf;
                    double f2 = fineN[b][i] - mf;
                    double c1 = coarseM[b][cell] - mc;
                    double c2 = coarseN[b][cell] - mc;
                    sff += f1 * f1 + f2 * f2;
                    scc += c1 * c1 + c2 * c2;
                    sfc += f1 * c1 + f2 * c2;
                }
                rho = sfc / Math.sqrt(sff * scc);
                if (Double.isNaN(rho)) {
                    rho = 0.5;
                }
                rho = Math.max(-1, Math.min(1, rho));
            }
            weightFactor[i] = (float) (1 / (1 - rho + EPSILON));
        }
    }

    /** The fine grid (also the grid of the predictions). */
    public GridGeometry fineGrid() {
        return fine;
    }

    /** The coarse grid, on which every coarse image (coarseM, coarseN, coarseP) must lie. */
    public GridGeometry coarseGrid() {
        return coarse;
    }

    /** Number of spectral bands nb. */
    public int bands() {
        return bands;
    }

    /** Fine pixels per coarse cell side (1 when the coarse images are on the fine grid). */
    public int nestingFactor() {
        return factor;
    }

    /** The parameters these pairs were prepared with. */
    public EstarfmParameters parameters() {
        return parameters;
    }

    /** The similarity threshold 2σ/m of band {@code band} of the fine image at t_m ({@code pair} 0) or t_n (1). */
    public double threshold(int pair, int band) {
        return threshold[pair * bands + band];
    }

    /** Number of fine pixels valid in all four base images. */
    public int validPixels() {
        return validCount;
    }

    /** Most coarse cells one window touches. */
    int footprint() {
        return footprintRows * footprintCols;
    }
}
