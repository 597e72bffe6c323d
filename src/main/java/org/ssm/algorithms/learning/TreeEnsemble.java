package org.ssm.algorithms.learning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.ssm.algorithms.model.Models;
import org.ssm.algorithms.model.Normalization;
import org.ssm.algorithms.model.Regressor;

/**
 * An ensemble of binary regression trees on flat arrays: the fitted form of the random forest
 * (Breiman 2001, paper B §3.4's RF comparison) and of gradient-boosted trees (Friedman 2001, the
 * LightGBM-style GBDT of paper C).
 *
 * <p>The prediction is {@code (intercept + Σ_t leaf_t(x)) / (averaged ? trees : 1)}, where
 * {@code leaf_t(x)} is the value of the leaf of tree t that x reaches by going left when
 * {@code x[feature] <= threshold} and right otherwise. A forest is averaged with intercept 0; a
 * boosted model has the initial constant as intercept and leaf values already multiplied by the
 * shrinkage. Those are the operations, in that order, of Smile 2.6.0's own
 * {@code RandomForest.predict} and {@code GradientTreeBoost.predict}, so an exported Smile model
 * predicts bit for bit what Smile predicts.
 *
 * <p>Storage: the nodes of every tree in pre-order, tree after tree; a split node's left child is
 * the next node. In memory, a leaf is a node whose children are itself, so that rows can walk a
 * tree for its full depth without branching on the node kind (see {@code predictBlock}). Trees of
 * at most 32 leaves (boosted ones) are also laid out for QuickScorer's bit-mask evaluation
 * (Lucchese et al. 2015), which reaches the same leaf without walking. Blocks of rows run in
 * parallel; every row is computed by the same operations whatever block or thread holds it, so
 * results do not depend on the thread count.
 *
 * <p>The JSON form ({@code "type": "tree-ensemble"}) is validated when read, since model documents
 * may come from clients: children must lie after their parent inside the same tree (no cycles, no
 * jumps out of the tree), features within the input count, numbers finite.
 */
public final class TreeEnsemble implements Regressor {

    /** The model type in JSON documents. */
    public static final String TYPE = "tree-ensemble";

    /**
     * Rows predicted together: small enough that a block's predictors (64 KB) and a forest's tree
     * stay in L2, large enough that the masked splits' vector loops run long. Single-threaded CPU
     * per row against 256: −19 % for the benchmark's boosted model, −5 to −7 % for its forest
     * (512 and 2048 no better).
     */
    static final int BLOCK = 1024;

    static {
        Models.register(TYPE, TreeEnsemble::fromJson);
    }

    private final int inputs;
    private final double intercept;
    private final boolean averaged;
    private final int[] roots;
    private final int[] depths;
    /**
     * Two longs per node, so that a step of a walk reads one cache line: at 2k the raw bits of the
     * split threshold (of the value, for a leaf); at 2k+1 the split feature in the low 32 bits, then
     * the offset L of the left child (1 for a split, 0 for a leaf) in bit 32, and from bit 33 the
     * offset D = right − left of the right child from the left one (0 for a leaf). From node k a
     * row goes to k + L, plus D if it goes right, so a leaf keeps every row that reaches it and a
     * block can walk a tree for its full depth with arithmetic only (see {@code predictBlock}).
     */
    private final long[] nodes;
    /*
     * Trees of at most 32 leaves (a boosted model's, 31 by default) are also kept for QuickScorer's
     * evaluation (Lucchese et al. 2015, "QuickScorer: a fast algorithm to rank documents with
     * additive ensembles of regression trees", SIGIR): number the leaves of a tree left to right, one
     * bit each in an int; a split that a row passes to the right clears the bits of the leaves of its
     * left subtree, and the leaf the row reaches is then the lowest bit left set (every leaf to its
     * left lies in the left subtree of a split on its path that it passes to the right; no split it
     * passes to the right has it in its left subtree). Every split is tested, in any order, but the
     * tests are independent of each other, so a block of rows runs them as vector instructions
     * (see maskSplits) instead of walking dependent loads: 2.1 → 1.1 µs per row single-threaded
     * for the benchmark's boosted model. Trees of more leaves (a forest's) are walked on nodes.
     */
    /** Masked tree t: splits from firstSplit[t], leaves [firstLeaf[t], firstLeaf[t + 1]); a walked tree has none. */
    private final int[] firstSplit;
    private final int[] firstLeaf;
    private final double[] leafValue;
    /** Per masked split: its feature, the rank of its threshold among cuts[feature], and the bits it keeps. */
    private final int[] maskFeature;
    private final int[] maskRank;
    private final int[] maskKeeps;
    /**
     * The distinct thresholds of the masked splits on each feature, ascending. x > threshold is
     * decided exactly, as rank(x) > rank(threshold) with rank(x) = the number of cuts below x
     * (integers, which the JIT vectorises where it does not vectorise double comparisons).
     */
    private final double[][] cuts;

