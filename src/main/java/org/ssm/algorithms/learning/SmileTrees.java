package org.ssm.algorithms.learning;

import java.lang.reflect.Field;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;
import smile.data.DataFrame;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.regression.RegressionTree;

/**
 * Copies Smile 2.6.0 regression trees into a {@link TreeEnsemble}, and training sets into Smile
 * data frames.
 *
 * <p>Smile keeps the split value of {@link OrdinalNode} in a package-private field with no accessor
 * (its printed forms round it), so it is read once per node by reflection, at export time only:
 * prediction never touches Smile. The exported ensemble is checked against Smile's own predictions
 * by the tests, so a Smile version that renamed the field would fail loudly here, not silently.
 * Smile models are never serialised (no Java serialisation anywhere: model documents are JSON).
 */
final class SmileTrees {

    /** Name of the response column in the data frames given to Smile. */
    static final String RESPONSE = "y";

    private static final Field SPLIT_VALUE = splitValueField();

    private SmileTrees() {}

    private static Field splitValueField() {
        try {
            Field f = OrdinalNode.class.getDeclaredField("value");
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException | RuntimeException e) {
            throw new IllegalStateException("this Smile version hides the split value of OrdinalNode differently;"
                    + " the tree export supports Smile 2.6.0", e);
        }
    }

    /** The predictors of {@code data} as a Smile frame with columns x0, x1, ... */
    static DataFrame predictors(TrainingSet data) {
        double[][] rows = new double[data.rows()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = data.row(r);
        }
        String[] names = new String[data.columns()];
        for (int c = 0; c < names.length; c++) {
            names[c] = "x" + c;
        }
        return DataFrame.of(rows, names);
    }

    /** The field describing the response column. */
    static StructField response() {
        return new StructField(RESPONSE, DataTypes.DoubleType);
    }

    /**
     * Appends {@code tree} to {@code builder} as its next tree, each leaf output multiplied by
     * {@code leafScale} (the shrinkage of a boosted model, 1 for a forest).
     */
    static void append(TreeEnsemble.Builder builder, RegressionTree tree, double leafScale) {
        builder.beginTree();
        append(builder, tree.root(), leafScale);
    }

    private static void append(TreeEnsemble.Builder builder, Node node, double leafScale) {
        if (node instanceof OrdinalNode split) {
            int index = builder.split(split.feature(), splitValue(split));
            append(builder, split.trueChild(), leafScale);
            builder.rightChildHere(index);
            append(builder, split.falseChild(), leafScale);
        } else if (node instanceof RegressionNode leaf) {
            // The product Smile's GradientTreeBoost.predict forms, shrinkage * tree output.
            builder.leaf(leafScale == 1 ? leaf.output() : leafScale * leaf.output());
        } else {
            throw new IllegalStateException("unexpected Smile tree node "
                    + (node instanceof InternalNode ? "(a nominal split) " : "") + node.getClass().getName());
        }
    }

    private static double splitValue(OrdinalNode node) {
        try {
            return SPLIT_VALUE.getDouble(node);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the split value of a Smile tree node", e);
        }
    }
}
