package org.ssm.host.wps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ssm.host.TestSupport.get;
import static org.ssm.host.wps.WpsTestSupport.WPS;
import static org.ssm.host.wps.WpsTestSupport.exception;
import static org.ssm.host.wps.WpsTestSupport.execute;
import static org.ssm.host.wps.WpsTestSupport.outputs;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.algorithms.collocation.CoarseProduct;
import org.ssm.algorithms.collocation.Product;
import org.ssm.algorithms.collocation.ScreeningParameters;
import org.ssm.algorithms.collocation.ScreeningResult;
import org.ssm.algorithms.collocation.StationAssessment;
import org.ssm.algorithms.collocation.StationScreening;
import org.ssm.core.Monitor;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;
import org.ssm.host.TestSupport.Response;
import org.ssm.io.CrsTransforms;
import org.ssm.core.Json;
import org.ssm.io.StationsGeoJson;
import org.ssm.io.Wgs84;
import org.ssm.stations.Observation;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** ssm:TripleCollocation through the host's WPS: inline GeoJSON stations, coarse series from its own WCS. */
class TripleCollocationWpsTest {

    private static final GridGeometry SATELLITE_GRID = new GridGeometry("EPSG:32633", 520_000, 5_360_000, 10_000, 10_000, 4, 3);
    private static final GridGeometry MODEL_GRID = new GridGeometry("EPSG:32633", 520_000, 5_360_000, 5_000, 5_000, 8, 6);
    private static final LocalDate START = LocalDate.of(2021, 4, 1);
    private static final int DAYS = 150;

    @TempDir
    static Path dir;

