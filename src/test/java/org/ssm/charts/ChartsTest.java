package org.ssm.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.ssm.algorithms.validation.Metrics;

/**
 * The charts, encoded to PNG and decoded as a client would: sizes, content, and the pixels that
 * must carry a colour (the 1:1 line, points, rain bars, medians). Shapes are drawn without
 * antialiasing, so those pixels have exactly the colour drawn.
 */
class ChartsTest {

    private static BufferedImage png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, "png", bytes));
        return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
    }

    private static int coloured(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xFFFFFF) == (rgb & 0xFFFFFF) ? 1 : 0;
            }
        }
        return n;
    }

    private static int rgb(java.awt.Color c) {
        return c.getRGB();
    }

    @Test
    void scatterHasTheOneToOneLineAndThePoints() throws IOException {
        double[] obs = {0.10, 0.15, 0.20, 0.25, 0.30, 0.35};
        double[] est = {0.14, 0.13, 0.26, 0.22, 0.35, 0.31};
        ScatterChart chart = new ScatterChart("test", List.of(new ScatterChart.Series("product", ChartStyle.PRODUCT,
                obs, est, Metrics.of(est, obs))));
        BufferedImage image = png(chart.render());
        assertEquals(ScatterChart.WIDTH, image.getWidth());
        assertEquals(ScatterChart.HEIGHT, image.getHeight());
        PlotArea p = chart.plot();
        assertEquals(p.xLo(), p.yLo(), 0.0, "one range on both axes");
        assertEquals(p.width(), p.height(), "a square plot: the 1:1 line is its diagonal");
        // The line in the lower right half of the plot, where the metrics box is not.
        for (double v = p.xLo() + 0.3 * (p.xHi() - p.xLo()); v < p.xHi() - 0.01; v += 0.02) {
            assertEquals(rgb(ChartStyle.ONE_TO_ONE), image.getRGB(p.px(v), p.py(v)), "1:1 at " + v);
        }
        assertTrue(p.xLo() < 0.10 && p.xHi() > 0.35, "the range is padded: no point sits on the frame");
        // Off the line, the points and the grid lines (ticks fall on multiples of 0.05): white.
        assertEquals(rgb(ChartStyle.BACKGROUND), image.getRGB(p.px(0.33), p.py(0.12)));
        // Each point is a 3 x 3 square centred on its pair; (0.30, 0.35) lies away from the line and the box.
        assertEquals(rgb(ChartStyle.PRODUCT), image.getRGB(p.px(0.30), p.py(0.35)));
        assertEquals(rgb(ChartStyle.PRODUCT), image.getRGB(p.px(0.30) + 1, p.py(0.35) - 1));
        assertTrue(coloured(image, rgb(ChartStyle.PRODUCT)) >= 6 * 9 - 9, "six points, possibly overlapping the line");
    }

    @Test
    void timeSeriesDrawsRainBarsBelow() throws IOException {
        LocalDate start = LocalDate.of(2022, 4, 1);
        int days = 30;
        int[] d = new int[days];
        double[] sm = new double[days];
        double[] product = new double[days];
        double[] mm = new double[days];
        for (int i = 0; i < days; i++) {
            d[i] = (int) start.plusDays(i).toEpochDay();
            sm[i] = 0.2 + 0.1 * Math.sin(i / 5.0);
            product[i] = i == 12 ? Double.NaN : sm[i] + 0.02;
            mm[i] = i == 10 ? 20 : i == 20 ? 5 : 0;
        }
        TimeSeriesChart chart = new TimeSeriesChart("station", List.of(
                new TimeSeriesChart.Line("product", ChartStyle.PRODUCT, TimeSeriesChart.Style.DASHED, d, product),
                new TimeSeriesChart.Line("in situ", ChartStyle.INSITU, TimeSeriesChart.Style.POINTS, d, sm)),
                new TimeSeriesChart.Rain(d, mm));
        BufferedImage image = png(chart.render());
        assertEquals(TimeSeriesChart.WIDTH, image.getWidth());
        assertEquals(TimeSeriesChart.HEIGHT, image.getHeight());
        PlotArea rain = chart.rainPlot();
        assertEquals(0.0, rain.yLo(), 0.0);
        assertTrue(rain.yHi() >= 20);
        // The bar of 20 mm reaches its height; the 5 mm bar a quarter of it; no bar on a dry day.
        assertEquals(rgb(ChartStyle.RAIN), image.getRGB(rain.px(d[10]), rain.py(19)));
        assertEquals(rgb(ChartStyle.BACKGROUND), image.getRGB(rain.px(d[10]), rain.py(21) - 2));
        assertEquals(rgb(ChartStyle.RAIN), image.getRGB(rain.px(d[20]), rain.py(4)));
        assertEquals(rgb(ChartStyle.BACKGROUND), image.getRGB(rain.px(d[20]), rain.py(6)));
        assertEquals(rgb(ChartStyle.BACKGROUND), image.getRGB(rain.px(d[15]), rain.bottom() - 2));
        // In-situ points at their values.
        PlotArea ssm = chart.ssmPlot();
        assertEquals(rgb(ChartStyle.INSITU), image.getRGB(ssm.px(d[5]), ssm.py(sm[5])));
        assertTrue(coloured(image, rgb(ChartStyle.PRODUCT)) > 200, "the dashed product line");
        TimeSeriesChart dry = new TimeSeriesChart("station", List.of(new TimeSeriesChart.Line("in situ",
                ChartStyle.INSITU, TimeSeriesChart.Style.POINTS, d, sm)), null);
        assertEquals(TimeSeriesChart.HEIGHT_WITHOUT_RAIN, dry.render().getHeight());
        assertEquals(null, dry.rainPlot());
    }

    @Test
    void boxPlotsMarkTheMedianBetweenTheQuartiles() throws IOException {
        double[] values = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 3.0};
        BoxStats s = BoxStats.of(values);
        // Definition 7: h = 9 p; Q1 at h = 2.25 → 0.325, median at 4.5 → 0.55, Q3 at 6.75 → 0.775.
        assertEquals(0.325, s.q1(), 1e-12);
        assertEquals(0.55, s.median(), 1e-12);
        assertEquals(0.775, s.q3(), 1e-12);
        // Whiskers reach 1.5 IQR = 0.675: 3.0 is beyond 0.775 + 0.675 = 1.45, an outlier.
        assertEquals(0.1, s.low(), 0.0);
        assertEquals(0.9, s.high(), 0.0);
        assertEquals(1, s.outliers().length);
        assertEquals(3.0, s.outliers()[0], 0.0);

        BoxPlotChart chart = new BoxPlotChart("test", List.of(new BoxPlotChart.Group("PCC", "", List.of(
                new BoxPlotChart.Box("product", ChartStyle.PRODUCT, values)))));
        BufferedImage image = png(chart.render());
        assertEquals(BoxPlotChart.WIDTH, image.getWidth());
        assertEquals(BoxPlotChart.HEIGHT, image.getHeight());
        PlotArea a = chart.panel(0);
        int x = a.px(BoxPlotChart.boxCentre(0, 1));
        assertEquals(rgb(ChartStyle.TEXT), image.getRGB(x, a.py(s.median())), "the median line");
        int fill = image.getRGB(x, (a.py(s.q1()) + a.py(s.median())) / 2);
        assertTrue(fill != rgb(ChartStyle.BACKGROUND) && fill != rgb(ChartStyle.TEXT), "inside the box");
        assertEquals(rgb(ChartStyle.BACKGROUND), image.getRGB(x, a.py(1.2)), "between the whisker and the outlier");
    }

    @Test
    void niceScalesAndDateTicks() {
        // A span of 0.334 in at most 6 steps: 0.0557 rounds up to the nice step 0.1.
        NiceScale s = NiceScale.of(0.083, 0.417, 6);
        assertEquals(0.1, s.step(), 1e-15);
        assertEquals(0.0, s.lo(), 1e-12);
        assertEquals(0.5, s.hi(), 1e-12);
        assertEquals("0.3", s.label(0.30000000000000004));
        assertEquals("0.05", NiceScale.of(0.1, 0.35, 6).label(0.05));
        assertEquals("-0.10", NiceScale.of(-0.1, 0.1, 4).label(-0.1));
        assertEquals(List.of(LocalDate.of(2021, 5, 1), LocalDate.of(2021, 6, 1), LocalDate.of(2021, 7, 1),
                LocalDate.of(2021, 8, 1), LocalDate.of(2021, 9, 1)),
                Axes.dateTicks(LocalDate.of(2021, 4, 10), LocalDate.of(2021, 9, 30)));
    }

    @Test
    void theSameDataGiveTheSameImage() {
        double[] obs = {0.1, 0.2, 0.3};
        double[] est = {0.12, 0.18, 0.33};
        ScatterChart.Series series = new ScatterChart.Series("p", ChartStyle.PRODUCT, obs, est, Metrics.of(est, obs));
        BufferedImage a = new ScatterChart("t", List.of(series)).render();
        BufferedImage b = new ScatterChart("t", List.of(series)).render();
        assertTrue(java.util.Arrays.equals(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()),
                b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth())));
    }
}
