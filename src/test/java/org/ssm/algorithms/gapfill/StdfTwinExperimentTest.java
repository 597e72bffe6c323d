package org.ssm.algorithms.gapfill;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssm.core.Monitor;
import org.ssm.grid.GridSeries;
import org.ssm.scenario.Scenario;
import org.ssm.scenario.TwinExperiment;
import org.ssm.scenario.TwinExperimentConfig;

/**
 * STDF on the small twin experiment: cloudy LST, gap-free NDVI (as paper D fills NDVI first) and
 * the DEM; the filled pixels are scored against the clear-sky LST the clouds hid.
 */
class StdfTwinExperimentTest {

    private static Scenario scenario;
    private static StdfGapFill.Result result;

    @BeforeAll
    static void fill() {
        scenario = TwinExperiment.generate(TwinExperimentConfig.small(), Monitor.NONE);
        result = StdfGapFill.PAPER_D.fill(scenario.lst(), scenario.ndviClearSky(), scenario.dem(), Monitor.NONE);
    }

    /** RMSE of {@code estimate} against the truth over the pixels cloudy in the observed LST where estimate is finite. */
    private static double[] rmseAtFilledPixels(GridSeries estimate) {
        GridSeries observed = scenario.lst();
        GridSeries truth = scenario.lstClearSky();
        double sum = 0;
        long n = 0;
        for (int b = 0; b < observed.size(); b++) {
            for (int i = 0; i < observed.geometry().size(); i++) {
                float e = estimate.band(b)[i];
                if (Float.isNaN(observed.band(b)[i]) && Float.isFinite(e)) {
                    double d = e - truth.band(b)[i];
                    sum += d * d;
                    n++;
                }
            }
        }
        return new double[] {Math.sqrt(sum / n), n};
    }

    /** The baseline: each cloudy pixel takes its own nearest clear observation within 30 days (earlier first on ties). */
    private static GridSeries persistence() {
        GridSeries lst = scenario.lst();
        List<LocalDate> dates = lst.dates();
        float[][] out = new float[lst.size()][];
        for (int b = 0; b < lst.size(); b++) {
            out[b] = lst.band(b).clone();
            for (int i = 0; i < out[b].length; i++) {
                if (!Float.isNaN(out[b][i])) {
                    continue;
                }
                for (int t0 : StdfGapFill.PAPER_D.neighboursNearestFirst(dates, b)) {
                    if (!Float.isNaN(lst.band(t0)[i])) {
                        out[b][i] = lst.band(t0)[i];
                        break;
                    }
                }
            }
        }
        return GridSeries.of(lst.geometry(), dates, out);
    }

    @Test
    void filledPixelsAreCloseToTheHiddenClearSkyLst() {
        double[] stdf = rmseAtFilledPixels(result.filled());
        double[] baseline = rmseAtFilledPixels(persistence());
        assertTrue(stdf[1] > 10_000, "enough filled pixels to score: " + stdf[1]);
        // Floor: the twin's LST noise is 0.7 K in the truth and in the neighbour eq. 1 is driven by, so
        // one estimate errs by at least 0.7·sqrt(1 + a²) ≈ 1 K; soil moisture also changes between
        // dates, which eq. 1 cannot see. 2 K is twice that floor, and close to the mean RMSD difference of 1.9 K
        // between gap-filled cloudy and clear-sky LST at stations in paper D (§3.1, Fig. 3c). Measured: 1.40 K.
        assertTrue(stdf[0] < 2.0, "RMSE " + stdf[0] + " K");
        // The regression must use the scene, not only the pixel's own past: at least twice as good
        // as filling each pixel from its nearest clear date (measured 3.85 K).
        assertTrue(stdf[0] < 0.5 * baseline[0], "RMSE " + stdf[0] + " K vs persistence " + baseline[0] + " K");
    }

    @Test
    void reachesTheTargetCoverageOnAverageAndNeverLosesObservations() {
        double mean = 0;
        for (FillReport.DateFill d : result.report().dates()) {
            assertTrue(d.fractionAfter() >= d.fractionBefore(), d.toString());
            mean += d.fractionAfter();
        }
        mean /= result.report().dates().size();
        // Dates are 20-91 % clear; ±30 days of neighbours cover almost every pixel, so a date stops
        // at or just above 0.99, or a little below where clouds persist.
        assertTrue(mean >= StdfGapFill.DEFAULT_TARGET_COVERAGE, "mean coverage " + mean);
        GridSeries observed = scenario.lst();
        for (int b = 0; b < observed.size(); b++) {
            for (int i = 0; i < observed.geometry().size(); i++) {
                float o = observed.band(b)[i];
                if (!Float.isNaN(o) && o != result.filled().band(b)[i]) {
                    throw new AssertionError("observed value changed at band " + b + " pixel " + i);
                }
            }
        }
    }
}
