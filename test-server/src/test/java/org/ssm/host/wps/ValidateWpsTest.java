package org.ssm.host.wps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ssm.host.TestSupport.get;
import static org.ssm.host.wps.WpsTestSupport.OWS;
import static org.ssm.host.wps.WpsTestSupport.WPS;
import static org.ssm.host.wps.WpsTestSupport.exception;
import static org.ssm.host.wps.WpsTestSupport.execute;
import static org.ssm.host.wps.WpsTestSupport.outputs;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;
import org.ssm.host.TestSupport.Response;
import org.ssm.io.CrsTransforms;
import org.ssm.core.Json;
import org.ssm.io.StationsGeoJson;
import org.ssm.io.Wgs84;
import org.ssm.stations.Observation;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * ssm:Validate through the host's WPS: inline GeoJSON stations, the product, coarse product, truth
 * and rain from its own WCS; tables inline, charts fetched from the references of the response and
 * decoded.
 */
class ValidateWpsTest {

    private static final GridGeometry FINE = new GridGeometry("EPSG:32633", 520_000, 5_360_000, 1000, 1000, 12, 9);
    private static final GridGeometry COARSE = FINE.coarsen(3);
    private static final LocalDate START = LocalDate.of(2021, 5, 1);
    private static final int DAYS = 45;

    @TempDir
    static Path dir;

