package org.ssm.algorithms.pointsurface;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ssm.algorithms.learning.ModelFitting;
import org.ssm.algorithms.learning.Predictor;
import org.ssm.algorithms.learning.RegressorTrainer;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.algorithms.methods.Trainers;
import org.ssm.algorithms.learning.TrainingSet;
import org.ssm.algorithms.model.FittedModel;
import org.ssm.algorithms.validation.Metrics;
import org.ssm.algorithms.validation.PairMoments;
import org.ssm.core.Monitor;
import org.ssm.grid.CoordinateMap;
import org.ssm.grid.GridSeries;
import org.ssm.io.CrsTransforms;
import org.ssm.io.Wgs84;
import org.ssm.scenario.Scenario;
import org.ssm.scenario.TwinExperiment;
import org.ssm.scenario.TwinExperimentConfig;
import org.ssm.scenario.TwinStation;
import org.ssm.stations.StationSeries;

/**
 * Time, memory and accuracy of the point-surface fusion (paper B §3.4) on the demo twin experiment
 * ({@link TwinExperimentConfig#demo()}: 200 × 150 fine pixels, 366 dates, 24 stations of which 3 are
 * faulty). Predictors: PM SSM (25 km) and reanalysis SSM (10 km) resampled bilinearly, clear-sky LST
 * and NDVI (standing in for B's gap-filled ESTARFM inputs), rain and DOY. Per method: the
 * cross-validation by year, the final fit on the 2021 season, the prediction of every pixel-date,
 * and the accuracy of the 2022 season against the full truth, beside the PM product resampled.
 *
 * <pre>src/bench org.ssm.algorithms.pointsurface.PointSurfaceBenchmark [methods, default RF,GBDT] [options]</pre>
 */
public final class PointSurfaceBenchmark {

