package org.ssm.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ssm.algorithms.validation.Metrics;

/**
 * Products against in-situ soil moisture, one point per pair, with the 1:1 line and each series'
 * metrics printed (paper B Fig. 4). Both axes share one range, so the 1:1 line is the diagonal of
 * a square plot; it is drawn over the points.
 */
public final class ScatterChart {

    /**
     * One set of pairs.
     *
     * @param label the legend label
     * @param color the colour of its points
     * @param observed in-situ values (x)
     * @param estimated product values (y)
     * @param metrics their metrics, printed in the corner
     */
    public record Series(String label, Color color, double[] observed, double[] estimated, Metrics metrics) {}

    public static final int WIDTH = 640;
    public static final int HEIGHT = 660;

    private final String title;
    private final List<Series> series;
    private final PlotArea plot;
    private final NiceScale scale;

    /** A chart of {@code series}, drawn in order (later series over earlier ones). */
    public ScatterChart(String title, List<Series> series) {
        this.title = title;
        this.series = List.copyOf(series);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : this.series) {
            for (int i = 0; i < s.observed().length; i++) {
                double x = s.observed()[i];
                double y = s.estimated()[i];
                if (Double.isFinite(x) && Double.isFinite(y)) {
                    min = Math.min(min, Math.min(x, y));
                    max = Math.max(max, Math.max(x, y));
                }
            }
        }
        // A margin keeps points at the extremes off the frame, without pushing the axis below a dry 0.
        double pad = 0.02 * (max - min);
        scale = NiceScale.of(min >= 0 ? Math.max(0, min - pad) : min - pad, max + pad, 6);
        plot = new PlotArea(80, 60, 530, 530, scale.lo(), scale.hi(), scale.lo(), scale.hi());
    }

    /** Where the data are drawn, for locating pixels. */
    public PlotArea plot() {
        return plot;
    }

    /** The chart as an image of {@link #WIDTH} × {@link #HEIGHT}. */
    public BufferedImage render() {
        BufferedImage image = ChartStyle.image(WIDTH, HEIGHT);
        Graphics2D g = ChartStyle.canvas(image);
        g.setFont(ChartStyle.TITLE);
        g.setColor(ChartStyle.TEXT);
        ChartStyle.centred(g, title, WIDTH / 2.0, 24);
        Axes.yAxis(g, plot, scale, "product SSM (" + ChartStyle.SM_UNITS + ")");
        Axes.xAxis(g, plot, scale, "in-situ SSM (" + ChartStyle.SM_UNITS + ")");
        g.setClip(plot.left() + 1, plot.top() + 1, plot.width() - 1, plot.height() - 1);
        for (Series s : series) {
            g.setColor(s.color());
            for (int i = 0; i < s.observed().length; i++) {
                double x = s.observed()[i];
                double y = s.estimated()[i];
                if (Double.isFinite(x) && Double.isFinite(y)) {
                    g.fillRect(plot.px(x) - 1, plot.py(y) - 1, 3, 3);
                }
            }
        }
        g.setColor(ChartStyle.ONE_TO_ONE);
        g.setStroke(ChartStyle.THIN);
        g.drawLine(plot.px(scale.lo()), plot.py(scale.lo()), plot.px(scale.hi()), plot.py(scale.hi()));
        g.setClip(null);
        Axes.frame(g, plot);
        metricsBox(g);
        List<Legend.Entry> entries = new ArrayList<>();
        for (Series s : series) {
            entries.add(new Legend.Entry(s.label(), s.color(), Legend.Mark.POINT));
        }
        entries.add(new Legend.Entry("1:1", ChartStyle.ONE_TO_ONE, Legend.Mark.LINE));
        Legend.draw(g, plot.left(), 48, entries);
        g.dispose();
        return image;
    }

    /** The metrics of each series in the upper-left corner, above the 1:1 line. */
    private void metricsBox(Graphics2D g) {
        List<String> lines = new ArrayList<>();
        for (Series s : series) {
            Metrics m = s.metrics();
            lines.add(s.label() + " (n = " + m.n() + ")");
            lines.add(String.format(Locale.ROOT, "PCC %s   RMSE %s", fmt(m.pcc()), fmt(m.rmse())));
            lines.add(String.format(Locale.ROOT, "ubRMSE %s   bias %s   MAE %s", fmt(m.ubrmse()), fmt(m.bias()),
                    fmt(m.mae())));
        }
        g.setFont(ChartStyle.TICK);
        int lineHeight = g.getFontMetrics().getHeight();
        int width = 0;
        for (String l : lines) {
            width = Math.max(width, g.getFontMetrics().stringWidth(l));
        }
        int x = plot.left() + 8;
        int y = plot.top() + 8;
        int h = lineHeight * lines.size() + 8;
        g.setColor(ChartStyle.BACKGROUND);
        g.fillRect(x, y, width + 12, h);
        g.setColor(ChartStyle.GRID);
        g.drawRect(x, y, width + 12, h);
        int baseline = y + 4 + g.getFontMetrics().getAscent();
        for (int i = 0; i < lines.size(); i++) {
            g.setColor(i % 3 == 0 ? series.get(i / 3).color().darker() : ChartStyle.TEXT);
            g.drawString(lines.get(i), x + 6, baseline + i * lineHeight);
        }
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "–";
    }
}
