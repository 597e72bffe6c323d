package org.ssm.stations;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.ssm.core.ParameterException;

/**
 * The quality flags a reading may carry to be kept. ISMN flags each reading with codes of its quality
 * control (Dorigo et al. 2013, "Global automated quality control of in situ soil moisture data from the
 * International Soil Moisture Network", Vadose Zone J. 12): {@code G} good, {@code U} unchecked,
 * {@code M} missing, {@code C01}–{@code C03} outside the plausible range, {@code D01}–{@code D10}
 * dubious; several codes are joined by commas ({@code D03,D05}). Paper B (§2.2.3) keeps only {@code G}.
 *
 * <p>A reading is kept when every one of its codes is accepted, so {@code D03,D05} passes only if both
 * {@code D03} and {@code D05} are listed. Codes compare without regard to case. An empty set accepts
 * every reading, flagged or not.
 *
 * @param codes the accepted codes, upper case; empty to accept everything
 */
public record FlagFilter(Set<String> codes) {

    /** Accepts every reading. */
    public static final FlagFilter ANY = new FlagFilter(Set.of());

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_]{1,16}");
    private static final String ALLOWED = "flag codes such as G, U or D03 (letters and digits), separated by commas";

    public FlagFilter {
        Set<String> normalised = new TreeSet<>();
        for (String code : codes) {
            if (code == null || !CODE.matcher(code).matches()) {
                throw new ParameterException("flags", code, ALLOWED);
            }
            normalised.add(code.toUpperCase(Locale.ROOT));
        }
        codes = Set.copyOf(normalised);
    }

    /** The filter of a comma (or space) separated list; {@code null} or blank accepts everything. */
    public static FlagFilter parse(String parameter, String text) {
        if (text == null || text.isBlank()) {
            return ANY;
        }
        Set<String> codes = new TreeSet<>();
        for (String part : text.strip().split("[,\\s]+")) {
            if (!CODE.matcher(part).matches()) {
                throw new ParameterException(parameter, text, ALLOWED);
            }
            codes.add(part);
        }
        return new FlagFilter(codes);
    }

    /** Whether a reading flagged {@code flag} is kept. */
    public boolean accepts(String flag) {
        if (codes.isEmpty()) {
            return true;
        }
        if (flag == null || flag.isBlank()) {
            return false;
        }
        for (String code : flag.split(",")) {
            if (!codes.contains(code.strip().toUpperCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** The codes as a sorted comma list; empty when every reading is accepted. */
    public String text() {
        return String.join(",", new TreeSet<>(codes));
    }
}