    /** Most leaves of a tree evaluated by masks: the bits of an int. */
    static final int MASKED_LEAVES = 32;

    private TreeEnsemble(int inputs, double intercept, boolean averaged, int[] roots, int[] splitFeature,
            double[] splitOrValue, int[] rightChild) {
        if (inputs < 1) {
            throw new IllegalArgumentException("a tree ensemble needs at least one input, not " + inputs);
        }
        if (roots.length == 0) {
            throw new IllegalArgumentException("a tree ensemble needs at least one tree");
        }
        if (!Double.isFinite(intercept)) {
            throw new IllegalArgumentException("the intercept must be finite, not " + intercept);
        }
        int n = splitFeature.length;
        if (splitOrValue.length != n || rightChild.length != n) {
            throw new IllegalArgumentException("node arrays of different lengths: " + n + ", " + splitOrValue.length
                    + ", " + rightChild.length);
        }
        this.inputs = inputs;
        this.intercept = intercept;
        this.averaged = averaged;
        this.roots = roots.clone();
        this.nodes = new long[2 * n];
        this.depths = new int[roots.length];
        for (int t = 0; t < roots.length; t++) {
            int start = roots[t];
            int end = t + 1 < roots.length ? roots[t + 1] : n;
            if (start < 0 || end <= start || end > n || t == 0 && start != 0) {
                throw new IllegalArgumentException("tree " + t + " has no nodes or overlaps another (nodes " + start
                        + " to " + end + " of " + n + ")");
            }
            depths[t] = layOut(t, start, end, splitFeature, splitOrValue, rightChild);
        }
        int trees = roots.length;
        firstSplit = new int[trees];
        firstLeaf = new int[trees + 1];
        int splits = 0;
        for (int t = 0; t < trees; t++) {
            int size = (t + 1 < trees ? roots[t + 1] : n) - roots[t];
            // A binary tree of `size` nodes has (size + 1) / 2 leaves and (size - 1) / 2 splits.
            boolean masked = (size + 1) / 2 <= MASKED_LEAVES;
            firstSplit[t] = splits;
            splits += masked ? (size - 1) / 2 : 0;
            firstLeaf[t + 1] = firstLeaf[t] + (masked ? (size + 1) / 2 : 0);
        }
        this.maskFeature = new int[splits];
        this.maskKeeps = new int[splits];
        this.leafValue = new double[firstLeaf[trees]];
        double[] threshold = new double[splits];
        for (int t = 0; t < trees; t++) {
            if (firstLeaf[t + 1] > firstLeaf[t]) {
                lay(roots[t], new int[] {firstSplit[t], firstLeaf[t]}, firstLeaf[t], threshold);
            }
        }
        this.cuts = new double[inputs][];
        for (int c = 0; c < inputs; c++) {
            int feature = c;
            cuts[c] = IntStream.range(0, splits).filter(s -> maskFeature[s] == feature)
                    .mapToDouble(s -> threshold[s]).sorted().distinct().toArray();
        }
        this.maskRank = new int[splits];
        for (int s = 0; s < splits; s++) {
            maskRank[s] = Arrays.binarySearch(cuts[maskFeature[s]], threshold[s]);
        }
    }

    /**
     * Lays out the subtree of node i for masks, leaves left to right, and returns its number of
     * leaves; next = {next split, next leaf}, first = the tree's first leaf.
     */
    private int lay(int i, int[] next, int first, double[] threshold) {
        long link = nodes[2 * i + 1];
        if (isLeaf(link)) {
            leafValue[next[1]++] = Double.longBitsToDouble(nodes[2 * i]);
            return 1;
        }
        int s = next[0]++;
        int from = next[1] - first;
        int left = lay(i + 1, next, first, threshold);
        maskFeature[s] = (int) link;
        threshold[s] = Double.longBitsToDouble(nodes[2 * i]);
        // A left subtree has at most 31 leaves: the right one has at least one.
        maskKeeps[s] = ~(((1 << left) - 1) << from);
        return left + lay(i + 1 + (int) (link >>> 33), next, first, threshold);
    }

