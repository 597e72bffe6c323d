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
