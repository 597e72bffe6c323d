package org.ssm.algorithms.collocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ssm.core.Monitor;
import org.ssm.scenario.DateRange;
import org.ssm.scenario.FaultType;
import org.ssm.scenario.TwinExperiment;
import org.ssm.scenario.TwinExperimentConfig;

/**
 * ETC station screening on the demo twin experiment: the per-station ρ² of the demo seed and the
 * confusion tables of faulty versus flagged stations, over both seasons and per season, for several
 * in-situ ρ² thresholds and seeds (the figures of docs/algorithms/triple-collocation.md).
 *
 * <pre>src/bench org.ssm.algorithms.collocation.TripleCollocationTwinBenchmark [seed...]</pre>
 *
 * Without arguments, the demo seed only.
 */
public final class TripleCollocationTwinBenchmark {

    private static final double[] THRESHOLDS = {0.5, 0.6, 0.7};

    private TripleCollocationTwinBenchmark() {}

    /** Counts of one setting summed over seeds. */
    private static final class Tally {
        final int[] confusion = new int[4];
        final Map<FaultType, int[]> byFault = new LinkedHashMap<>();

        void add(TwinScreening twin, ScreeningResult r) {
            int[] c = twin.confusion(r);
            for (int i = 0; i < 4; i++) {
                confusion[i] += c[i];
            }
            for (int s = 0; s < r.stations().size(); s++) {
                int[] f = byFault.computeIfAbsent(twin.fault(s), k -> new int[2]);
                f[0] += r.stations().get(s).kept() ? 0 : 1;
                f[1]++;
            }
        }

        String row() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d | %d | %d | %d", confusion[0],
                    confusion[1], confusion[2], confusion[3]));
            for (FaultType t : FaultType.values()) {
                int[] f = byFault.getOrDefault(t, new int[2]);
                sb.append(String.format(Locale.ROOT, " | %d/%d", f[0], f[1]));
            }
            return sb.toString();
        }
    }

    public static void main(String[] args) {
        List<Long> seeds = new ArrayList<>();
        for (String a : args) {
            seeds.add(Long.parseLong(a));
        }
        if (seeds.isEmpty()) {
            seeds.add(TwinExperimentConfig.demo().seed());
        }
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (long seed : seeds) {
            TwinExperimentConfig config = TwinExperimentConfig.demo().withSeed(seed);
            long start = System.nanoTime();
            TwinScreening twin = new TwinScreening(TwinExperiment.generate(config, Monitor.NONE));
            double generate = (System.nanoTime() - start) / 1e9;
            List<LocalDate[]> periods = new ArrayList<>();
            periods.add(new LocalDate[] {null, null});
            for (DateRange season : config.seasons()) {
                periods.add(new LocalDate[] {season.start(), season.end()});
            }
            System.out.printf(Locale.ROOT, "%n== demo scenario, seed %d (generated in %.1f s) ==%n", seed, generate);
            for (LocalDate[] period : periods) {
                String label = period[0] == null ? "both seasons" : period[0] + "/" + period[1];
                for (double threshold : THRESHOLDS) {
                    ScreeningParameters p = ScreeningParameters.defaults().withMinInsituRho2(threshold)
                            .withPeriod(period[0], period[1]);
                    start = System.nanoTime();
                    ScreeningResult r = twin.screen(p);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    if (threshold == StationScreening.DEFAULT_MIN_INSITU_RHO2) {
                        printStations(twin, r, label, seconds);
                    }
                    tallies.computeIfAbsent((label.startsWith("both") ? "both seasons" : "season " + period[0].getYear())
                            + " | " + threshold, k -> new Tally()).add(twin, r);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n== confusion over seeds %s ==%n", seeds);
        System.out.print("period | min rho2 insitu | faulty flagged | faulty kept | healthy flagged | healthy kept");
        for (FaultType t : FaultType.values()) {
            System.out.print(" | " + t.label() + " flagged");
        }
        System.out.println();
        tallies.forEach((key, tally) -> {
            if (key.contains(" | ")) {
                System.out.println(key + " | " + tally.row());
            }
        });
    }

    private static void printStations(TwinScreening twin, ScreeningResult r, String label, double seconds) {
        System.out.printf(Locale.ROOT, "-- %s, defaults (screened in %.3f s) --%n", label, seconds);
        System.out.println("station | fault | triplets | rho2 insitu | rho2 satellite | rho2 model | SNR insitu (dB)"
                + " | verdict");
        for (int s = 0; s < r.stations().size(); s++) {
            StationAssessment a = r.stations().get(s);
            System.out.printf(Locale.ROOT, "%s | %s | %d | %.3f | %.3f | %.3f | %.2f | %s%n",
                    a.station().station().id(), twin.fault(s).label(), a.triplets(), a.rho2(Product.INSITU),
                    a.rho2(Product.SATELLITE), a.rho2(Product.MODEL),
                    a.estimate() == null ? Double.NaN : a.estimate().member(Product.INSITU.index()).snrDb(),
                    a.verdict().code());
        }
        int[] c = twin.confusion(r);
        System.out.printf(Locale.ROOT, "faulty flagged %d, faulty kept %d, healthy flagged %d, healthy kept %d%n",
                c[0], c[1], c[2], c[3]);
    }
}