    /** Checks tree {@code t} (nodes [start, end)), fills {@link #nodes} and returns its depth. */
    private int layOut(int t, int start, int end, int[] splitFeature, double[] splitOrValue, int[] rightChild) {
        int[] depth = new int[end - start];
        // Children come after their parent, so a backward pass sees them before it.
        for (int i = end - 1; i >= start; i--) {
            int f = splitFeature[i];
            double v = splitOrValue[i];
            if (f < 0) {
                if (f != -1 || !Double.isFinite(v)) {
                    throw new IllegalArgumentException("tree " + t + ", node " + (i - start)
                            + ": a leaf needs feature -1 and a finite value, not " + f + " and " + v);
                }
                nodes[2 * i] = Double.doubleToRawLongBits(v);
                nodes[2 * i + 1] = 0;
            } else {
                int r = rightChild[i];
                if (f >= inputs || !Double.isFinite(v) || i + 1 >= end || r <= i + 1 || r >= end) {
                    throw new IllegalArgumentException("tree " + t + ", node " + (i - start) + ": a split needs a"
                            + " feature in [0, " + inputs + "), a finite threshold and children after it in the same tree,"
                            + " not feature " + f + ", threshold " + v + ", right child " + r);
                }
                // -0.0 and 0.0 split alike (x <= t); +0.0 keeps the sign test of predictBlock exact.
                nodes[2 * i] = Double.doubleToRawLongBits(v == 0 ? 0.0 : v);
                nodes[2 * i + 1] = (long) (r - i - 1) << 33 | 1L << 32 | f;
                depth[i - start] = 1 + Math.max(depth[i + 1 - start], depth[r - start]);
            }
        }
        return depth[0];
    }

    private static boolean isLeaf(long link) {
        return (link & 1L << 32) == 0;
    }

    @Override
    public int inputs() {
        return inputs;
    }

    /** Number of trees. */
    public int trees() {
        return roots.length;
    }

    /** Number of nodes over all trees. */
    public int nodes() {
        return nodes.length / 2;
    }

    /** Depth (splits on the longest path from the root) of tree {@code t}. */
    public int depth(int t) {
        return depths[t];
    }

    @Override
    public double predict(double[] x) {
        for (int c = 0; c < inputs; c++) {
            if (Double.isNaN(x[c])) {
                return Double.NaN;
            }
        }
        double sum = intercept;
        for (int t = 0; t < roots.length; t++) {
            int k = roots[t];
            long link = nodes[2 * k + 1];
            while (!isLeaf(link)) {
                k = x[(int) link] <= Double.longBitsToDouble(nodes[2 * k]) ? k + 1 : k + 1 + (int) (link >>> 33);
                link = nodes[2 * k + 1];
            }
            sum += Double.longBitsToDouble(nodes[2 * k]);
        }
        return averaged ? sum / roots.length : sum;
    }

    @Override
    public void predict(double[] x, int rows, double[] out) {
        int blocks = (rows + BLOCK - 1) / BLOCK;
        if (blocks <= 1) {
            predictBlock(x, 0, rows, out);
        } else {
            IntStream.range(0, blocks).parallel()
                    .forEach(b -> predictBlock(x, b * BLOCK, Math.min(rows, (b + 1) * BLOCK), out));
        }
    }

