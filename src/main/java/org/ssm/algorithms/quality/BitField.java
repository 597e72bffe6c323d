package org.ssm.algorithms.quality;

import java.util.List;
import java.util.TreeSet;
import org.ssm.core.ParameterException;

/**
 * A QC rule on one bit field of a MODIS-style quality word: the unsigned integer held by bits
 * {@code first} to {@code last} (bit 0 is the least significant) must be one of {@code accepted}.
 *
 * <p>For example MOD11A1 {@code QC_Day} bits 0–1 (mandatory QA) accept 0 ("LST produced, good
 * quality") and 1 ("other quality"); MOD13Q1 {@code VI Quality} bits 2–5 (VI usefulness) accept 0
 * to 3. See {@code docs/algorithms/quality-mask.md} for the layouts.
 *
 * @param first lowest bit of the field, in [0, {@link #MAX_BIT}]
 * @param last highest bit, in [first, {@link #MAX_BIT}], at most {@link #MAX_WIDTH} bits wide
 * @param accepted accepted field values, each in [0, 2^(last − first + 1)); stored sorted, without
 *     repeats
 */
public record BitField(int first, int last, List<Integer> accepted) {

    /**
     * Highest bit number: QC words travel as float32, which holds integers exactly only below 2^24.
     */
    public static final int MAX_BIT = 23;

    /** Widest field: enough for every MODIS land QC field (at most 4 bits) with room to spare. */
    public static final int MAX_WIDTH = 16;

    public BitField {
        if (first < 0 || last > MAX_BIT || first > last) {
            throw new ParameterException("rules", first + "-" + last,
                    "bit numbers 0 to " + MAX_BIT + " with first <= last");
        }
        if (last - first + 1 > MAX_WIDTH) {
            throw new ParameterException("rules", first + "-" + last, "a field of at most " + MAX_WIDTH + " bits");
        }
        if (accepted == null || accepted.isEmpty()) {
            throw new ParameterException("rules", first + "-" + last + ":", "at least one accepted value");
        }
        int largest = (1 << (last - first + 1)) - 1;
        for (Integer v : accepted) {
            if (v == null || v < 0 || v > largest) {
                throw new ParameterException("rules", v, "values 0 to " + largest + " for the " + (last - first + 1)
                        + "-bit field " + first + "-" + last);
            }
        }
        accepted = List.copyOf(new TreeSet<>(accepted));
    }

    /** A field of bits {@code first}–{@code last} accepting {@code values}. */
    public static BitField of(int first, int last, int... values) {
        return new BitField(first, last, java.util.Arrays.stream(values).boxed().toList());
    }

    /** Number of bits of the field. */
    public int width() {
        return last - first + 1;
    }

    /** The field's value in the quality word {@code qc}. */
    public int valueIn(int qc) {
        return (qc >>> first) & ((1 << width()) - 1);
    }

    /** Whether {@code qc} holds an accepted value in this field. */
    public boolean accepts(int qc) {
        return java.util.Collections.binarySearch(accepted, valueIn(qc)) >= 0;
    }

    /** The rule text of this field, e.g. {@code 0-1:0,1} (a one-bit field as {@code 8:0}). */
    public String text() {
        StringBuilder sb = new StringBuilder().append(first);
        if (last != first) {
            sb.append('-').append(last);
        }
        sb.append(':');
        for (int i = 0; i < accepted.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(accepted.get(i));
        }
        return sb.toString();
    }
}
