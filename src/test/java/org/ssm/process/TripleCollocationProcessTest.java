package org.ssm.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.feature.NameImpl;
import org.geotools.process.Process;
import org.geotools.process.Processors;
import org.junit.jupiter.api.Test;
import org.ssm.algorithms.collocation.CoarseProduct;
import org.ssm.algorithms.collocation.Product;
import org.ssm.algorithms.collocation.ScreeningParameters;
import org.ssm.algorithms.collocation.ScreeningResult;
import org.ssm.algorithms.collocation.StationScreening;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.io.Coverages;
import org.ssm.io.CrsTransforms;
import org.ssm.io.Wgs84;
import org.ssm.stations.Observation;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;

/**
 * ssm:TripleCollocation through the GeoTools SPI: stations as WGS84 features, satellite and model
 * series on UTM grids of different cell sizes and dates.
 */
class TripleCollocationProcessTest {

    private static final GridGeometry SATELLITE_GRID = new GridGeometry("EPSG:32633", 520_000, 5_360_000, 10_000, 10_000, 4, 3);
    private static final GridGeometry MODEL_GRID = new GridGeometry("EPSG:32633", 520_000, 5_360_000, 5_000, 5_000, 8, 6);
    private static final LocalDate START = LocalDate.of(2021, 4, 1);
    private static final int DAYS = 160;

    private final List<StationSeries> stations = new ArrayList<>();
    private final GridSeries satellite;
    private final GridSeries model;

