package org.ssm.io.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ssm.core.Monitor;
import org.ssm.stations.Observation;
import org.ssm.stations.SensorSeries;
import org.ssm.stations.Station;

/**
 * The readers on the real ISMN files of {@code ../shared/data/ismn-samples/} (read in place, see
 * {@link IsmnSamples}). Every expected value was read off the files with a text tool (counts of the
 * fourth field, first and last lines, {@code grep} for the lines cited).
 */
class IsmnSamplesTest {

    private static SensorSeries read(String relative) throws Exception {
        List<SensorSeries> sensors = StationFiles.read(IsmnSamples.file(relative));
        assertEquals(1, sensors.size(), "an ISMN file holds one sensor");
        return sensors.get(0);
    }

    private static Map<String, Long> flagCounts(SensorSeries s) {
        return s.series().observations().stream()
                .collect(Collectors.groupingBy(Observation::flag, TreeMap::new, Collectors.counting()));
    }

    @Test
    void arm1IsTheSameInBothFormats() throws Exception {
        SensorSeries hv = read(IsmnSamples.ARM1_HEADER_VALUES);
        SensorSeries ceop = read(IsmnSamples.ARM1_CEOP);
        assertEquals(StationFormat.ISMN_HEADER_VALUES, StationFormat.detect("hv", IsmnSamples.file(
                IsmnSamples.ARM1_HEADER_VALUES).text()));
        assertEquals(StationFormat.ISMN_CEOP, StationFormat.detect("ceop", IsmnSamples.file(
                IsmnSamples.ARM1_CEOP).text()));
        // Header: COSMOS COSMOS ARM-1 36.60540 -97.48780 322.00 0.00 0.19 Cosmic-ray-Probe.
        Station arm1 = new Station("ARM-1", "COSMOS", -97.4878, 36.6054, 0, 0.19);
        assertEquals(arm1, hv.station());
        assertEquals(arm1, ceop.station());
        assertEquals("Cosmic-ray-Probe", hv.sensor());
        assertEquals("Cosmic-ray-Probe", ceop.sensor(), "from the CEOP file's name");
        assertEquals(6865, hv.series().observations().size());
        assertEquals(hv.series().observations(), ceop.series().observations(), "every time, value and flag");
        // First line 2017/08/10 00:00 0.1410 G M; last 2018/08/09 23:00 0.1100 G M.
        assertEquals(new Observation(Instant.parse("2017-08-10T00:00:00Z"), 0.141, "G"),
                hv.series().observations().get(0));
        assertEquals(new Observation(Instant.parse("2018-08-09T23:00:00Z"), 0.11, "G"),
                hv.series().observations().get(6864));
        // The flags as written, several codes joined by commas.
        assertEquals(Map.of("G", 6514L, "D03", 137L, "D05", 196L, "D03,D05", 17L, "D08,D05", 1L), flagCounts(hv));
    }

    @Test
    void narbonneWithCrOnlyEndingsInBothFormats() throws Exception {
        SensorSeries hv = read(IsmnSamples.NARBONNE_HEADER_VALUES);
        SensorSeries ceop = read(IsmnSamples.NARBONNE_CEOP);
        Station narbonne = new Station("Narbonne", "SMOSMANIA", 2.9567, 43.15, 0.05, 0.05);
        assertEquals(narbonne, hv.station());
        assertEquals(narbonne, ceop.station());
        assertEquals(741, hv.series().observations().size());
        assertEquals(hv.series().observations(), ceop.series().observations(),
                "the same values and ISMN flags; only the provider flags differ, which are not kept");
        // Line 23 of the header+values file, 2007/01/01 22:00 0.2121 U, has no provider flag.
        assertEquals(new Observation(Instant.parse("2007-01-01T22:00:00Z"), 0.2121, "U"),
                hv.series().observations().get(21));
        assertEquals(new Observation(Instant.parse("2007-01-31T23:00:00Z"), 0.1524, "U"),
                hv.series().observations().get(740));
        assertEquals(Map.of("U", 736L, "D05", 5L), flagCounts(hv));
    }

    @Test
    void maquIsNamedAsItsFileAndFolderNotAsItsHeader() throws Exception {
        SensorSeries maqu = read(IsmnSamples.MAQU_HEADER_VALUES);
        // Header: MAQU MAQU CST_01 33.88330 102.13330 3431.00 0.05 0.05 ECH20-EC-TM; the name says CST-01.
        assertEquals(new Station("CST-01", "MAQU", 102.1333, 33.8833, 0.05, 0.05), maqu.station());
        assertEquals(15927, maqu.series().observations().size());
        Map<String, Long> flags = flagCounts(maqu);
        assertEquals(1338L, flags.get("C03"));
        assertEquals(3258L, flags.get("D01,D03"));
        assertEquals(9407L, flags.get("U"));
    }

    @Test
    void soilscapeWithTrailingSpacesAndANumericProviderFlag() throws Exception {
        SensorSeries node = read(IsmnSamples.SOILSCAPE_HEADER_VALUES);
        assertEquals(new Station("node505", "SOILSCAPE", -120.78559, 38.14956, 0.05, 0.05), node.station());
        assertEquals(3676, node.series().observations().size());
        // First line 2012/12/14 19:00 0.3166 U 0.
        assertEquals(new Observation(Instant.parse("2012-12-14T19:00:00Z"), 0.3166, "U"),
                node.series().observations().get(0));
        assertEquals(Map.of("U", 3324L, "D10", 352L), flagCounts(node));
    }

    @Test
    void theHeaderValuesFolderOfADownload() throws Exception {
        List<StationText> files = IsmnArchive.read(IsmnSamples.dir().resolve("header_values"),
                IsmnArchive.DEFAULT_MAX_BYTES);
        // Five .stm files; Metadata.xml and the static-variable CSVs are not station files.
        assertEquals(5, files.size());
        List<SensorSeries> sensors = StationFiles.read(files, Monitor.NONE);
        Map<String, Integer> counts = sensors.stream().collect(Collectors.toMap(s -> s.station().id(),
                s -> s.series().observations().size(), (a, b) -> a, TreeMap::new));
        assertEquals(Map.of("ARM-1", 6865, "Barrow-ARM", 7059, "CST-01", 15927, "Narbonne", 741, "node505", 3676),
                counts);
        assertEquals("COSMOS/ARM-1/COSMOS_COSMOS_ARM-1_sm_0.000000_0.190000_Cosmic-ray-Probe_20170810_20180809.stm",
                files.get(0).name(), "named by the path inside the download, in path order");
        assertEquals(List.of(0.0, 0.0, 0.05, 0.05, 0.05), sensors.stream().map(s -> s.station().depthFrom()).toList());
        assertEquals(List.of(0.19, 0.21, 0.05, 0.05, 0.05), sensors.stream().map(s -> s.station().depthTo()).toList(),
                "depths from the headers, as the file names say");
    }
}
