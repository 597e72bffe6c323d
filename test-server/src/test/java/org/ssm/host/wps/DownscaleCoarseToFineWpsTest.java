package org.ssm.host.wps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ssm.host.wps.WpsTestSupport.OWS;
import static org.ssm.host.wps.WpsTestSupport.WPS;
import static org.ssm.host.wps.WpsTestSupport.execute;
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
import org.ssm.core.Json;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;
import org.ssm.host.TestSupport.Response;
import org.ssm.host.catalog.Layer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * ssm:DownscaleCoarseToFine through the host's WPS: coarse SSM, LST and a static FVC from its own
 * WCS; the fine SSM published as a layer whose coarse-cell means equal the coarse values (residual
 * correction), the models inline as JSON.
 */
class DownscaleCoarseToFineWpsTest {

    private static final GridGeometry FINE = new GridGeometry("EPSG:32633", 520_000, 5_360_000, 1000, 1000, 12, 9);
    private static final GridGeometry COARSE = FINE.coarsen(3);
    private static final int DAYS = 4;

    @TempDir
    static Path dir;

    static Host host;
    static String base;
    static GridSeries coarse;

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(HostConfig.defaults(0, dir));
        base = host.localBaseUrl();
        List<LocalDate> dates = new ArrayList<>();
        float[][] lst = new float[DAYS][FINE.size()];
        float[] fvc = new float[FINE.size()];
        float[][] c = new float[DAYS][COARSE.size()];
        int[] cell = FINE.coarseCellIndex(COARSE);
        for (int i = 0; i < FINE.size(); i++) {
            fvc[i] = (float) (0.4 + 0.3 * Math.sin(0.9 * (i % 12) - 0.4 * (i / 12)));
        }
        for (int d = 0; d < DAYS; d++) {
            dates.add(LocalDate.of(2021, 6, 1).plusDays(d));
            double[] sum = new double[COARSE.size()];
            for (int i = 0; i < FINE.size(); i++) {
                lst[d][i] = (float) (300 + 6 * Math.cos(0.5 * (i % 12) + 0.8 * (i / 12) + d));
                sum[cell[i]] += 0.3 - 0.006 * (lst[d][i] - 300) + 0.08 * fvc[i] * fvc[i];
            }
            for (int k = 0; k < COARSE.size(); k++) {
                c[d][k] = (float) (sum[k] / 9);
            }
        }
        coarse = GridSeries.of(COARSE, dates, c);
        host.catalog().publish("c2f_coarse", "Coarse SSM", "test", "ssm", "m3/m3", "test", coarse);
        host.catalog().publish("c2f_lst", "LST", "test", "lst", "K", "test", GridSeries.of(FINE, dates, lst));
        host.catalog().publish("c2f_fvc", "FVC", "test", "fvc", "1", "test",
                GridSeries.undated(FINE, new float[][] {fvc}));
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    @SuppressWarnings("unchecked")
    @Test
    void downscalesCoveragesOfItsOwnWcsPublishesTheLayerAndReturnsTheModels() throws Exception {
        Map<String, String> values = new HashMap<>();
        values.put("base", base);
        values.put("coarse", "c2f_coarse");
        values.put("lst", "c2f_lst");
        values.put("fvc", "c2f_fvc");
        values.put("method", "MSR");
        values.put("options", "pEnter=0.01");
        Response r = execute(base, "wps/execute-coarsetofine-references.xml", values);
        assertEquals(200, r.status(), r.text());
        Document d = r.xml();
        assertNotNull(d.getElementsByTagNameNS(WPS, "ProcessSucceeded").item(0), r.text());

        String name = r.header("X-SSM-Layers");
        assertNotNull(name);
        assertTrue(name.startsWith("DownscaleCoarseToFine_") && name.endsWith("_ssm"), name);
        Layer layer = host.catalog().find(name).orElseThrow();
        assertEquals(coarse.dates(), layer.dates());
        assertEquals("ssm", layer.style());
        int[] cell = FINE.coarseCellIndex(COARSE);
        for (int b = 0; b < DAYS; b++) {
            float[] band = host.catalog().band(layer, b);
            double[] sum = new double[COARSE.size()];
            for (int i = 0; i < band.length; i++) {
                sum[cell[i]] += band[i];
            }
            for (int k = 0; k < COARSE.size(); k++) {
                // Residual correction: nine float32 values near 0.3 (ulp 3e-8) average to the coarse value.
                assertEquals(coarse.band(b)[k], sum[k] / 9, 3e-8, "date " + b + " cell " + k);
            }
        }

        Map<String, Element> outputs = outputs(d);
        Element models = (Element) outputs.get("models").getElementsByTagNameNS(WPS, "ComplexData").item(0);
        assertEquals("application/json", models.getAttribute("mimeType"));
        Map<String, Object> json = Json.parseObject(models.getTextContent());
        assertEquals("MSR", json.get("method"));
        assertEquals(true, json.get("residualCorrection"));
        List<Object> fitted = (List<Object>) json.get("models");
        assertEquals(1, fitted.size(), "dates pooled into one model");
        Map<String, Object> first = (Map<String, Object>) fitted.get(0);
        assertEquals(DAYS * COARSE.size(), ((Number) first.get("samples")).intValue());
        Map<String, Object> model = (Map<String, Object>) first.get("model");
        assertEquals("ssm-model", model.get("format"));
        assertEquals(0.01, ((Map<String, Object>) ((Map<String, Object>) model.get("provenance")).get("parameters"))
                .get("pEnter"));
    }
}