    /**
     * Rows [from, to) of {@code x} into {@code out}, tree by tree, so that a tree's nodes stay in
     * cache while every row of the block evaluates it. A masked tree goes through
     * {@link #maskSplits}; the others are walked: eight rows at a time, their node indices in
     * registers, walk the tree for its full depth together: the eight walks are independent, so the
     * processor overlaps their loads instead of waiting for each node in turn (20 % less CPU than
     * one level of all the block's rows at a time with the indices in an array, for the forest of
     * the benchmark; the same for the shallow boosted trees).
     *
     * <p>A step has no branch: x ≤ t is read from the sign bit of t − x, which for non-NaN values
     * is 0 exactly when x ≤ t (IEEE subtraction gives ±0 only for equal operands, then +0 since t
     * is never −0, and keeps the sign of the exact difference otherwise, overflow included). A
     * data-dependent branch here would be mispredicted half the time. The sum for a row adds the
     * same leaf values in the same order as {@link #predict(double[])}, so the two agree bit for bit.
     */
    private void predictBlock(double[] x, int from, int to, double[] out) {
        int n = to - from;
        int p = inputs;
        long[] tree = nodes;
        double[] sum = new double[n];
        Arrays.fill(sum, intercept);
        int base = from * p;
        int groups = n & ~7;
        int[][] ranks = null;
        int[] reach = null;
        for (int t = 0; t < roots.length; t++) {
            int root = roots[t];
            int levels = depths[t];
            if (firstLeaf[t + 1] > firstLeaf[t]) {
                if (ranks == null) {
                    ranks = ranks(x, base, n);
                    reach = new int[n];
                }
                maskSplits(t, ranks, reach, n);
                int leaf = firstLeaf[t];
                for (int r = 0; r < n; r++) {
                    sum[r] += leafValue[leaf + Integer.numberOfTrailingZeros(reach[r])];
                }
                continue;
            }
            for (int r = 0; r < groups; r += 8) {
                int o = base + r * p;
                int k0 = root, k1 = root, k2 = root, k3 = root, k4 = root, k5 = root, k6 = root, k7 = root;
                for (int level = levels; level > 0; level--) {
                    k0 = step(tree, x, k0, o);
                    k1 = step(tree, x, k1, o + p);
                    k2 = step(tree, x, k2, o + 2 * p);
                    k3 = step(tree, x, k3, o + 3 * p);
                    k4 = step(tree, x, k4, o + 4 * p);
                    k5 = step(tree, x, k5, o + 5 * p);
                    k6 = step(tree, x, k6, o + 6 * p);
                    k7 = step(tree, x, k7, o + 7 * p);
                }
                sum[r] += Double.longBitsToDouble(tree[2 * k0]);
                sum[r + 1] += Double.longBitsToDouble(tree[2 * k1]);
                sum[r + 2] += Double.longBitsToDouble(tree[2 * k2]);
                sum[r + 3] += Double.longBitsToDouble(tree[2 * k3]);
                sum[r + 4] += Double.longBitsToDouble(tree[2 * k4]);
                sum[r + 5] += Double.longBitsToDouble(tree[2 * k5]);
                sum[r + 6] += Double.longBitsToDouble(tree[2 * k6]);
                sum[r + 7] += Double.longBitsToDouble(tree[2 * k7]);
            }
            for (int r = groups; r < n; r++) {
                int k = root;
                int o = base + r * p;
                for (int level = levels; level > 0; level--) {
                    k = step(tree, x, k, o);
                }
                sum[r] += Double.longBitsToDouble(tree[2 * k]);
            }
        }
        for (int r = 0, o = base; r < n; r++, o += p) {
            double y = averaged ? sum[r] / roots.length : sum[r];
            for (int c = 0; c < p; c++) {
                if (Double.isNaN(x[o + c])) {
                    y = Double.NaN;
                    break;
                }
            }
            out[from + r] = y;
        }
    }

    /** Rank (number of cuts below) of each predictor of the n rows from offset base of x, by feature. */
    private int[][] ranks(double[] x, int base, int n) {
        int p = inputs;
        int[][] ranks = new int[p][n];
        for (int c = 0; c < p; c++) {
            double[] cut = cuts[c];
            int[] rank = ranks[c];
            for (int r = 0, o = base + c; r < n; r++, o += p) {
                // Binary search; NaN ranks 0, but a row with a NaN predicts NaN anyway.
                int lo = 0;
                int hi = cut.length;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (cut[mid] < x[o]) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                rank[r] = lo;
            }
        }
        return ranks;
    }

    /** reach[r] = the leaves of masked tree t that row r can still reach after all its splits. */
    private void maskSplits(int t, int[][] ranks, int[] reach, int n) {
        Arrays.fill(reach, 0, n, -1);
        for (int s = firstSplit[t], end = s + firstLeaf[t + 1] - firstLeaf[t] - 1; s < end; s++) {
            keep(reach, ranks[maskFeature[s]], n, maskKeeps[s], maskRank[s]);
        }
    }

    /**
     * reach[r] &= keeps where rank[r] > split (the row goes right), from the sign of split − rank[r].
     * A loop of its own over separate int arrays, with no offsets, so that C2 vectorises it
     * (JDK 17 did not with an offset into a shared array, nor with doubles: 0.55 vs 0.1 ns a row).
     */
    private static void keep(int[] reach, int[] rank, int n, int keeps, int split) {
        for (int r = 0; r < n; r++) {
            reach[r] &= keeps | ~((split - rank[r]) >> 31);
        }
    }

