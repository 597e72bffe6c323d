package org.ssm.host.wps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ssm.host.TestSupport.post;
import static org.ssm.host.TestSupport.template;
import static org.ssm.host.wps.WpsTestSupport.WPS;
import static org.ssm.host.wps.WpsTestSupport.exception;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;
import org.ssm.host.SharedSamples;
import org.ssm.host.TestSupport.Response;
import org.ssm.host.ows.OwsException;
import org.ssm.io.StationsGeoJson;
import org.ssm.io.Wgs84;
import org.ssm.process.StationFeatures;
import org.ssm.stations.Observation;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;
import org.w3c.dom.Element;

/**
 * A feature input given as a station file: the stations of ssm:TripleCollocation as a CSV table or
 * an ISMN file, read by the station readers into the same features as the equivalent GeoJSON.
 */
class StationFileInputsWpsTest {

    private static final GridGeometry GRID = new GridGeometry("EPSG:32633", 520_000, 5_360_000, 10_000, 10_000, 4, 3);
    private static final LocalDate START = LocalDate.of(2021, 4, 1);
    private static final int DAYS = 120;
    private static final String ALPHA =
            "TESTNET_TESTNET_Alpha-Field_sm_0.000000_0.050000_Probe-X_20210401_20210402.stm";

    @TempDir
    static Path dir;

    static Host host;
    static final List<StationSeries> STATIONS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(HostConfig.defaults(0, dir));
        SplittableRandom rnd = new SplittableRandom(3);
        double[] truth = new double[DAYS];
        List<LocalDate> dates = new ArrayList<>();
        float[][] sat = new float[DAYS][GRID.size()];
        float[][] mod = new float[DAYS][GRID.size()];
        for (int d = 0; d < DAYS; d++) {
            truth[d] = 0.25 + 0.06 * Math.sin(2 * Math.PI * d / 40) + 0.03 * rnd.nextGaussian();
            dates.add(START.plusDays(d));
            for (int c = 0; c < GRID.size(); c++) {
                sat[d][c] = (float) (0.03 + 1.1 * truth[d] + 0.02 * rnd.nextGaussian());
                mod[d][c] = (float) (0.05 + 0.8 * truth[d] + 0.01 * rnd.nextGaussian());
            }
        }
        host.catalog().publish("sf_satellite", "satellite", "test", "ssm", "m3/m3", "test",
                GridSeries.of(GRID, dates, sat));
        host.catalog().publish("sf_model", "model", "test", "ssm", "m3/m3", "test", GridSeries.of(GRID, dates, mod));
        double[] lonLat = Wgs84.toLonLat("EPSG:32633", new double[] {527_000, 5_352_000, 545_000, 5_341_000});
        for (int s = 0; s < 2; s++) {
            List<Observation> obs = new ArrayList<>();
            for (int d = 0; d < DAYS; d++) {
                obs.add(new Observation(START.plusDays(d).atTime(6, 0).toInstant(java.time.ZoneOffset.UTC),
                        Math.rint((truth[d] + 0.015 * (s + 1) * rnd.nextGaussian()) * 1e4) / 1e4, "G"));
            }
            STATIONS.add(new StationSeries(new Station("S" + (s + 1), "NET", lonLat[2 * s], lonLat[2 * s + 1], 0, 0.05),
                    obs));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    /** The stations as a station CSV: the data of the request, written by the test, not the request. */
    private static String csv() {
        StringBuilder sb = new StringBuilder("station,network,lon,lat,depth_from,depth_to,time,sm,flag\n");
        for (StationSeries s : STATIONS) {
            Station st = s.station();
            for (Observation o : s.observations()) {
                sb.append(st.id()).append(',').append(st.network()).append(',').append(st.lon()).append(',')
                        .append(st.lat()).append(',').append(st.depthFrom()).append(',').append(st.depthTo())
                        .append(',').append(o.time()).append(',').append(o.sm()).append(',').append(o.flag())
                        .append('\n');
            }
        }
        return sb.toString();
    }

    private static Response execute(String mimeType, String stations) throws Exception {
        Map<String, String> values = new HashMap<>();
        values.put("base", host.localBaseUrl());
        values.put("stations", stations);
        values.put("mimeType", mimeType);
        values.put("satellite", "sf_satellite");
        values.put("model", "sf_model");
        values.put("minInsituRho2", "0.5");
        return post(host.localBaseUrl() + "/wps", template("wps/execute-triplecollocation-stationfile.xml", values));
    }

    private static String table(Response r) throws Exception {
        assertEquals(200, r.status(), r.text());
        assertNotNull(r.xml().getElementsByTagNameNS(WPS, "ProcessSucceeded").item(0), r.text());
        return ((Element) r.xml().getElementsByTagNameNS(WPS, "ComplexData").item(0)).getTextContent();
    }

    @Test
    void aCsvTableGivesTheSameScreeningAsTheGeoJson() throws Exception {
        String fromGeoJson = table(execute("application/json", StationsGeoJson.write(STATIONS)));
        String fromCsv = table(execute("text/csv", csv()));
        assertEquals(fromGeoJson, fromCsv);
        assertTrue(fromCsv.contains("\nS1,NET,") && fromCsv.contains("\nS2,NET,"), fromCsv);
    }

    @Test
    void anIsmnFileIsReadIntoStationFeatures() throws Exception {
        SimpleFeatureCollection features = FeatureInputs.decode("stations", ALPHA, SharedSamples.own(ALPHA));
        // Every reading with a value: 7 of the 8 (the 04-02 10:00 reading is NaN), the station named by the file.
        List<StationSeries> series = StationFeatures.toSeries("stations", features);
        assertEquals(1, series.size());
        assertEquals(new Station("Alpha-Field", "TESTNET", 15.25, 47.5, 0, 0.05), series.get(0).station());
        assertEquals(7, series.get(0).observations().size());
        assertEquals(new Observation(Instant.parse("2021-04-01T02:00:00Z"), 0.27, "D03,D05"),
                series.get(0).observations().get(2));
    }

    @Test
    void aBadStationFileIsAnInvalidParameterValueOfTheInput() throws Exception {
        Response r = execute("text/csv", "station,lon,lat,time,sm\nS1,15.5,47.25,soon,0.2\n");
        assertEquals(400, r.status(), r.text());
        Element e = exception(r);
        assertEquals(OwsException.INVALID_PARAMETER_VALUE, e.getAttribute("exceptionCode"));
        assertEquals("stations", e.getAttribute("locator"));
        assertTrue(e.getTextContent().startsWith("input stations: stations:2: column 'time' = 'soon'"),
                e.getTextContent());
    }
}