    static Host host;
    static String base;
    static GridSeries product;
    static GridSeries coarse;
    static GridSeries truth;
    static GridSeries rain;
    static final List<StationSeries> STATIONS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(HostConfig.defaults(0, dir));
        base = host.localBaseUrl();
        SplittableRandom rnd = new SplittableRandom(23);
        List<LocalDate> dates = new ArrayList<>();
        float[][] p = new float[DAYS][FINE.size()];
        float[][] t = new float[DAYS][FINE.size()];
        float[][] c = new float[DAYS][COARSE.size()];
        float[][] r = new float[DAYS][COARSE.size()];
        for (int d = 0; d < DAYS; d++) {
            dates.add(START.plusDays(d));
            for (int i = 0; i < FINE.size(); i++) {
                t[d][i] = (float) (0.2 + 0.07 * Math.sin(d / 6.0 + i * 0.03) + 0.005 * (i % 7));
                p[d][i] = (float) (t[d][i] - 0.01 + 0.012 * rnd.nextGaussian());
            }
            for (int i = 0; i < COARSE.size(); i++) {
                c[d][i] = d % 4 == 2 ? Float.NaN : (float) (0.24 + 0.04 * Math.sin(d / 6.0) + 0.02 * rnd.nextGaussian());
                r[d][i] = d % 6 == 3 ? 8f + i : 0f;
            }
        }
        product = GridSeries.of(FINE, dates, p);
        truth = GridSeries.of(FINE, dates, t);
        coarse = GridSeries.of(COARSE, dates, c);
        rain = GridSeries.of(COARSE, dates, r);
        host.catalog().publish("val_product", "Downscaled SSM", "test", "ssm", "m3/m3", "test", product);
        host.catalog().publish("val_truth", "True SSM", "test", "ssm", "m3/m3", "test", truth);
        host.catalog().publish("val_coarse", "PM SSM", "test", "ssm", "m3/m3", "test", coarse);
        host.catalog().publish("val_rain", "Rain", "test", "rain", "mm", "test", rain);
        // Three stations at the centres of fine cells 14, 50 and 95.
        int[] cells = {14, 50, 95};
        double[] xy = new double[6];
        for (int s = 0; s < 3; s++) {
            xy[2 * s] = FINE.centerX(cells[s] % FINE.width());
            xy[2 * s + 1] = FINE.centerY(cells[s] / FINE.width());
        }
        double[] lonLat = Wgs84.toLonLat("EPSG:32633", xy);
        for (int s = 0; s < 3; s++) {
            List<Observation> obs = new ArrayList<>();
            for (int d = 0; d < DAYS; d++) {
                obs.add(new Observation(START.plusDays(d).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(7200),
                        Math.rint((t[d][cells[s]] + 0.01 * rnd.nextGaussian()) * 1e4) / 1e4, "G"));
            }
            STATIONS.add(new StationSeries(new Station("V" + (s + 1), "NET", lonLat[2 * s], lonLat[2 * s + 1], 0, 0.05),
                    obs));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    private static GriddedProduct gridded(String name, GridSeries s) {
        return new GriddedProduct(name, s.reader(), CrsTransforms.between("stations", "EPSG:4326", "EPSG:32633"));
    }

    private static Map<String, String> values(String chartStation) {
        Map<String, String> values = new HashMap<>();
        values.put("base", base);
        values.put("stations", StationsGeoJson.write(STATIONS));
        values.put("product", "val_product");
        values.put("coarse", "val_coarse");
        values.put("truth", "val_truth");
        values.put("rain", "val_rain");
        values.put("chartStation", chartStation);
        return values;
    }

    @SuppressWarnings("unchecked")
    @Test
    void validatesAgainstCoveragesOfItsOwnWcsAndServesTheCharts() throws Exception {
        Response r = execute(base, "wps/execute-validate.xml", values("V2"));
        assertEquals(200, r.status(), r.text());
        Document d = r.xml();
        assertNotNull(d.getElementsByTagNameNS(WPS, "ProcessSucceeded").item(0), r.text());

        List<StationSeries> decoded = StationsGeoJson.read(StationsGeoJson.write(STATIONS));
        ValidationResult expected = new Validation(ValidationParameters.defaults()).validate(ValidationInputs.of(
                decoded, gridded("product", product)).withCoarse(gridded("coarse", coarse))
                .withTruth(truth.reader()), Monitor.NONE);

        Map<String, Element> outputs = outputs(d);
        Element table = (Element) outputs.get("table").getElementsByTagNameNS(WPS, "ComplexData").item(0);
        assertEquals("text/csv", table.getAttribute("mimeType"));
        assertEquals(ValidationTable.csv(expected).strip(), table.getTextContent().strip(),
                "the table equals the algorithm's on the same float32 values");
        assertTrue(table.getTextContent().contains("\ntruth,all,,product,pixels,"));
        Element summary = (Element) outputs.get("summary").getElementsByTagNameNS(WPS, "ComplexData").item(0);
        assertEquals("application/json", summary.getAttribute("mimeType"));
        Map<String, Object> json = Json.parseObject(summary.getTextContent());
        assertEquals(3, ((List<Object>) json.get("stations")).size());

        assertEquals(ValidationTable.spatialSdCsv(expected), get(href(outputs, "spatialSd", "text/csv")).text());
        List<Object> features = (List<Object>) Json.parseObject(get(href(outputs, "stationMetrics",
                "application/json")).text()).get("features");
        assertEquals(3, features.size());

        BufferedImage scatter = png(href(outputs, "scatter", "image/png"));
        assertEquals(ScatterChart.WIDTH, scatter.getWidth());
        assertEquals(ScatterChart.HEIGHT, scatter.getHeight());
        BufferedImage expectedScatter = ValidationCharts.scatter(expected);
        assertArrayEquals(rgb(expectedScatter), rgb(scatter), "the algorithm's chart, losslessly through PNG");

        BufferedImage series = png(href(outputs, "timeSeries", "image/png"));
        assertEquals(TimeSeriesChart.HEIGHT, series.getHeight(), "with the rain panel");
        int[] days = new int[DAYS];
        double[] mm = new double[DAYS];
        for (int t = 0; t < DAYS; t++) {
            days[t] = (int) START.plusDays(t).toEpochDay();
            mm[t] = rain.band(t)[4];  // V2: fine row 4, column 2; coarse row 1, column 0 of 4
        }
        TimeSeriesChart chart = ValidationCharts.timeSeries(expected, 1, decoded.get(1),
                new TimeSeriesChart.Rain(days, mm));
        assertArrayEquals(rgb(chart.render()), rgb(series), "V2's time series with its rain");
        var rainPanel = chart.rainPlot();
        assertEquals(ChartStyle.RAIN.getRGB(), series.getRGB(rainPanel.px(days[3]), rainPanel.bottom() - 2),
                "a rain bar on day 3");
        assertEquals(ChartStyle.BACKGROUND.getRGB(), series.getRGB(rainPanel.px(days[4]), rainPanel.bottom() - 2),
                "none on day 4");

        BufferedImage box = png(href(outputs, "boxPlot", "image/png"));
        assertArrayEquals(rgb(ValidationCharts.boxPlot(expected)), rgb(box));
    }

    private static String href(Map<String, Element> outputs, String id, String mimeType) {
        Element ref = (Element) outputs.get(id).getElementsByTagNameNS(WPS, "Reference").item(0);
        assertNotNull(ref, id + " by reference");
        assertEquals(mimeType, ref.getAttribute("mimeType"), id);
        return ref.getAttribute("href");
    }

    private static BufferedImage png(String href) throws Exception {
        Response r = get(href);
        assertEquals(200, r.status());
        assertEquals("image/png", r.contentType());
        return ImageIO.read(new ByteArrayInputStream(r.body()));
    }

    private static int[] rgb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void anUnknownChartStationIsAnInvalidParameterValue() throws Exception {
        Response r = execute(base, "wps/execute-validate.xml", values("V9"));
        assertEquals(400, r.status(), r.text());
        Element e = exception(r);
        assertEquals("InvalidParameterValue", e.getAttribute("exceptionCode"));
        assertEquals("chartStation", e.getAttribute("locator"));
    }
}
