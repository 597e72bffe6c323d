package org.ssm.algorithms.collocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssm.core.Monitor;
import org.ssm.scenario.FaultType;
import org.ssm.scenario.TwinExperiment;
import org.ssm.scenario.TwinExperimentConfig;
import org.ssm.stations.Observation;
import org.ssm.stations.StationSeries;

/**
 * ETC screening of the demo twin experiment (24 stations, 3 faulty; PM product as satellite,
 * reanalysis as model; both seasons, about 260 triplets a station). The demo scenario is generated
 * in about 5 s, so the test uses it rather than the small one, whose 42 days give about 30 triplets
 * a station, too few for the default of 100.
 */
class TripleCollocationTwinExperimentTest {

    private static TwinScreening twin;
    private static ScreeningResult result;

    @BeforeAll
    static void screenTheDemo() {
        twin = new TwinScreening(TwinExperiment.generate(TwinExperimentConfig.demo(), Monitor.NONE));
        result = twin.screen(ScreeningParameters.defaults());
    }

    @Test
    void everyFaultyStationIsFlaggedAndMostHealthyOnesKept() {
        int faulty = 0;
        for (int s = 0; s < result.stations().size(); s++) {
            if (twin.faulty(s)) {
                faulty++;
                assertFalse(result.stations().get(s).kept(), "faulty station " + s + " (" + twin.fault(s).label() + "): "
                        + result.stations().get(s).detail());
            }
        }
        assertEquals(3, faulty, "one drift, one noise and one stuck station");
        int[] c = twin.confusion(result);
        int healthy = c[2] + c[3];
        // Bound: 80 % of the healthy stations kept (17 of 21). Over nine seeds of the demo scenario the
        // defaults kept 86-100 % (93 % overall, docs/algorithms/triple-collocation.md); a healthy
        // station is flagged when its point departs strongly from the 25-km pixel (representativeness
        // error, rho2 < 0.5) or when sampling pushes an error variance below zero.
        assertTrue(c[3] >= 0.8 * healthy, "healthy kept " + c[3] + " of " + healthy);
    }

    @Test
    void noisyAndStuckSensorsFallBelowTheRho2Threshold() {
        for (int s = 0; s < result.stations().size(); s++) {
            FaultType fault = twin.fault(s);
            if (fault == FaultType.NOISE || fault == FaultType.STUCK) {
                StationAssessment a = result.stations().get(s);
                // Sensor noise of 0.08 against a signal of about 0.05 standard deviation, or a series
                // that stops varying: far below 0.5, not a borderline call.
                assertTrue(a.rho2(Product.INSITU) < 0.35, fault.label() + ": " + a.detail());
            }
        }
    }

    @Test
    void aConstantOffsetIsInvisibleToTripleCollocation() {
        // TC works on covariances, which ignore means: a sensor reading 0.05 m3/m3 too wet is as
        // reliable to ETC as the same sensor calibrated. The twin's healthy stations carry such
        // offsets (representativeness, up to 0.03) and are kept; the offset must be found by other means.
        int healthy = 0;
        while (twin.faulty(healthy)) {
            healthy++;
        }
        StationSeries original = twin.stations().get(healthy);
        List<Observation> shifted = new ArrayList<>();
        for (Observation o : original.observations()) {
            shifted.add(new Observation(o.time(), o.sm() + 0.05, o.flag()));
        }
        StationScreening screening = new StationScreening(ScreeningParameters.defaults());
        StationAssessment before = screening.assess(screening.collocate(original, twin.satellite(), twin.model()));
        StationAssessment after = screening.assess(screening.collocate(new StationSeries(original.station(), shifted),
                twin.satellite(), twin.model()));
        assertEquals(before.verdict(), after.verdict());
        // Equal up to the rounding of the shifted readings (1e-17 on values of 0.3, through sums of ~260 terms).
        assertEquals(before.rho2(Product.INSITU), after.rho2(Product.INSITU), 1e-12);
        assertEquals(before.estimate().member(0).errorVariance(), after.estimate().member(0).errorVariance(), 1e-15);
    }
}
