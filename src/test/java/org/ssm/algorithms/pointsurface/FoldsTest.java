package org.ssm.algorithms.pointsurface;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ssm.algorithms.learning.TrainingSet;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.CoordinateMap;

class FoldsTest {

    private static final Scene SCENE = new Scene(0.01, 5);
    private static final StationTraining TRAINING = StationTraining.assemble(SCENE.stack, SCENE.stations,
            CoordinateMap.IDENTITY, Monitor.NONE);
    private static final TrainingSet SET = TRAINING.set();
    private static final List<String> IDS = TRAINING.stationIds();

    @Test
    void yearSplitHoldsOutEachSeason() {
        Folds folds = Folds.assign(SET, IDS, CrossValidationParameters.defaults());
        assertEquals(List.of("2021", "2022"), folds.labels());
        for (int r = 0; r < SET.rows(); r++) {
            assertEquals(SET.year(r) - 2021, folds.foldOfRow()[r]);
        }
    }

    @Test
    void stationSplitKeepsEveryStationInOneFoldAndIsSeeded() {
        CrossValidationParameters p = CrossValidationParameters.defaults().withSplit(Split.STATION).withFolds(3);
        Folds folds = Folds.assign(SET, IDS, p);
        assertEquals(3, folds.count());
        int[] foldOfStation = new int[IDS.size()];
        Arrays.fill(foldOfStation, -1);
        for (int r = 0; r < SET.rows(); r++) {
            int s = SET.stations()[r];
            assertTrue(foldOfStation[s] < 0 || foldOfStation[s] == folds.foldOfRow()[r], "station " + s);
            foldOfStation[s] = folds.foldOfRow()[r];
        }
        int[] perFold = new int[3];
        for (int f : foldOfStation) {
            perFold[f]++;
        }
        // 10 stations dealt round robin into 3 folds: 4, 3, 3.
        int[] sorted = perFold.clone();
        Arrays.sort(sorted);
        assertArrayEquals(new int[] {3, 3, 4}, sorted);
        assertArrayEquals(folds.foldOfRow(), Folds.assign(SET, IDS, p).foldOfRow(), "same seed, same folds");
        assertFalse(Arrays.equals(folds.foldOfRow(), Folds.assign(SET, IDS, p.withSeed(99)).foldOfRow()),
                "another seed, other folds");
        // More folds than stations: leave one station out.
        assertEquals(IDS.size(), Folds.assign(SET, IDS, p.withFolds(50)).count());
    }

    @Test
    void kFoldDealsRowsEvenly() {
        Folds folds = Folds.assign(SET, IDS, CrossValidationParameters.defaults().withSplit(Split.KFOLD).withFolds(7));
        int[] perFold = new int[7];
        for (int f : folds.foldOfRow()) {
            perFold[f]++;
        }
        int min = Arrays.stream(perFold).min().orElseThrow();
        int max = Arrays.stream(perFold).max().orElseThrow();
        assertTrue(max - min <= 1, Arrays.toString(perFold));
        // Random, not in row order: the first fold does not hold the first seventh of the rows.
        Set<Integer> firstRowsFolds = new HashSet<>();
        for (int r = 0; r < 20; r++) {
            firstRowsFolds.add(folds.foldOfRow()[r]);
        }
        assertTrue(firstRowsFolds.size() > 1);
    }

    @Test
    void impossibleSplitsFailNamingTheParameter() {
        int[] firstYear = java.util.stream.IntStream.range(0, SET.rows()).filter(r -> SET.year(r) == 2021).toArray();
        ParameterException e = assertThrows(ParameterException.class,
                () -> Folds.assign(SET.subset(firstYear), IDS, CrossValidationParameters.defaults()));
        assertEquals("split", e.parameter());
        int[] oneStation = java.util.stream.IntStream.range(0, SET.rows()).filter(r -> SET.stations()[r] == 0).toArray();
        assertEquals("split", assertThrows(ParameterException.class, () -> Folds.assign(SET.subset(oneStation), IDS,
                CrossValidationParameters.defaults().withSplit(Split.STATION))).parameter());
        assertEquals("folds", assertThrows(ParameterException.class,
                () -> CrossValidationParameters.defaults().withFolds(1)).parameter());
        assertEquals("split", assertThrows(ParameterException.class, () -> Split.parse("split", "month")).parameter());
        assertEquals(Split.KFOLD, Split.parse("split", " KFold "));
    }
}
