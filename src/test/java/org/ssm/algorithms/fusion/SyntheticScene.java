package org.ssm.algorithms.fusion;

import java.util.SplittableRandom;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;

/**
 * A seeded synthetic fusion scene: land-cover patches (Voronoi cells of random seeds, one of
 * {@code classes} classes each) with a per-class value for every band and date, a smooth texture
 * constant in time, and pixel noise; coarse images are the means of the fine image over coarse
 * cells, seen by a sensor with a gain and an offset. Values are rounded to 1/64.
 */
final class SyntheticScene {

    final GridGeometry fine;
    final GridGeometry coarse;
    final int bands;
    final int factor;
    /** Fine images at the three dates (t_m, t_p, t_n), [date][band][pixel]. */
    final float[][][] fineImages;
    /** Coarse images at the three dates on the coarse grid, [date][band][cell]. */
    final float[][][] coarseImages;

    /**
     * @param width fine columns (a multiple of {@code factor})
     * @param height fine rows (a multiple of {@code factor})
     * @param factor fine pixels per coarse cell side
     * @param patchSize typical patch side in fine pixels
     * @param noise standard deviation of the fine pixel noise
     * @param gain coarse = (fine − offset) / gain
     * @param offset see {@code gain}
     */
    SyntheticScene(int width, int height, int bands, int factor, int classes, int patchSize, double noise,
            double gain, double offset, long seed) {
        this.fine = new GridGeometry("EPSG:32633", 500_000, 5_300_000, 30, 30, width, height);
        this.coarse = fine.coarsen(factor);
        this.bands = bands;
        this.factor = factor;
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = width * height;
        int seeds = Math.max(classes, n / (patchSize * patchSize));
        int[] sx = new int[seeds];
        int[] sy = new int[seeds];
        int[] sc = new int[seeds];
        for (int s = 0; s < seeds; s++) {
            sx[s] = rnd.nextInt(width);
            sy[s] = rnd.nextInt(height);
            sc[s] = s < classes ? s : rnd.nextInt(classes);
        }
        int[] cls = voronoi(width, height, patchSize, sx, sy, sc);
        // Per class, band and date: a level and changes between dates.
        double[][][] level = new double[3][classes][bands];
        for (int k = 0; k < classes; k++) {
            for (int b = 0; b < bands; b++) {
                double base = 100 + 40 * k + 10 * rnd.nextDouble() + 15 * b;
                double change = -8 + 16 * rnd.nextDouble();
                level[0][k][b] = base;
                level[1][k][b] = base + change * (0.3 + 0.4 * rnd.nextDouble());
                level[2][k][b] = base + change;
            }
        }
        float[] texture = smooth(width, height, rnd, Math.max(2, patchSize / 4));
        fineImages = new float[3][bands][n];
        for (int d = 0; d < 3; d++) {
            for (int b = 0; b < bands; b++) {
                float[] f = fineImages[d][b];
                for (int i = 0; i < n; i++) {
                    double v = level[d][cls[i]][b] + 3 * texture[i] + noise * rnd.nextGaussian();
                    f[i] = (float) (Math.rint(v * 64) / 64);
                }
            }
        }
        coarseImages = new float[3][bands][coarse.size()];
        for (int d = 0; d < 3; d++) {
            for (int b = 0; b < bands; b++) {
                double[] sum = new double[coarse.size()];
                for (int r = 0; r < height; r++) {
                    for (int c = 0; c < width; c++) {
                        sum[(r / factor) * coarse.width() + c / factor] += fineImages[d][b][r * width + c];
                    }
                }
                for (int cell = 0; cell < sum.length; cell++) {
                    double mean = sum[cell] / (factor * factor);
                    coarseImages[d][b][cell] = (float) (Math.rint((mean - offset) / gain * 64) / 64);
                }
            }
        }
    }

    private static int[] voronoi(int width, int height, int patch, int[] sx, int[] sy, int[] sc) {
        // Bucket the seeds on a grid of patch-sized cells so that the nearest seed is found locally.
        int gw = (width + patch - 1) / patch;
        int gh = (height + patch - 1) / patch;
        java.util.List<java.util.List<Integer>> buckets = new java.util.ArrayList<>();
        for (int i = 0; i < gw * gh; i++) {
            buckets.add(new java.util.ArrayList<>());
        }
        for (int s = 0; s < sx.length; s++) {
            buckets.get((sy[s] / patch) * gw + sx[s] / patch).add(s);
        }
        int[] cls = new int[width * height];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int best = -1;
                long bestD = Long.MAX_VALUE;
                for (int radius = 1; best < 0 || radius <= 2; radius++) {
                    for (int by = r / patch - radius; by <= r / patch + radius; by++) {
                        for (int bx = c / patch - radius; bx <= c / patch + radius; bx++) {
                            if (bx < 0 || by < 0 || bx >= gw || by >= gh) {
                                continue;
                            }
                            for (int s : buckets.get(by * gw + bx)) {
                                long d = (long) (sx[s] - c) * (sx[s] - c) + (long) (sy[s] - r) * (sy[s] - r);
                                if (d < bestD) {
                                    bestD = d;
                                    best = s;
                                }
                            }
                        }
                    }
                    if (radius > Math.max(gw, gh)) {
                        break;
                    }
                }
                cls[r * width + c] = sc[best];
            }
        }
        return cls;
    }

    /** Unit-variance smooth noise: white noise under two box blurs of half-width {@code k}. */
    private static float[] smooth(int width, int height, SplittableRandom rnd, int k) {
        double[] v = new double[width * height];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian();
        }
        for (int pass = 0; pass < 2; pass++) {
            v = blur(v, width, height, k, true);
            v = blur(v, width, height, k, false);
        }
        double s = 0;
        double ss = 0;
        for (double x : v) {
            s += x;
            ss += x * x;
        }
        double mean = s / v.length;
        double sd = Math.sqrt(Math.max(1e-12, ss / v.length - mean * mean));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) ((v[i] - mean) / sd);
        }
        return out;
    }

    private static double[] blur(double[] in, int width, int height, int k, boolean horizontal) {
        double[] out = new double[in.length];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double s = 0;
                int n = 0;
                for (int d = -k; d <= k; d++) {
                    int rr = horizontal ? r : r + d;
                    int cc = horizontal ? c + d : c;
                    if (rr >= 0 && rr < height && cc >= 0 && cc < width) {
                        s += in[rr * width + cc];
                        n++;
                    }
                }
                out[r * width + c] = s / n;
            }
        }
        return out;
    }

    /** The fine image at date {@code d} (0 = t_m, 1 = t_p, 2 = t_n). */
    GridSeries fine(int d) {
        return GridSeries.undated(fine, fineImages[d]);
    }

    /** The coarse image at date {@code d} on the coarse grid. */
    GridSeries coarse(int d) {
        return GridSeries.undated(coarse, coarseImages[d]);
    }

    /** The coarse image at date {@code d} replicated onto the fine grid. */
    GridSeries coarseOnFine(int d) {
        return GridSeries.undated(fine, replicate(coarseImages[d]));
    }

    float[][] replicate(float[][] coarseBands) {
        float[][] out = new float[coarseBands.length][fine.size()];
        for (int b = 0; b < coarseBands.length; b++) {
            for (int r = 0; r < fine.height(); r++) {
                for (int c = 0; c < fine.width(); c++) {
                    out[b][r * fine.width() + c] = coarseBands[b][(r / factor) * coarse.width() + c / factor];
                }
            }
        }
        return out;
    }
}
