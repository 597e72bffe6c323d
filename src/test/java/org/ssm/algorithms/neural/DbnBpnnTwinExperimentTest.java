package org.ssm.algorithms.neural;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.core.Monitor;
import org.ssm.scenario.TwinExperiment;
import org.ssm.scenario.TwinExperimentConfig;

/**
 * Paper B's comparison (SI Text S3) on the small twin experiment: DBN and BPNN with the same layers
 * and defaults, trained on the 10 healthy stations' pixels in the training season (210 rows) and
 * scored on the validation season. Deterministic (fixed scenario and seeds); the thresholds are
 * loose, a few times the spread between seeds measured by
 * {@code DbnBpnnTwinBenchmark small 3} (docs/algorithms/dbn-bpnn.md).
 */
class DbnBpnnTwinExperimentTest {

    @Test
    void dbnIsAtLeastAsGoodAsBpnnOnTheValidationSeason() {
        TwinComparison twin = new TwinComparison(TwinExperiment.generate(TwinExperimentConfig.small(), Monitor.NONE));
        TwinComparison.Score pm = twin.pmBaseline();
        double[] dbn = new double[4];
        double[] bpnn = new double[4];
        int seeds = 3;
        for (long seed = 1; seed <= seeds; seed++) {
            TrainerOptions o = TrainerOptions.DEFAULTS.with("seed", seed);
            add(dbn, twin.score(twin.fit("DBN", o), seed == 1), seeds);
            add(bpnn, twin.score(twin.fit("BPNN", o), seed == 1), seeds);
        }
        // Both networks must beat the coarse PM SSM they are given as a predictor: measured in-situ
        // ubRMSE 0.0236 (DBN) and 0.0253 (BPNN) against 0.0358; bound 0.8 × the PM's.
        assertTrue(dbn[0] < 0.8 * pm.inSitu().ubrmse(), "DBN " + dbn[0] + " vs PM " + pm.inSitu().ubrmse());
        assertTrue(bpnn[0] < 0.8 * pm.inSitu().ubrmse(), "BPNN " + bpnn[0] + " vs PM " + pm.inSitu().ubrmse());
        // B's finding: the DBN at least as good as the BPNN. Measured against the truth at the
        // stations: ubRMSE 0.0178 vs 0.0202 (seed spread 0.0004 and 0.0010), PCC 0.80 vs 0.81 (spread
        // 0.007 and 0.03); in situ 0.0236 vs 0.0253. Bounds allow the DBN 5% more ubRMSE and 0.05
        // less PCC, more than the seed spread, so only a real reversal fails.
        assertTrue(dbn[0] <= 1.05 * bpnn[0], "in situ ubRMSE DBN " + dbn[0] + ", BPNN " + bpnn[0]);
        assertTrue(dbn[1] <= 1.05 * bpnn[1], "truth ubRMSE DBN " + dbn[1] + ", BPNN " + bpnn[1]);
        assertTrue(dbn[2] >= bpnn[2] - 0.05, "truth PCC DBN " + dbn[2] + ", BPNN " + bpnn[2]);
        // Over every pixel of the validation season (seed 1): measured PCC 0.918 (DBN) and 0.87
        // (BPNN) against the truth; the DBN must keep above 0.88.
        assertTrue(dbn[3] > 0.88, "all-pixel PCC " + dbn[3]);
    }

    /** Accumulates the seed means of in-situ ubRMSE, truth ubRMSE, truth PCC and all-pixel PCC. */
    private static void add(double[] sums, TwinComparison.Score s, int seeds) {
        sums[0] += s.inSitu().ubrmse() / seeds;
        sums[1] += s.truthAtStations().ubrmse() / seeds;
        sums[2] += s.truthAtStations().pcc() / seeds;
        if (s.truthAllPixels().n() > 0) {
            sums[3] += s.truthAllPixels().pcc();
        }
    }
}
