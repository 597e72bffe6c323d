package org.ssm.algorithms.fusion;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.FDistribution;

/**
 * A literal, per-pixel transcription of ESTARFM (Zhu et al. 2010; paper B eq. 1–3) with every coarse
 * image already on the fine grid: for each centre it scans the whole window, recomputes R_i, D_i and
 * the regression from the pixels, and takes the significance from Commons Math's F distribution. It
 * shares no code with {@link Estarfm} and serves as the reference of the tests and as the naive
 * baseline of the benchmark.
 */
final class NaiveEstarfm {

    private final EstarfmParameters p;
    private final int width;
    private final int height;
    private final int nb;
    private final float[][] fm;
    private final float[][] cm;
    private final float[][] fn;
    private final float[][] cn;
    private final boolean[] baseValid;
    private final double[][] threshold;

    /** Images are [band][pixel] on one grid of {@code width} × {@code height}. */
    NaiveEstarfm(EstarfmParameters p, int width, int height, float[][] fm, float[][] cm, float[][] fn, float[][] cn) {
        this.p = p;
        this.width = width;
        this.height = height;
        this.nb = fm.length;
        this.fm = fm;
        this.cm = cm;
        this.fn = fn;
        this.cn = cn;
        int n = width * height;
        baseValid = new boolean[n];
        for (int i = 0; i < n; i++) {
            boolean ok = true;
            for (int b = 0; b < nb; b++) {
                ok &= p.valid(fm[b][i]) && p.valid(fn[b][i]) && p.valid(cm[b][i]) && p.valid(cn[b][i]);
            }
            baseValid[i] = ok;
        }
        threshold = new double[2][nb];
        for (int k = 0; k < 2; k++) {
            for (int b = 0; b < nb; b++) {
                float[] f = k == 0 ? fm[b] : fn[b];
                double s = 0;
                int count = 0;
                for (int i = 0; i < n; i++) {
                    if (baseValid[i]) {
                        s += f[i];
                        count++;
                    }
                }
                double mean = s / count;
                double ss = 0;
                for (int i = 0; i < n; i++) {
                    if (baseValid[i]) {
                        ss += (f[i] - mean) * (f[i] - mean);
                    }
                }
                threshold[k][b] = 2 * Math.sqrt(ss / (count - 1)) / p.classes();
            }
        }
    }

    double threshold(int pair, int band) {
        return threshold[pair][band];
    }

    private boolean valid(float[][] cp, int i) {
        if (!baseValid[i]) {
            return false;
        }
        for (int b = 0; b < nb; b++) {
            if (!p.valid(cp[b][i])) {
                return false;
            }
        }
        return true;
    }

    private double correlation(int i) {
        double rho;
        if (nb == 1) {
            rho = 1 - 0.5 * (Math.abs((fm[0][i] - (double) cm[0][i]) / (fm[0][i] + (double) cm[0][i]))
                    + Math.abs((fn[0][i] - (double) cn[0][i]) / (fn[0][i] + (double) cn[0][i])));
            return rho >= -1 && rho <= 1 ? rho : 0.5;
        }
        double[] x = new double[2 * nb];
        double[] y = new double[2 * nb];
        for (int b = 0; b < nb; b++) {
            x[b] = fm[b][i];
            x[nb + b] = fn[b][i];
            y[b] = cm[b][i];
            y[nb + b] = cn[b][i];
        }
        double mx = 0;
        double my = 0;
        for (int k = 0; k < x.length; k++) {
            mx += x[k] / x.length;
            my += y[k] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int k = 0; k < x.length; k++) {
            sxy += (x[k] - mx) * (y[k] - my);
            sxx += (x[k] - mx) * (x[k] - mx);
            syy += (y[k] - my) * (y[k] - my);
        }
        rho = sxy / Math.sqrt(sxx * syy);
        return Double.isNaN(rho) ? 0.5 : Math.max(-1, Math.min(1, rho));
    }

