package org.ssm.algorithms.collocation;

import java.util.Arrays;
import java.util.Locale;
import org.ssm.core.ParameterException;

/**
 * The three members of a station triplet, in the order they enter {@link TripleCollocation}: the
 * in-situ sensor (member 0, pytesmo's default reference), the satellite product and the model.
 */
public enum Product {
    INSITU("insitu"),
    SATELLITE("satellite"),
    MODEL("model");

    private final String label;

    Product(String label) {
        this.label = label;
    }

    /** The name used in parameters, CSV columns and attributes. */
    public String label() {
        return label;
    }

    /** The member index in the triplet. */
    public int index() {
        return ordinal();
    }

    /** The product named {@code text} (case-insensitive); errors name {@code parameter}. */
    public static Product parse(String parameter, String text) {
        if (text != null) {
            for (Product p : values()) {
                if (p.label.equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return p;
                }
            }
        }
        throw new ParameterException(parameter, text,
                "one of " + String.join(", ", Arrays.stream(values()).map(Product::label).toList()));
    }
}
