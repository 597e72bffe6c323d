package org.ssm.charts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.ssm.algorithms.validation.GriddedProduct;
import org.ssm.algorithms.validation.Validation;
import org.ssm.algorithms.validation.ValidationInputs;
import org.ssm.algorithms.validation.ValidationParameters;
import org.ssm.algorithms.validation.ValidationResult;
import org.ssm.algorithms.validation.ValidationTable;
import org.ssm.core.Monitor;
import org.ssm.grid.GridSeries;
import org.ssm.io.CrsTransforms;
import org.ssm.scenario.Scenario;
import org.ssm.scenario.ScenarioWriter;
import org.ssm.scenario.TwinExperiment;
import org.ssm.scenario.TwinExperimentConfig;
import org.ssm.stations.StationSeries;

/**
 * Writes the example charts of {@code docs/algorithms/validate.md}: the demo twin experiment's
 * reanalysis-like product (10 km) validated against its 24 stations over the validation season
 * (2022-04-01/2022-09-30), with the passive-microwave product (25 km) as the coarse product and the
 * rain at the chart station.
 *
 * <pre>src/bench org.ssm.charts.ValidationChartsExample [output directory, default docs/images]</pre>
 */
public final class ValidationChartsExample {

    private ValidationChartsExample() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/images");
        Files.createDirectories(dir);
        Scenario s = TwinExperiment.generate(TwinExperimentConfig.demo(), Monitor.NONE);
        List<StationSeries> stations = ScenarioWriter.stationSeries(s);
        ValidationInputs in = ValidationInputs.of(stations, gridded("product", s.reanalysisSsm()))
                .withCoarse(gridded("coarse", s.pmSsm()));
        ValidationResult r = new Validation(ValidationParameters.defaults().withPeriod(LocalDate.of(2022, 4, 1),
                LocalDate.of(2022, 9, 30))).validate(in, Monitor.NONE);
        int station = r.chartStation();
        GridSeries rain = s.rain();
        int cell = s.stations().get(station).row() * rain.geometry().width() + s.stations().get(station).col();
        int[] days = rain.dates().stream().mapToInt(d -> (int) d.toEpochDay()).toArray();
        double[] mm = new double[days.length];
        for (int t = 0; t < mm.length; t++) {
            mm[t] = rain.band(t)[cell];
        }
        ImageIO.write(ValidationCharts.scatter(r), "png", dir.resolve("validate-scatter.png").toFile());
        ImageIO.write(ValidationCharts.timeSeries(r, station, stations.get(station),
                new TimeSeriesChart.Rain(days, mm)).render(), "png", dir.resolve("validate-timeseries.png").toFile());
        ImageIO.write(ValidationCharts.boxPlot(r), "png", dir.resolve("validate-boxplot.png").toFile());
        System.out.print(ValidationTable.csv(r).lines().filter(l -> !l.startsWith("station,")).reduce("",
                (a, b) -> a + b + "\n"));
    }

    private static GriddedProduct gridded(String name, GridSeries series) {
        return new GriddedProduct(name, series.reader(), CrsTransforms.between("stations", "EPSG:4326",
                series.geometry().crs()));
    }
}
