package org.ssm.algorithms.kriging;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Ordinary area-to-point kriging weights, paper E eq. 11: for a fine pixel v_j and its k coarse
 * neighbours v_1 … v_k,
 *
 * <pre>Σ_i λ_ij C̄(v_h, v_i) + μ(o_j) = C̄(v_h, v_j)  for h = 1 … k,   Σ_i λ_ij = 1,</pre>
 *
 * solved with its Lagrange multiplier μ by {@link DenseSolver}.
 *
 * <p><b>Cache.</b> On a regular grid all coarse pixels have the same size, so the system depends
 * only on the relative geometry: the fine pixel's offset inside its coarse pixel and the coarse
 * neighbours' offsets from that pixel. Interior fine pixels with the same offset therefore share
 * their weights, and there are only f² distinct interior systems for a nesting factor f (plus a few
 * per distinct edge, corner or gap pattern), however many fine pixels there are. Weights are cached
 * under that key, which turns the cost per fine pixel into a hash look-up and a k-term dot product.
 */
public final class KrigingWeights {

    /** Weights λ (in the order of the neighbour offsets) and the Lagrange multiplier μ. */
    public record Weights(double[] lambda, double mu) {

        /** Σ λ, which eq. 11 constrains to 1. */
        public double sum() {
            double s = 0;
            for (double l : lambda) {
                s += l;
            }
            return s;
        }
    }

    private record Key(int fineCol, int fineRow, int[] offsets) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && fineCol == other.fineCol && fineRow == other.fineRow
                    && Arrays.equals(offsets, other.offsets);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * fineCol + fineRow) + Arrays.hashCode(offsets);
        }
    }

    private final SupportCovariances covariances;
    private final Map<Key, Weights> cache = new HashMap<>();

    /**
     * @param point the point variogram (only its shape matters; see {@link PointVariogram#unitSill()})
     * @param coarseWidth coarse cell width
     * @param coarseHeight coarse cell height
     * @param s discretisation points per coarse cell side
     * @param fineWidth fine cell width
     * @param fineHeight fine cell height
     * @param t discretisation points per fine cell side
     */
    public KrigingWeights(PointVariogram point, double coarseWidth, double coarseHeight, int s,
            double fineWidth, double fineHeight, int t) {
        this.covariances = new SupportCovariances(point.unitSill(), coarseWidth, coarseHeight, s, fineWidth,
                fineHeight, t);
    }

    /**
     * The weights of the coarse pixels at {@code offsets} = {dCol0, dRow0, dCol1, dRow1, …} (relative to
     * the coarse pixel containing the fine pixel) for the fine pixel at fine offset {@code (fineCol,
     * fineRow)} inside it; cached by that geometry.
     */
    public Weights weights(int fineCol, int fineRow, int[] offsets) {
        Key key = new Key(fineCol, fineRow, offsets);
        Weights w = cache.get(key);
        if (w == null) {
            w = solve(fineCol, fineRow, offsets);
            cache.put(new Key(fineCol, fineRow, offsets.clone()), w);
        }
        return w;
    }

    /** Number of distinct systems solved so far. */
    public int systemsSolved() {
        return cache.size();
    }

    private Weights solve(int fineCol, int fineRow, int[] offsets) {
        int k = offsets.length / 2;
        int n = k + 1;
        double[] a = new double[n * n];
        double[] b = new double[n];
        for (int h = 0; h < k; h++) {
            for (int i = 0; i < k; i++) {
                a[h * n + i] = covariances.blockToBlock(offsets[2 * h] - offsets[2 * i],
                        offsets[2 * h + 1] - offsets[2 * i + 1]);
            }
            a[h * n + k] = 1;
            a[k * n + h] = 1;
            b[h] = covariances.blockToFine(offsets[2 * h], offsets[2 * h + 1], fineCol, fineRow);
        }
        b[k] = 1;
        double[] x = DenseSolver.solve(a, b, n);
        return new Weights(Arrays.copyOf(x, k), x[k]);
    }
}
