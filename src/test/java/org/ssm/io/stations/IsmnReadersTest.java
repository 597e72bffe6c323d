package org.ssm.io.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssm.stations.Observation;
import org.ssm.stations.SensorSeries;
import org.ssm.stations.Station;

/**
 * The ISMN readers on the project's own small files: one sensor written in both formats with mixed
 * line endings, and files with one fault each, whose errors must name the file, the line and the
 * reason.
 */
class IsmnReadersTest {

    /** The eight readings of the Alpha Field test sensor, as written in both files. */
    static final List<Observation> ALPHA_READINGS = List.of(
            new Observation(Instant.parse("2021-04-01T00:00:00Z"), 0.25, "G"),
            new Observation(Instant.parse("2021-04-01T01:00:00Z"), 0.26, "G"),
            new Observation(Instant.parse("2021-04-01T02:00:00Z"), 0.27, "D03,D05"),
            new Observation(Instant.parse("2021-04-01T09:00:00Z"), 0.30, "G"),
            new Observation(Instant.parse("2021-04-01T09:20:00Z"), 0.31, "G"),
            new Observation(Instant.parse("2021-04-02T08:40:00Z"), 0.28, "U"),
            new Observation(Instant.parse("2021-04-02T09:20:00Z"), 0.29, "G"),
            new Observation(Instant.parse("2021-04-02T10:00:00Z"), Double.NaN, "G"));

    /** The station named as in the file name (Alpha-Field), not as in the header (Alpha Field). */
    static final Station ALPHA = new Station("Alpha-Field", "TESTNET", 15.25, 47.5, 0, 0.05);

    @Test
    void headerValuesWithMixedLineEndingsABlankLineAndAMissingProviderFlag() throws Exception {
        SensorSeries s = IsmnHeaderValuesReader.read(TestFiles.ALPHA, TestFiles.file(TestFiles.ALPHA).text());
        assertEquals(ALPHA, s.station());
        assertEquals("Probe-X", s.sensor(), "the sensor of the header");
        assertEquals(TestFiles.ALPHA, s.source());
        // Records compare doubles bit for bit: 0.25 parsed from "0.2500" is the double 0.25, NaN equals NaN.
        assertEquals(ALPHA_READINGS, s.series().observations());
    }

    @Test
    void ceopWithCrOnlyEndingsGivesTheSameSensor() throws Exception {
        SensorSeries s = IsmnCeopReader.read(TestFiles.ALPHA, TestFiles.file("ceop/" + TestFiles.ALPHA).text());
        assertEquals(ALPHA, s.station());
        assertEquals("Probe-X", s.sensor(), "CEOP records carry no sensor: it comes from the file name");
        assertEquals(ALPHA_READINGS, s.series().observations());
    }

    @Test
    void withoutAnIsmnFileNameTheHeaderNamesTheStation() throws Exception {
        SensorSeries s = IsmnHeaderValuesReader.read("upload.txt", TestFiles.file(TestFiles.ALPHA).text());
        assertEquals("Alpha Field", s.station().id(), "a station name of two words");
        assertEquals("Probe-X", s.sensor());
        SensorSeries c = IsmnCeopReader.read("upload.txt", TestFiles.file("ceop/" + TestFiles.ALPHA).text());
        assertEquals("Alpha Field", c.station().id());
        assertEquals("", c.sensor(), "no sensor in the records and no file name");
    }

    private static StationFileException failure(String resource) throws Exception {
        StationText file = TestFiles.file(resource);
        return assertThrows(StationFileException.class, () -> StationFiles.read(file));
    }

    private static void assertFailure(String resource, int line, String reasonPart) throws Exception {
        StationFileException e = failure(resource);
        String file = resource.substring(resource.lastIndexOf('/') + 1);
        assertEquals(file, e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.reason().contains(reasonPart), e.getMessage());
        assertEquals("files", e.parameter(), "the WPS input is the locator");
        assertTrue(e.getMessage().startsWith("files: " + file + ":" + line + ": "), e.getMessage());
    }

    @Test
    void aBadDateNamesItsLine() throws Exception {
        // CRLF endings: line 4 holds month 13.
        assertFailure("bad-date.stm", 4, "'2021/13/01 02:00' is not a valid date and time");
    }

    @Test
    void aDecimalCommaIsNotAValue() throws Exception {
        // CR-only endings: line 3 writes 0,2600.
        assertFailure("bad-value.stm", 3, "'0,2600' is not a soil moisture value");
    }

    @Test
    void aReadingWithTooFewFieldsCountsTheBlankLine() throws Exception {
        // Line 3 is blank; line 4 has date, time and value but no flag.
        assertFailure("bad-fields.stm", 4, "found 3 fields");
    }

    @Test
    void aHeaderWithoutItsFiveNumbersIsNotAStationFile() throws Exception {
        // Only two numbers follow the station: format detection finds no ISMN header.
        assertFailure("bad-header.stm", 1, "not a station file");
    }

    @Test
    void aLatitudeOutsideTheGlobeNamesTheHeaderLine() throws Exception {
        assertFailure("bad-latitude.stm", 1, "latitude 147.5 is outside [-90, 90]");
    }

    @Test
    void aCeopFileWhoseStationChangesLayerMidway() throws Exception {
        assertFailure("bad-ceop-station.stm", 3,
                "but line 1 is of TESTNET Beta at latitude 47.5, longitude 15.25, 0.05-0.05 m");
    }

    @Test
    void aCeopActualTimeMustBeValidToo() throws Exception {
        assertFailure("bad-ceop-actual-time.stm", 2, "'2021/04/01 01:61' is not a valid date and time");
    }

    @Test
    void aFileWhoseNameGivesOtherDepthsThanItsHeader() throws Exception {
        assertFailure("TESTNET_TESTNET_Beta_sm_0.100000_0.100000_Probe-X_20210401_20210401.stm", 1,
                "the layer 0.05-0.05 m differs from the one in the file name (0.1-0.1 m)");
    }

    @Test
    void aSoilTemperatureFileIsRefusedByItsName() throws Exception {
        assertFailure("TESTNET_TESTNET_Beta_ts_0.050000_0.050000_Probe-X_20210401_20210401.stm", 0,
                "holds variable 'ts'");
    }

    @Test
    void aHeaderValuesFileMustStartWithItsHeader() throws Exception {
        assertFailure("starts-with-reading.stm", 1, "the file starts with a reading");
    }

    @Test
    void anyOtherTextIsNotAStationFileAtItsFirstNonBlankLine() throws Exception {
        assertFailure("not-stations.txt", 2, "not a station file");
    }

    @Test
    void anEmptyFile() {
        StationFileException e = assertThrows(StationFileException.class,
                () -> StationFiles.read(new StationText("empty.stm", "\r\n\r\n")));
        assertEquals("files: empty.stm:0: the file is empty", e.getMessage());
    }
}
