package org.ssm.host.wps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ssm.host.TestSupport.get;
import static org.ssm.host.wps.WpsTestSupport.OWS;
import static org.ssm.host.wps.WpsTestSupport.WPS;
import static org.ssm.host.wps.WpsTestSupport.exception;
import static org.ssm.host.wps.WpsTestSupport.execute;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.algorithms.tch.TchSolution;
import org.ssm.algorithms.tch.ThreeCorneredHat;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesDates;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;
import org.ssm.host.TestSupport.Response;
import org.ssm.host.catalog.Layer;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** ssm:ThreeCorneredHat through the host's WPS, on four products chained from its own WCS. */
class ThreeCorneredHatWpsTest {

    private static final GridGeometry GRID = new GridGeometry("EPSG:32633", 520_000, 5_360_000, 1000, 1000, 12, 10);
    private static final String DATES = "2021-04-01/2021-06-29/P1D";
    /** Colours of product-index.sld for products 1 to 4. */
    private static final int[] INDEX_COLOURS = {0x0072b2, 0xe69f00, 0x009e73, 0xcc79a7};

    @TempDir
    static Path dir;

    static Host host;
    static String base;
    static float[][][] products;

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(HostConfig.defaults(0, dir));
        base = host.localBaseUrl();
        List<LocalDate> dates = SeriesDates.parse("dates", DATES);
        products = new float[4][dates.size()][GRID.size()];
        SplittableRandom rnd = new SplittableRandom(31);
        for (int cell = 0; cell < GRID.size(); cell++) {
            double x = (cell % GRID.width()) / (GRID.width() - 1.0);
            // Product 2 is the most accurate in the west, product 4 in the east.
            double[] sigma = {0.04, 0.01 + 0.03 * x, 0.045, 0.04 - 0.03 * x};
            for (int t = 0; t < dates.size(); t++) {
                double truth = 0.25 + 0.1 * Math.sin(t / 11.0) + 0.02 * rnd.nextGaussian();
                for (int p = 0; p < 4; p++) {
                    // Product 3 misses one date in five.
                    products[p][t][cell] = p == 2 && t % 5 == 0 ? Float.NaN
                            : (float) (truth + 0.01 * p + sigma[p] * rnd.nextGaussian());
                }
            }
        }
        for (int p = 0; p < 4; p++) {
            host.catalog().publish("tch_p" + (p + 1), "product " + (p + 1), "test", "ssm", "m3 m-3", "test",
                    GridSeries.of(GRID, dates, products[p]));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    private static Layer layer(String layers, String suffix) {
        String name = Arrays.stream(layers.split(",")).filter(n -> n.endsWith(suffix)).findFirst()
                .orElseThrow(() -> new AssertionError("no layer ending " + suffix + " in " + layers));
        return host.catalog().find(name).orElseThrow();
    }

    @Test
    void publishesTheUncertaintyMapsAndTheLeastUncertainProduct() throws Exception {
        Response r = execute(base, "wps/execute-tch-references.xml", Map.of("base", base,
                "p1", "tch_p1", "p2", "tch_p2", "p3", "tch_p3", "p4", "tch_p4", "names", "MSR,DisPATCh,RF,GPR"));
        assertEquals(200, r.status(), r.text());
        assertNotNull(r.xml().getElementsByTagNameNS(WPS, "ProcessSucceeded").item(0), r.text());
        String layers = r.header("X-SSM-Layers");
        assertNotNull(layers, "the run published layers");

        Layer uncertainty = layer(layers, "_uncertainty");
        assertTrue(uncertainty.name().startsWith("ThreeCorneredHat_"), uncertainty.name());
        assertEquals("uncertainty", uncertainty.style());
        assertEquals("m3 m-3", uncertainty.units());
        assertEquals(4, uncertainty.bands());
        // The band descriptions (the product names) become the WMS band dimension's values.
        assertEquals(List.of("MSR", "DisPATCh", "RF", "GPR"), uncertainty.bandNames());
        Layer relative = layer(layers, "_relativeUncertainty");
        assertEquals("relative-uncertainty", relative.style());
        assertEquals("1", relative.units());
        assertEquals(List.of("MSR", "DisPATCh", "RF", "GPR"), relative.bandNames());
        Layer least = layer(layers, "_leastUncertain");
        assertEquals("product-index", least.style());
        assertEquals("index", least.units());
        assertEquals(List.of(), least.bandNames(), "one band: no band dimension");

        // The published maps are the algorithm's, on the inputs as they came through WCS (float32,
        // lossless): equal to float rounding of the same computation.
        ThreeCorneredHat tch = new ThreeCorneredHat(40, ThreeCorneredHat.DEFAULT_MAX_ITERATIONS,
                ThreeCorneredHat.DEFAULT_TOLERANCE);
        float[] leastValues = host.catalog().band(least, 0);
        int dates = products[0].length;
        int west = 0;
        int east = 0;
        for (int cell = 0; cell < GRID.size(); cell++) {
            double[][] series = new double[4][dates];
            for (int p = 0; p < 4; p++) {
                for (int t = 0; t < dates; t++) {
                    series[p][t] = products[p][t][cell];
                }
            }
            TchSolution expected = tch.estimate(series);
            assertEquals(72, expected.dates(), "the dates valid in every product");
            for (int p = 0; p < 4; p++) {
                assertEquals((float) expected.uncertainty(p), host.catalog().band(uncertainty, p)[cell], 0f);
                assertEquals((float) expected.relativeUncertainty(p), host.catalog().band(relative, p)[cell], 0f);
            }
            assertEquals(expected.leastUncertain() + 1, leastValues[cell], 0f);
            int col = cell % GRID.width();
            west += col == 0 && leastValues[cell] == 2 ? 1 : 0;
            east += col == GRID.width() - 1 && leastValues[cell] == 4 ? 1 : 0;
        }
        // At the edges the best product's σ is 0.01 against at least 0.04 for the others: with 72
        // dates, misranking would take an estimate many standard errors off.
        assertEquals(GRID.height(), west);
        assertEquals(GRID.height(), east);

        String literals = literals(r.xml().getElementsByTagNameNS(WPS, "LiteralData"));
        assertTrue(literals.contains("\n2,DisPATCh,"), literals);
        // Every pixel is estimated; where the best product's variance comes out near zero the minimum
        // lies on the boundary of eq. 24.
        assertEquals(GRID.size(), count(literals, "solved") + count(literals, "solved_on_boundary"), literals);

        // The index map is drawn with product-index.sld: one cell per pixel in the native CRS.
        Response map = get(base + "/wms?service=WMS&version=1.3.0&request=GetMap&layers=" + least.name()
                + "&styles=&crs=EPSG:32633&bbox=520000,5350000,532000,5360000&width=12&height=10"
                + "&format=image/png");
        assertEquals(200, map.status(), map.text());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(map.body()));
        for (int cell = 0; cell < GRID.size(); cell++) {
            int rgb = img.getRGB(cell % GRID.width(), cell / GRID.width()) & 0xFFFFFF;
            assertEquals(INDEX_COLOURS[(int) leastValues[cell] - 1], rgb, "cell " + cell);
        }
    }

    @Test
    void twoProductsAreAnInvalidParameterValueNamingProducts() throws Exception {
        Response r = execute(base, "wps/execute-tch-two-products.xml",
                Map.of("base", base, "p1", "tch_p1", "p2", "tch_p2"));
        assertEquals(400, r.status(), r.text());
        Element e = exception(r);
        assertEquals("InvalidParameterValue", e.getAttribute("exceptionCode"));
        assertEquals("products", e.getAttribute("locator"));
        assertTrue(e.getTextContent().contains("at least 3"), e.getTextContent());
    }

    /** The pixels of an outcome line of the report. */
    private static long count(String report, String outcome) {
        for (String line : report.split("\n")) {
            if (line.startsWith(outcome + ",")) {
                return Long.parseLong(line.split(",")[1]);
            }
        }
        throw new AssertionError("no outcome " + outcome + " in " + report);
    }

    private static String literals(NodeList list) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < list.getLength(); i++) {
            sb.append(list.item(i).getTextContent()).append('\n');
        }
        return sb.toString();
    }
}
