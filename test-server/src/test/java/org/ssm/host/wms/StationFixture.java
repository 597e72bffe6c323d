package org.ssm.host.wms;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.ssm.host.Host;
import org.ssm.stations.Observation;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;

/**
 * A station layer {@value #LAYER} with known positions, networks and readings, for the WMS tests.
 *
 * <ul>
 *   <li>A1 (ALPHA) at 10.253°E 49.747°N: 2021-04-01 06:00 0.21, 18:00 0.23; 2021-04-03 06:00 0.25;
 *   <li>B1 (BETA) at 11.553°E 49.353°N: 2021-04-03 06:00 0.30; 2021-04-10 06:00 no value (M);
 *   <li>B2 (BETA) at 11.583°E 49.353°N, 3 px east of B1 on a 0.01° map: 2021-04-10 06:00 0.28 (U);
 *   <li>C1 (ALPHA) at 10°E 52°N, the origin of EPSG:3035 (4321000 E, 3210000 N): 2021-04-03 06:00 0.19.
 * </ul>
 *
 * Networks sorted: ALPHA, BETA, so ALPHA is drawn in the palette's first colour (#0072B2) and BETA in
 * its second (#D55E00).
 */
final class StationFixture {

    static final String LAYER = "stations_pts";
    static final int ALPHA_RGB = 0x0072B2;
    static final int BETA_RGB = 0xD55E00;

    static final StationSeries A1 = new StationSeries(new Station("A1", "ALPHA", 10.253, 49.747, 0, 0.05), List.of(
            obs("2021-04-01T06:00:00Z", 0.21, "G"), obs("2021-04-01T18:00:00Z", 0.23, "G"),
            obs("2021-04-03T06:00:00Z", 0.25, "G")));
    static final StationSeries B1 = new StationSeries(new Station("B1", "BETA", 11.553, 49.353, 0.05, 0.05), List.of(
            obs("2021-04-03T06:00:00Z", 0.30, "G"), obs("2021-04-10T06:00:00Z", Double.NaN, "M")));
    static final StationSeries B2 = new StationSeries(new Station("B2", "BETA", 11.583, 49.353, 0.05, 0.05), List.of(
            obs("2021-04-10T06:00:00Z", 0.28, "U")));
    static final StationSeries C1 = new StationSeries(new Station("C1", "ALPHA", 10.0, 52.0, 0, 0.05), List.of(
            obs("2021-04-03T06:00:00Z", 0.19, "G")));

    private StationFixture() {}

    private static Observation obs(String time, double sm, String flag) {
        return new Observation(Instant.parse(time), sm, flag);
    }

    static void publish(Host host) throws IOException {
        host.catalog().publishStations(LAYER, "Test stations", "Four stations of two networks.", "test",
                List.of(A1, B1, B2, C1));
    }
}
