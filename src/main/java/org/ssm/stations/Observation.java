package org.ssm.stations;

import java.time.Instant;
import org.ssm.core.ParameterException;

/**
 * One soil-moisture reading of a station.
 *
 * @param time when the value was measured
 * @param sm volumetric soil moisture in m³/m³, or NaN when the sensor reported nothing
 * @param flag the provider's quality flag (ISMN uses "G" for good); empty when there is none
 */
public record Observation(Instant time, double sm, String flag) {

    public Observation {
        if (time == null) {
            throw ParameterException.missing("time", "an ISO-8601 instant");
        }
        if (Double.isInfinite(sm)) {
            throw new ParameterException("sm", sm, "a finite volumetric soil moisture or no value");
        }
        if (flag == null) {
            throw ParameterException.missing("flag", "a quality flag (may be empty)");
        }
    }
}
