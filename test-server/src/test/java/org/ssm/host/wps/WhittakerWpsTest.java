package org.ssm.host.wps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ssm.host.TestSupport.get;
import static org.ssm.host.wps.WpsTestSupport.OWS;
import static org.ssm.host.wps.WpsTestSupport.WPS;
import static org.ssm.host.wps.WpsTestSupport.execute;
import static org.ssm.host.wps.WpsTestSupport.geoTiff;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.algorithms.whittaker.LambdaSelection;
import org.ssm.algorithms.whittaker.WhittakerSmoother;
import org.ssm.core.Monitor;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesDates;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;
import org.ssm.host.TestSupport;
import org.ssm.host.TestSupport.Response;
import org.ssm.host.catalog.Layer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code ssm:WhittakerSmooth} executed through the host's WPS on a layer of its own WCS. */
class WhittakerWpsTest {

    private static final String DATES = "2021-05-01/2021-06-15/P5D";
    private static final String LAYER = "test_ndvi_clouds";

    @TempDir
    static Path dir;

    static Host host;
    static String base;
    static GridSeries clouded;

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(HostConfig.defaults(0, dir));
        base = host.localBaseUrl();
        // NDVI every 5 days with a third of the values under cloud (NaN).
        GridSeries ndvi = TestSupport.random(TestSupport.FINE, DATES, 0.2, 0.7, 21);
        SplittableRandom rnd = new SplittableRandom(22);
        for (int b = 0; b < ndvi.size(); b++) {
            for (int i = 0; i < ndvi.band(b).length; i++) {
                if (rnd.nextInt(3) == 0) {
                    ndvi.band(b)[i] = Float.NaN;
                }
            }
        }
        clouded = ndvi;
        host.catalog().publish(LAYER, "NDVI with clouds", "test", "ndvi", "1", "test", clouded);
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    @Test
    void smoothingAWcsLayerPublishesTheFilledSeriesAndTheLambdaMap() throws Exception {
        Response r = execute(base, "wps/execute-whittaker-references.xml",
                Map.of("base", base, "series", LAYER));
        assertEquals(200, r.status(), r.text());
        Document d = r.xml();
        assertNotNull(d.getElementsByTagNameNS(WPS, "ProcessSucceeded").item(0), r.text());
        String[] layers = r.header("X-SSM-Layers").split(",");
        assertEquals(2, layers.length, r.header("X-SSM-Layers"));
        assertTrue(layers[0].startsWith("WhittakerSmooth_") && layers[0].endsWith("_smoothed"), layers[0]);
        assertTrue(layers[1].startsWith("WhittakerSmooth_") && layers[1].endsWith("_logLambda"), layers[1]);

        Layer smoothed = host.catalog().find(layers[0]).orElseThrow();
        assertEquals("ndvi", smoothed.style(), "the output keeps the variable of the input layer");
        assertEquals(SeriesDates.parse("dates", DATES), smoothed.dates());
        Layer lambda = host.catalog().find(layers[1]).orElseThrow();
        assertEquals("lambda", lambda.style());
        assertEquals(1, lambda.bands());

        // The same computation in process, on the same float32 values the WCS served.
        WhittakerSmoother.Smoothed expected = WhittakerSmoother.of(LambdaSelection.VCurve.MODIS)
                .smooth(clouded, null, Monitor.NONE);
        for (int b = 0; b < clouded.size(); b++) {
            float[] band = host.catalog().band(smoothed, b);
            for (int i = 0; i < band.length; i++) {
                assertFalse(Float.isNaN(band[i]), "clouds are filled");
                assertEquals(expected.values().band(b)[i], band[i], 0f);
            }
        }
        float[] logLambda = host.catalog().band(lambda, 0);
        for (int i = 0; i < logLambda.length; i++) {
            assertEquals(expected.logLambda().values()[i], logLambda[i], 0f);
        }

        // The referenced GeoTIFF is the published series.
        Element ref = (Element) d.getElementsByTagNameNS(WPS, "Reference").item(0);
        Response tif = get(ref.getAttribute("href"));
        assertEquals(200, tif.status());
        GridSeries download = geoTiff(dir, "smoothed.tif", tif.body());
        assertEquals(SeriesDates.parse("dates", DATES), download.dates());
        assertEquals(host.catalog().band(smoothed, 3)[17], download.band(3)[17], 0f);
        assertEquals(DATES, d.getElementsByTagNameNS(WPS, "LiteralData").item(0).getTextContent().strip());

        // The lambda map is drawn with its own style.
        Response map = get(base + "/wms?service=WMS&version=1.3.0&request=GetMap&layers=" + layers[1]
                + "&styles=&crs=EPSG:32633&bbox=520000,5350000,540000,5360000&width=40&height=20&format=image/png");
        assertEquals(200, map.status());
        assertTrue(map.contentType().startsWith("image/png"), map.contentType());
    }

    @Test
    void aBadGridStepIsReportedByName() throws Exception {
        Response r = execute(base, "wps/execute-whittaker-bad-step.xml",
                Map.of("base", base, "series", LAYER));
        assertEquals(400, r.status(), r.text());
        NodeList exceptions = r.xml().getElementsByTagNameNS(OWS, "Exception");
        Element e = (Element) exceptions.item(0);
        assertEquals("InvalidParameterValue", e.getAttribute("exceptionCode"));
        assertEquals("logLambdaStep", e.getAttribute("locator"));
        assertTrue(e.getTextContent().contains("grid points"), e.getTextContent());
    }
}
