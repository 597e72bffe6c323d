package org.ssm.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssm.core.ParameterException;
import org.ssm.stations.Observation;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;

class StationFeaturesTest {

    private static final Station A = new Station("A1", "NET", 15.5, 48.2, 0, 0.05);
    private static final Station B = new Station("B2", "OTHER", -97.5, 36.6, 0.05, 0.05);

    @Test
    void featuresRoundTripToTheSameStations() {
        List<StationSeries> stations = List.of(
                new StationSeries(A, List.of(new Observation(Instant.parse("2021-04-01T09:00:00Z"), 0.25, "G"),
                        new Observation(Instant.parse("2021-04-02T09:00:00Z"), Double.NaN, "D01"))),
                new StationSeries(B, List.of(new Observation(Instant.parse("2021-04-01T00:00:00Z"), 0.1, ""))));
        var features = StationFeatures.toFeatures(stations);
        assertEquals(3, features.size());
        List<StationSeries> back = StationFeatures.toSeries("stations", features);
        assertEquals(2, back.size());
        assertEquals(A, back.get(0).station());
        assertEquals(B, back.get(1).station());
        assertEquals(stations.get(0).observations().get(0), back.get(0).observations().get(0));
        assertTrue(Double.isNaN(back.get(0).observations().get(1).sm()), "a missing value stays missing");
    }

    @Test
    void aStationThatMovesIsRefusedNamingTheFeature() {
        Station moved = new Station("A1", "NET", 15.6, 48.2, 0, 0.05);
        var features = StationFeatures.toFeatures(List.of(
                new StationSeries(A, List.of(new Observation(Instant.parse("2021-04-01T00:00:00Z"), 0.2, "G"))),
                new StationSeries(moved, List.of(new Observation(Instant.parse("2021-04-02T00:00:00Z"), 0.2, "G")))));
        ParameterException e = assertThrows(ParameterException.class, () -> StationFeatures.toSeries("stations", features));
        assertEquals("stations", e.parameter());
        assertTrue(e.getMessage().contains("feature 1"), e.getMessage());
    }
}
