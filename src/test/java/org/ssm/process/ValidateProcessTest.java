package org.ssm.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.feature.NameImpl;
import org.geotools.process.Process;
import org.geotools.process.Processors;
import org.junit.jupiter.api.Test;
import org.ssm.algorithms.validation.GriddedProduct;
import org.ssm.algorithms.validation.Validation;
import org.ssm.algorithms.validation.ValidationInputs;
import org.ssm.algorithms.validation.ValidationParameters;
import org.ssm.algorithms.validation.ValidationResult;
import org.ssm.algorithms.validation.ValidationTable;
import org.ssm.charts.ChartStyle;
import org.ssm.charts.ScatterChart;
import org.ssm.charts.TimeSeriesChart;
import org.ssm.charts.ValidationCharts;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.io.Coverages;
import org.ssm.io.CrsTransforms;
import org.ssm.core.Json;
import org.ssm.io.Wgs84;
import org.ssm.stations.Observation;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;

/**
 * ssm:Validate through the GeoTools SPI: stations as WGS84 features, a 1-km product, a 3-km
 * coarse product, a truth and rain on UTM grids; the outputs equal the algorithm's on the same
 * float32 values.
 */
class ValidateProcessTest {

    private static final GridGeometry FINE = new GridGeometry("EPSG:32633", 520_000, 5_360_000, 1000, 1000, 12, 9);
    private static final GridGeometry COARSE = new GridGeometry("EPSG:32633", 520_000, 5_360_000, 3000, 3000, 4, 3);
    private static final LocalDate START = LocalDate.of(2021, 4, 1);
    private static final int DAYS = 60;

    private final List<StationSeries> stations = new ArrayList<>();
    private final GridSeries product;
    private final GridSeries coarse;
    private final GridSeries truth;
    private final GridSeries rain;

