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
 * the next node. In memory, a leaf points to itself on both sides with threshold +∞, so that all
 * rows of a block can walk a tree level by level for its full depth without branching on the node
 * kind; the rows of a level are independent, which lets the processor overlap their memory loads.
 * Blocks of rows run in parallel; every row is computed by the same operations whatever block or
 * thread holds it, so results do not depend on the thread count.
 *
 * <p>The JSON form ({@code "type": "tree-ensemble"}) is validated when read, since model documents
 * may come from clients: children must lie after their parent inside the same tree (no cycles, no
 * jumps out of the tree), features within the input count, numbers finite.
 */
public final class TreeEnsemble implements Regressor {

    /** The model type in JSON documents. */
    public static final String TYPE = "tree-ensemble";

    /** Rows predicted together: small enough that a block's predictors and state stay in L1/L2. */
    static final int BLOCK = 256;

    static {
        Models.register(TYPE, TreeEnsemble::fromJson);
    }

    private final int inputs;
    private final double intercept;
    private final boolean averaged;
    private final int[] roots;
    private final int[] depths;
    private final int[] feature;
    private final double[] threshold;
    private final int[] left;
    private final int[] right;
    private final double[] value;
    /** Per node, -1 for a leaf or the split feature: the JSON form. */
    private final int[] splitFeature;

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
        this.splitFeature = splitFeature.clone();
        this.feature = new int[n];
        this.threshold = new double[n];
        this.left = new int[n];
        this.right = new int[n];
        this.value = new double[n];
        this.depths = new int[roots.length];
        for (int t = 0; t < roots.length; t++) {
            int start = roots[t];
            int end = t + 1 < roots.length ? roots[t + 1] : n;
            if (start < 0 || end <= start || end > n || t == 0 && start != 0) {
                throw new IllegalArgumentException("tree " + t + " has no nodes or overlaps another (nodes " + start
                        + " to " + end + " of " + n + ")");
            }
            depths[t] = layOut(t, start, end, splitOrValue, rightChild);
        }
    }

    /** Checks tree {@code t} (nodes [start, end)), fills the working arrays and returns its depth. */
    private int layOut(int t, int start, int end, double[] splitOrValue, int[] rightChild) {
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
                feature[i] = 0;
                threshold[i] = Double.POSITIVE_INFINITY;
                left[i] = i;
                right[i] = i;
                value[i] = v;
            } else {
                int r = rightChild[i];
                if (f >= inputs || !Double.isFinite(v) || i + 1 >= end || r <= i + 1 || r >= end) {
                    throw new IllegalArgumentException("tree " + t + ", node " + (i - start) + ": a split needs a"
                            + " feature in [0, " + inputs + "), a finite threshold and children after it in the same tree,"
                            + " not feature " + f + ", threshold " + v + ", right child " + r);
                }
                feature[i] = f;
                threshold[i] = v;
                left[i] = i + 1;
                right[i] = r;
                depth[i - start] = 1 + Math.max(depth[i + 1 - start], depth[r - start]);
            }
        }
        return depth[0];
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
        return feature.length;
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
            while (left[k] != k) {
                k = x[feature[k]] <= threshold[k] ? left[k] : right[k];
            }
            sum += value[k];
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

    /** Rows [from, to) of {@code x} into {@code out}, tree by tree, every row of a level together. */
    private void predictBlock(double[] x, int from, int to, double[] out) {
        int n = to - from;
        int p = inputs;
        double[] sum = new double[n];
        int[] node = new int[n];
        int[] base = new int[n];
        Arrays.fill(sum, intercept);
        for (int r = 0; r < n; r++) {
            base[r] = (from + r) * p;
        }
        for (int t = 0; t < roots.length; t++) {
            Arrays.fill(node, roots[t]);
            for (int level = depths[t]; level > 0; level--) {
                for (int r = 0; r < n; r++) {
                    int k = node[r];
                    node[r] = x[base[r] + feature[k]] <= threshold[k] ? left[k] : right[k];
                }
            }
            for (int r = 0; r < n; r++) {
                sum[r] += value[node[r]];
            }
        }
        for (int r = 0; r < n; r++) {
            double y = averaged ? sum[r] / roots.length : sum[r];
            for (int c = 0; c < p; c++) {
                if (Double.isNaN(x[base[r] + c])) {
                    y = Double.NaN;
                    break;
                }
            }
            out[from + r] = y;
        }
    }

    @Override
    public Map<String, Object> toJson() {
        double[] splitOrValue = new double[feature.length];
        int[] rightChild = new int[feature.length];
        for (int i = 0; i < feature.length; i++) {
            boolean leaf = splitFeature[i] < 0;
            splitOrValue[i] = leaf ? value[i] : threshold[i];
            rightChild[i] = leaf ? -1 : right[i];
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
                (Boolean) m.get("averaged"), integers((List<Object>) m.get("roots")),
                integers((List<Object>) m.get("feature")), Normalization.numbers((List<Object>) m.get("value")),
                integers((List<Object>) m.get("right")));
    }

    private static int[] integers(List<Object> list) {
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            Number n = (Number) list.get(i);
            if (n.doubleValue() != n.intValue()) {
                throw new IllegalArgumentException("expected an integer, not " + n);
            }
            out[i] = n.intValue();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeEnsemble e && inputs == e.inputs && Double.compare(intercept, e.intercept) == 0
                && averaged == e.averaged && Arrays.equals(roots, e.roots) && Arrays.equals(splitFeature, e.splitFeature)
                && Arrays.equals(threshold, e.threshold) && Arrays.equals(value, e.value)
                && Arrays.equals(right, e.right);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(splitFeature) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "TreeEnsemble[" + roots.length + " trees, " + feature.length + " nodes, " + inputs + " inputs, "
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
