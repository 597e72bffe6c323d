package org.ssm.algorithms.gapfill;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.ssm.core.Monitor;
import org.ssm.grid.GridSeries;
import org.ssm.scenario.Scenario;
import org.ssm.scenario.TwinExperiment;
import org.ssm.scenario.TwinExperimentConfig;

/**
 * Accuracy of STDF gap filling against the twin experiment's clear-sky LST, beside two baselines:
 * each cloudy pixel's own nearest clear observation within {@code maxDays} (persistence) and the date's
 * mean of clear pixels.
 *
 * <pre>src/bench org.ssm.algorithms.gapfill.StdfTwinBenchmark [small|demo]</pre>
 */
public final class StdfTwinBenchmark {

    private StdfTwinBenchmark() {}

    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "small";
        TwinExperimentConfig config = which.equals("demo") ? TwinExperimentConfig.demo() : TwinExperimentConfig.small();
        Scenario s = TwinExperiment.generate(config, Monitor.NONE);
        GridSeries lst = s.lst();
        System.out.printf(Locale.ROOT, "%s twin experiment: %s, %d dates%n", which, lst.geometry().describe(), lst.size());
        System.out.println("setting | filled pixels | mean valid fraction after | RMSE STDF (K) | RMSE persistence (K)"
                + " | RMSE date mean (K) | fill time (s)");
        for (StdfGapFill method : List.of(StdfGapFill.PAPER_D, new StdfGapFill(30, 1.0, 100),
                new StdfGapFill(3, 1.0, 100))) {
            long start = System.nanoTime();
            StdfGapFill.Result r = method.fill(lst, s.ndviClearSky(), s.dem(), Monitor.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] scores = score(method, lst, s.lstClearSky(), r.filled());
            double after = r.report().dates().stream().mapToDouble(FillReport.DateFill::fractionAfter).average()
                    .orElse(Double.NaN);
            System.out.printf(Locale.ROOT, "maxDays %d, target %.2f, minPairs %d | %d | %.4f | %.3f | %.3f | %.3f | %.1f%n",
                    method.maxDays(), method.targetCoverage(), method.minPairs(), (long) scores[3], after, scores[0],
                    scores[1], scores[2], seconds);
        }
    }

    /** RMSE of STDF, persistence and date mean at the pixels STDF filled, and their count. */
    private static double[] score(StdfGapFill method, GridSeries lst, GridSeries truth, GridSeries filled) {
        List<LocalDate> dates = lst.dates();
        double stdf = 0;
        double persistence = 0;
        double dateMean = 0;
        long n = 0;
        long nPersistence = 0;
        for (int b = 0; b < lst.size(); b++) {
            float[] observed = lst.band(b);
            double mean = 0;
            int clear = 0;
            for (float v : observed) {
                if (!Float.isNaN(v)) {
                    mean += v;
                    clear++;
                }
            }
            mean /= clear;
            List<Integer> neighbours = method.neighboursNearestFirst(dates, b);
            for (int i = 0; i < observed.length; i++) {
                float f = filled.band(b)[i];
                if (!Float.isNaN(observed[i]) || Float.isNaN(f)) {
                    continue;
                }
                double t = truth.band(b)[i];
                stdf += (f - t) * (f - t);
                dateMean += (mean - t) * (mean - t);
                n++;
                for (int t0 : neighbours) {
                    float p = lst.band(t0)[i];
                    if (!Float.isNaN(p)) {
                        persistence += (p - t) * (p - t);
                        nPersistence++;
                        break;
                    }
                }
            }
        }
        return new double[] {Math.sqrt(stdf / n), Math.sqrt(persistence / nPersistence), Math.sqrt(dateMean / n), n};
    }
}
