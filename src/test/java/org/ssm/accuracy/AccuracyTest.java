package org.ssm.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssm.core.Monitor;
import org.ssm.scenario.TwinExperimentConfig;

/**
 * The small version of the accuracy table ({@code docs/accuracy.md}): every method on the small twin
 * experiment (40 x 30 fine pixels, 12 stations, a 21-day validation season), with thresholds loose
 * enough for any seed but tight enough that a broken method fails.
 */
class AccuracyTest {

    /**
     * Float32 outputs: each fine value carries a rounding error below 2^-24 of ~0.4, i.e. 3e-8; a mean
     * of them, and the float coarse value, stay well inside 1e-6.
     */
    private static final double CONSERVATION_TOLERANCE = 1e-6;

    private static TwinCase tc;
    private static final Map<String, AccuracyRow> ROWS = new LinkedHashMap<>();

    @BeforeAll
    static void runAll() {
        tc = TwinCase.generate(TwinExperimentConfig.small());
        for (TwinMethod m : TwinMethods.all()) {
            ROWS.put(m.name(), AccuracyScore.score(tc, m.name(), m.run(tc, Monitor.NONE), 0));
        }
    }

    private static AccuracyRow row(TwinMethod m) {
        return ROWS.get(m.name());
    }

    @Test
    void theBaselineIsTheCoarseProductsOwnError() {
        AccuracyRow base = row(TwinMethods.COARSE_BILINEAR);
        // The PM product is 1.1 m + 0.02 + noise (scenario.md): against the truth its bias is about
        // 0.1 x 0.2 + 0.02 = 0.04 and its correlation clearly positive but far from 1.
        assertEquals(0.04, base.truth().bias(), 0.015);
        assertTrue(base.truth().pcc() > 0.5 && base.truth().pcc() < 0.95, "PCC " + base.truth().pcc());
        assertTrue(base.coverage() > 0.9, "bilinear fills most swath gaps from neighbours: " + base.coverage());
    }

    @Test
    void nearestAndDispatchConserveTheCoarseMeans() {
        assertEquals(0, row(TwinMethods.COARSE_NEAREST).maxDeparture(), CONSERVATION_TOLERANCE);
        assertEquals(0, row(TwinMethods.DISPATCH).maxDeparture(), CONSERVATION_TOLERANCE);
        // Bilinear interpolation mixes neighbouring cells, so it cannot conserve.
        assertTrue(row(TwinMethods.COARSE_BILINEAR).maxDeparture() > 0.005);
    }

    @Test
    void dispatchAddsFineScaleVariability() {
        // Repeating the coarse value leaves no variability inside a coarse cell; DisPATCh restores some
        // from LST, so its spatial SD exceeds the blocky product's on the pixels it estimates.
        AccuracyRow d = row(TwinMethods.DISPATCH);
        assertTrue(d.spatialSd() > row(TwinMethods.COARSE_NEAREST).spatialSd(), "DisPATCh SD " + d.spatialSd());
        assertTrue(d.coverage() > 0.3, "DisPATCh estimates where f_v < 0.9 and the PM cell exists: " + d.coverage());
        assertTrue(d.truth().pcc() > 0.5, "DisPATCh PCC " + d.truth().pcc());
    }
}
