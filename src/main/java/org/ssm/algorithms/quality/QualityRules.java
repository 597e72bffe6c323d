package org.ssm.algorithms.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ssm.core.ParameterException;

/**
 * The quality rules of a mask: every bit field and every value range must accept a pixel (AND).
 * Paper B §2.2.1 and paper D §2.1.2 screen MODIS LST and reflectance pixels this way before use.
 *
 * <p>Text form (the WPS literal), clauses separated by white space, keywords in any case:
 *
 * <pre>
 * rules  = clause *( space clause )
 * clause = "bits=" field *( ";" field )  |  "range=" number ":" number
 * field  = bit [ "-" bit ] ":" value *( "," value )
 * bit    = 0 … 23                       (bit 0 is the least significant)
 * value  = decimal integer | "0b" binary digits, below 2^(field width)
 * number = a finite decimal number, e.g. -0.2 or 2.5e2
 * </pre>
 *
 * Example: {@code bits=0-1:0,1;6-7:0 range=250:350} keeps pixels whose bits 0–1 are 0 or 1 and
 * bits 6–7 are 0, and whose value is within [250, 350].
 *
 * @param bitFields rules on the QC word; may be empty when only value ranges are used
 * @param valueRanges rules on the value; may be empty when only bit fields are used
 */
public record QualityRules(List<BitField> bitFields, List<ValueRange> valueRanges) {

    private static final String GRAMMAR = "clauses separated by spaces: bits=FIRST-LAST:V1,V2;FIRST-LAST:V (bits 0 to "
            + BitField.MAX_BIT + ") and/or range=MIN:MAX, e.g. bits=0-1:0,1;6-7:0 range=250:350";

    public QualityRules {
        bitFields = List.copyOf(bitFields);
        valueRanges = List.copyOf(valueRanges);
        if (bitFields.isEmpty() && valueRanges.isEmpty()) {
            throw ParameterException.missing("rules", GRAMMAR);
        }
    }

    /** Whether the rules read a QC word (some bit field is given). */
    public boolean needsQc() {
        return !bitFields.isEmpty();
    }

    /** Whether every bit field accepts the quality word {@code qc}. */
    public boolean acceptsQc(int qc) {
        for (BitField f : bitFields) {
            if (!f.accepts(qc)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code value} is finite and within every value range. */
    public boolean acceptsValue(double value) {
        if (!Double.isFinite(value)) {
            return false;
        }
        for (ValueRange r : valueRanges) {
            if (!r.accepts(value)) {
                return false;
            }
        }
        return true;
    }

    /** The canonical text; {@code parse(p, rules.text())} gives equal rules. */
    public String text() {
        List<String> clauses = new ArrayList<>();
        if (!bitFields.isEmpty()) {
            clauses.add("bits=" + String.join(";", bitFields.stream().map(BitField::text).toList()));
        }
        valueRanges.forEach(r -> clauses.add(r.text()));
        return String.join(" ", clauses);
    }

    /**
     * Parses the text form.
     *
     * @param parameter the public name of the input, for error messages
     * @throws ParameterException naming {@code parameter}, the offending token and what is allowed
     */
    public static QualityRules parse(String parameter, String text) {
        if (text == null || text.isBlank()) {
            throw ParameterException.missing(parameter, GRAMMAR);
        }
        List<BitField> fields = new ArrayList<>();
        List<ValueRange> ranges = new ArrayList<>();
        for (String clause : text.strip().split("\\s+")) {
            String lower = clause.toLowerCase(Locale.ROOT);
            if (lower.startsWith("bits=")) {
                String body = clause.substring(5);
                if (body.isEmpty()) {
                    throw new ParameterException(parameter, quote(clause, clause), "at least one field after bits=, "
                            + "such as bits=0-1:0,1");
                }
                for (String field : body.split(";", -1)) {
                    fields.add(field(parameter, clause, field));
                }
            } else if (lower.startsWith("range=")) {
                ranges.add(range(parameter, clause, clause.substring(6)));
            } else {
                throw new ParameterException(parameter, quote(clause, text), GRAMMAR);
            }
        }
        return new QualityRules(fields, ranges);
    }

    private static BitField field(String parameter, String clause, String field) {
        int colon = field.indexOf(':');
        if (colon < 0) {
            throw new ParameterException(parameter, quote(field, clause),
                    "a field FIRST-LAST:VALUES or BIT:VALUES, such as 0-1:0,1 or 8:0");
        }
        String bits = field.substring(0, colon);
        int dash = bits.indexOf('-');
        int first = bit(parameter, clause, dash < 0 ? bits : bits.substring(0, dash));
        int last = dash < 0 ? first : bit(parameter, clause, bits.substring(dash + 1));
        if (first > last) {
            throw new ParameterException(parameter, quote(bits, clause), "the first bit, then the last, e.g. 2-5");
        }
        int width = last - first + 1;
        if (width > BitField.MAX_WIDTH) {
            throw new ParameterException(parameter, quote(bits, clause),
                    "a field of at most " + BitField.MAX_WIDTH + " bits");
        }
        int largest = (1 << width) - 1;
        List<Integer> values = new ArrayList<>();
        for (String token : field.substring(colon + 1).split(",", -1)) {
            int v = integer(token);
            if (v < 0 || v > largest) {
                throw new ParameterException(parameter, quote(token, clause), "integers 0 to " + largest
                        + " (decimal or 0b binary) for the " + width + "-bit field " + bits);
            }
            values.add(v);
        }
        return new BitField(first, last, values);
    }

    private static int bit(String parameter, String clause, String token) {
        int b = integer(token);
        if (b < 0 || b > BitField.MAX_BIT) {
            throw new ParameterException(parameter, quote(token, clause), "a bit number 0 to " + BitField.MAX_BIT
                    + " (QC words are integers below 2^24, bit 0 the least significant)");
        }
        return b;
    }

    /** A non-negative decimal or 0b-binary integer, or -1 when the token is not one. */
    private static int integer(String token) {
        String t = token.strip();
        try {
            if (t.startsWith("0b") || t.startsWith("0B")) {
                return t.length() > 2 && t.length() <= 2 + 24 ? Integer.parseInt(t.substring(2), 2) : -1;
            }
            return t.isEmpty() || t.length() > 9 || !t.chars().allMatch(Character::isDigit) ? -1 : Integer.parseInt(t);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ValueRange range(String parameter, String clause, String body) {
        String allowed = "range=MIN:MAX with finite numbers and MIN <= MAX, e.g. range=-0.2:1";
        int colon = body.indexOf(':');
        if (colon < 0) {
            throw new ParameterException(parameter, quote(clause, clause), allowed);
        }
        double min = number(parameter, clause, body.substring(0, colon), allowed);
        double max = number(parameter, clause, body.substring(colon + 1), allowed);
        if (min > max) {
            throw new ParameterException(parameter, quote(clause, clause), allowed);
        }
        return new ValueRange(min, max);
    }

    private static double number(String parameter, String clause, String token, String allowed) {
        double v;
        try {
            // Double.parseDouble would also take "NaN", "Infinity" and hexadecimal forms.
            v = token.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?") ? Double.parseDouble(token) : Double.NaN;
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v)) {
            throw new ParameterException(parameter, quote(token, clause), allowed);
        }
        return v;
    }

    private static String quote(String token, String context) {
        return token.equals(context) ? "'" + token + "'" : "'" + token + "' in '" + context + "'";
    }
}
