package org.ssm.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssm.core.Monitor;

class StationNetworkTest {

    /** The small scenario with one station of each fault. */
    private static Scenario scenario;

    @BeforeAll
    static void generate() {
        scenario = TwinExperiment.generate(
                TwinExperimentConfig.small().toBuilder().faultyStationCount(3).build(), Monitor.NONE);
    }

    private static double[] truthAt(TwinStation st) {
        double[] truth = new double[scenario.dates().size()];
        int cell = st.row() * scenario.fineGrid().width() + st.col();
        for (int t = 0; t < truth.length; t++) {
            truth[t] = scenario.truthSsm().band(t)[cell];
        }
        return truth;
    }

    private static double rmse(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum / a.length);
    }

    private static double stdOfDifference(double[] a, double[] b) {
        double mean = 0;
        for (int i = 0; i < a.length; i++) {
            mean += (a[i] - b[i]) / a.length;
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.pow(a[i] - b[i] - mean, 2);
        }
        return Math.sqrt(sum / (a.length - 1));
    }

    @Test
    void countsIdsAndSites() {
        List<TwinStation> stations = scenario.stations();
        assertEquals(12, stations.size());
        Map<FaultType, Integer> faults = new EnumMap<>(FaultType.class);
        Set<Integer> cells = new HashSet<>();
        for (int k = 0; k < stations.size(); k++) {
            TwinStation st = stations.get(k);
            assertEquals(String.format("TW%02d", k + 1), st.id());
            assertEquals("TWIN", st.network());
            assertEquals(0, st.depthFrom());
            assertEquals(0.05, st.depthTo());
            faults.merge(st.fault(), 1, Integer::sum);
            int cell = st.row() * scenario.fineGrid().width() + st.col();
            assertTrue(cells.add(cell), "one station per pixel");
            int lc = (int) scenario.landCover().values()[cell];
            assertTrue(lc != LandCover.WATER.code() && lc != LandCover.URBAN.code(), st.id() + " on class " + lc);
            assertEquals(scenario.fineGrid().centerX(st.col()), st.x(), 1e-9);
            assertEquals(scenario.dates().size(), st.sm().length);
        }
        assertEquals(Map.of(FaultType.NONE, 9, FaultType.DRIFT, 1, FaultType.NOISE, 1, FaultType.STUCK, 1), faults);
    }

    @Test
    void smallPresetHasTwoFaultyStations() {
        long faulty = TestScenarios.small().stations().stream().filter(st -> st.fault() != FaultType.NONE).count();
        assertEquals(2, faulty);
    }

    @Test
    void healthyStationsFollowTheTruth() {
        for (TwinStation st : scenario.stations()) {
            if (st.fault() == FaultType.NONE) {
                // Offset ≤ 0.03, AR(1) σ 0.01 and sensor σ 0.01 give an RMSE of at most ~0.033;
                // 0.045 allows for 42 days of sampling.
                double error = rmse(st.sm(), truthAt(st));
                assertTrue(error < 0.045, st.id() + " RMSE " + error);
                assertEquals(st.offset(), mean(st.sm()) - mean(truthAt(st)), 0.015, st.id() + " bias is its offset");
            }
        }
    }

    private static double mean(double[] a) {
        double sum = 0;
        for (double v : a) {
            sum += v;
        }
        return sum / a.length;
    }

    @Test
    void faultyStationsShowTheirFault() {
        int seasonDays = scenario.config().training().days();
        for (TwinStation st : scenario.stations()) {
            double[] sm = st.sm();
            double[] truth = truthAt(st);
            switch (st.fault()) {
                case DRIFT -> {
                    // Drift adds 0.1 d / 20: the last five days sit ~0.08 above the first five; the
                    // AR and sensor errors move that difference by ~0.01 (averaged over two seasons).
                    double rise = 0;
                    for (int season = 0; season < 2; season++) {
                        int start = season * seasonDays;
                        rise += windowBias(sm, truth, start + seasonDays - 5) - windowBias(sm, truth, start);
                    }
                    assertTrue(rise / 2 > 0.05, st.id() + " drift " + rise / 2);
                }
                case NOISE -> {
                    // σ 0.08 against 0.014 for a healthy sensor; 0.055 is three standard errors below 0.08.
                    double spread = stdOfDifference(sm, truth);
                    assertTrue(spread > 0.055, st.id() + " noise " + spread);
                }
                case STUCK -> {
                    for (int season = 0; season < 2; season++) {
                        int start = season * seasonDays;
                        int stuckFrom = start + (int) (StationNetwork.STUCK_AT * seasonDays);
                        for (int t = stuckFrom; t < start + seasonDays; t++) {
                            assertEquals(sm[stuckFrom], sm[t], 0, st.id() + " day " + t);
                        }
                        assertNotEquals(truth[stuckFrom], truth[start + seasonDays - 1], "the truth moved meanwhile");
                    }
                }
                case NONE -> assertTrue(stdOfDifference(sm, truth) < 0.03, st.id());
            }
        }
    }

    private static double windowBias(double[] sm, double[] truth, int from) {
        double sum = 0;
        for (int t = from; t < from + 5; t++) {
            sum += sm[t] - truth[t];
        }
        return sum / 5;
    }
}
