package org.ssm.io;

import org.ssm.core.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ssm.core.ParameterException;
import org.ssm.stations.Observation;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;

class StationsGeoJsonTest {

    private static final Instant DAY1 = Instant.parse("2021-04-01T00:00:00Z");
    private static final Instant DAY2 = Instant.parse("2021-04-02T00:00:00Z");

    private static List<StationSeries> sample() {
        return List.of(
                new StationSeries(new Station("TW01", "TWIN", 15.812345678901, 48.2034, 0, 0.05),
                        List.of(new Observation(DAY1, 0.2531, "G"), new Observation(DAY2, Double.NaN, "M"))),
                new StationSeries(new Station("Kapp", "WEGENERNET", 15.9, 46.95, 0.05, 0.05),
                        List.of(new Observation(DAY1, 0.31, "G"))));
    }

    @Test
    void roundTripKeepsEveryField() {
        String text = StationsGeoJson.write(sample());
        List<StationSeries> back = StationsGeoJson.read(text);
        // Doubles are written with Double.toString, which reads back to the same value.
        assertEquals(sample().get(0).station(), back.get(0).station());
        assertEquals(sample().get(1).station(), back.get(1).station());
        // A record compares doubles bit for bit, so NaN equals NaN here: a missing value stays missing.
        assertEquals(sample().get(0).observations(), back.get(0).observations());
        assertEquals(sample().get(1).observations(), back.get(1).observations());
    }

    @Test
    void writesOnePointFeaturePerObservationWithTheSpecProperties() {
        Map<String, Object> fc = Json.parseObject(StationsGeoJson.write(sample()));
        assertEquals("FeatureCollection", fc.get("type"));
        List<?> features = (List<?>) fc.get("features");
        assertEquals(3, features.size());
        Map<?, ?> first = (Map<?, ?>) features.get(0);
        Map<?, ?> geometry = (Map<?, ?>) first.get("geometry");
        assertEquals("Point", geometry.get("type"));
        assertEquals(List.of(15.812345678901, 48.2034), geometry.get("coordinates"));
        Map<?, ?> props = (Map<?, ?>) first.get("properties");
        assertEquals(List.of("station", "network", "time", "sm", "depth_from", "depth_to", "flag"),
                List.copyOf(props.keySet()));
        assertEquals("2021-04-01T00:00:00Z", props.get("time"));
        assertEquals(null, ((Map<?, ?>) ((Map<?, ?>) features.get(1)).get("properties")).get("sm"),
                "a missing value is written as null");
    }

    @Test
    void readingGroupsByStationAndSortsByTime() {
        String text = feature(15, 48, "B", "2021-04-02T00:00:00Z", "0.2") + ","
                + feature(16, 47, "A", "2021-04-01T00:00:00Z", "0.1") + ","
                + feature(15, 48, "B", "2021-04-01", "0.3");
        List<StationSeries> series = StationsGeoJson.read(collection(text));
        assertEquals(List.of("B", "A"), series.stream().map(s -> s.station().id()).toList());
        List<Observation> b = series.get(0).observations();
        assertEquals(List.of(DAY1, DAY2), b.stream().map(Observation::time).toList());
        assertEquals(0.3, b.get(0).sm(), 0);
    }

    private static String feature(double lon, double lat, String station, String time, String sm) {
        return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + lon + "," + lat + "]},"
                + "\"properties\":{\"station\":\"" + station + "\",\"network\":\"N\",\"time\":\"" + time
                + "\",\"sm\":" + sm + ",\"depth_from\":0,\"depth_to\":0.05,\"flag\":\"G\"}}";
    }

    private static String collection(String features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}";
    }

    private static ParameterException badSecondFeature(String second) {
        String text = collection(feature(15, 48, "A", "2021-04-01T00:00:00Z", "0.2") + "," + second);
        return assertThrows(ParameterException.class, () -> StationsGeoJson.read(text));
    }

    private static void assertNames(ParameterException e, String property) {
        assertEquals("stations", e.parameter());
        assertTrue(e.getMessage().contains("feature 1") && e.getMessage().contains("'" + property + "'"),
                e.getMessage());
    }

    @Test
    void badFeaturesAreNamedByIndexAndProperty() {
        assertNames(badSecondFeature(feature(15, 48, "A", "yesterday", "0.2")), "time");
        assertNames(badSecondFeature(feature(15, 48, "A", "2021-04-02", "\"wet\"")), "sm");
        assertNames(badSecondFeature(feature(15, 95, "A", "2021-04-02", "0.2")), "geometry");
        assertNames(badSecondFeature(feature(15.5, 48, "A", "2021-04-02", "0.2")), "geometry");
        assertNames(badSecondFeature(feature(15, 48, " ", "2021-04-02", "0.2")), "station");
        assertNames(badSecondFeature(feature(15, 48, "A", "2021-04-02", "0.2").replace("\"depth_to\":0.05",
                "\"depth_to\":-1")), "depth_to");
        assertNames(badSecondFeature(feature(15, 48, "A", "2021-04-02", "0.2").replace("\"network\":\"N\",", "")),
                "network");
        assertNames(badSecondFeature("{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[]},"
                + "\"properties\":{}}"), "geometry");
        assertNames(badSecondFeature("[1,2]"), "type");
    }

    @Test
    void nonGeoJsonIsRejected() {
        assertTrue(assertThrows(ParameterException.class, () -> StationsGeoJson.read("{\"type\":"))
                .getMessage().contains("not valid JSON"));
        assertTrue(assertThrows(ParameterException.class, () -> StationsGeoJson.read("{\"type\":\"Feature\"}"))
                .getMessage().contains("FeatureCollection"));
    }
}
