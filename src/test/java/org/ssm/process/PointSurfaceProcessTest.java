package org.ssm.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.geotools.api.feature.type.Name;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.feature.NameImpl;
import org.geotools.process.Process;
import org.geotools.process.ProcessException;
import org.geotools.process.Processors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssm.algorithms.model.FittedModel;
import org.ssm.core.Json;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridSeries;
import org.ssm.io.Coverages;
import org.ssm.io.Wgs84;
import org.ssm.scenario.Scenario;
import org.ssm.scenario.TwinExperiment;
import org.ssm.scenario.TwinExperimentConfig;
import org.ssm.scenario.TwinStation;
import org.ssm.stations.StationSeries;

/** ssm:DownscalePointSurface and ssm:ApplyModel through the GeoTools SPI on the small twin experiment. */
class PointSurfaceProcessTest {

    static Scenario twin;
    static Map<String, GridCoverage2D> layers = new HashMap<>();
    static List<StationSeries> stations = new ArrayList<>();

    @BeforeAll
    static void scenario() {
        twin = TwinExperiment.generate(TwinExperimentConfig.small(), Monitor.NONE);
        layers.put("pm_ssm", Coverages.toCoverage("ssm", twin.pmSsm()));
        layers.put("reanalysis_ssm", Coverages.toCoverage("ssm", twin.reanalysisSsm()));
        layers.put("lst", Coverages.toCoverage("lst", twin.lstClearSky()));
        layers.put("ndvi", Coverages.toCoverage("ndvi", twin.ndviClearSky()));
        layers.put("rain", Coverages.toCoverage("rain", twin.rain()));
        List<TwinStation> ts = twin.stations();
        double[] xy = new double[2 * ts.size()];
        for (int s = 0; s < ts.size(); s++) {
            xy[2 * s] = ts.get(s).x();
            xy[2 * s + 1] = ts.get(s).y();
        }
        double[] lonLat = Wgs84.toLonLat(twin.fineGrid().crs(), xy);
        for (int s = 0; s < ts.size(); s++) {
            stations.add(ts.get(s).toSeries(lonLat[2 * s], lonLat[2 * s + 1]));
        }
    }

    private static Map<String, Object> run(String process, Map<String, Object> inputs) {
        Name name = new NameImpl("ssm", process);
        Process p = Processors.createProcess(name);
        return p.execute(inputs, null);
    }

    private static Map<String, Object> downscale(String... names) {
        Map<String, Object> in = new HashMap<>();
        List<GridCoverage2D> predictors = new ArrayList<>();
        for (String n : names) {
            predictors.add(layers.get(n));
        }
        in.put("predictors", predictors);
        in.put("names", String.join(",", names));
        in.put("stations", StationFeatures.toFeatures(stations));
        in.put("method", "RF");
        in.put("methodOptions", "trees=40");
        in.put("trainingPeriod", "/2021-12-31");
        return run("DownscalePointSurface", in);
    }

