package org.ssm.algorithms.neural;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.algorithms.learning.TrainingSet;
import org.ssm.algorithms.model.FittedModel;
import org.ssm.algorithms.validation.Metrics;
import org.ssm.charts.ScatterChart;
import org.ssm.core.Monitor;
import org.ssm.scenario.TwinExperiment;
import org.ssm.scenario.TwinExperimentConfig;

/**
 * The scatter figure of {@code docs/algorithms/dbn-bpnn.md} (as paper B Fig. 4): on the demo twin's
 * validation season, the in-situ readings of the 21 healthy stations against the PM SSM, the BPNN and
 * the DBN (defaults, seed 1), trained on the training season.
 *
 * <pre>src/bench org.ssm.algorithms.neural.DbnBpnnChartExample [output dir, default docs/images]</pre>
 */
public final class DbnBpnnChartExample {

    private DbnBpnnChartExample() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/images");
        Files.createDirectories(dir);
        TwinComparison twin = new TwinComparison(TwinExperiment.generate(TwinExperimentConfig.demo(), Monitor.NONE));
        TrainingSet v = twin.validation.set();
        double[] observed = v.targets();
        double[] pm = new double[v.rows()];
        for (int r = 0; r < pm.length; r++) {
            pm[r] = v.feature(r, 0);
        }
        double[] bpnn = predict(twin.fit("BPNN", TrainerOptions.DEFAULTS), v);
        double[] dbn = predict(twin.fit("DBN", TrainerOptions.DEFAULTS), v);
        ScatterChart chart = new ScatterChart("Validation season, 21 stations: in situ (x) against estimates (y)", List.of(
                new ScatterChart.Series("PM SSM", new Color(0x4477aa), observed, pm, Metrics.of(pm, observed)),
                new ScatterChart.Series("BPNN", new Color(0x228833), observed, bpnn, Metrics.of(bpnn, observed)),
                new ScatterChart.Series("DBN", new Color(0xcc3311), observed, dbn, Metrics.of(dbn, observed))));
        ImageIO.write(chart.render(), "png", dir.resolve("dbn-bpnn-scatter.png").toFile());
        System.out.println("PM " + Metrics.of(pm, observed));
        System.out.println("BPNN " + Metrics.of(bpnn, observed));
        System.out.println("DBN " + Metrics.of(dbn, observed));
    }

    private static double[] predict(FittedModel m, TrainingSet v) {
        double[] out = new double[v.rows()];
        m.predictInPlace(v.features().clone(), v.rows(), out);
        return out;
    }
}
