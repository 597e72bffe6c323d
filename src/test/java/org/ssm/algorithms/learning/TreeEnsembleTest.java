package org.ssm.algorithms.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ssm.algorithms.model.FittedModel;
import org.ssm.algorithms.model.Models;
import org.ssm.algorithms.model.Normalization;
import org.ssm.core.ParameterException;

/** Hand-built ensembles with predictions worked out by hand. */
class TreeEnsembleTest {

    /** Tree 1: x0 <= 0.5 ? (x1 <= 2 ? 1 : 2) : 3; tree 2: a leaf 10. */
    private static TreeEnsemble handBuilt(double intercept, boolean averaged) {
        TreeEnsemble.Builder b = new TreeEnsemble.Builder(2);
        b.beginTree();
        int root = b.split(0, 0.5);
        int inner = b.split(1, 2);
        b.leaf(1);
        b.rightChildHere(inner);
        b.leaf(2);
        b.rightChildHere(root);
        b.leaf(3);
        b.beginTree();
        b.leaf(10);
        return b.build(intercept, averaged);
    }

    @Test
    void predictsByHand() {
        TreeEnsemble sum = handBuilt(0.25, false);
        assertEquals(0.25 + 1 + 10, sum.predict(new double[] {0.5, 2}), 0, "ties go left");
        assertEquals(0.25 + 2 + 10, sum.predict(new double[] {0.1, 2.5}), 0);
        assertEquals(0.25 + 3 + 10, sum.predict(new double[] {0.6, -9}), 0);
        TreeEnsemble mean = handBuilt(0, true);
        assertEquals((3 + 10) / 2.0, mean.predict(new double[] {1, 0}), 0);
        assertTrue(Double.isNaN(mean.predict(new double[] {Double.NaN, 0})));
        assertEquals(2, sum.depth(0));
        assertEquals(0, sum.depth(1));
        assertEquals(6, sum.nodes());
    }

    /**
     * The batch walk reads x <= t from the sign of t - x: ties, signed zeros (a threshold of -0.0
     * must split like 0.0), infinities, huge differences that overflow and subnormal differences
     * must all go the way the comparison goes. Expected values by hand from x0 <= t ? 1 : 2.
     */
    @Test
    void batchWalkFollowsTheComparisonAtEdges() {
        double[][] cases = {
            // threshold, x0
            {-0.0, 0.0}, {-0.0, -0.0}, {0.0, -0.0}, {0.0, Double.MIN_VALUE}, {0.0, -Double.MIN_VALUE},
            {1.5, 1.5}, {1.5, Math.nextUp(1.5)}, {1.5, Double.POSITIVE_INFINITY}, {1.5, Double.NEGATIVE_INFINITY},
            {-Double.MAX_VALUE, Double.MAX_VALUE}, {Double.MAX_VALUE, -Double.MAX_VALUE},
            {Double.MIN_VALUE, 0.0}, {Double.MIN_VALUE, 2 * Double.MIN_VALUE},
        };
        for (double[] c : cases) {
            TreeEnsemble.Builder b = new TreeEnsemble.Builder(1);
            b.beginTree();
            int root = b.split(0, c[0]);
            b.leaf(1);
            b.rightChildHere(root);
            b.leaf(2);
            TreeEnsemble e = b.build(0, false);
            double expected = c[1] <= c[0] ? 1 : 2;
            // Nine rows: a group of eight walked together and one walked alone.
            double[] rows = new double[9];
            java.util.Arrays.fill(rows, c[1]);
            double[] out = new double[9];
            e.predict(rows, 9, out);
            String what = "x0 = " + c[1] + ", threshold " + c[0];
            assertEquals(expected, e.predict(new double[] {c[1]}), 0, what);
            for (int r = 0; r < 9; r++) {
                assertEquals(expected, out[r], 0, what + ", row " + r);
            }
        }
    }

