package org.ssm.algorithms.pointsurface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssm.algorithms.learning.TrainingSet;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.CoordinateMap;
import org.ssm.stations.Observation;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;

class StationTrainingTest {

    @Test
    void rowsAreTheDailyMeansPairedWithThePredictorsOfTheStationPixel() {
        Scene scene = new Scene(0, 1);
        List<StationSeries> stations = new ArrayList<>(scene.stations);
        // A station outside the grid contributes nothing and is reported.
        stations.add(new StationSeries(new Station("FAR", "NET", 16.5, 48.4, 0, 0.05), scene.stations.get(0)
                .observations()));
        StationTraining training = StationTraining.assemble(scene.stack, stations, CoordinateMap.IDENTITY, Monitor.NONE);
        TrainingSet set = training.set();
        int n = scene.dates.size();
        // Every station-date, less one NaN NDVI at station 1 on date 5.
        assertEquals(Scene.STATION_PIXELS.length * n - 1, set.rows());
        assertEquals(0, training.rowsPerStation()[stations.size() - 1]);
        assertEquals(n - 1, training.rowsPerStation()[1]);
        assertTrue(training.notes().get(0).startsWith("FAR: outside"), training.notes().toString());
        assertEquals(Scene.STATION_PIXELS.length, training.stationsUsed());
        double[] row = new double[4];
        for (int r = 0; r < set.rows(); r++) {
            int s = set.stations()[r];
            int t = scene.dates.indexOf(LocalDate.ofEpochDay(set.days()[r]));
            scene.stack.fill(t, Scene.STATION_PIXELS[s], row, 0);
            for (int c = 0; c < 4; c++) {
                assertEquals(row[c], set.feature(r, c), 0, "row " + r + " column " + c);
            }
            // The two readings of the day are truth - 0.01 and truth + 0.01: their mean is the truth
            // up to double rounding of the sum.
            assertEquals(scene.truth[t][Scene.STATION_PIXELS[s]], set.targets()[r], 1e-12);
        }
    }

    @Test
    void noCompleteStationDayFailsNamingTheStations() {
        Scene scene = new Scene(0, 1);
        StationSeries late = new StationSeries(scene.stations.get(0).station(),
                List.of(new Observation(Instant.parse("2030-01-01T00:00:00Z"), 0.2, "G")));
        ParameterException e = assertThrows(ParameterException.class, () -> StationTraining.assemble(scene.stack,
                List.of(late), CoordinateMap.IDENTITY, Monitor.NONE));
        assertEquals("stations", e.parameter());
    }
}
