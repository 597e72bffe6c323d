package org.ssm.io.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssm.io.StationsGeoJson;
import org.ssm.stations.Observation;
import org.ssm.stations.SensorSeries;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;

/** CSV tables and GeoJSON documents through the same entry point as the ISMN files. */
class StationCsvAndGeoJsonTest {

    @Test
    void aSemicolonTableWithQuotesOffsetsAndAnEmptyValue() throws Exception {
        StationText csv = TestFiles.file("stations.csv");
        assertEquals(StationFormat.CSV, StationFormat.detect(csv.name(), csv.text()));
        List<SensorSeries> sensors = StationFiles.read(csv);
        assertEquals(2, sensors.size());
        SensorSeries s1 = sensors.get(0);
        assertEquals(new Station("S1", "NET;A", 15.5, 47.25, 0, 0.05), s1.station(), "a quoted network with a ';'");
        // Sorted by time: the 2021-03-31T23:00Z row was written last; 18:00+02:00 is 16:00 UTC.
        assertEquals(List.of(new Observation(Instant.parse("2021-03-31T23:00:00Z"), 0.20, "G"),
                new Observation(Instant.parse("2021-04-01T06:00:00Z"), 0.21, "G"),
                new Observation(Instant.parse("2021-04-01T16:00:00Z"), 0.23, "G")), s1.series().observations());
        SensorSeries s2 = sensors.get(1);
        assertEquals(new Station("S2", "NETB", 16.0, 47.0, 0.05, 0.05), s2.station());
        // A bare date is its 00:00 UTC; a date-time without offset is UTC; an empty sm is no value.
        assertEquals(List.of(new Observation(Instant.parse("2021-04-01T00:00:00Z"), Double.NaN, ""),
                new Observation(Instant.parse("2021-04-02T06:30:00Z"), 0.30, "U")), s2.series().observations());
        assertEquals("stations.csv", s2.source());
    }

    @Test
    void csvErrorsNameTheLineAndTheColumn() throws Exception {
        StationFileException time = assertThrows(StationFileException.class,
                () -> StationFiles.read(TestFiles.file("bad-time.csv")));
        assertEquals(3, time.line());
        assertTrue(time.reason().startsWith("column 'time' = 'yesterday': expected an ISO-8601 time"),
                time.getMessage());
        StationFileException moved = assertThrows(StationFileException.class,
                () -> StationFiles.read(TestFiles.file("bad-moved.csv")));
        assertEquals("files: bad-moved.csv:3: station S1 is at 15.6, 47.25 here but at 15.5, 47.25 on line 2",
                moved.getMessage());
    }

    @Test
    void aTableWithoutAnSmColumnIsNotAStationTable() throws Exception {
        StationFileException e = assertThrows(StationFileException.class,
                () -> StationFiles.read(TestFiles.file("missing-column.csv")));
        assertEquals(1, e.line());
        assertTrue(e.reason().startsWith("not a station file"), e.getMessage());
        StationFileException header = assertThrows(StationFileException.class, () -> StationCsvReader.read("t.csv",
                "station,lon,lat,time,sm,sm\nS1,1,2,2021-04-01,0.2,0.3\n"));
        assertEquals("files: t.csv:1: column 'sm' appears twice in the header", header.getMessage());
    }

    @Test
    void geoJsonIsReadByStationsGeoJsonAndErrorsNameTheFile() {
        List<StationSeries> series = List.of(new StationSeries(new Station("TW01", "TWIN", 15.8, 48.2, 0, 0.05),
                List.of(new Observation(Instant.parse("2021-04-01T00:00:00Z"), 0.2531, "G"))));
        String text = StationsGeoJson.write(series);
        assertEquals(StationFormat.GEOJSON, StationFormat.detect("s.json", text));
        List<SensorSeries> sensors = StationFiles.read(new StationText("s.json", text));
        assertEquals(series, sensors.stream().map(SensorSeries::series).toList());
        StationFileException e = assertThrows(StationFileException.class, () -> StationFiles.read(
                new StationText("s.json", text.replace("\"sm\":0.2531", "\"sm\":\"wet\""))));
        assertEquals("files: s.json:0: feature 0, property 'sm' = wet: expected a number or null", e.getMessage());
    }
}
