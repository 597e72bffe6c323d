package org.ssm.accuracy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ssm.algorithms.validation.Metrics;
import org.ssm.core.Monitor;
import org.ssm.grid.GridSeries;
import org.ssm.scenario.TwinExperimentConfig;

/**
 * The accuracy table of {@code docs/accuracy.md}: every downscaling method on the twin experiment,
 * scored against the full truth and the healthy stations over the validation season.
 *
 * <pre>src/bench org.ssm.accuracy.AccuracyBenchmark [demo|small] [seed] [method substring ...]</pre>
 *
 * Deterministic for a given scenario and seed: every method is seeded.
 */
public final class AccuracyBenchmark {

    private AccuracyBenchmark() {}

    public static void main(String[] args) {
        TwinExperimentConfig config = args.length > 0 && args[0].equals("small") ? TwinExperimentConfig.small()
                : TwinExperimentConfig.demo();
        if (args.length > 1) {
            config = config.withSeed(Long.parseLong(args[1]));
        }
        List<String> only = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        long t0 = System.nanoTime();
        TwinCase tc = TwinCase.generate(config);
        System.out.printf(Locale.ROOT, "scenario seed %d, fine grid %dx%d, validation season %s, %d healthy of %d"
                + " stations; generated in %.1f s%n", config.seed(), tc.fineGrid().width(), tc.fineGrid().height(),
                tc.validationSeason(), tc.healthyStations().size(), tc.stations().size(), (System.nanoTime() - t0) / 1e9);
        List<AccuracyRow> rows = new ArrayList<>();
        for (TwinMethod method : TwinMethods.all()) {
            if (!only.isEmpty() && only.stream().noneMatch(s -> method.name().contains(s))) {
                continue;
            }
            long start = System.nanoTime();
            GridSeries estimate = method.run(tc, Monitor.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            AccuracyRow row = AccuracyScore.score(tc, method.name(), estimate, seconds);
            rows.add(row);
            System.out.println(line(row));
        }
        System.out.println();
        System.out.println(table(rows));
    }

    /** The table in Markdown. */
    public static String table(List<AccuracyRow> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| method | truth PCC | truth RMSE | truth ubRMSE | truth bias | truth MAE | stations PCC | "
                + "stations RMSE | stations ubRMSE | stations bias | stations MAE | G_down mean (share > 0) | spatial SD (truth) | "
                + "coverage | coarse-mean departure, mean (max) | time (s) |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (AccuracyRow r : rows) {
            Metrics t = r.truth();
            Metrics s = r.stations();
            sb.append(String.format(Locale.ROOT, "| %s | %.3f | %.4f | %.4f | %.4f | %.4f | %.3f | %.4f | %.4f | %.4f |"
                    + " %.4f | %.3f (%.0f %%) | %.4f (%.4f) | %.3f | %.4f (%.4f) | %.1f |%n", r.method(), t.pcc(), t.rmse(), t.ubrmse(),
                    t.bias(), t.mae(), s.pcc(), s.rmse(), s.ubrmse(), s.bias(), s.mae(),
                    r.gains() == null ? Double.NaN : r.gains().mean().down(),
                    r.gains() == null ? Double.NaN : 100 * r.gains().positiveShare(), r.spatialSd(), r.truthSpatialSd(),
                    r.coverage(), r.meanDeparture(), r.maxDeparture(), r.seconds()));
        }
        return sb.toString();
    }

    private static String line(AccuracyRow r) {
        return String.format(Locale.ROOT, "%-28s truth: PCC %.3f ubRMSE %.4f bias %.4f | stations: PCC %.3f ubRMSE %.4f"
                + " | G_down %.3f | SD %.4f/%.4f | coverage %.3f | departure %.4f (max %.4f) | %.1f s", r.method(),
                r.truth().pcc(), r.truth().ubrmse(), r.truth().bias(), r.stations().pcc(), r.stations().ubrmse(),
                r.gains() == null ? Double.NaN : r.gains().mean().down(), r.spatialSd(), r.truthSpatialSd(),
                r.coverage(), r.meanDeparture(), r.maxDeparture(), r.seconds());
    }
}