    ValidateProcessTest() {
        SplittableRandom rnd = new SplittableRandom(8);
        List<LocalDate> dates = new ArrayList<>();
        float[][] fine = new float[DAYS][FINE.size()];
        float[][] t = new float[DAYS][FINE.size()];
        float[][] c = new float[DAYS][COARSE.size()];
        float[][] r = new float[DAYS][COARSE.size()];
        for (int d = 0; d < DAYS; d++) {
            dates.add(START.plusDays(d));
            for (int i = 0; i < FINE.size(); i++) {
                t[d][i] = (float) (0.22 + 0.06 * Math.sin(d / 7.0 + i * 0.05) + 0.01 * (i % 5));
                fine[d][i] = d % 9 == 4 ? Float.NaN : (float) (t[d][i] + 0.01 + 0.015 * rnd.nextGaussian());
            }
            for (int i = 0; i < COARSE.size(); i++) {
                c[d][i] = d % 3 == 1 ? Float.NaN : (float) (0.25 + 0.03 * Math.sin(d / 7.0) + 0.02 * rnd.nextGaussian());
                r[d][i] = d % 5 == 0 ? 12f : 0f;
            }
        }
        product = GridSeries.of(FINE, dates, fine);
        truth = GridSeries.of(FINE, dates, t);
        coarse = GridSeries.of(COARSE, dates, c);
        rain = GridSeries.of(COARSE, dates, r);
        // Three stations inside (cell centres of fine cells 13, 58 and 100) and one 5 km east.
        double[] xy = {521_500, 5_358_500, 530_500, 5_355_500, 524_500, 5_351_500, 537_000, 5_355_000};
        double[] lonLat = Wgs84.toLonLat("EPSG:32633", xy);
        int[] cells = {13, 58, 100, 0};
        String[] ids = {"S1", "S2", "S3", "EAST"};
        int[] days = {DAYS, DAYS, 25, DAYS};
        for (int s = 0; s < ids.length; s++) {
            List<Observation> obs = new ArrayList<>();
            for (int d = 0; d < days[s]; d++) {
                obs.add(new Observation(START.plusDays(d).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600),
                        t[d][cells[s]] + 0.01 * rnd.nextGaussian(), "G"));
            }
            stations.add(new StationSeries(new Station(ids[s], "NET", lonLat[2 * s], lonLat[2 * s + 1], 0, 0.05), obs));
        }
    }

    private Map<String, Object> inputs() {
        Map<String, Object> in = new HashMap<>();
        in.put("stations", StationFeatures.toFeatures(stations));
        in.put("product", Coverages.toCoverage("ssm", product));
        in.put("coarse", Coverages.toCoverage("ssm", coarse));
        in.put("truth", Coverages.toCoverage("ssm", truth));
        in.put("rain", Coverages.toCoverage("rain", rain));
        return in;
    }

    private static Map<String, Object> run(Map<String, Object> inputs) {
        Process p = Processors.createProcess(new NameImpl("ssm", "Validate"));
        assertNotNull(p, "ssm:Validate is registered");
        return p.execute(inputs, null);
    }

    private static GriddedProduct gridded(String name, GridSeries s) {
        return new GriddedProduct(name, s.reader(), CrsTransforms.between("s", "EPSG:4326", "EPSG:32633"));
    }

    private ValidationResult direct(ValidationParameters p) throws Exception {
        return new Validation(p).validate(ValidationInputs.of(stations, gridded("product", product))
                .withCoarse(gridded("coarse", coarse)).withTruth(truth.reader()), Monitor.NONE);
    }

    private static List<SimpleFeature> list(SimpleFeatureCollection fc) {
        List<SimpleFeature> out = new ArrayList<>();
        try (SimpleFeatureIterator it = fc.features()) {
            while (it.hasNext()) {
                out.add(it.next());
            }
        }
        return out;
    }

    private static int[] pixels(RenderedImage image) {
        BufferedImage b = (BufferedImage) image;
        return b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth());
    }

    @SuppressWarnings("unchecked")
    @Test
    void tablesFeaturesAndChartsOfTheAlgorithm() throws Exception {
        Map<String, Object> out = run(inputs());
        ValidationResult expected = direct(ValidationParameters.defaults());
        assertEquals(ValidationTable.csv(expected), out.get("table"), "the algorithm's table with the declared defaults");
        assertEquals(ValidationTable.spatialSdCsv(expected), out.get("spatialSd"));
        String table = (String) out.get("table");
        assertTrue(table.contains("\nstation,EAST,NET,product,pairs,,0,"), table);
        assertTrue(table.contains("\ntruth,all,,product,pixels,"), table);
        // The product has a gap every 9th day: S1 and S2 have 53 pairs, S3 (25 days) 22, EAST none.
        assertEquals(3, expected.product().stations());
        assertEquals(List.of(53, 53, 22, 0), expected.stations().stream().map(v -> v.pairs()).toList());

        Map<String, Object> summary = Json.parseObject((String) out.get("summary"));
        Map<String, Object> overall = (Map<String, Object>) ((Map<String, Object>) summary.get("overall")).get("product");
        Map<String, Object> mean = (Map<String, Object>) overall.get("station_mean");
        assertEquals(expected.product().stationMean().rmse(), ((Number) mean.get("rmse")).doubleValue(), 0.0);
        assertEquals("S1", summary.get("chart_station"), "S1 and S2 have the most pairs; the first wins");
        Map<String, Object> gains = (Map<String, Object>) ((Map<String, Object>) summary.get("overall")).get("gains");
        assertEquals(expected.gains().positive(), ((Number) gains.get("positive")).intValue());
        Map<String, Object> truthPooled = (Map<String, Object>) ((Map<String, Object>) summary.get("truth")).get("pooled");
        assertEquals(expected.truth().pooled().bias(), ((Number) truthPooled.get("bias")).doubleValue(), 0.0);

        List<SimpleFeature> features = list((SimpleFeatureCollection) out.get("stationMetrics"));
        assertEquals(4, features.size());
        assertEquals("S1", features.get(0).getAttribute("station"));
        assertEquals(expected.stations().get(0).pairs(), features.get(0).getAttribute("pairs"));
        assertEquals(expected.stations().get(0).product().metrics().pcc(), (Double) features.get(0).getAttribute("pcc"),
                0.0);
        assertEquals(expected.stations().get(0).gain().gains().down(), (Double) features.get(0).getAttribute("g_down"),
                0.0);
        assertNull(features.get(3).getAttribute("pcc"), "EAST has no pairs");
        assertEquals("outside the product grid", features.get(3).getAttribute("note"));

        RenderedImage scatter = (RenderedImage) out.get("scatter");
        assertEquals(ScatterChart.WIDTH, scatter.getWidth());
        assertArrayEquals(pixels(ValidationCharts.scatter(expected)), pixels(scatter), "deterministic rendering");
        RenderedImage series = (RenderedImage) out.get("timeSeries");
        assertEquals(TimeSeriesChart.HEIGHT, series.getHeight(), "with the rain panel");
        RenderedImage box = (RenderedImage) out.get("boxPlot");
        assertArrayEquals(pixels(ValidationCharts.boxPlot(expected)), pixels(box));
    }

    @Test
    void theChartStationAndTheRainReachTheChart() throws Exception {
        Map<String, Object> in = inputs();
        in.put("chartStation", "S3");
        RenderedImage image = (RenderedImage) run(in).get("timeSeries");
        ValidationResult expected = direct(ValidationParameters.defaults());
        int[] days = new int[DAYS];
        double[] mm = new double[DAYS];
        for (int d = 0; d < DAYS; d++) {
            days[d] = (int) START.plusDays(d).toEpochDay();
            mm[d] = d % 5 == 0 ? 12 : 0;
        }
        TimeSeriesChart chart = ValidationCharts.timeSeries(expected, 2, stations.get(2),
                new TimeSeriesChart.Rain(days, mm));
        assertArrayEquals(pixels(chart.render()), pixels(image), "S3's chart with the rain of its coarse cell");
        // A rain bar on 2021-04-06 (day 5), none on 04-07.
        BufferedImage b = (BufferedImage) image;
        var panel = chart.rainPlot();
        assertEquals(ChartStyle.RAIN.getRGB(), b.getRGB(panel.px(days[5]), panel.bottom() - 3));
        assertEquals(ChartStyle.BACKGROUND.getRGB(), b.getRGB(panel.px(days[6]), panel.bottom() - 3));
    }

    @Test
    void optionsReachTheAlgorithm() throws Exception {
        Map<String, Object> in = inputs();
        in.put("minPairs", 30);
        in.put("spatialSdMinStations", 2);
        in.put("period", "2021-04-15/");
        in.remove("truth");
        Map<String, Object> out = run(in);
        ValidationResult expected = new Validation(new ValidationParameters(30, 2, LocalDate.of(2021, 4, 15), null))
                .validate(ValidationInputs.of(stations, gridded("product", product)).withCoarse(gridded("coarse",
                        coarse)), Monitor.NONE);
        assertEquals(ValidationTable.csv(expected), out.get("table"));
        // From 04-15: S1 and S2 have 46 days less 5 product gaps, S3 11 days less one.
        assertEquals(List.of(41, 41, 10, 0), expected.stations().stream().map(v -> v.pairs()).toList());
        assertEquals(2, expected.product().stations());
        // 04-16: S1, S2 and S3 report, the product and the coarse product have values; 2 stations suffice.
        assertTrue(((String) out.get("spatialSd")).matches("(?s).*\n2021-04-16,3,0\\.\\d+,0\\.\\d+,0\\.\\d+\n.*"),
                (String) out.get("spatialSd"));
    }

    @Test
    void datesCanBeGivenAsLiterals() throws Exception {
        Map<String, Object> in = inputs();
        in.remove("truth");
        in.remove("rain");
        in.put("product", Coverages.toCoverage("ssm", product.withDates(List.of())));
        in.put("coarse", Coverages.toCoverage("ssm", coarse.withDates(List.of())));
        assertEquals("dates", failure(in).parameter(), "an undated product needs its dates");
        in.put("dates", "2021-04-01/2021-05-30/P1D");
        // The coarse product has as many bands as the product: it takes the product's dates.
        Map<String, Object> out = run(in);
        ValidationResult expected = new Validation(ValidationParameters.defaults()).validate(ValidationInputs.of(
                stations, gridded("product", product)).withCoarse(gridded("coarse", coarse)), Monitor.NONE);
        assertEquals(ValidationTable.csv(expected), out.get("table"));
        in.put("coarseDates", "2021-04-01/2021-04-10/P1D");
        ParameterException e = failure(in);
        assertEquals("coarseDates", e.parameter());
        assertTrue(e.getMessage().contains("60 bands"), e.getMessage());
    }

    @Test
    void badInputsNameTheParameter() {
        Map<String, Object> in = inputs();
        in.put("chartStation", "NOPE");
        ParameterException e = failure(in);
        assertEquals("chartStation", e.parameter());
        assertTrue(e.getMessage().contains("S1, S2, S3, EAST"), e.getMessage());
        Map<String, Object> in2 = inputs();
        in2.put("minPairs", 1);
        assertEquals("minPairs", failure(in2).parameter());
        Map<String, Object> in3 = inputs();
        in3.put("period", "2022-01-01/2022-02-01");
        assertEquals("period", failure(in3).parameter());
        Map<String, Object> in4 = inputs();
        in4.put("truth", Coverages.toCoverage("ssm", coarse));
        assertEquals("truth", failure(in4).parameter(), "the truth must be on the product's grid");
    }

    /** The ParameterException behind the failure of a run (Processors wraps it in a ProcessException). */
    private static ParameterException failure(Map<String, Object> inputs) {
        Throwable e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> run(inputs));
        while (e != null && !(e instanceof ParameterException)) {
            e = e.getCause();
        }
        assertNotNull(e, "a ParameterException");
        return (ParameterException) e;
    }
}
