package org.ssm.stations;

import java.util.Objects;

/**
 * The readings of one sensor as a file gave them, before any selection: the station series, the
 * instrument and where it came from.
 *
 * @param series the station and its readings, sorted by time
 * @param sensor the instrument (e.g. "ThetaProbe-ML2X"), empty when the format does not say
 * @param source the name of the file it was read from
 */
public record SensorSeries(StationSeries series, String sensor, String source) {

    public SensorSeries {
        Objects.requireNonNull(series, "series");
        sensor = sensor == null ? "" : sensor;
        source = source == null ? "" : source;
    }

    public Station station() {
        return series.station();
    }
}
