package org.ssm.algorithms.neural;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.core.ParameterException;

/** Checks, copies and parsing of hidden-layer sizes. */
final class HiddenLayers {

    /** The option naming the hidden-layer sizes. */
    static final String OPTION = "hiddenLayers";
    /** Most hidden layers accepted. */
    static final int MAX_LAYERS = 8;
    /** Most units in a hidden layer: keeps a model document and its prediction time reasonable. */
    static final int MAX_UNITS = 1024;

    private HiddenLayers() {}

    static int[] check(String parameter, int[] sizes) {
        if (sizes == null || sizes.length < 1 || sizes.length > MAX_LAYERS) {
            throw new ParameterException(parameter, sizes == null ? null : Arrays.toString(sizes),
                    "1 to " + MAX_LAYERS + " hidden-layer sizes");
        }
        for (int s : sizes) {
            if (s < 1 || s > MAX_UNITS) {
                throw new ParameterException(parameter, Arrays.toString(sizes), "sizes from 1 to " + MAX_UNITS);
            }
        }
        return sizes.clone();
    }

    /**
     * The sizes given as option {@value #OPTION}: a number (one layer), a list of numbers, or text
     * such as {@code "32,16"} or {@code "32 16"}; {@code fallback} when absent.
     */
    static int[] from(TrainerOptions options, int[] fallback) {
        Object v = options.values().get(OPTION);
        if (v == null) {
            return fallback.clone();
        }
        List<Object> items = new ArrayList<>();
        if (v instanceof List<?> list) {
            items.addAll(list);
        } else if (v instanceof int[] a) {
            for (int x : a) {
                items.add(x);
            }
        } else if (v instanceof Number) {
            items.add(v);
        } else {
            for (String s : v.toString().strip().split("[,;\\s]+")) {
                items.add(s);
            }
        }
        int[] sizes = new int[items.size()];
        for (int i = 0; i < sizes.length; i++) {
            Object item = items.get(i);
            try {
                double d = item instanceof Number n ? n.doubleValue() : Double.parseDouble(item.toString());
                if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
                    throw new NumberFormatException();
                }
                sizes[i] = (int) d;
            } catch (NumberFormatException e) {
                throw new ParameterException(OPTION, v, "layer sizes such as \"32,16\"");
            }
        }
        return sizes;
    }

    /** inputs, the hidden sizes, 1. */
    static int[] network(int inputs, int[] hidden) {
        int[] layers = new int[hidden.length + 2];
        layers[0] = inputs;
        System.arraycopy(hidden, 0, layers, 1, hidden.length);
        layers[layers.length - 1] = 1;
        return layers;
    }

    /** The sizes as a list, for a parameter map. */
    static List<Integer> list(int[] sizes) {
        List<Integer> out = new ArrayList<>();
        for (int s : sizes) {
            out.add(s);
        }
        return out;
    }
}
