package org.ssm.algorithms.validation;

import java.util.List;
import java.util.Locale;
import org.ssm.core.Monitor;
import org.ssm.grid.GridSeries;
import org.ssm.io.CrsTransforms;
import org.ssm.scenario.Scenario;
import org.ssm.scenario.ScenarioWriter;
import org.ssm.scenario.TwinExperiment;
import org.ssm.scenario.TwinExperimentConfig;
import org.ssm.scenario.TwinStation;

/**
 * The twin-experiment check of {@code docs/algorithms/validate.md}: the demo scenario's truth
 * validated as if it were a product, against its 24 stations, with the passive-microwave product as
 * the coarse product and the truth as truth; prints each station's metrics beside what the scenario
 * put into it (fault, offset).
 *
 * <pre>src/bench org.ssm.algorithms.validation.ValidationTwinBenchmark [seed]</pre>
 */
public final class ValidationTwinBenchmark {

    private ValidationTwinBenchmark() {}

    public static void main(String[] args) throws Exception {
        TwinExperimentConfig config = TwinExperimentConfig.demo();
        if (args.length > 0) {
            config = config.withSeed(Long.parseLong(args[0]));
        }
        Scenario s = TwinExperiment.generate(config, Monitor.NONE);
        ValidationInputs in = ValidationInputs.of(ScenarioWriter.stationSeries(s), gridded("product", s.truthSsm()))
                .withCoarse(gridded("coarse", s.pmSsm())).withTruth(s.truthSsm().reader());
        long t0 = System.nanoTime();
        ValidationResult r = new Validation(ValidationParameters.defaults()).validate(in, Monitor.NONE);
        System.out.printf(Locale.ROOT, "seed %d: validated in %.2f s; truth against itself: %s%n", config.seed(),
                (System.nanoTime() - t0) / 1e9, r.truth().pooled());
        System.out.println("station fault   pairs offset  bias+offset ubRMSE  PCC    | coarse PCC ubRMSE | G_effi G_prec"
                + " G_accu G_down");
        List<StationValidation> stations = r.stations();
        for (int i = 0; i < stations.size(); i++) {
            TwinStation t = s.stations().get(i);
            StationValidation v = stations.get(i);
            Metrics m = v.product().metrics();
            Metrics c = v.coarse().metrics();
            GDown g = v.gain().gains();
            System.out.printf(Locale.ROOT, "%-7s %-7s %5d %7.4f %7.4f     %7.4f %6.3f | %6.3f %7.4f   | %6.2f %6.2f"
                    + " %6.2f %6.2f%n", t.id(), t.fault().label(), m.n(), t.offset(), m.bias() + t.offset(), m.ubrmse(),
                    m.pcc(), c.pcc(), c.ubrmse(), g.effi(), g.prec(), g.accu(), g.down());
        }
        System.out.println("overall product: " + r.product());
        System.out.println("overall coarse:  " + r.coarse());
        System.out.println("gains: " + r.gains() + ", share positive " + r.gains().positiveShare());
    }

    private static GriddedProduct gridded(String name, GridSeries s) {
        return new GriddedProduct(name, s.reader(), CrsTransforms.between("stations", "EPSG:4326",
                s.geometry().crs()));
    }
}