    private PointSurfaceBenchmark() {}

    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static void resetPeak() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    public static void main(String[] args) {
        String[] methods = (args.length > 0 ? args[0] : "RF,GBDT").split(",");
        TrainerOptions options = args.length > 1 ? new TrainerOptions(org.ssm.core.Json.parseObject(args[1]))
                : TrainerOptions.DEFAULTS;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "max heap %d MB; %d processors; load average %.2f%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                os.getSystemLoadAverage());
        long t0 = System.nanoTime();
        Scenario twin = TwinExperiment.generate(TwinExperimentConfig.demo(), Monitor.NONE);
        System.out.printf(Locale.ROOT, "demo scenario generated in %.1f s%n", seconds(t0));

        resetPeak();
        t0 = System.nanoTime();
        List<Predictor> predictors = List.of(new Predictor("pm_ssm", twin.pmSsm()),
                new Predictor("reanalysis_ssm", twin.reanalysisSsm()), new Predictor("lst", twin.lstClearSky()),
                new Predictor("ndvi", twin.ndviClearSky()), new Predictor("rain", twin.rain()));
        PredictorStack stack = PredictorStack.align(predictors, true, null, null,
                (from, to) -> CrsTransforms.between("predictors", from, to), Monitor.NONE);
        List<TwinStation> ts = twin.stations();
        double[] xy = new double[2 * ts.size()];
        for (int s = 0; s < ts.size(); s++) {
            xy[2 * s] = ts.get(s).x();
            xy[2 * s + 1] = ts.get(s).y();
        }
        double[] lonLat = Wgs84.toLonLat(twin.fineGrid().crs(), xy);
        List<StationSeries> stations = new ArrayList<>();
        for (int s = 0; s < ts.size(); s++) {
            stations.add(ts.get(s).toSeries(lonLat[2 * s], lonLat[2 * s + 1]));
        }
        CoordinateMap lonLatToFine = CrsTransforms.between("stations", "EPSG:4326", twin.fineGrid().crs());
        StationTraining training = StationTraining.assemble(stack, stations, lonLatToFine, Monitor.NONE);
        long pixelDates = (long) stack.geometry().size() * stack.dates().size();
        System.out.printf(Locale.ROOT, "aligned %d predictors + doy and assembled %d station-days from %d stations"
                + " in %.2f s; peak heap %.0f MB%n", predictors.size(), training.set().rows(),
                training.stationsUsed(), seconds(t0), heapPeak() / 1048576.0);

        int[] season = training.rowsWithin(null, LocalDate.of(2021, 12, 31));
        TrainingSet first = training.set().subset(season);
        GridSeries truth = twin.truthSsm();
        List<Integer> validation = new ArrayList<>();
        for (int t = 0; t < stack.dates().size(); t++) {
            if (stack.dates().get(t).getYear() == 2022) {
                validation.add(t);
            }
        }
        PairMoments pm = PairMoments.EMPTY;
        double[] row = new double[stack.columns()];
        for (int t : validation) {
            float[] resampled = new float[stack.geometry().size()];
            for (int i = 0; i < resampled.length; i++) {
                resampled[i] = stack.fill(t, i, row, 0) ? (float) row[0] : Float.NaN;
            }
            pm = pm.plus(PairMoments.of(resampled, truth.band(twin.dates().indexOf(stack.dates().get(t)))));
        }
        System.out.println("2022 season against the truth (pixel-dates where every predictor is finite):");
        print("PM resampled", Metrics.of(pm));

        for (String method : methods) {
            RegressorTrainer trainer = Trainers.create("method", method, options);
            resetPeak();
            long cpu = os.getProcessCpuTime();
            t0 = System.nanoTime();
            CrossValidation.Result cv = CrossValidation.run(trainer, stack.names(), training.set(),
                    training.stationIds(), CrossValidationParameters.defaults(), Monitor.NONE);
            double cvSeconds = seconds(t0);
            t0 = System.nanoTime();
            FittedModel model = ModelFitting.fit(trainer, stack.names(), first, java.util.Map.of(), Monitor.NONE);
            double fitSeconds = seconds(t0);
            double fitCpu = (os.getProcessCpuTime() - cpu) / 1e9;
            long fitPeak = heapPeak();
            resetPeak();
            cpu = os.getProcessCpuTime();
            t0 = System.nanoTime();
            GridSeries ssm = ModelApplication.predict(model, stack, Monitor.NONE);
            double predictSeconds = seconds(t0);
            double predictCpu = (os.getProcessCpuTime() - cpu) / 1e9;
            long predicted = 0;
            for (int t = 0; t < ssm.size(); t++) {
                for (float v : ssm.band(t)) {
                    predicted += Float.isNaN(v) ? 0 : 1;
                }
            }
            PairMoments moments = PairMoments.EMPTY;
            for (int t : validation) {
                moments = moments.plus(PairMoments.of(ssm.band(t), truth.band(twin.dates().indexOf(stack.dates()
                        .get(t)))));
            }
            System.out.printf(Locale.ROOT, "%s %s: cross-validation (2 folds by year) %.1f s; final fit on %d"
                    + " station-days %.1f s (%.1f s CPU for both); peak heap %.0f MB%n", method,
                    trainer.parameters(), cvSeconds, first.rows(), fitSeconds, fitCpu, fitPeak / 1048576.0);
            System.out.printf(Locale.ROOT, "  prediction of %d pixel-dates (%d predicted) in %.2f s (%.1f s CPU):"
                    + " %.0f pixel-dates/s; peak heap %.0f MB%n", pixelDates, predicted, predictSeconds,
                    predictCpu, pixelDates / predictSeconds, heapPeak() / 1048576.0);
            for (CrossValidation.FoldScore f : cv.folds()) {
                print("  CV held out " + f.label(), f.metrics());
            }
            print("  CV station mean", cv.stationMean());
            print("  2022 vs truth", Metrics.of(moments));
        }
    }

    private static void print(String label, Metrics m) {
        System.out.printf(Locale.ROOT, "%-22s n %9d  PCC %.3f  RMSE %.4f  ubRMSE %.4f  bias %+.4f  MAE %.4f%n", label,
                m.n(), m.pcc(), m.rmse(), m.ubrmse(), m.bias(), m.mae());
    }
}
