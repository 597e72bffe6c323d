package org.ssm.host.wps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ssm.host.TestSupport.get;
import static org.ssm.host.wps.WpsTestSupport.OWS;
import static org.ssm.host.wps.WpsTestSupport.WPS;
import static org.ssm.host.wps.WpsTestSupport.exception;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;
import org.ssm.host.SharedSamples;
import org.ssm.host.TestSupport.Response;
import org.ssm.host.catalog.StationLayer;
import org.ssm.core.Json;
import org.ssm.io.StationsGeoJson;
import org.ssm.stations.Observation;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * ssm:ReadStations through the host's WPS: station files inline as text, the summary in the answer,
 * the stations by reference and published at once as a station layer that WMS lists and queries.
 */
class ReadStationsWpsTest {

    private static final String ALPHA =
            "TESTNET_TESTNET_Alpha-Field_sm_0.000000_0.050000_Probe-X_20210401_20210402.stm";
    private static final String NARBONNE = "header_values/SMOSMANIA/Narbonne/"
            + "SMOSMANIA_SMOSMANIA_Narbonne_sm_0.050000_0.050000_ThetaProbe-ML2X_20070101_20070131.stm";

    @TempDir
    static Path dir;

    static Host host;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(HostConfig.defaults(0, dir));
        base = host.localBaseUrl();
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    private static Response execute(String file2, String name2) throws Exception {
        return WpsTestSupport.execute(base, "wps/execute-readstations.xml", Map.of(
                "file1", SharedSamples.own(ALPHA), "name1", ALPHA, "file2", file2, "name2", name2));
    }

    @Test
    void readsInlineFilesPublishesAStationLayerAndWmsQueriesIt() throws Exception {
        Response r = execute(SharedSamples.own("stations.csv"), "stations.csv");
        assertEquals(200, r.status(), r.text());
        Document d = r.xml();
        assertNotNull(d.getElementsByTagNameNS(WPS, "ProcessSucceeded").item(0), r.text());
        Element summary = (Element) d.getElementsByTagNameNS(WPS, "ComplexData").item(0);
        assertEquals("text/csv", summary.getAttribute("mimeType"));
        // Alpha-Field, G only at 09:00: 04-01 09:00 0.30 and 04-02 09:20 0.29 kept; S1 and S2 of the CSV
        // have no good reading within half an hour of 09:00 (see ReadStationsProcessTest).
        String[] lines = summary.getTextContent().strip().split("\n");
        assertEquals(3 + 1, lines.length, summary.getTextContent());
        assertEquals("Alpha-Field,TESTNET,Probe-X,0.0,0.05,15.25,47.5," + ALPHA
                + ",kept,8,2,1,3,2,0,2,2021-04-01T00:00:00Z,2021-04-02T00:00:00Z", lines[1]);
        assertTrue(lines[2].startsWith("S1,NET;A,,0.0,0.05,15.5,47.25,stations.csv,nothing_kept,3,"), lines[2]);

        Element ref = (Element) d.getElementsByTagNameNS(WPS, "Reference").item(0);
        assertEquals("application/json", ref.getAttribute("mimeType"));
        List<StationSeries> stations = StationsGeoJson.read(get(ref.getAttribute("href")).text());
        StationSeries alpha = new StationSeries(new Station("Alpha-Field", "TESTNET", 15.25, 47.5, 0, 0.05), List.of(
                new Observation(Instant.parse("2021-04-01T00:00:00Z"), 0.30, "G"),
                new Observation(Instant.parse("2021-04-02T00:00:00Z"), 0.29, "G")));
        assertEquals(List.of(alpha), stations);

        String layerName = r.header("X-SSM-Layers");
        assertTrue(layerName != null && layerName.matches("ReadStations_[0-9a-f]{8}_stations"), layerName);
        StationLayer layer = host.catalog().findStations(layerName).orElseThrow();
        assertEquals(List.of(alpha), host.catalog().stations(layer));
        String abstractText = d.getElementsByTagNameNS(OWS, "Abstract").item(0).getTextContent();
        assertTrue(abstractText.startsWith("Published as station layer " + layerName), abstractText);

        String caps = get(base + "/wms?service=WMS&version=1.3.0&request=GetCapabilities").text();
        assertTrue(caps.contains("<Name>" + layerName + "</Name>"), "WMS lists the new layer");
        // A 1 x 1 degree map around the station, 100 x 100 px: the station is at pixel (25, 50).
        Map<String, Object> info = Json.parseObject(get(base + "/wms?service=WMS&version=1.3.0&request=GetFeatureInfo"
                + "&layers=" + layerName + "&query_layers=" + layerName + "&styles=&crs=CRS:84&bbox=15,47,16,48"
                + "&width=100&height=100&i=25&j=50&info_format=application/json").text());
        Map<?, ?> props = (Map<?, ?>) ((Map<?, ?>) ((List<?>) info.get("features")).get(0)).get("properties");
        assertEquals("Alpha-Field", props.get("station"));
        assertEquals(List.of(0.30, 0.29), ((Map<?, ?>) props.get("series")).get("values"));
    }

    @Test
    void aBadFileIsAnInvalidParameterValueNamingFileAndLineAndNothingIsPublished() throws Exception {
        int before = host.catalog().stationLayers().size();
        Response r = execute(SharedSamples.own("bad-date.stm"), "bad-date.stm");
        assertEquals(400, r.status(), r.text());
        Element e = exception(r);
        assertEquals("InvalidParameterValue", e.getAttribute("exceptionCode"));
        assertEquals("files", e.getAttribute("locator"));
        assertTrue(e.getTextContent().contains("files: bad-date.stm:4: '2021/13/01 02:00' is not a valid date"),
                e.getTextContent());
        assertEquals(before, host.catalog().stationLayers().size());
    }

    @Test
    void theRealCrOnlyNarbonneFileInlineWithTheWindowMeanInLocalTime() throws Exception {
        // XML turns the CR line ends into LF; the reader counts lines alike either way.
        Response r = WpsTestSupport.execute(base, "wps/execute-readstations-window.xml", Map.of(
                "file", SharedSamples.ismn(NARBONNE), "timeZone", "Europe/Paris"));
        assertEquals(200, r.status(), r.text());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        List<StationSeries> stations = StationsGeoJson.read(r.text());
        assertEquals(1, stations.size());
        assertEquals(new Station("Narbonne", "SMOSMANIA", 2.9567, 43.15, 0.05, 0.05), stations.get(0).station());
        List<Observation> days = stations.get(0).observations();
        // 01:00-02:00 in Paris in January is 00:00-01:00 UTC. January 1st has no 00:00 UTC reading (the file
        // starts at 01:00), so 30 days remain. 2007-01-02 averages lines 25-26, 00:00 0.2116 and 01:00 0.2112.
        assertEquals(30, days.size());
        assertEquals(Instant.parse("2007-01-02T00:00:00Z"), days.get(0).time());
        assertEquals((0.2116 + 0.2112) / 2, days.get(0).sm(), 1e-12);
    }
}