    @SuppressWarnings("unchecked")
    @Test
    void aStoredModelAppliedThroughApplyModelGivesBitIdenticalOutput() {
        Map<String, Object> out = downscale("pm_ssm", "reanalysis_ssm", "lst", "ndvi", "rain");
        GridSeries ssm = Coverages.fromCoverage("ssm", (GridCoverage2D) out.get("ssm"), null, Double.NaN);
        assertEquals(twin.fineGrid(), ssm.geometry(), "the finest predictor grid");
        assertEquals(twin.dates(), ssm.dates());
        FittedModel model = FittedModel.fromJson("model", (String) out.get("model"));
        assertEquals("RF", model.method());
        assertEquals(List.of("pm_ssm", "reanalysis_ssm", "lst", "ndvi", "rain", "doy"), model.predictors());
        assertEquals(40, ((Number) ((Map<String, Object>) model.provenance().get("parameters")).get("trees")).intValue());
        assertEquals("2021-04-30", model.provenance().get("training_to"));
        Map<String, Object> metrics = Json.parseObject((String) out.get("metrics"));
        Map<String, Object> cv = (Map<String, Object>) metrics.get("cross_validation");
        assertEquals("year", cv.get("split"));
        assertEquals(2, ((List<Object>) cv.get("folds")).size());
        double pcc = ((Number) ((Map<String, Object>) cv.get("pooled")).get("pcc")).doubleValue();
        // The station readings follow the truth at their pixels with noise, offsets and three faulty
        // sensors; the predictors explain much of it: a held-out PCC well above 0 but below 1.
        assertTrue(pcc > 0.3 && pcc < 1, "pooled held-out PCC " + pcc);

        Map<String, Object> in = new HashMap<>();
        in.put("model", out.get("model"));
        // Another order: predictors are matched by name.
        in.put("predictors", List.of(layers.get("rain"), layers.get("ndvi"), layers.get("lst"),
                layers.get("reanalysis_ssm"), layers.get("pm_ssm")));
        in.put("names", "rain,ndvi,lst,reanalysis_ssm,pm_ssm");
        GridSeries again = Coverages.fromCoverage("ssm", (GridCoverage2D) run("ApplyModel", in).get("ssm"), null,
                Double.NaN);
        assertEquals(ssm.dates(), again.dates());
        int finite = 0;
        for (int t = 0; t < ssm.size(); t++) {
            assertArrayEquals(bits(ssm.band(t)), bits(again.band(t)), "date " + ssm.dates().get(t));
            for (float v : ssm.band(t)) {
                finite += Float.isNaN(v) ? 0 : 1;
            }
        }
        assertTrue(finite > ssm.size() * ssm.geometry().size() / 2, finite + " predicted pixel-dates");
    }

    @Test
    void aMissingPredictorIsNamed() {
        Map<String, Object> out = downscale("pm_ssm", "lst", "ndvi");
        Map<String, Object> in = new HashMap<>();
        in.put("model", out.get("model"));
        in.put("predictors", List.of(layers.get("pm_ssm"), layers.get("lst")));
        in.put("names", "pm_ssm,lst");
        ParameterException e = failure(() -> run("ApplyModel", in));
        assertEquals("predictors", e.parameter());
        assertTrue(e.getMessage().contains("no predictor named ndvi"), e.getMessage());
    }

    @Test
    void badLiteralsFailNamingTheirInput() {
        Map<String, Object> in = new HashMap<>();
        in.put("predictors", List.of(layers.get("lst")));
        in.put("names", "lst");
        in.put("stations", StationFeatures.toFeatures(stations));
        in.put("method", "SVM");
        assertEquals("method", failure(() -> run("DownscalePointSurface", in))
                .parameter());
        in.put("method", "RF");
        in.put("names", "lst,ndvi");
        assertEquals("names", failure(() -> run("DownscalePointSurface", in))
                .parameter());
        in.put("names", "lst");
        in.put("methodOptions", "trees");
        assertEquals("methodOptions", failure(() -> run("DownscalePointSurface", in)).parameter());
        in.put("methodOptions", "trees=0");
        assertEquals("trees", failure(() -> run("DownscalePointSurface", in))
                .parameter());
        in.put("methodOptions", null);
        in.put("split", "month");
        assertEquals("split", failure(() -> run("DownscalePointSurface", in))
                .parameter());
        Map<String, Object> apply = new HashMap<>();
        apply.put("model", "{\"format\": \"other\"}");
        apply.put("predictors", List.of(layers.get("lst")));
        apply.put("names", "lst");
        assertEquals("model", failure(() -> run("ApplyModel", apply)).parameter());
    }

    /** The ParameterException GeoTools wraps in a ProcessException. */
    private static ParameterException failure(org.junit.jupiter.api.function.Executable run) {
        ProcessException e = assertThrows(ProcessException.class, run);
        return assertInstanceOf(ParameterException.class, e.getCause());
    }

    private static int[] bits(float[] band) {
        int[] b = new int[band.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = Float.floatToRawIntBits(band[i]);
        }
        return b;
    }
}
