package org.ssm.scenario;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Spatially correlated random fields: white noise smoothed by a Gaussian, approximated by three
 * box blurs per axis (each pass O(n) whatever the width), then standardised.
 */
final class NoiseFields {

    private NoiseFields() {}

    /** A field with zero mean, unit variance and Gaussian correlation of scale {@code sigmaCells}. */
    static float[] smooth(SplittableRandom rng, int width, int height, double sigmaCells) {
        float[] a = new float[width * height];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rng.nextGaussian();
        }
        blur(a, width, height, sigmaCells);
        standardize(a);
        return a;
    }

    /**
     * A standardised sum of smooth fields whose scales halve from {@code largestSigma} and whose
     * amplitudes fall by {@code persistence} per octave: terrain-like, with detail at every scale.
     */
    static float[] fractal(SplittableRandom rng, int width, int height, double largestSigma, int octaves,
            double persistence) {
        float[] sum = new float[width * height];
        double sigma = largestSigma;
        double amplitude = 1;
        for (int o = 0; o < octaves; o++) {
            float[] layer = smooth(rng, width, height, sigma);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += (float) (amplitude * layer[i]);
            }
            sigma /= 2;
            amplitude *= persistence;
        }
        standardize(sum);
        return sum;
    }

    /** Gaussian blur of standard deviation {@code sigma} cells, in place, with edges extended. */
    static void blur(float[] a, int width, int height, double sigma) {
        // Three passes of a box of width w have variance 3 (w² - 1) / 12 = sigma².
        int radius = (int) Math.round((Math.sqrt(4 * sigma * sigma + 1) - 1) / 2);
        if (radius < 1) {
            return;
        }
        double[] line = new double[Math.max(width, height)];
        double[] out = new double[line.length];
        for (int pass = 0; pass < 3; pass++) {
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    line[c] = a[r * width + c];
                }
                box(line, out, width, radius);
                for (int c = 0; c < width; c++) {
                    a[r * width + c] = (float) out[c];
                }
            }
            for (int c = 0; c < width; c++) {
                for (int r = 0; r < height; r++) {
                    line[r] = a[r * width + c];
                }
                box(line, out, height, radius);
                for (int r = 0; r < height; r++) {
                    a[r * width + c] = (float) out[r];
                }
            }
        }
    }

    /** Running mean over {@code 2 radius + 1} values, repeating the end values beyond the edges. */
    private static void box(double[] in, double[] out, int n, int radius) {
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            sum += in[clamp(k, n)];
        }
        double norm = 1.0 / (2 * radius + 1);
        for (int i = 0; i < n; i++) {
            out[i] = sum * norm;
            sum += in[clamp(i + radius + 1, n)] - in[clamp(i - radius, n)];
        }
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : i >= n ? n - 1 : i;
    }

    /** Shifts and scales {@code a} in place to zero mean and unit variance (a constant field becomes 0). */
    static void standardize(float[] a) {
        double sum = 0;
        double sum2 = 0;
        for (float v : a) {
            sum += v;
            sum2 += (double) v * v;
        }
        double mean = sum / a.length;
        double var = Math.max(0, sum2 / a.length - mean * mean);
        double scale = var > 0 ? 1 / Math.sqrt(var) : 0;
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) ((a[i] - mean) * scale);
        }
    }

    /** The {@code q}-quantile (q in [0, 1]) of finite values, by the nearest-rank rule. */
    static float quantile(float[] a, double q) {
        return quantiles(a, q)[0];
    }

    /** Several quantiles of finite values at the cost of one sort. */
    static float[] quantiles(float[] a, double... qs) {
        float[] sorted = a.clone();
        Arrays.sort(sorted);
        float[] result = new float[qs.length];
        for (int k = 0; k < qs.length; k++) {
            int rank = (int) Math.min(sorted.length - 1, Math.max(0, Math.round(qs[k] * (sorted.length - 1))));
            result[k] = sorted[rank];
        }
        return result;
    }
}
