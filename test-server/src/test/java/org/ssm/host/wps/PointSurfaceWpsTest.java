package org.ssm.host.wps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ssm.host.TestSupport.get;
import static org.ssm.host.wps.WpsTestSupport.OWS;
import static org.ssm.host.wps.WpsTestSupport.WPS;
import static org.ssm.host.wps.WpsTestSupport.exception;
import static org.ssm.host.wps.WpsTestSupport.execute;
import static org.ssm.host.wps.WpsTestSupport.geoTiff;
import static org.ssm.host.wps.WpsTestSupport.outputs;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.algorithms.methods.Trainers;
import org.ssm.algorithms.model.FittedModel;
import org.ssm.algorithms.pointsurface.CrossValidationParameters;
import org.ssm.algorithms.pointsurface.FusionParameters;
import org.ssm.algorithms.pointsurface.PointSurfaceFusion;
import org.ssm.algorithms.learning.Predictor;
import org.ssm.algorithms.pointsurface.PredictorStack;
import org.ssm.core.Json;
import org.ssm.core.Monitor;
import org.ssm.grid.GridSeries;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;
import org.ssm.host.TestSupport.Response;
import org.ssm.io.CrsTransforms;
import org.ssm.io.StationsGeoJson;
import org.ssm.io.Wgs84;
import org.ssm.scenario.Scenario;
import org.ssm.scenario.TwinExperiment;
import org.ssm.scenario.TwinExperimentConfig;
import org.ssm.scenario.TwinStation;
import org.ssm.stations.StationSeries;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * ssm:DownscalePointSurface with a random forest on the small twin experiment through the host's WPS
 * (predictors from its own WCS, stations inline), then ssm:ApplyModel with the returned model: the
 * same series, bit for bit.
 */
class PointSurfaceWpsTest {

    private static final String TRAINING = "2021-01-01/2021-12-31";

    @TempDir
    static Path dir;

