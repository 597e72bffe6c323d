package org.ssm.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Box plots of per-station metrics (paper B Fig. 5f, paper E Fig. 5): one panel per metric with its
 * own axis, one box per product in each panel. Boxes span the quartiles with a line at the median;
 * whiskers and outliers follow {@link BoxStats}.
 */
public final class BoxPlotChart {

    /**
     * The values of one product in one panel.
     *
     * @param label legend label
     * @param color fill colour
     * @param values one value per station (NaN skipped)
     */
    public record Box(String label, Color color, double[] values) {}

    /**
     * One panel.
     *
     * @param metric metric name, printed under the panel
     * @param units units, printed after the name (empty for none)
     * @param boxes one box per product, left to right
     */
    public record Group(String metric, String units, List<Box> boxes) {}

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 440;
    private static final int PANEL_WIDTH = 125;
    private static final int PANEL_PITCH = 186;

    private final String title;
    private final List<Group> groups;
    private final List<PlotArea> panels = new ArrayList<>();
    private final List<NiceScale> scales = new ArrayList<>();

    public BoxPlotChart(String title, List<Group> groups) {
        this.title = title;
        this.groups = List.copyOf(groups);
        for (int k = 0; k < this.groups.size(); k++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (Box b : this.groups.get(k).boxes()) {
                for (double v : b.values()) {
                    if (Double.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
            NiceScale s = NiceScale.of(min, max, 5);
            scales.add(s);
            panels.add(new PlotArea(60 + k * PANEL_PITCH, 70, PANEL_WIDTH, 290, 0, 1, s.lo(), s.hi()));
        }
    }

    /** The panel of group {@code k}; its x runs from 0 to 1 across the panel. */
    public PlotArea panel(int k) {
        return panels.get(k);
    }

    /** The horizontal centre, in panel x (0–1), of box {@code b} of {@code count}. */
    public static double boxCentre(int b, int count) {
        return (b + 1.0) / (count + 1.0);
    }

    /** The chart as an image of {@link #WIDTH} × {@link #HEIGHT}. */
    public BufferedImage render() {
        BufferedImage image = ChartStyle.image(WIDTH, HEIGHT);
        Graphics2D g = ChartStyle.canvas(image);
        g.setFont(ChartStyle.TITLE);
        g.setColor(ChartStyle.TEXT);
        ChartStyle.centred(g, title, WIDTH / 2.0, 24);
        for (int k = 0; k < groups.size(); k++) {
            Group group = groups.get(k);
            PlotArea a = panels.get(k);
            Axes.yAxis(g, a, scales.get(k), "");
            if (scales.get(k).lo() < 0 && scales.get(k).hi() > 0) {
                g.setColor(ChartStyle.AXIS);
                g.drawLine(a.left() + 1, a.py(0), a.right() - 1, a.py(0));
            }
            int count = group.boxes().size();
            int boxWidth = Math.min(40, a.width() / (count + 1) - 6);
            for (int b = 0; b < count; b++) {
                draw(g, a, a.px(boxCentre(b, count)), boxWidth, group.boxes().get(b));
            }
            Axes.frame(g, a);
            g.setFont(ChartStyle.LABEL);
            g.setColor(ChartStyle.TEXT);
            ChartStyle.centred(g, group.metric() + (group.units().isEmpty() ? "" : " (" + group.units() + ")"),
                    a.left() + a.width() / 2.0, a.bottom() + 22);
        }
        List<Legend.Entry> entries = new ArrayList<>();
        if (!groups.isEmpty()) {
            for (Box b : groups.get(0).boxes()) {
                entries.add(new Legend.Entry(b.label(), b.color(), Legend.Mark.BAR));
            }
        }
        Legend.draw(g, 60, 52, entries);
        g.dispose();
        return image;
    }

    private static void draw(Graphics2D g, PlotArea a, int centre, int width, Box box) {
        BoxStats s = BoxStats.of(box.values());
        if (s.n() == 0) {
            return;
        }
        int left = centre - width / 2;
        int top = a.py(s.q3());
        int bottom = a.py(s.q1());
        g.setColor(ChartStyle.AXIS);
        g.drawLine(centre, a.py(s.high()), centre, top);
        g.drawLine(centre, bottom, centre, a.py(s.low()));
        g.drawLine(centre - width / 4, a.py(s.high()), centre + width / 4, a.py(s.high()));
        g.drawLine(centre - width / 4, a.py(s.low()), centre + width / 4, a.py(s.low()));
        g.setColor(lighter(box.color()));
        g.fillRect(left, top, width, Math.max(1, bottom - top));
        g.setColor(box.color().darker());
        g.drawRect(left, top, width, Math.max(1, bottom - top));
        g.setColor(ChartStyle.TEXT);
        g.fillRect(left + 1, a.py(s.median()) - 1, width - 1, 2);
        g.setColor(box.color().darker());
        for (double o : s.outliers()) {
            g.drawOval(centre - 3, a.py(o) - 3, 6, 6);
        }
    }

    private static Color lighter(Color c) {
        return new Color((c.getRed() + 2 * 255) / 3, (c.getGreen() + 2 * 255) / 3, (c.getBlue() + 2 * 255) / 3);
    }
}