    TripleCollocationProcessTest() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] truth = new double[DAYS];
        for (int d = 0; d < DAYS; d++) {
            truth[d] = 0.22 + 0.07 * Math.sin(2 * Math.PI * d / 45) + 0.03 * rnd.nextGaussian();
        }
        List<LocalDate> dates = new ArrayList<>();
        float[][] sat = new float[DAYS][SATELLITE_GRID.size()];
        float[][] mod = new float[DAYS][MODEL_GRID.size()];
        for (int d = 0; d < DAYS; d++) {
            dates.add(START.plusDays(d));
            for (int c = 0; c < sat[d].length; c++) {
                sat[d][c] = d % 5 == 0 ? Float.NaN : (float) (0.03 + 1.2 * truth[d] + 0.02 * rnd.nextGaussian());
            }
            for (int c = 0; c < mod[d].length; c++) {
                mod[d][c] = (float) (0.05 + 0.7 * truth[d] + 0.01 * rnd.nextGaussian());
            }
        }
        satellite = GridSeries.of(SATELLITE_GRID, dates, sat);
        model = GridSeries.of(MODEL_GRID, dates, mod);
        // Three stations inside the grids (two good, one noisy) and one 5 km east of them.
        double[] xy = {525_000, 5_355_000, 555_000, 5_335_000, 535_000, 5_345_000, 565_000, 5_345_000};
        double[] lonLat = Wgs84.toLonLat("EPSG:32633", xy);
        String[] ids = {"GOOD1", "GOOD2", "NOISY", "EAST"};
        double[] noise = {0.01, 0.012, 0.1, 0.01};
        for (int s = 0; s < ids.length; s++) {
            List<Observation> obs = new ArrayList<>();
            for (int d = 0; d < DAYS; d++) {
                obs.add(new Observation(START.plusDays(d).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        truth[d] + noise[s] * rnd.nextGaussian(), "G"));
            }
            stations.add(new StationSeries(new Station(ids[s], "NET", lonLat[2 * s], lonLat[2 * s + 1], 0, 0.05), obs));
        }
    }

    private Map<String, Object> inputs() {
        Map<String, Object> in = new HashMap<>();
        in.put("stations", StationFeatures.toFeatures(stations));
        in.put("satellite", Coverages.toCoverage("ssm", satellite));
        in.put("model", Coverages.toCoverage("ssm", model));
        return in;
    }

    private static Map<String, Object> run(Map<String, Object> inputs) {
        Process p = Processors.createProcess(new NameImpl("ssm", "TripleCollocation"));
        assertNotNull(p, "ssm:TripleCollocation is registered");
        return p.execute(inputs, null);
    }

    private ScreeningResult direct(ScreeningParameters parameters) {
        return new StationScreening(parameters).screen(stations,
                new CoarseProduct("satellite", satellite, CrsTransforms.between("s", "EPSG:4326", "EPSG:32633")),
                new CoarseProduct("model", model, CrsTransforms.between("s", "EPSG:4326", "EPSG:32633")), Monitor.NONE);
    }

    private static List<SimpleFeature> list(SimpleFeatureCollection fc) {
        List<SimpleFeature> out = new ArrayList<>();
        try (SimpleFeatureIterator it = fc.features()) {
            while (it.hasNext()) {
                out.add(it.next());
            }
        }
        return out;
    }

    @Test
    void keepsTheGoodStationsAndTabulatesEveryStation() {
        Map<String, Object> out = run(inputs());
        ScreeningResult expected = direct(ScreeningParameters.defaults());
        assertEquals(expected.csv(), out.get("table"), "the table of the algorithm with the declared defaults");
        String[] lines = ((String) out.get("table")).split("\n");
        assertEquals(5, lines.length);
        assertTrue(lines[1].startsWith("GOOD1,NET,") && lines[1].contains(",false,,"), lines[1]);
        // Noise of 0.1 against a signal of 0.06: the in-situ rho2 is about 0.1, and the noise also makes
        // the satellite's error-variance estimate (which divides by in-situ covariances) go negative, the
        // reason checked first.
        assertTrue(lines[3].startsWith("NOISY,NET,") && lines[3].contains(",true,negative_error_variance,"), lines[3]);
        assertTrue(expected.stations().get(2).rho2(Product.INSITU) < 0.2);
        assertTrue(lines[4].startsWith("EAST,NET,") && lines[4].contains(",true,outside_satellite_grid,"), lines[4]);

        List<SimpleFeature> reliable = list((SimpleFeatureCollection) out.get("reliable"));
        assertEquals(2 * DAYS, reliable.size(), "every reading of the two good stations");
        assertEquals("GOOD1", reliable.get(0).getAttribute("station"));
        assertEquals("GOOD2", reliable.get(DAYS).getAttribute("station"));
        assertEquals(StationFeatures.TYPE, reliable.get(0).getFeatureType(), "the schema of station readings");
        List<StationSeries> back = StationFeatures.toSeries("reliable", (SimpleFeatureCollection) out.get("reliable"));
        assertEquals(List.of(stations.get(0), stations.get(1)), back, "the kept stations round-trip unchanged");

        List<SimpleFeature> assessment = list((SimpleFeatureCollection) out.get("assessment"));
        assertEquals(4, assessment.size());
        for (int s = 0; s < 4; s++) {
            SimpleFeature f = assessment.get(s);
            var a = expected.stations().get(s);
            assertEquals(stations.get(s).station().id(), f.getAttribute("station"));
            assertEquals(!a.kept(), f.getAttribute("tc_flagged"));
            assertEquals(a.triplets(), f.getAttribute("tc_triplets"));
            Object rho2 = f.getAttribute("tc_rho2_insitu");
            if (a.estimate() == null) {
                assertEquals(null, rho2, "no estimate outside the grid");
            } else {
                assertEquals(a.rho2(Product.INSITU), (Double) rho2, 0.0);
            }
        }
        assertEquals("outside_satellite_grid", assessment.get(3).getAttribute("tc_reason"));
        assertEquals("insitu", assessment.get(0).getAttribute("tc_scaling_reference"));
    }

    @Test
    void optionsReachTheAlgorithm() {
        Map<String, Object> in = inputs();
        in.put("minTriplets", 150);
        in.put("minInsituRho2", 0.2);
        in.put("scalingReference", Product.MODEL);
        in.put("period", "2021-05-01/");
        Map<String, Object> out = run(in);
        ScreeningResult expected = direct(ScreeningParameters.defaults().withMinTriplets(150).withMinInsituRho2(0.2)
                .withScalingReference(Product.MODEL).withPeriod(LocalDate.of(2021, 5, 1), null));
        assertEquals(expected.csv(), out.get("table"));
        // From 1 May: 130 days, 26 of them satellite gaps, fewer than 150 triplets.
        assertTrue(((String) out.get("table")).contains(",104,2021-05-02,"), (String) out.get("table"));
        assertEquals(0, ((SimpleFeatureCollection) out.get("reliable")).size());
    }

    @Test
    void datesCanBeGivenAsLiterals() {
        Map<String, Object> in = inputs();
        in.put("satellite", Coverages.toCoverage("ssm", satellite.withDates(List.of())));
        in.put("model", Coverages.toCoverage("ssm", model.withDates(List.of())));
        assertEquals("satelliteDates", failure(in).parameter(), "undated coverages need their dates");
        in.put("satelliteDates", "2021-04-01/2021-09-07/P1D");
        assertEquals("modelDates", failure(in).parameter());
        in.put("modelDates", "2021-04-01/2021-09-07/P1D");
        assertEquals(direct(ScreeningParameters.defaults()).csv(), run(in).get("table"));
    }

    @Test
    void badInputsNameTheParameter() {
        Map<String, Object> in = inputs();
        in.put("period", "2021-05-01");
        assertEquals("period", failure(in).parameter());
        Map<String, Object> in2 = inputs();
        in2.put("modelDates", "2021-04-01/2021-04-10/P1D");
        ParameterException e = failure(in2);
        assertEquals("modelDates", e.parameter());
        assertTrue(e.getMessage().contains("160 bands"), e.getMessage());
        Map<String, Object> in3 = inputs();
        in3.put("minInsituRho2", 1.5);
        assertEquals("minInsituRho2", failure(in3).parameter());
        // Processors refuses a missing required input itself; called directly, the process names it.
        Map<String, Object> in4 = inputs();
        ParameterException missing = assertThrows(ParameterException.class, () -> new TripleCollocationProcess()
                .execute((SimpleFeatureCollection) in4.get("stations"), (org.geotools.coverage.grid.GridCoverage2D)
                        in4.get("satellite"), null, null, null, null, null, null, null, null));
        assertEquals("model", missing.parameter());
    }

    /** The ParameterException behind the failure of a run (Processors wraps it in a ProcessException). */
    private static ParameterException failure(Map<String, Object> inputs) {
        Throwable e = assertThrows(RuntimeException.class, () -> run(inputs));
        while (e != null && !(e instanceof ParameterException)) {
            e = e.getCause();
        }
        assertNotNull(e, "a ParameterException");
        return (ParameterException) e;
    }
}
