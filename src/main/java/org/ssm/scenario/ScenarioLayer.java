package org.ssm.scenario;

import java.util.Objects;
import org.ssm.grid.GridSeries;

/**
 * One raster output of a scenario with its description: the unit a host publishes and the
 * manifest records.
 *
 * @param variable short name, also the file's base name (e.g. {@code truth_ssm})
 * @param title human-readable title
 * @param units units of the values ("1" for dimensionless ratios, "class" for codes)
 * @param kind whether the layer is static, daily or sampled every few days
 * @param series the values; a static layer is an undated series of one band
 */
public record ScenarioLayer(String variable, String title, String units, Kind kind, GridSeries series) {

    /** How a layer is sampled in time. */
    public enum Kind {
        /** One undated band. */
        STATIC,
        /** One band per scenario date. */
        DAILY,
        /** One band per fine clear-sky acquisition, every {@code landsatRevisitDays} days. */
        REVISIT
    }

    public ScenarioLayer {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(series, "series");
    }

    /** The GeoTIFF file name, {@code <variable>.tif}. */
    public String fileName() {
        return variable + ".tif";
    }
}
