package org.ssm.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.geotools.api.data.Parameter;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.feature.NameImpl;
import org.geotools.process.Process;
import org.geotools.process.ProcessFactory;
import org.geotools.process.Processors;
import org.junit.jupiter.api.Test;
import org.ssm.core.ParameterException;
import org.ssm.io.stations.IsmnSamples;
import org.ssm.io.stations.StationFileException;
import org.ssm.stations.Aggregation;
import org.ssm.stations.Observation;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;

/** ssm:ReadStations through the GeoTools SPI, as GeoServer and the host run it. */
class ReadStationsProcessTest {

    private static final String ALPHA =
            "TESTNET_TESTNET_Alpha-Field_sm_0.000000_0.050000_Probe-X_20210401_20210402.stm";

    private static String resource(String name) throws Exception {
        try (InputStream in = ReadStationsProcessTest.class.getResourceAsStream("/org/ssm/io/stations/" + name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> run(Map<String, Object> inputs) {
        Process p = Processors.createProcess(new NameImpl("ssm", "ReadStations"));
        assertNotNull(p, "ssm:ReadStations is registered");
        return p.execute(inputs, null);
    }

    @Test
    void describesARepeatedTextInputAndTheDefaults() {
        ProcessFactory f = Processors.createProcessFactory(new NameImpl("ssm", "ReadStations"));
        Map<String, Parameter<?>> in = f.getParameterInfo(new NameImpl("ssm", "ReadStations"));
        assertEquals(String.class, in.get("files").type);
        assertEquals(1, in.get("files").minOccurs);
        assertEquals(ReadStationsProcess.MAX_FILES, in.get("files").maxOccurs);
        assertEquals("text/plain,text/csv,application/json", in.get("files").metadata.get("mimeTypes"));
        assertEquals(Aggregation.NONE, in.get("aggregation").getDefaultValue());
        assertEquals("09:00", in.get("hour").getDefaultValue());
        assertEquals(Map.of("stations", SimpleFeatureCollection.class, "summary", String.class),
                Map.of("stations", f.getResultInfo(new NameImpl("ssm", "ReadStations"), null).get("stations").type,
                        "summary", f.getResultInfo(new NameImpl("ssm", "ReadStations"), null).get("summary").type));
    }

    @Test
    void readsTwoFormatsAtOnceAndAggregatesGoodReadingsAtNine() throws Exception {
        Map<String, Object> in = new HashMap<>();
        in.put("files", List.of(resource(ALPHA), resource("stations.csv")));
        in.put("names", List.of(ALPHA));
        in.put("flags", "G");
        in.put("aggregation", Aggregation.DAILY_AT_HOUR);
        in.put("hour", "09:00");
        Map<String, Object> out = run(in);
        List<StationSeries> stations = StationFeatures.toSeries("stations",
                assertInstanceOf(SimpleFeatureCollection.class, out.get("stations")));
        // Alpha-Field, G only: 04-01 09:00 (0.30) beats 09:20; 04-02 keeps 09:20 (0.29), the U at 08:40 dropped.
        assertEquals(new StationSeries(new Station("Alpha-Field", "TESTNET", 15.25, 47.5, 0, 0.05), List.of(
                new Observation(Instant.parse("2021-04-01T00:00:00Z"), 0.30, "G"),
                new Observation(Instant.parse("2021-04-02T00:00:00Z"), 0.29, "G"))), stations.get(0));
        // stations.csv (unnamed: "file 2"): S1's G readings at 23:00, 06:00 and 16:00 UTC are all over half an
        // hour from 09:00; S2 has one U reading and one without a flag or value.
        assertEquals(1, stations.size());
        String summary = (String) out.get("summary");
        String[] lines = summary.split("\n");
        assertEquals(4, lines.length, summary);
        assertEquals("Alpha-Field,TESTNET,Probe-X,0.0,0.05,15.25,47.5," + ALPHA
                + ",kept,8,2,1,3,2,0,2,2021-04-01T00:00:00Z,2021-04-02T00:00:00Z", lines[1]);
        assertEquals("S1,NET;A,,0.0,0.05,15.5,47.25,file 2,nothing_kept,3,0,0,3,0,0,0,,", lines[2]);
        assertEquals("S2,NETB,,0.05,0.05,16.0,47.0,file 2,nothing_kept,2,2,0,0,0,0,0,,", lines[3]);
    }

    @Test
    void theRealArm1SampleInBothFormatsGivesOneStationPerFormatWithEqualValues() throws Exception {
        Map<String, Object> hv = new HashMap<>();
        hv.put("files", List.of(IsmnSamples.file(IsmnSamples.ARM1_HEADER_VALUES).text()));
        hv.put("flags", "G");
        hv.put("aggregation", Aggregation.DAILY_MEAN);
        hv.put("window", "00:00/23:59");
        hv.put("minReadings", 20);
        Map<String, Object> ceop = new HashMap<>(hv);
        ceop.put("files", List.of(IsmnSamples.file(IsmnSamples.ARM1_CEOP).text()));
        List<StationSeries> a = StationFeatures.toSeries("a", (SimpleFeatureCollection) run(hv).get("stations"));
        List<StationSeries> b = StationFeatures.toSeries("b", (SimpleFeatureCollection) run(ceop).get("stations"));
        assertEquals(a, b);
        // Without a file name the station keeps its header name, ARM-1 in both formats.
        assertEquals("ARM-1", a.get(0).station().id());
        assertTrue(a.get(0).observations().size() > 200, "most days have 20 good hourly readings");
    }

    @Test
    void errorsNameTheFileLineAndParameter() throws Exception {
        Map<String, Object> in = new HashMap<>();
        in.put("files", List.of(resource(ALPHA), resource("bad-date.stm")));
        in.put("names", List.of(ALPHA, "bad-date.stm"));
        RuntimeException e = assertThrows(RuntimeException.class, () -> run(in));
        StationFileException cause = findCause(e, StationFileException.class);
        assertEquals("files: bad-date.stm:4: '2021/13/01 02:00' is not a valid date and time (Invalid value for"
                + " MonthOfYear (valid values 1 - 12): 13)", cause.getMessage());
        in.put("files", List.of(resource(ALPHA)));
        in.put("timeZone", "Mars/Olympus");
        assertEquals("timeZone", findCause(assertThrows(RuntimeException.class, () -> run(in)),
                ParameterException.class).parameter());
        in.put("timeZone", "UTC");
        in.put("names", List.of("a", "b"));
        assertEquals("names", findCause(assertThrows(RuntimeException.class, () -> run(in)),
                ParameterException.class).parameter());
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + e, e);
    }
}
