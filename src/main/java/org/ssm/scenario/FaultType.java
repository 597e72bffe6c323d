package org.ssm.scenario;

/** What is wrong with a simulated station, if anything. */
public enum FaultType {
    /** A working sensor: truth plus representativeness and sensor errors. */
    NONE("none"),
    /** The reading drifts linearly, by about 0.1 m³/m³ over a season. */
    DRIFT("drift"),
    /** Heavy random noise (σ ≈ 0.08 m³/m³). */
    NOISE("noise"),
    /** The reading stops changing after some day. */
    STUCK("stuck");

    private final String label;

    FaultType(String label) {
        this.label = label;
    }

    /** The lower-case name written to {@code stations_truth.json}. */
    public String label() {
        return label;
    }
}