    static Host host;
    static String base;
    static Scenario twin;
    static final List<StationSeries> STATIONS = new ArrayList<>();
    static final Map<String, GridSeries> LAYERS = new java.util.LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(HostConfig.defaults(0, dir));
        base = host.localBaseUrl();
        twin = TwinExperiment.generate(TwinExperimentConfig.small(), Monitor.NONE);
        LAYERS.put("pm_ssm", twin.pmSsm());
        LAYERS.put("reanalysis_ssm", twin.reanalysisSsm());
        LAYERS.put("lst", twin.lstClearSky());
        LAYERS.put("ndvi", twin.ndviClearSky());
        LAYERS.put("rain", twin.rain());
        String[] styles = {"ssm", "ssm", "lst", "ndvi", "rain"};
        int k = 0;
        for (Map.Entry<String, GridSeries> e : LAYERS.entrySet()) {
            host.catalog().publish("ps_" + e.getKey(), e.getKey(), "twin", styles[k++], "", "test", e.getValue());
        }
        List<TwinStation> ts = twin.stations();
        double[] xy = new double[2 * ts.size()];
        for (int s = 0; s < ts.size(); s++) {
            xy[2 * s] = ts.get(s).x();
            xy[2 * s + 1] = ts.get(s).y();
        }
        double[] lonLat = Wgs84.toLonLat(twin.fineGrid().crs(), xy);
        for (int s = 0; s < ts.size(); s++) {
            STATIONS.add(ts.get(s).toSeries(lonLat[2 * s], lonLat[2 * s + 1]));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    private static String complex(Element output) {
        Element data = (Element) output.getElementsByTagNameNS(WPS, "ComplexData").item(0);
        assertEquals("application/json", data.getAttribute("mimeType"));
        return data.getTextContent();
    }

    @SuppressWarnings("unchecked")
    @Test
    void downscalesWithARandomForestThenApplyModelReproducesTheSeriesBitForBit() throws Exception {
        Map<String, String> values = new HashMap<>();
        values.put("base", base);
        values.put("stations", StationsGeoJson.write(STATIONS));
        values.put("trainingPeriod", TRAINING);
        Response r = execute(base, "wps/execute-downscalepointsurface.xml", values);
        assertEquals(200, r.status(), r.text());
        Document d = r.xml();
        assertNotNull(d.getElementsByTagNameNS(WPS, "ProcessSucceeded").item(0), r.text());
        Map<String, Element> outputs = outputs(d);

        // The same run in process: the model document is equal, provenance and all.
        List<Predictor> predictors = new ArrayList<>();
        LAYERS.forEach((name, series) -> predictors.add(new Predictor(name, series)));
        PredictorStack stack = PredictorStack.align(predictors, true, null, null,
                (from, to) -> CrsTransforms.between("predictors", from, to), Monitor.NONE);
        PointSurfaceFusion.Result expected = new PointSurfaceFusion(FusionParameters.defaults()
                .withCrossValidation(CrossValidationParameters.defaults().withSeed(7))
                .withTrainingPeriod(LocalDate.parse("2021-01-01"), LocalDate.parse("2021-12-31")))
                .run(stack, StationsGeoJson.read(StationsGeoJson.write(STATIONS)),
                        CrsTransforms.between("stations", "EPSG:4326", stack.geometry().crs()),
                        Trainers.create("method", "RF", new TrainerOptions(Map.of("trees", 60L, "maxDepth", 12L,
                                "seed", 7L))), Monitor.NONE);
        String modelJson = complex(outputs.get("model"));
        assertEquals(expected.model().toJson(), modelJson);
        FittedModel model = FittedModel.fromJson("model", modelJson);
        assertEquals("RF", model.method());
        Map<String, Object> metrics = Json.parseObject(complex(outputs.get("metrics")));
        assertEquals(Json.parseObject(Json.write(expected.metricsJson())), metrics);
        Map<String, Object> cv = (Map<String, Object>) metrics.get("cross_validation");
        assertEquals(List.of("2021", "2022"), ((List<Map<String, Object>>) cv.get("folds")).stream()
                .map(f -> f.get("held_out")).toList(), "trained on one season, validated on the other");

        Element ref = (Element) outputs.get("ssm").getElementsByTagNameNS(WPS, "Reference").item(0);
        Response tiff = get(ref.getAttribute("href"));
        assertEquals(200, tiff.status());
        GridSeries ssm = geoTiff(dir, "fusion.tif", tiff.body());
        assertEquals(twin.dates(), ssm.dates());
        for (int t = 0; t < ssm.size(); t++) {
            assertArrayEquals(bits(expected.ssm().band(t)), bits(ssm.band(t)), "the algorithm's series");
        }
        assertTrue(host.catalog().layers().stream().anyMatch(l -> l.name().startsWith("DownscalePointSurface_")
                && l.name().endsWith("_ssm")), "the series is published as a layer");

        values.put("model", modelJson);
        values.put("pm", "ps_pm_ssm");
        values.put("pmName", "pm_ssm");
        Response again = execute(base, "wps/execute-applymodel.xml", values);
        assertEquals(200, again.status(), again.text());
        assertTrue(again.contentType().startsWith("image/tiff"), again.contentType());
        GridSeries applied = geoTiff(dir, "applied.tif", again.body());
        assertEquals(ssm.dates(), applied.dates());
        for (int t = 0; t < ssm.size(); t++) {
            assertArrayEquals(bits(ssm.band(t)), bits(applied.band(t)), "date " + ssm.dates().get(t));
        }
    }

    @Test
    void aPredictorNamedOtherwiseThanInTheModelIsAnInvalidParameterValue() throws Exception {
        Map<String, String> values = new HashMap<>();
        values.put("base", base);
        values.put("stations", StationsGeoJson.write(STATIONS));
        values.put("trainingPeriod", TRAINING);
        Document d = execute(base, "wps/execute-downscalepointsurface.xml", values).xml();
        values.put("model", complex(outputs(d).get("model")));
        values.put("pm", "ps_pm_ssm");
        values.put("pmName", "smap");
        Response r = execute(base, "wps/execute-applymodel.xml", values);
        assertEquals(400, r.status(), r.text());
        Element e = exception(r);
        assertEquals("InvalidParameterValue", e.getAttribute("exceptionCode"));
        assertEquals("predictors", e.getAttribute("locator"));
        assertTrue(e.getTextContent().contains("no predictor named pm_ssm"), e.getTextContent());
    }

    private static int[] bits(float[] band) {
        int[] b = new int[band.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = Float.floatToRawIntBits(band[i]);
        }
        return b;
    }
}
