package org.ssm.algorithms.neural;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.algorithms.learning.TrainingSet;
import org.ssm.algorithms.model.FittedModel;
import org.ssm.algorithms.model.Normalization;
import org.ssm.algorithms.model.Regressor;
import org.ssm.algorithms.validation.Metrics;
import org.ssm.core.Monitor;
import org.ssm.scenario.TwinExperiment;
import org.ssm.scenario.TwinExperimentConfig;

/**
 * The DBN-versus-BPNN comparison of {@code docs/algorithms/dbn-bpnn.md} (paper B SI Text S3 on the
 * twin): each variant trained with seeds 1..n on the training season's station pixels and scored on
 * the validation season; prints mean ± standard deviation over the seeds.
 *
 * <pre>src/bench org.ssm.algorithms.neural.DbnBpnnTwinBenchmark [demo|small] [seeds] [allPixels: true|false]</pre>
 */
public final class DbnBpnnTwinBenchmark {

    private DbnBpnnTwinBenchmark() {}

    public static void main(String[] args) {
        boolean demo = args.length == 0 || args[0].equals("demo");
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean allPixels = args.length <= 2 || Boolean.parseBoolean(args[2]);
        long t0 = System.nanoTime();
        TwinComparison twin = new TwinComparison(TwinExperiment.generate(
                demo ? TwinExperimentConfig.demo() : TwinExperimentConfig.small(), Monitor.NONE));
        System.out.printf(Locale.ROOT, "%s scenario in %.1f s: %d training rows (%d stations), %d validation rows%n",
                demo ? "demo" : "small", (System.nanoTime() - t0) / 1e9, twin.training.set().rows(),
                twin.training.stations(), twin.validation.set().rows());
        Map<String, TrainerOptions> variants = new LinkedHashMap<>();
        TrainerOptions d = TrainerOptions.DEFAULTS;
        variants.put("DBN", d);
        variants.put("BPNN", d);
        variants.put("DBN, no pre-training", d.with("pretrainingEpochs", 0));
        variants.put("DBN, 100 RBM epochs", d.with("pretrainingEpochs", 100));
        variants.put("BPNN [32]", d.with("hiddenLayers", "32"));
        variants.put("BPNN tanh", d.with("activation", "tanh"));
        System.out.println("variant               fit s  epochs | in situ ubRMSE   PCC        | truth@stations ubRMSE PCC  "
                + "      | all pixels ubRMSE  PCC      RMSE");
        print("PM SSM (coarse)", 0, 0, List.of(twin.pmBaseline()));
        List<TwinComparison.Score> ols = List.of(twin.score(ols(twin.training.set()), allPixels));
        print("OLS (linear)", 0, 0, ols);
        for (Map.Entry<String, TrainerOptions> v : variants.entrySet()) {
            String method = v.getKey().startsWith("DBN") ? "DBN" : "BPNN";
            List<TwinComparison.Score> scores = new ArrayList<>();
            double seconds = 0;
            double epochs = 0;
            for (long seed = 1; seed <= seeds; seed++) {
                long t = System.nanoTime();
                TrainerOptions o = v.getValue().with("seed", seed);
                NetworkFit fit = method.equals("DBN")
                        ? new DbnTrainer(DbnParameters.from(o)).train(normalised(twin, o), Monitor.NONE)
                        : new BpnnTrainer(BpnnParameters.from(o)).train(normalised(twin, o), Monitor.NONE);
                seconds += (System.nanoTime() - t) / 1e9;
                epochs += fit.bestEpoch();
                FittedModel m = twin.fit(method, o);
                if (!m.regressor().equals(fit.model())) {
                    throw new IllegalStateException("the trainer and ModelFitting disagree");
                }
                scores.add(twin.score(m, allPixels && seed <= 2));
            }
            print(v.getKey(), seconds / seeds, epochs / seeds, scores);
        }
    }

    private static TrainingSet normalised(TwinComparison twin, TrainerOptions o) {
        TrainingSet raw = twin.training.set();
        double[] x = raw.features().clone();
        Normalization.zScore(x, raw.rows(), raw.columns()).applyInPlace(x, raw.rows());
        double[] y = raw.targets().clone();
        Normalization.zScore(y, raw.rows(), 1).applyInPlace(y, raw.rows());
        return raw.withValues(x, y);
    }

    /** Ordinary least squares on the seven predictors: the linear reference. */
    private static FittedModel ols(TrainingSet raw) {
        int p = raw.columns();
        double[][] x = new double[raw.rows()][];
        for (int r = 0; r < raw.rows(); r++) {
            x[r] = raw.row(r);
        }
        OLSMultipleLinearRegression reg = new OLSMultipleLinearRegression();
        reg.newSampleData(raw.targets().clone(), x);
        double[] beta = reg.estimateRegressionParameters();
        Regressor linear = new Regressor() {
            @Override
            public int inputs() {
                return p;
            }

            @Override
            public double predict(double[] row) {
                double y = beta[0];
                for (int i = 0; i < p; i++) {
                    y += beta[i + 1] * row[i];
                }
                return y;
            }

            @Override
            public Map<String, Object> toJson() {
                return Map.of("type", "ols");
            }
        };
        return new FittedModel("OLS", TwinPredictors.NAMES, Normalization.identity(p), Normalization.identity(1),
                linear, Map.of());
    }

    private static void print(String label, double seconds, double epochs, List<TwinComparison.Score> scores) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-20s %6.1f %7.0f |", label, seconds, epochs));
        cell(sb, scores, s -> s.inSitu());
        sb.append(" |");
        cell(sb, scores, s -> s.truthAtStations());
        sb.append(" |");
        List<TwinComparison.Score> withPixels = scores.stream().filter(s -> s.truthAllPixels().n() > 0).toList();
        if (withPixels.isEmpty()) {
            sb.append("  -");
        } else {
            cell(sb, withPixels, s -> s.truthAllPixels());
            sb.append(String.format(Locale.ROOT, " %.4f", withPixels.stream().mapToDouble(s -> s.truthAllPixels().rmse())
                    .average().orElse(Double.NaN)));
        }
        System.out.println(sb);
    }

    private static void cell(StringBuilder sb, List<TwinComparison.Score> scores,
            java.util.function.Function<TwinComparison.Score, Metrics> pick) {
        double[] ub = scores.stream().mapToDouble(s -> pick.apply(s).ubrmse()).toArray();
        double[] pcc = scores.stream().mapToDouble(s -> pick.apply(s).pcc()).toArray();
        sb.append(String.format(Locale.ROOT, " %.4f±%.4f %.3f±%.3f", mean(ub), sd(ub), mean(pcc), sd(pcc)));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
