package org.ssm.host.viewer;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.host.Host;
import org.ssm.io.Wgs84;
import org.ssm.stations.Observation;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;

/**
 * Synthetic layers that look like a small soil-moisture scene, for the viewer tests and its screenshot.
 *
 * <p>{@code ssm_demo}: 64×48 cells of 500 m in EPSG:32633 from (500000, 5000000), 30 daily dates from
 * 2021-04-01. Each cell dries exponentially after rain on days 0, 11 and 20 around a smooth spatial
 * pattern; an elliptic lake (centre cell 47, 13) has no data. {@code dem_demo}: an undated elevation
 * field on the same grid. {@code stations_demo}: four stations at the centres of cells (10, 10),
 * (28, 22), (40, 30) and (20, 40), of networks NORTH, NORTH, SOUTH and SOUTH, reading their cell's soil
 * moisture plus 0.01 at 06:00 UTC; the first misses days 5 to 7 and the last reads every third day.
 * {@code tch_demo}: an undated layer of three bands named MSR, DisPATCh and RF (a WMS band dimension),
 * like the uncertainty of ssm:ThreeCorneredHat: band b is 0.02 (b + 1) plus 0.0002 per column.
 */
final class ViewerFixture {

    static final GridGeometry GRID = new GridGeometry("EPSG:32633", 500000, 5000000, 500, 500, 64, 48);
    static final LocalDate FIRST = LocalDate.parse("2021-04-01");
    static final int DAYS = 30;
    static final String SERIES = "ssm_demo";
    static final String STATIC = "dem_demo";
    static final String STATIONS = "stations_demo";
    static final String BANDS = "tch_demo";
    static final List<String> BAND_NAMES = List.of("MSR", "DisPATCh", "RF");
    /** The station the browser test clicks: near the map centre, away from the map's buttons. */
    static final String CLICKED = "M1";

    private static final String[] STATION_IDS = {"N1", "M1", "S1", "S2"};
    private static final String[] STATION_NETWORKS = {"NORTH", "NORTH", "SOUTH", "SOUTH"};
    private static final int[][] STATION_CELLS = {{10, 10}, {28, 22}, {40, 30}, {20, 40}};

    private static final int[] RAIN_DAYS = {0, 11, 20};
    private static final double[] RAIN_SIZE = {0.14, 0.10, 0.16};

    private ViewerFixture() {}

    static List<LocalDate> dates() {
        List<LocalDate> dates = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            dates.add(FIRST.plusDays(d));
        }
        return dates;
    }

    static boolean lake(int col, int row) {
        double dx = (col - 47) / 6.0;
        double dy = (row - 13) / 4.0;
        return dx * dx + dy * dy <= 1;
    }

    /** The soil moisture of a cell on day {@code day}, in m³ m⁻³. */
    static float ssm(int col, int row, int day) {
        double base = 0.14 + 0.06 * Math.sin(col / 9.0) * Math.cos(row / 7.0) + 0.05 * row / GRID.height();
        double wet = 0;
        for (int k = 0; k < RAIN_DAYS.length; k++) {
            if (day >= RAIN_DAYS[k]) {
                // Wetter cells (higher base) dry more slowly.
                wet += RAIN_SIZE[k] * Math.exp(-(day - RAIN_DAYS[k]) / (3.0 + 20 * base));
            }
        }
        return (float) Math.max(0.02, Math.min(0.48, base + wet));
    }

    /** The stations, their WGS84 positions from the UTM cell centres. */
    static List<StationSeries> stations() {
        double[] xy = new double[2 * STATION_IDS.length];
        for (int s = 0; s < STATION_IDS.length; s++) {
            xy[2 * s] = GRID.centerX(STATION_CELLS[s][0]);
            xy[2 * s + 1] = GRID.centerY(STATION_CELLS[s][1]);
        }
        double[] lonLat = Wgs84.toLonLat(GRID.crs(), xy);
        List<StationSeries> out = new ArrayList<>();
        for (int s = 0; s < STATION_IDS.length; s++) {
            List<Observation> readings = new ArrayList<>();
            for (int d = 0; d < DAYS; d++) {
                boolean reads = s == 0 ? d < 5 || d > 7 : s != 3 || d % 3 == 0;
                if (reads) {
                    double sm = ssm(STATION_CELLS[s][0], STATION_CELLS[s][1], d) + 0.01;
                    readings.add(new Observation(FIRST.plusDays(d).atTime(6, 0).toInstant(ZoneOffset.UTC),
                            Math.rint(sm * 1e4) / 1e4, "G"));
                }
            }
            out.add(new StationSeries(new Station(STATION_IDS[s], STATION_NETWORKS[s], lonLat[2 * s],
                    lonLat[2 * s + 1], 0, 0.05), readings));
        }
        return out;
    }

    /** The station the browser test clicks. */
    static Station clicked() {
        return stations().stream().map(StationSeries::station).filter(s -> s.id().equals(CLICKED)).findFirst()
                .orElseThrow();
    }

    static void publish(Host host) throws IOException {
        float[][] bands = new float[DAYS][GRID.size()];
        float[] dem = new float[GRID.size()];
        for (int row = 0; row < GRID.height(); row++) {
            for (int col = 0; col < GRID.width(); col++) {
                int cell = row * GRID.width() + col;
                for (int d = 0; d < DAYS; d++) {
                    bands[d][cell] = lake(col, row) ? Float.NaN : ssm(col, row, d);
                }
                dem[cell] = (float) (300 + 900 * Math.exp(-((col - 12) * (col - 12) + (row - 36) * (row - 36)) / 300.0)
                        + 4 * col);
            }
        }
        host.catalog().publish(SERIES, "Surface soil moisture (synthetic)",
                "A synthetic daily soil-moisture series: drying after three rain events.", "ssm", "m3 m-3",
                "scenario", GridSeries.of(GRID, dates(), bands));
        host.catalog().publish(STATIC, "Elevation (synthetic)", "A synthetic elevation field.", "dem", "m",
                "scenario", GridSeries.undated(GRID, new float[][] {dem}));
        float[][] products = new float[BAND_NAMES.size()][GRID.size()];
        for (int b = 0; b < products.length; b++) {
            for (int cell = 0; cell < GRID.size(); cell++) {
                products[b][cell] = 0.02f * (b + 1) + 0.0002f * (cell % GRID.width());
            }
        }
        host.catalog().publish(BANDS, "Uncertainty of three products (synthetic)", "One band per product.",
                "uncertainty", "m3 m-3", "scenario", GridSeries.undated(GRID, products), BAND_NAMES);
        host.catalog().publishStations(STATIONS, "In-situ stations (synthetic)", "Four synthetic stations of two"
                + " networks reading the soil moisture of their cell.", "scenario", stations());
    }
}