    /**
     * The batch prediction has two evaluations: trees of at most {@link TreeEnsemble#MASKED_LEAVES}
     * leaves by bit masks over threshold ranks, larger ones by the sign-bit walk. Both must follow
     * x <= t at the same edges as above, in one ensemble, summed in tree order. Tree 0 (walked) is
     * x0 <= t ? 1 : 2, its right side a chain of 33 splits at Double.MAX_VALUE whose every leaf is
     * 2; tree 1 (masked) is x0 <= t ? 10 : 20. Expected values by hand; exact (the sums are small
     * integers).
     */
    @Test
    void walkedAndMaskedTreesFollowTheComparisonAtEdges() {
        double[][] cases = {
            {-0.0, 0.0}, {-0.0, -0.0}, {0.0, -0.0}, {0.0, Double.MIN_VALUE}, {0.0, -Double.MIN_VALUE},
            {1.5, 1.5}, {1.5, Math.nextUp(1.5)}, {1.5, Math.nextDown(1.5)}, {1.5, Double.POSITIVE_INFINITY},
            {1.5, Double.NEGATIVE_INFINITY}, {-Double.MAX_VALUE, Double.MAX_VALUE},
            {Double.MAX_VALUE, -Double.MAX_VALUE}, {Double.MIN_VALUE, 0.0}, {Double.MIN_VALUE, 2 * Double.MIN_VALUE},
        };
        int chain = TreeEnsemble.MASKED_LEAVES + 1;
        for (double[] c : cases) {
            TreeEnsemble.Builder b = new TreeEnsemble.Builder(2);
            b.beginTree();
            int root = b.split(0, c[0]);
            b.leaf(1);
            b.rightChildHere(root);
            for (int i = 0; i < chain; i++) {
                int s = b.split(1, Double.MAX_VALUE);
                b.leaf(2);
                b.rightChildHere(s);
            }
            b.leaf(2);
            b.beginTree();
            int small = b.split(0, c[0]);
            b.leaf(10);
            b.rightChildHere(small);
            b.leaf(20);
            TreeEnsemble e = b.build(0, false);
            assertEquals(chain + 1, e.depth(0), "tree 0 has " + (chain + 2) + " leaves: walked, not masked");
            double expected = c[1] <= c[0] ? 11 : 22;
            // 17 rows: two groups of eight walked together, one alone; x1 varies (goes either way).
            double[] rows = new double[17 * 2];
            for (int r = 0; r < 17; r++) {
                rows[2 * r] = c[1];
                rows[2 * r + 1] = r % 3 == 0 ? Double.POSITIVE_INFINITY : r - 8.5;
            }
            double[] out = new double[17];
            e.predict(rows, 17, out);
            String what = "x0 = " + c[1] + ", threshold " + c[0];
            for (int r = 0; r < 17; r++) {
                assertEquals(expected, out[r], 0, what + ", row " + r);
                assertEquals(expected, e.predict(new double[] {rows[2 * r], rows[2 * r + 1]}), 0, what + ", row " + r);
            }
        }
    }

    @Test
    void jsonFormIsPreOrderWithRightChildren() {
        Map<String, Object> json = handBuilt(0.25, false).toJson();
        assertEquals("tree-ensemble", json.get("type"));
        // Pre-order: root (x0), inner split (x1), leaf 1, leaf 2, leaf 3; then tree 2's single leaf.
        assertEquals("[0,1,-1,-1,-1,-1]",
                java.util.Arrays.toString((int[]) json.get("feature")).replace(" ", ""));
        assertEquals("[4,3,-1,-1,-1,-1]", java.util.Arrays.toString((int[]) json.get("right")).replace(" ", ""));
        FittedModel model = new FittedModel("GBDT", List.of("p", "q"), Normalization.identity(2),
                Normalization.identity(1), handBuilt(0.25, false), Map.of());
        FittedModel back = FittedModel.fromJson("model", model.toJson());
        assertEquals(model.regressor(), back.regressor());
    }

    @Test
    void rejectsMalformedTrees() {
        Map<String, Object> good = reread(handBuilt(0, false).toJson());
        assertEquals(handBuilt(0, false), Models.regressor("model", good));
        // A right child pointing back at its parent would loop for ever.
        assertMalformed(good, "right", List.of(0L, 3L, -1L, -1L, -1L, -1L));
        // A child in the next tree.
        assertMalformed(good, "right", List.of(5L, 3L, -1L, -1L, -1L, -1L));
        // A feature the model does not have.
        assertMalformed(good, "feature", List.of(2L, 1L, -1L, -1L, -1L, -1L));
        // A tree without nodes.
        assertMalformed(good, "roots", List.of(0L, 6L));
        // A leaf with no value (null: non-finite numbers are written as null).
        List<Object> values = new java.util.ArrayList<>((List<Object>) good.get("value"));
        values.set(5, null);
        assertMalformed(good, "value", values);
    }

    private static void assertMalformed(Map<String, Object> good, String key, Object value) {
        Map<String, Object> bad = new LinkedHashMap<>(good);
        bad.put(key, value);
        FittedModel model = new FittedModel("GBDT", List.of("p", "q"), Normalization.identity(2),
                Normalization.identity(1), handBuilt(0, false), Map.of());
        String doc = model.toJson().replace(org.ssm.core.Json.write(good), org.ssm.core.Json.write(bad));
        ParameterException e = assertThrows(ParameterException.class, () -> FittedModel.fromJson("model", doc), key);
        assertEquals("model", e.parameter());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> reread(Map<String, Object> json) {
        return (Map<String, Object>) org.ssm.core.Json.parse(org.ssm.core.Json.write(json));
    }
}
