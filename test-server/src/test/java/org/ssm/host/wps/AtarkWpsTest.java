package org.ssm.host.wps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ssm.host.wps.WpsTestSupport.OWS;
import static org.ssm.host.wps.WpsTestSupport.WPS;
import static org.ssm.host.wps.WpsTestSupport.exception;
import static org.ssm.host.wps.WpsTestSupport.execute;
import static org.ssm.host.wps.WpsTestSupport.outputs;

import java.nio.file.Path;
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
import org.ssm.grid.SeriesDates;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;
import org.ssm.host.TestSupport;
import org.ssm.host.TestSupport.Response;
import org.ssm.host.catalog.Layer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code ssm:ATARK} executed through the host's WPS on layers of its own WCS. */
class AtarkWpsTest {

    private static final GridGeometry FINE = TestSupport.FINE;
    private static final GridGeometry COARSE = TestSupport.COARSE;

    @TempDir
    static Path dir;

    static Host host;
    static String base;
    static GridSeries coarse;

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(HostConfig.defaults(0, dir));
        base = host.localBaseUrl();
        GridSeries lst = TestSupport.random(FINE, TestSupport.DATES, 285, 320, 31);
        GridSeries fvc = TestSupport.random(FINE, TestSupport.DATES, 0.1, 0.8, 32);
        // Coarse SSM: block means of a fine field driven by LST and fvc plus a smooth part.
        int[] cell = FINE.coarseCellIndex(COARSE);
        float[][] bands = new float[lst.size()][COARSE.size()];
        for (int b = 0; b < lst.size(); b++) {
            double[] sum = new double[COARSE.size()];
            for (int i = 0; i < cell.length; i++) {
                double smooth = 0.02 * Math.sin(i % FINE.width() / 4.0 + b);
                sum[cell[i]] += 0.6 - 0.0015 * lst.band(b)[i] + 0.1 * fvc.band(b)[i] + smooth;
            }
            for (int c = 0; c < sum.length; c++) {
                bands[b][c] = (float) (sum[c] / 25);
            }
        }
        coarse = GridSeries.of(COARSE, SeriesDates.parse("dates", TestSupport.DATES), bands);
        host.catalog().publish("atark_pm", "coarse SSM", "test", "ssm", "m3 m-3", "test", coarse);
        host.catalog().publish("atark_lst", "LST", "test", "lst", "K", "test", lst);
        host.catalog().publish("atark_fvc", "fvc", "test", "fvc", "1", "test", fvc);
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    private static Map<String, String> values(String model, String neighbours) {
        Map<String, String> v = new HashMap<>();
        v.put("base", base);
        v.put("coarse", "atark_pm");
        v.put("lst", "atark_lst");
        v.put("fvc", "atark_fvc");
        v.put("model", model);
        v.put("neighbours", neighbours);
        return v;
    }

    @Test
    @SuppressWarnings("unchecked")
    void atarkPublishesAFieldThatKeepsEachCoarseValue() throws Exception {
        Response r = execute(base, "wps/execute-atark.xml", values("SPHERICAL", "9"));
        assertEquals(200, r.status(), r.text());
        Document d = r.xml();
        assertNotNull(d.getElementsByTagNameNS(WPS, "ProcessSucceeded").item(0), r.text());
        String[] layers = r.header("X-SSM-Layers").split(",");
        // Every coverage output is published, requested as reference or not.
        assertEquals(3, layers.length, r.header("X-SSM-Layers"));
        assertTrue(layers[0].startsWith("ATARK_") && layers[0].endsWith("_ssm"), layers[0]);
        assertTrue(layers[2].endsWith("_residual"), layers[2]);
        assertEquals("bias", host.catalog().find(layers[2]).orElseThrow().style(), "residuals use the signed style");
        Layer ssm = host.catalog().find(layers[0]).orElseThrow();
        assertEquals("ssm", ssm.style());
        assertEquals(SeriesDates.parse("dates", TestSupport.DATES), ssm.dates());

        // Coherence through the whole chain (WCS GeoTIFF in, scratch coverage out): every coarse pixel's
        // 25 fine values average to its coarse value. Float32 storage of trend, residual and sum bounds
        // the error at a few 2^-24 relative of values ~0.2: 2e-7.
        int[] cell = FINE.coarseCellIndex(COARSE);
        for (int b = 0; b < coarse.size(); b++) {
            float[] band = host.catalog().band(ssm, b);
            double[] sum = new double[COARSE.size()];
            for (int i = 0; i < band.length; i++) {
                assertFalse(Float.isNaN(band[i]));
                sum[cell[i]] += band[i];
            }
            for (int c = 0; c < sum.length; c++) {
                assertEquals(coarse.band(b)[c], sum[c] / 25, 2e-7, "date " + b + " cell " + c);
            }
        }

        Map<String, Element> outputs = outputs(d);
        Element report = (Element) outputs.get("report").getElementsByTagNameNS(WPS, "ComplexData").item(0);
        assertEquals("application/json", report.getAttribute("mimeType"));
        Map<String, Object> json = Json.parseObject(report.getTextContent());
        assertEquals("MSR", ((Map<String, Object>) json.get("trend")).get("method"));
        assertEquals("SPHERICAL", ((Map<String, Object>) json.get("kriging")).get("variogramModel"));
        List<Object> dates = (List<Object>) json.get("dates");
        assertEquals(3, dates.size());
        for (Object date : dates) {
            Map<String, Object> m = (Map<String, Object>) date;
            assertTrue(((Number) m.get("range")).doubleValue() > 0, m.toString());
        }
        assertEquals(SeriesDates.parse("dates", TestSupport.DATES), SeriesDates.parse("dates",
                outputs.get("dates").getElementsByTagNameNS(WPS, "LiteralData").item(0).getTextContent().strip()));
    }

    @Test
    void anUnknownVariogramModelIsReportedByName() throws Exception {
        Response r = execute(base, "wps/execute-atark.xml", values("GAUSSIAN", "9"));
        assertEquals(400, r.status(), r.text());
        Element e = exception(r);
        assertEquals("InvalidParameterValue", e.getAttribute("exceptionCode"));
        assertEquals("variogramModel", e.getAttribute("locator"));
        assertTrue(e.getTextContent().contains("EXPONENTIAL"), e.getTextContent());
    }
}
