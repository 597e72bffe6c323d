package org.ssm.io.stations;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ssm.stations.Observation;
import org.ssm.stations.SensorSeries;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;

/**
 * The station fields of an ISMN file (its header line, or its first CEOP record), checked against the
 * file name when the name follows the ISMN convention ({@link IsmnFileName}).
 *
 * <p>As in TU Wien's {@code ismn} reader, the station is named as in the file name (and the download's
 * folder) when there is one: the MAQU header writes {@code CST_01} for the station the network and its
 * folder call {@code CST-01}. A file whose name names another variable than soil moisture, or other
 * depths than its content, is refused.
 */
record IsmnSensor(String network, String station, double lat, double lon, double depthFrom, double depthTo,
        String sensor) {

    /** Depths in file names have six decimals of a metre. */
    private static final double NAME_DEPTH_TOLERANCE = 5e-7;

    /** The sensor series of {@code file}, whose station fields are on line {@code line}. */
    SensorSeries series(String file, int line, List<Observation> readings) {
        Optional<IsmnFileName> name = IsmnFileName.parse(file);
        String id = station;
        String instrument = sensor;
        if (name.isPresent()) {
            IsmnFileName n = name.get();
            if (!n.isSoilMoisture()) {
                throw new StationFileException(file, 0, "the file name says it holds variable '" + n.variable()
                        + "'; only soil-moisture files ('_" + IsmnFileName.SOIL_MOISTURE + "_' in the name) are read");
            }
            if (Math.abs(n.depthFrom() - depthFrom) > NAME_DEPTH_TOLERANCE
                    || Math.abs(n.depthTo() - depthTo) > NAME_DEPTH_TOLERANCE) {
                throw new StationFileException(file, line, "the layer " + depthFrom + "-" + depthTo
                        + " m differs from the one in the file name (" + n.depthFrom() + "-" + n.depthTo() + " m)");
            }
            id = n.station();
            if (instrument.isEmpty()) {
                instrument = n.sensor();
            }
        }
        IsmnFields.checkStationFields(file, line, lat, lon, depthFrom, depthTo);
        List<Observation> sorted = new java.util.ArrayList<>(readings);
        sorted.sort(Comparator.comparing(Observation::time));
        return new SensorSeries(new StationSeries(new Station(id, network, lon, lat, depthFrom, depthTo), sorted),
                instrument, file);
    }
}
