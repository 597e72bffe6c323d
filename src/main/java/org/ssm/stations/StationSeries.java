package org.ssm.stations;

import java.util.List;
import java.util.Objects;

/**
 * The readings of one station, in the order they were given (readers sort them by time).
 *
 * @param station the sensor
 * @param observations its readings; the list is copied and cannot be modified
 */
public record StationSeries(Station station, List<Observation> observations) {

    public StationSeries {
        Objects.requireNonNull(station, "station");
        observations = List.copyOf(observations);
    }
}
