package org.ssm.scenario;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.ssm.stations.Observation;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;

/**
 * A simulated in-situ station with what the experiment knows about it: its fine pixel, its map
 * position in the grid's CRS, its fault, and its daily readings (one per scenario date).
 *
 * @param id station id, {@code TW01}, {@code TW02}, ...
 * @param network network name, {@code TWIN}
 * @param fault what is wrong with it ({@link FaultType#NONE} for a healthy sensor)
 * @param col column of its fine pixel
 * @param row row of its fine pixel
 * @param x map x of the pixel centre, in the grid's CRS
 * @param y map y of the pixel centre
 * @param depthFrom top of the measured layer, m
 * @param depthTo bottom of the measured layer, m
 * @param offset the station's representativeness error: a constant offset from the pixel truth, m³/m³
 * @param dates the days of the readings
 * @param sm the readings, m³/m³, one per date (the array is copied in and out)
 */
public record TwinStation(String id, String network, FaultType fault, int col, int row, double x, double y,
        double depthFrom, double depthTo, double offset, List<LocalDate> dates, double[] sm) {

    /** Quality flag given to every reading: the sensor reports nothing wrong, even when it is faulty. */
    public static final String FLAG = "G";

    public TwinStation {
        dates = List.copyOf(dates);
        sm = sm.clone();
        if (sm.length != dates.size()) {
            throw new IllegalArgumentException(sm.length + " readings for " + dates.size() + " dates");
        }
    }

    @Override
    public double[] sm() {
        return sm.clone();
    }

    /** The readings as a station series at the given WGS84 position, one per day at 00:00 UTC. */
    public StationSeries toSeries(double lon, double lat) {
        Station station = new Station(id, network, lon, lat, depthFrom, depthTo);
        List<Observation> observations = new ArrayList<>(dates.size());
        for (int i = 0; i < sm.length; i++) {
            observations.add(new Observation(dates.get(i).atStartOfDay(ZoneOffset.UTC).toInstant(), sm[i], FLAG));
        }
        return new StationSeries(station, observations);
    }
}