    private double conversion(int b, List<Integer> similar) {
        if (!p.regression()) {
            return 1;
        }
        int n = 2 * similar.size();
        double meanM = 0;
        double meanN = 0;
        for (int i : similar) {
            meanM += cm[b][i];
            meanN += cn[b][i];
        }
        double change = Math.abs(meanM - meanN) / similar.size();
        if (p.hasFiniteRange() && change < 0.02 * (p.maxValue() - p.minValue())) {
            return 1;
        }
        double mx = 0;
        double my = 0;
        for (int i : similar) {
            mx += ((double) cm[b][i] + cn[b][i]) / n;
            my += ((double) fm[b][i] + fn[b][i]) / n;
        }
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i : similar) {
            for (int k = 0; k < 2; k++) {
                double x = (k == 0 ? cm[b][i] : cn[b][i]) - mx;
                double y = (k == 0 ? fm[b][i] : fn[b][i]) - my;
                sxx += x * x;
                sxy += x * y;
                syy += y * y;
            }
        }
        if (sxx <= 0) {
            return 1;
        }
        double slope = sxy / sxx;
        double sse = syy - slope * sxy;
        double pValue = sse <= 1e-12 * Math.max(1, syy) ? 0
                : 1 - new FDistribution(null, 1, n - 2).cumulativeProbability(slope * sxy / (sse / (n - 2)));
        return pValue <= 0.05 && slope > 0 && slope <= 5 ? slope : 1;
    }

    /** The prediction from {@code cp} ([band][pixel]) for rows [r0, r1); other rows are left NaN. */
    float[][] predict(float[][] cp, int r0, int r1) {
        int h = p.radius();
        float[][] out = new float[nb][width * height];
        for (float[] band : out) {
            java.util.Arrays.fill(band, Float.NaN);
        }
        for (int r = r0; r < r1; r++) {
            for (int c = 0; c < width; c++) {
                int ic = r * width + c;
                if (!valid(cp, ic)) {
                    continue;
                }
                List<Integer> similar = new ArrayList<>();
                List<Integer> window = new ArrayList<>();
                for (int y = Math.max(0, r - h); y <= Math.min(height - 1, r + h); y++) {
                    for (int x = Math.max(0, c - h); x <= Math.min(width - 1, c + h); x++) {
                        int i = y * width + x;
                        if (valid(cp, i)) {
                            window.add(i);
                        }
                        if (!baseValid[i]) {
                            continue;
                        }
                        boolean ok = true;
                        for (int b = 0; b < nb; b++) {
                            ok &= Math.abs(fm[b][i] - (double) fm[b][ic]) <= threshold[0][b]
                                    && Math.abs(fn[b][i] - (double) fn[b][ic]) <= threshold[1][b];
                        }
                        if (ok) {
                            similar.add(i);
                        }
                    }
                }
                for (int b = 0; b < nb; b++) {
                    double dm = 0;
                    double dn = 0;
                    for (int i : window) {
                        dm += (double) cp[b][i] - cm[b][i];
                        dn += (double) cp[b][i] - cn[b][i];
                    }
                    dm /= window.size();
                    dn /= window.size();
                    double tm = (1 / (Math.abs(dm) + 1e-10)) / (1 / (Math.abs(dm) + 1e-10) + 1 / (Math.abs(dn) + 1e-10));
                    double tn = 1 - tm;
                    double value;
                    if (similar.size() < 6) {
                        value = tm * (fm[b][ic] + dm) + tn * (fn[b][ic] + dn);
                    } else {
                        double[] weight = new double[similar.size()];
                        double total = 0;
                        for (int s = 0; s < weight.length; s++) {
                            int i = similar.get(s);
                            int dx = i % width - c;
                            int dy = i / width - r;
                            double d = 1 + Math.sqrt(dx * dx + dy * dy) / (p.window() / 2.0);
                            weight[s] = 1 / ((1 - correlation(i) + 1e-7) * d);
                            total += weight[s];
                        }
                        double v = conversion(b, similar);
                        double wp = 0;
                        double sm = 0;
                        double sn = 0;
                        double rm = 0;
                        double rn = 0;
                        for (int s = 0; s < weight.length; s++) {
                            int i = similar.get(s);
                            double wt = weight[s] / total;
                            rm += wt * fm[b][i];
                            rn += wt * fn[b][i];
                            if (valid(cp, i)) {
                                wp += wt;
                                sm += wt * ((double) cp[b][i] - cm[b][i]);
                                sn += wt * ((double) cp[b][i] - cn[b][i]);
                            }
                        }
                        value = tm * (fm[b][ic] + v * sm / wp) + tn * (fn[b][ic] + v * sn / wp);
                        if (value < p.minValue() || value > p.maxValue()) {
                            value = tm * rm + tn * rn;
                        }
                    }
                    out[b][ic] = (float) value;
                }
            }
        }
        return out;
    }
}
