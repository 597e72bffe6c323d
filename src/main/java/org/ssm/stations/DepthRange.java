package org.ssm.stations;

import org.ssm.core.ParameterException;

/**
 * The soil layers to keep: a sensor is kept when the layer it measures, [depth_from, depth_to] in
 * metres below the surface, lies within [from, to]. Paper B (§2.2.3) keeps only the 0–5 cm sensors of
 * the ISMN HOAL network, i.e. {@code new DepthRange(0, 0.05)}: a 0.05–0.05 m probe is kept, a cosmic-ray
 * probe integrating 0–0.19 m is not.
 *
 * @param from the shallowest depth kept, in [0, {@value #DEEPEST}] m
 * @param to the deepest depth kept, in [from, {@value #DEEPEST}] m
 */
public record DepthRange(double from, double to) {

    /** The deepest depth a {@link Station} may have, in metres. */
    public static final double DEEPEST = 100;

    /** Every layer. */
    public static final DepthRange ANY = new DepthRange(0, DEEPEST);

    /** ISMN writes depths with six decimals of a metre; closer than this they are the same depth. */
    static final double TOLERANCE = 1e-6;

    public DepthRange {
        ParameterException.requireInRange("depthFrom", from, 0, DEEPEST);
        if (!(to >= from && to <= DEEPEST)) {
            throw new ParameterException("depthTo", to, "a depth in metres in [depthFrom = " + from + ", " + DEEPEST
                    + "]");
        }
    }

    /** The range between two optional bounds; a missing bound is the surface or {@value #DEEPEST} m. */
    public static DepthRange of(Double from, Double to) {
        return new DepthRange(from == null ? 0 : from, to == null ? DEEPEST : to);
    }

    /** Whether the layer {@code station} measures lies within this range. */
    public boolean includes(Station station) {
        return station.depthFrom() >= from - TOLERANCE && station.depthTo() <= to + TOLERANCE;
    }
}
