package org.ssm.host.wps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ssm.host.wps.WpsTestSupport.WPS;
import static org.ssm.host.wps.WpsTestSupport.exception;
import static org.ssm.host.wps.WpsTestSupport.execute;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesDates;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;
import org.ssm.host.TestSupport.Response;
import org.ssm.host.catalog.Layer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** ssm:GapFillLST and ssm:QualityMask through the host's WPS, on inputs chained from its own WCS. */
class GapFillQualityWpsTest {

    private static final GridGeometry GRID = new GridGeometry("EPSG:32633", 520_000, 5_360_000, 1000, 1000, 30, 20);
    private static final String DATES = "2021-05-01/2021-05-04/P1D";

    @TempDir
    static Path dir;

    static Host host;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(HostConfig.defaults(0, dir));
        base = host.localBaseUrl();
        List<LocalDate> dates = SeriesDates.parse("dates", DATES);
        SplittableRandom rnd = new SplittableRandom(3);
        float[] dem = new float[GRID.size()];
        float[][] ndvi = new float[4][GRID.size()];
        float[][] lst = new float[4][GRID.size()];
        float[][] qc = new float[4][GRID.size()];
        for (int i = 0; i < GRID.size(); i++) {
            dem[i] = (float) (200 + 600 * rnd.nextDouble());
        }
        for (int t = 0; t < 4; t++) {
            for (int i = 0; i < GRID.size(); i++) {
                int col = i % GRID.width();
                ndvi[t][i] = (float) (0.2 + 0.5 * rnd.nextDouble());
                boolean cloud = col >= 8 * t && col < 8 * t + 8;
                lst[t][i] = cloud ? Float.NaN : (float) (300 + 8 * Math.sin(i / 37.0) - 6 * ndvi[t][i]
                        - 0.005 * dem[i] + t + 0.3 * rnd.nextGaussian());
                // MOD11A1 QC words: good (0), LST error <= 2 K (65), cloud (2).
                qc[t][i] = cloud ? 2 : (i % 4 == 0 ? 65 : 0);
            }
        }
        host.catalog().publish("gf_lst", "cloudy LST", "test", "lst", "K", "test", GridSeries.of(GRID, dates, lst));
        host.catalog().publish("gf_ndvi", "NDVI", "test", "ndvi", "1", "test", GridSeries.of(GRID, dates, ndvi));
        host.catalog().publish("gf_dem", "DEM", "test", "dem", "m", "test", GridSeries.undated(GRID, new float[][] {dem}));
        host.catalog().publish("gf_qc", "QC", "test", "qc", "1", "test", GridSeries.of(GRID, dates, qc));
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    private static Map<String, String> published(Response r) throws Exception {
        assertEquals(200, r.status(), r.text());
        Document d = r.xml();
        assertNotNull(d.getElementsByTagNameNS(WPS, "ProcessSucceeded").item(0), r.text());
        String header = r.header("X-SSM-Layers");
        assertNotNull(header, "the run published layers");
        return Map.of("layers", header, "literals", literals(d));
    }

    private static String literals(Document d) {
        NodeList list = d.getElementsByTagNameNS(WPS, "LiteralData");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < list.getLength(); i++) {
            sb.append(((Element) list.item(i)).getTextContent()).append('\n');
        }
        return sb.toString();
    }

    private static Layer layer(String layers, String suffix) {
        String name = Arrays.stream(layers.split(",")).filter(n -> n.endsWith(suffix)).findFirst()
                .orElseThrow(() -> new AssertionError("no layer ending " + suffix + " in " + layers));
        return host.catalog().find(name).orElseThrow();
    }

    @Test
    void gapFillPublishesTheFilledSeriesAndTheDistanceMap() throws Exception {
        Response r = execute(base, "wps/execute-gapfill-references.xml",
                Map.of("base", base, "lst", "gf_lst", "ndvi", "gf_ndvi", "dem", "gf_dem"));
        Map<String, String> out = published(r);
        Layer filled = layer(out.get("layers"), "_filled");
        assertTrue(filled.name().startsWith("GapFillLST_"), filled.name());
        assertEquals("lst", filled.style());
        assertEquals(SeriesDates.parse("d", DATES), filled.dates());
        Layer distance = layer(out.get("layers"), "_distance");
        assertEquals("fill-distance", distance.style());
        assertEquals("d", distance.units());
        // Each date is cloudy on a band of 8 columns that its neighbours see clear: every pixel is filled.
        for (int b = 0; b < 4; b++) {
            for (float v : host.catalog().band(filled, b)) {
                assertTrue(Float.isFinite(v));
            }
        }
        assertTrue(out.get("literals").contains("2021-05-02,600,440,160,600,"), out.get("literals"));
    }

    @Test
    void qualityMaskPublishesTheMaskedSeriesAndTheMask() throws Exception {
        Response r = execute(base, "wps/execute-qualitymask-references.xml",
                Map.of("base", base, "values", "gf_lst", "qc", "gf_qc", "rules", "bits=0-1:0,1;6-7:0 range=250:350"));
        Map<String, String> out = published(r);
        Layer masked = layer(out.get("layers"), "_masked");
        assertTrue(masked.name().startsWith("QualityMask_"), masked.name());
        assertEquals("lst", masked.style(), "named like the input layer");
        Layer mask = layer(out.get("layers"), "_mask");
        assertEquals("qc-mask", mask.style());
        float[] m = host.catalog().band(mask, 0);
        float[] v = host.catalog().band(masked, 0);
        for (int i = 0; i < GRID.size(); i++) {
            int col = i % GRID.width();
            float expected = col < 8 ? Float.NaN : (i % 4 == 0 ? 0f : 1f);
            assertEquals(expected, m[i], 0f, "pixel " + i);
            assertEquals(expected == 1f, Float.isFinite(v[i]), "pixel " + i);
        }
        // 440 clear pixels on 2021-05-01, a quarter of them with QC 65 (LST error up to 2 K).
        assertTrue(out.get("literals").contains("2021-05-01,440,330,110,0.750000"), out.get("literals"));
    }

    @Test
    void aBadRuleIsAnInvalidParameterValueNamingRules() throws Exception {
        Response r = execute(base, "wps/execute-qualitymask-references.xml",
                Map.of("base", base, "values", "gf_lst", "qc", "gf_qc", "rules", "bits=0-1:5"));
        assertEquals(400, r.status(), r.text());
        Element e = exception(r);
        assertEquals("InvalidParameterValue", e.getAttribute("exceptionCode"));
        assertEquals("rules", e.getAttribute("locator"));
        assertTrue(e.getTextContent().contains("'5' in 'bits=0-1:5'"), e.getTextContent());
    }
}
