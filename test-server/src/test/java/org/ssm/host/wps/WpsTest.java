package org.ssm.host.wps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ssm.host.TestSupport.get;
import static org.ssm.host.TestSupport.post;
import static org.ssm.host.TestSupport.template;
import static org.ssm.host.wps.WpsTestSupport.OWS;
import static org.ssm.host.wps.WpsTestSupport.WPS;
import static org.ssm.host.wps.WpsTestSupport.exception;
import static org.ssm.host.wps.WpsTestSupport.execute;
import static org.ssm.host.wps.WpsTestSupport.geoTiff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesDates;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;
import org.ssm.host.TestSupport;
import org.ssm.host.TestSupport.Response;
import org.ssm.host.catalog.Layer;
import org.ssm.io.GeoTiff;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class WpsTest {

    @TempDir
    static Path dir;

    static Host host;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(HostConfig.defaults(0, dir));
        base = host.localBaseUrl();
        TestSupport.publishTestLayers(host.catalog());
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    private static String dispatch(String coarse, String lst, boolean async) throws Exception {
        return template("wps/execute-dispatch-references.xml",
                Map.of("base", base, "coarse", coarse, "lst", lst, "async", Boolean.toString(async)));
    }

    private static String text(Document d, String ns, String local) {
        NodeList list = d.getElementsByTagNameNS(ns, local);
        return list.getLength() == 0 ? null : list.item(0).getTextContent().strip();
    }

    private static Set<String> layerNames() {
        Set<String> names = new TreeSet<>();
        host.catalog().layers().forEach(l -> names.add(l.name()));
        return names;
    }

    private static long runCount() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("wps/runs"))) {
            return s.count();
        }
    }

    @Test
    void capabilitiesListEverySsmProcess() throws Exception {
        Response r = get(base + "/wps?service=WPS&request=GetCapabilities");
        assertEquals(200, r.status());
        NodeList ids = r.xml().getElementsByTagNameNS(OWS, "Identifier");
        Set<String> found = new TreeSet<>();
        for (int i = 0; i < ids.getLength(); i++) {
            found.add(ids.item(i).getTextContent());
        }
        assertTrue(found.containsAll(Set.of("ssm:DisPATCh", "ssm:Align", "ssm:SpectralIndices")), found.toString());
    }

    @Test
    void describeProcessGivesTypesRangesAndChoices() throws Exception {
        Response r = get(base + "/wps?service=WPS&version=1.0.0&request=DescribeProcess&identifier=ssm:DisPATCh,ssm:Align");
        assertEquals(200, r.status(), r.text());
        String xml = r.text();
        assertTrue(xml.contains("<ows:Identifier>coarseSsm</ows:Identifier>"), xml);
        assertTrue(xml.contains("<MimeType>image/tiff</MimeType>"));
        assertTrue(xml.contains("<ows:MaximumValue>0.1</ows:MaximumValue>"), "lapseRate range");
        assertTrue(xml.contains("<DefaultValue>0.006</DefaultValue>"));
        assertTrue(xml.contains("<ows:Value>AREA_AVERAGE</ows:Value>"), "Align method choices");
    }

    @Test
    void synchronousExecuteWithReferencesPublishesTheOutput() throws Exception {
        Response r = post(base + "/wps", dispatch("test_pm", "test_lst", false));
        assertEquals(200, r.status(), r.text());
        Document d = r.xml();
        assertNotNull(d.getElementsByTagNameNS(WPS, "ProcessSucceeded").item(0), r.text());
        Element ref = (Element) d.getElementsByTagNameNS(WPS, "Reference").item(0);
        String layer = r.header("X-SSM-Layers");
        assertNotNull(layer);
        assertTrue(layer.startsWith("DisPATCh_") && layer.endsWith("_ssm"), layer);
        Layer published = host.catalog().find(layer).orElseThrow();
        assertEquals(SeriesDates.parse("d", TestSupport.DATES), published.dates());
        assertEquals("ssm", published.style());

        Response tif = get(ref.getAttribute("href"));
        assertEquals(200, tif.status());
        GridSeries series = geoTiff(dir, "download.tif", tif.body());
        assertTrue(series.geometry().sameAs(TestSupport.FINE));
        assertEquals(3, series.size());
        assertEquals(TestSupport.DATES.replace(",", ","), String.join(",",
                series.dates().stream().map(Object::toString).toList()));
        assertEquals("2021-05-01/2021-05-03/P1D", text(d, WPS, "LiteralData"));
        // The stored output equals the published layer's first band.
        float[] band = host.catalog().band(published, 0);
        for (int i = 0; i < band.length; i++) {
            assertEquals(band[i], series.band(0)[i], 0f);
        }
    }

    @Test
    void asynchronousExecuteReportsProgressAndSucceeds() throws Exception {
        Response accepted = post(base + "/wps", dispatch("test_pm", "test_lst", true));
        assertEquals(200, accepted.status(), accepted.text());
        Element root = accepted.xml().getDocumentElement();
        String status = root.getAttribute("statusLocation");
        assertTrue(status.startsWith(base + "/wps/runs/"), status);
        Document last = null;
        for (int i = 0; i < 300; i++) {
            last = get(status).xml();
            if (last.getElementsByTagNameNS(WPS, "ProcessSucceeded").getLength() > 0
                    || last.getElementsByTagNameNS(WPS, "ProcessFailed").getLength() > 0) {
                break;
            }
            Thread.sleep(100);
        }
        assertNotNull(last.getElementsByTagNameNS(WPS, "ProcessSucceeded").item(0), "the run succeeded");
        assertNotNull(last.getElementsByTagNameNS(WPS, "Reference").item(0), "the output is referenced");
    }

    @Test
    void nestedExecuteIsResolvedInProcessAndRawOutputReturned() throws Exception {
        Response r = execute(base, "wps/execute-dispatch-chained.xml", Map.of("base", base));
        assertEquals(200, r.status(), r.text());
        assertTrue(r.contentType().startsWith("image/tiff"), r.contentType());
        GridSeries ssm = geoTiff(dir, "chained.tif", r.body());
        assertEquals(3, ssm.size());
        // Both the nested FVC and the DisPATCh output were published.
        String[] layers = r.header("X-SSM-Layers").split(",");
        assertEquals(1, layers.length);
        assertTrue(layerNames().stream().anyMatch(n -> n.startsWith("SpectralIndices_") && n.endsWith("_index")));
    }

    @Test
    void inlineBase64GeoTiffsAreDecoded() throws Exception {
        Path red = dir.resolve("red.tif");
        Path nir = dir.resolve("nir.tif");
        GridSeries r = TestSupport.random(TestSupport.FINE, TestSupport.DATES, 0.02, 0.1, 11);
        GridSeries n = TestSupport.random(TestSupport.FINE, TestSupport.DATES, 0.3, 0.5, 12);
        GeoTiff.write(red, r.withDates(List.of()));
        GeoTiff.write(nir, n.withDates(List.of()));
        String body = template("wps/execute-ndvi-inline.xml", Map.of(
                "red", Base64.getEncoder().encodeToString(Files.readAllBytes(red)),
                "nir", Base64.getEncoder().encodeToString(Files.readAllBytes(nir)),
                "dates", TestSupport.DATES));
        Response resp = post(base + "/wps", body);
        assertEquals(200, resp.status(), resp.text());
        GridSeries ndvi = geoTiff(dir, "ndvi.tif", resp.body());
        float expected = (n.band(1)[5] - r.band(1)[5]) / (n.band(1)[5] + r.band(1)[5]);
        assertEquals(expected, ndvi.band(1)[5], 1e-7f);
        assertEquals(SeriesDates.parse("d", TestSupport.DATES), ndvi.dates());
    }

    @Test
    void kvpExecuteWithRawLiteralOutput() throws Exception {
        String ref = java.net.URLEncoder.encode(base + "/wcs?service=WCS&version=2.0.1&request=GetCoverage&coverageId=test_ndvi",
                java.nio.charset.StandardCharsets.UTF_8);
        Response r = get(base + "/wps?service=WPS&version=1.0.0&request=Execute&identifier=ssm:SpectralIndices"
                + "&DataInputs=index=FVC;ndvi=@xlink:href=" + ref + "&RawDataOutput=dates");
        assertEquals(200, r.status(), r.text());
        assertEquals("2021-05-01/2021-05-03/P1D", r.text());
    }

    @Test
    void unknownProcessAndInputAreNamed() throws Exception {
        Response r = get(base + "/wps?service=WPS&version=1.0.0&request=DescribeProcess&identifier=ssm:Nope");
        assertEquals(400, r.status());
        assertEquals("InvalidParameterValue", exception(r).getAttribute("exceptionCode"));
        assertEquals("Identifier", exception(r).getAttribute("locator"));

        Response in = get(base + "/wps?service=WPS&version=1.0.0&request=Execute&identifier=ssm:SpectralIndices"
                + "&DataInputs=index=NDVI;bogus=1");
        assertEquals(400, in.status());
        assertEquals("bogus", exception(in).getAttribute("locator"));
        assertTrue(exception(in).getTextContent().contains("has no input 'bogus'"));
    }

    @Test
    void badInputsAreReportedAndLeaveNothingBehind() throws Exception {
        Set<String> layersBefore = layerNames();
        long runsBefore = runCount();

        Response wrongDates = execute(base, "wps/execute-dispatch-dates.xml",
                Map.of("base", base, "dates", "2021-05-01,2021-05-02"));
        assertEquals(400, wrongDates.status(), wrongDates.text());
        assertEquals("dates", exception(wrongDates).getAttribute("locator"));
        assertTrue(exception(wrongDates).getTextContent().contains("3 bands"), wrongDates.text());

        Response misaligned = post(base + "/wps", dispatch("test_pm_shifted", "test_lst", false));
        assertEquals(400, misaligned.status());
        assertEquals("coarseSsm", exception(misaligned).getAttribute("locator"));
        assertTrue(exception(misaligned).getTextContent().contains("does not align"));

        Response allNan = post(base + "/wps", dispatch("test_pm", "test_lst_nan", false));
        assertEquals(400, allNan.status());
        assertEquals("lst", exception(allNan).getAttribute("locator"));
        assertTrue(exception(allNan).getTextContent().contains("no data"));

        Response xxe = execute(base, "wps/execute-external-entity.xml", Map.of());
        assertEquals(400, xxe.status());
        assertEquals("InvalidParameterValue", exception(xxe).getAttribute("exceptionCode"));
        assertFalse(xxe.text().contains("root:"), "no file content leaks");

        Response file = execute(base, "wps/execute-file-reference.xml", Map.of());
        assertEquals(400, file.status());
        assertEquals("ndvi", exception(file).getAttribute("locator"));
        assertFalse(file.text().contains("root:"));

        assertEquals(layersBefore, layerNames(), "no layer was published");
        assertEquals(runsBefore, runCount(), "no run folder was left behind");
    }

    @Test
    void literalOutOfRangeIsRefusedWithTheRange() throws Exception {
        Response r = get(base + "/wps?service=WPS&version=1.0.0&request=Execute&identifier=ssm:SpectralIndices"
                + "&DataInputs=index=FVC;fvcExponent=7");
        assertEquals(400, r.status());
        assertEquals("fvcExponent", exception(r).getAttribute("locator"));
        assertTrue(exception(r).getTextContent().contains("[1, 2]"), r.text());
    }

    @Test
    void publishedLayersSurviveARestart() throws Exception {
        Response r = post(base + "/wps", dispatch("test_pm", "test_lst", false));
        String layer = r.header("X-SSM-Layers");
        Path other = dir.resolve("restart");
        // Copying the data directory stands in for stopping and starting on it.
        try (Host second = Host.start(HostConfig.defaults(0, dir))) {
            Layer again = second.catalog().find(layer).orElseThrow();
            assertEquals(3, again.bands());
            float[] a = host.catalog().band(host.catalog().find(layer).orElseThrow(), 2);
            float[] b = second.catalog().band(again, 2);
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 0f);
            }
        }
        assertFalse(Files.exists(other));
    }
}
