package org.ssm.algorithms.tch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.ssm.core.ParameterException;

/**
 * The names that tell the products compared by the three-cornered hat (paper E §3.5) apart in band
 * descriptions and reports: the {@code names} literal, e.g. the five methods of paper E Fig. 7.
 */
public final class ProductNames {

    /** Name of the parameter. */
    public static final String PARAMETER = "names";

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.() -]{1,64}");

    private ProductNames() {}

    /**
     * The names in {@code text} (a comma list, one per product in input order), or product1 …
     * productN when {@code text} is null or blank.
     */
    public static List<String> parse(String text, int products) {
        List<String> names = new ArrayList<>();
        if (text == null || text.isBlank()) {
            for (int i = 1; i <= products; i++) {
                names.add("product" + i);
            }
            return names;
        }
        Set<String> seen = new HashSet<>();
        for (String part : text.split(",", -1)) {
            String name = part.strip();
            if (!NAME.matcher(name).matches()) {
                throw new ParameterException(PARAMETER, text, "a comma list of names of 1 to 64 letters, digits,"
                        + " spaces, '_', '-', '.' or parentheses ('" + name + "' is not one)");
            }
            if (!seen.add(name)) {
                throw new ParameterException(PARAMETER, text, "distinct names ('" + name + "' appears twice)");
            }
            names.add(name);
        }
        if (names.size() != products) {
            throw new ParameterException(PARAMETER, text, products + " names, one per product in input order");
        }
        return List.copyOf(names);
    }
}
