package org.ssm.stations;

import org.ssm.core.ParameterException;

/**
 * An in-situ soil-moisture sensor: where it is and which soil layer it measures.
 *
 * @param id station name, unique within its network
 * @param network the network that runs the station (an ISMN network name, or "TWIN" for the twin experiment)
 * @param lon WGS84 longitude in degrees, in [-180, 180]
 * @param lat WGS84 latitude in degrees, in [-90, 90]
 * @param depthFrom top of the measured layer below the surface, in metres, &ge; 0
 * @param depthTo bottom of the measured layer, in metres, &ge; {@code depthFrom}
 */
public record Station(String id, String network, double lon, double lat, double depthFrom, double depthTo) {

    public Station {
        if (id == null || id.isBlank()) {
            throw new ParameterException("station", id, "a non-blank station id");
        }
        if (network == null) {
            throw new ParameterException("network", null, "a network name (may be empty)");
        }
        ParameterException.requireInRange("lon", lon, -180, 180);
        ParameterException.requireInRange("lat", lat, -90, 90);
        ParameterException.requireInRange("depth_from", depthFrom, 0, 100);
        ParameterException.requireInRange("depth_to", depthTo, depthFrom, 100);
    }
}