    /** One step of a walk from node k for the row at offset o of x (see predictBlock). */
    private static int step(long[] tree, double[] x, int k, int o) {
        long link = tree[2 * k + 1];
        double d = Double.longBitsToDouble(tree[2 * k]) - x[o + (int) link];
        return k + (int) (link >>> 32 & 1) + (int) (link >>> 33 & Double.doubleToRawLongBits(d) >> 63);
    }

    @Override
    public Map<String, Object> toJson() {
        int n = nodes.length / 2;
        int[] splitFeature = new int[n];
        double[] splitOrValue = new double[n];
        int[] rightChild = new int[n];
        for (int i = 0; i < n; i++) {
            long link = nodes[2 * i + 1];
            boolean leaf = isLeaf(link);
            splitFeature[i] = leaf ? -1 : (int) link;
            splitOrValue[i] = Double.longBitsToDouble(nodes[2 * i]);
            rightChild[i] = leaf ? -1 : i + 1 + (int) (link >>> 33);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", TYPE);
        m.put("inputs", inputs);
        m.put("intercept", intercept);
        m.put("averaged", averaged);
        m.put("roots", roots);
        m.put("feature", splitFeature);
        m.put("value", splitOrValue);
        m.put("right", rightChild);
        return m;
    }

    @SuppressWarnings("unchecked")
    static TreeEnsemble fromJson(Map<String, Object> m) {
        return new TreeEnsemble(((Number) m.get("inputs")).intValue(), ((Number) m.get("intercept")).doubleValue(),
                (Boolean) m.get("averaged"), Normalization.integers((List<Object>) m.get("roots")),
                Normalization.integers((List<Object>) m.get("feature")),
                Normalization.numbers((List<Object>) m.get("value")),
                Normalization.integers((List<Object>) m.get("right")));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeEnsemble e && inputs == e.inputs && Double.compare(intercept, e.intercept) == 0
                && averaged == e.averaged && Arrays.equals(roots, e.roots) && Arrays.equals(nodes, e.nodes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(roots) * 31 + Arrays.hashCode(nodes);
    }

    @Override
    public String toString() {
        return "TreeEnsemble[" + roots.length + " trees, " + nodes() + " nodes, " + inputs + " inputs, "
                + (averaged ? "averaged" : "summed") + "]";
    }

    /**
     * Builds an ensemble tree by tree, each tree in pre-order: {@link #split} a node, build its left
     * subtree, mark {@link #rightChildHere} and build its right subtree; {@link #leaf} ends a branch.
     */
    public static final class Builder {
        private final int inputs;
        private final List<Integer> roots = new ArrayList<>();
        private int[] feature = new int[64];
        private double[] value = new double[64];
        private int[] right = new int[64];
        private int size;

        /** An empty ensemble of {@code inputs} predictors. */
        public Builder(int inputs) {
            this.inputs = inputs;
        }

        /** Starts the next tree; its first node is its root. */
        public Builder beginTree() {
            roots.add(size);
            return this;
        }

        /** Adds a split node and returns its index; its left subtree follows at once. */
        public int split(int featureIndex, double threshold) {
            return add(featureIndex, threshold);
        }

        /** Marks the next node added as the right child of split {@code node}. */
        public void rightChildHere(int node) {
            right[node] = size;
        }

        /** Adds a leaf. */
        public void leaf(double leafValue) {
            add(-1, leafValue);
        }

        private int add(int f, double v) {
            if (roots.isEmpty()) {
                throw new IllegalStateException("beginTree() first");
            }
            if (size == feature.length) {
                feature = Arrays.copyOf(feature, 2 * size);
                value = Arrays.copyOf(value, 2 * size);
                right = Arrays.copyOf(right, 2 * size);
            }
            feature[size] = f;
            value[size] = v;
            right[size] = -1;
            return size++;
        }

        /**
         * The ensemble: {@code (intercept + Σ leaves) / (averaged ? trees : 1)}.
         *
         * @throws IllegalArgumentException if a tree is incomplete or malformed
         */
        public TreeEnsemble build(double intercept, boolean averaged) {
            return new TreeEnsemble(inputs, intercept, averaged, roots.stream().mapToInt(Integer::intValue).toArray(),
                    Arrays.copyOf(feature, size), Arrays.copyOf(value, size), Arrays.copyOf(right, size));
        }
    }
}
