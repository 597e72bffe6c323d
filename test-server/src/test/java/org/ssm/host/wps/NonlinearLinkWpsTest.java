package org.ssm.host.wps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ssm.host.wps.WpsTestSupport.OWS;
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
import org.ssm.algorithms.nonlinear.CellDistances;
import org.ssm.algorithms.nonlinear.LinkInputs;
import org.ssm.algorithms.nonlinear.LinkOutputs;
import org.ssm.algorithms.nonlinear.LinkParameters;
import org.ssm.algorithms.nonlinear.LinkReport;
import org.ssm.algorithms.nonlinear.LinkingModel;
import org.ssm.algorithms.nonlinear.NonlinearLinkDownscaler;
import org.ssm.core.Monitor;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesBuffer;
import org.ssm.grid.SeriesDates;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;
import org.ssm.host.TestSupport.Response;
import org.ssm.host.catalog.Layer;
import org.ssm.io.Wgs84;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * ssm:NonlinearLinkDownscale through the host's WPS: coarse SSM, SEE and NMDI from its own WCS, a
 * period, the fine SSM published as a layer and equal to the algorithm's result on the same inputs.
 */
class NonlinearLinkWpsTest {

    private static final GridGeometry FINE = new GridGeometry("EPSG:32633", 520_000, 5_360_000, 1000, 1000, 20, 15);
    private static final GridGeometry COARSE = FINE.coarsen(5);
    private static final List<LocalDate> DATES = SeriesDates.parse("dates", "2021-06-01/2021-06-12/P1D");
    private static final String PERIOD = "2021-06-03/2021-06-10";
    private static final LinkingModel MODEL = new LinkingModel(-0.15, 0.8, 0.05);

    @TempDir
    static Path dir;

    static Host host;
    static String base;
    static GridSeries coarse;
    static GridSeries see;
    static GridSeries nmdi;

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(HostConfig.defaults(0, dir));
        base = host.localBaseUrl();
        int[] cell = FINE.coarseCellIndex(COARSE);
        SplittableRandom rnd = new SplittableRandom(77);
        int days = DATES.size();
        float[][] s = new float[days][FINE.size()];
        float[][] n = new float[days][FINE.size()];
        float[][] c = new float[days][COARSE.size()];
        for (int t = 0; t < days; t++) {
            double[] baseSee = new double[COARSE.size()];
            double[] baseNmdi = new double[COARSE.size()];
            for (int p = 0; p < COARSE.size(); p++) {
                baseSee[p] = 0.2 + 0.5 * rnd.nextDouble();
                baseNmdi[p] = 0.15 + 0.4 * rnd.nextDouble();
            }
            double[] sumSee = new double[COARSE.size()];
            double[] sumNmdi = new double[COARSE.size()];
            for (int i = 0; i < FINE.size(); i++) {
                s[t][i] = (float) (baseSee[cell[i]] + 0.05 * (2 * rnd.nextDouble() - 1));
                n[t][i] = (float) (baseNmdi[cell[i]] + 0.03 * (2 * rnd.nextDouble() - 1));
                sumSee[cell[i]] += s[t][i];
                sumNmdi[cell[i]] += n[t][i];
            }
            for (int p = 0; p < COARSE.size(); p++) {
                c[t][p] = (float) (MODEL.value(sumSee[p] / 25, sumNmdi[p] / 25) + 0.005 * rnd.nextGaussian());
            }
        }
        // A swath gap inside the period, filled by eq. 6 from its neighbours.
        c[6][5] = Float.NaN;
        coarse = GridSeries.of(COARSE, DATES, c);
        see = GridSeries.of(FINE, DATES, s);
        nmdi = GridSeries.of(FINE, DATES, n);
        host.catalog().publish("nl_coarse", "PM SSM", "test", "ssm", "m3 m-3", "test", coarse);
        host.catalog().publish("nl_see", "SEE", "test", "see", "1", "test", see);
        host.catalog().publish("nl_nmdi", "NMDI", "test", "nmdi", "1", "test", nmdi);
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    private static Map<String, String> values(String ws) {
        return Map.of("base", base, "coarse", "nl_coarse", "see", "nl_see", "nmdi", "nl_nmdi", "period", PERIOD,
                "ws", ws);
    }

    @Test
    void publishesTheFineSsmOfThePeriod() throws Exception {
        Response r = execute(base, "wps/execute-nonlinear-link.xml", values("7"));
        assertEquals(200, r.status(), r.text());
        assertNotNull(r.xml().getElementsByTagNameNS(WPS, "ProcessSucceeded").item(0), r.text());
        String layers = r.header("X-SSM-Layers");
        assertNotNull(layers, "the run published layers");
        String name = Arrays.stream(layers.split(",")).filter(l -> l.endsWith("_ssm")).findFirst().orElseThrow();
        assertTrue(name.startsWith("NonlinearLinkDownscale_"), name);
        Layer layer = host.catalog().find(name).orElseThrow();
        assertEquals("ssm", layer.style());
        assertEquals(8, layer.bands(), "the 8 dates of " + PERIOD);

        // The algorithm on the same inputs (float32 through WCS, lossless), the same period and the
        // process's great-circle distances: the same arithmetic, so the same floats.
        LocalDate from = LocalDate.parse("2021-06-03");
        LocalDate to = LocalDate.parse("2021-06-10");
        GridSeries c = coarse.between(from, to);
        double[] xy = new double[2 * COARSE.size()];
        for (int i = 0; i < COARSE.size(); i++) {
            xy[2 * i] = COARSE.centerX(i % COARSE.width());
            xy[2 * i + 1] = COARSE.centerY(i / COARSE.width());
        }
        SeriesBuffer expected = new SeriesBuffer(FINE, c.dates(), c.size());
        LinkReport report = new NonlinearLinkDownscaler(LinkParameters.defaults().withWindows(3, 7)).downscale(
                new LinkInputs(c.reader(), see.between(from, to).reader(), nmdi.between(from, to).reader(),
                        CellDistances.greatCircle(COARSE, Wgs84.toLonLat("EPSG:32633", xy))),
                LinkOutputs.ssmOnly(expected), Monitor.NONE);
        GridSeries e = expected.toSeries();
        for (int b = 0; b < 8; b++) {
            float[] got = host.catalog().band(layer, b);
            for (int i = 0; i < FINE.size(); i++) {
                assertEquals(e.band(b)[i], got[i], 0f, "band " + b + ", cell " + i);
            }
        }
        // Every pixel-date has values here: the gap pixel is filled from its neighbours.
        for (float v : host.catalog().band(layer, 4)) {
            assertTrue(!Float.isNaN(v));
        }
        String literals = literals(r.xml().getElementsByTagNameNS(WPS, "LiteralData"));
        assertTrue(literals.contains(report.csv().strip()), literals);
        assertTrue(literals.contains("2021-06-07,12,11,12,"), literals);
    }

    @Test
    void anEvenWindowIsAnInvalidParameterValueNamingWs() throws Exception {
        Response r = execute(base, "wps/execute-nonlinear-link.xml", values("6"));
        assertEquals(400, r.status(), r.text());
        Element e = exception(r);
        assertEquals("InvalidParameterValue", e.getAttribute("exceptionCode"));
        assertEquals("ws", e.getAttribute("locator"));
        assertTrue(e.getTextContent().contains("odd"), e.getTextContent());
    }

    private static String literals(NodeList list) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < list.getLength(); i++) {
            sb.append(list.item(i).getTextContent()).append('\n');
        }
        return sb.toString();
    }
}