    static Host host;
    static String base;
    static GridSeries satellite;
    static GridSeries model;
    static final List<StationSeries> STATIONS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(HostConfig.defaults(0, dir));
        base = host.localBaseUrl();
        SplittableRandom rnd = new SplittableRandom(17);
        double[] truth = new double[DAYS];
        List<LocalDate> dates = new ArrayList<>();
        float[][] sat = new float[DAYS][SATELLITE_GRID.size()];
        float[][] mod = new float[DAYS][MODEL_GRID.size()];
        for (int d = 0; d < DAYS; d++) {
            truth[d] = 0.24 + 0.07 * Math.sin(2 * Math.PI * d / 50) + 0.03 * rnd.nextGaussian();
            dates.add(START.plusDays(d));
            for (int c = 0; c < sat[d].length; c++) {
                sat[d][c] = d % 4 == 1 ? Float.NaN : (float) (0.02 + 1.1 * truth[d] + 0.02 * rnd.nextGaussian());
            }
            for (int c = 0; c < mod[d].length; c++) {
                mod[d][c] = (float) (0.06 + 0.8 * truth[d] + 0.012 * rnd.nextGaussian());
            }
        }
        satellite = GridSeries.of(SATELLITE_GRID, dates, sat);
        model = GridSeries.of(MODEL_GRID, dates, mod);
        host.catalog().publish("tc_satellite", "PM soil moisture", "test", "ssm", "m3/m3", "test", satellite);
        host.catalog().publish("tc_model", "Model soil moisture", "test", "ssm", "m3/m3", "test", model);
        // A good station, a noisy one and one 5 km east of the grids.
        double[] lonLat = Wgs84.toLonLat("EPSG:32633", new double[] {527_000, 5_352_000, 548_000, 5_338_000, 565_000,
                5_345_000});
        String[] ids = {"GOOD", "NOISY", "EAST"};
        double[] noise = {0.01, 0.06, 0.01};
        for (int s = 0; s < ids.length; s++) {
            List<Observation> obs = new ArrayList<>();
            for (int d = 0; d < DAYS; d++) {
                obs.add(new Observation(START.plusDays(d).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(6 * 3600),
                        Math.rint((truth[d] + noise[s] * rnd.nextGaussian()) * 1e4) / 1e4, "G"));
            }
            STATIONS.add(new StationSeries(new Station(ids[s], "NET", lonLat[2 * s], lonLat[2 * s + 1], 0, 0.05), obs));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    private static Map<String, String> values(String minInsituRho2) {
        Map<String, String> values = new HashMap<>();
        values.put("base", base);
        values.put("stations", StationsGeoJson.write(STATIONS));
        values.put("satellite", "tc_satellite");
        values.put("model", "tc_model");
        values.put("minInsituRho2", minInsituRho2);
        return values;
    }

    @SuppressWarnings("unchecked")
    @Test
    void screensInlineStationsAgainstCoveragesOfItsOwnWcs() throws Exception {
        Response r = execute(base, "wps/execute-triplecollocation.xml", values("0.6"));
        assertEquals(200, r.status(), r.text());
        Document d = r.xml();
        assertNotNull(d.getElementsByTagNameNS(WPS, "ProcessSucceeded").item(0), r.text());

        ScreeningResult expected = new StationScreening(ScreeningParameters.defaults().withMinInsituRho2(0.6)).screen(
                StationsGeoJson.read(StationsGeoJson.write(STATIONS)),
                new CoarseProduct("satellite", satellite, CrsTransforms.between("s", "EPSG:4326", "EPSG:32633")),
                new CoarseProduct("model", model, CrsTransforms.between("s", "EPSG:4326", "EPSG:32633")), Monitor.NONE);
        Element table = (Element) d.getElementsByTagNameNS(WPS, "ComplexData").item(0);
        assertEquals("text/csv", table.getAttribute("mimeType"));
        assertEquals(expected.csv().strip(), table.getTextContent().strip(),
                "the table equals the algorithm's on the same float32 values");
        String csv = table.getTextContent();
        assertTrue(csv.contains("\nGOOD,NET,") && csv.contains("\nNOISY,NET,") && csv.contains("\nEAST,NET,"), csv);
        assertEquals(List.of(true, false, false), expected.stations().stream().map(StationAssessment::kept).toList(),
                "a kept, a noisy and an outside station");

        Map<String, String> refs = new HashMap<>();
        for (Map.Entry<String, Element> out : outputs(d).entrySet()) {
            String id = out.getKey();
            Element ref = (Element) out.getValue().getElementsByTagNameNS(WPS, "Reference").item(0);
            if (ref != null) {
                assertEquals("application/json", ref.getAttribute("mimeType"), id);
                refs.put(id, ref.getAttribute("href"));
            }
        }
        Response reliable = get(refs.get("reliable"));
        assertEquals(200, reliable.status());
        List<StationSeries> kept = StationsGeoJson.read(reliable.text());
        assertEquals(1, kept.size());
        assertEquals(STATIONS.get(0).station(), kept.get(0).station());
        assertEquals(DAYS, kept.get(0).observations().size(), "every reading of the kept station");

        List<Object> features = (List<Object>) Json.parseObject(get(refs.get("assessment")).text()).get("features");
        assertEquals(3, features.size());
        Map<String, Object> east = (Map<String, Object>) ((Map<String, Object>) features.get(2)).get("properties");
        assertEquals("EAST", east.get("station"));
        assertEquals(Boolean.TRUE, east.get("tc_flagged"));
        assertEquals("outside_satellite_grid", east.get("tc_reason"));
        Map<String, Object> good = (Map<String, Object>) ((Map<String, Object>) features.get(0)).get("properties");
        assertEquals(expected.stations().get(0).rho2(Product.INSITU),
                ((Number) good.get("tc_rho2_insitu")).doubleValue(), 0.0);
    }

    @Test
    void aThresholdOutOfRangeIsAnInvalidParameterValue() throws Exception {
        Response r = execute(base, "wps/execute-triplecollocation.xml", values("1.5"));
        assertEquals(400, r.status(), r.text());
        Element e = exception(r);
        assertEquals("InvalidParameterValue", e.getAttribute("exceptionCode"));
        assertEquals("minInsituRho2", e.getAttribute("locator"));
    }
}
