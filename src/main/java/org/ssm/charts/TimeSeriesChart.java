package org.ssm.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A station's soil moisture through time, as in paper B Fig. 6: in-situ readings as points, the
 * product and the coarse products as lines, and daily rain as bars in a panel below sharing the
 * date axis. Lines break where a series has no value.
 */
public final class TimeSeriesChart {

    /** How a series is drawn. */
    public enum Style { POINTS, LINE, DASHED }

    /**
     * One series.
     *
     * @param label legend label
     * @param color colour
     * @param style points, or a line (solid or dashed) through consecutive values
     * @param epochDays dates as {@link java.time.LocalDate#toEpochDay()}, increasing
     * @param values soil moisture, NaN where there is none
     */
    public record Line(String label, Color color, Style style, int[] epochDays, double[] values) {
        public Line {
            if (epochDays.length != values.length) {
                throw new IllegalArgumentException(epochDays.length + " dates for " + values.length + " values");
            }
        }
    }

    /**
     * Daily rain.
     *
     * @param epochDays dates, increasing
     * @param mm rain of each date, mm; NaN where unknown
     */
    public record Rain(int[] epochDays, double[] mm) {
        public Rain {
            if (epochDays.length != mm.length) {
                throw new IllegalArgumentException(epochDays.length + " dates for " + mm.length + " values");
            }
        }
    }

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 560;
    public static final int HEIGHT_WITHOUT_RAIN = 460;

    private final String title;
    private final List<Line> lines;
    private final Rain rain;
    private final NiceScale smScale;
    private final NiceScale rainScale;
    private final PlotArea smPlot;
    private final PlotArea rainPlot;

    /**
     * @param title the title (the station)
     * @param lines the soil-moisture series, drawn in order
     * @param rain the rain at the station, or null for none
     */
    public TimeSeriesChart(String title, List<Line> lines, Rain rain) {
        this.title = title;
        this.lines = List.copyOf(lines);
        this.rain = rain;
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Line l : this.lines) {
            for (int i = 0; i < l.epochDays().length; i++) {
                if (Double.isFinite(l.values()[i])) {
                    first = Math.min(first, l.epochDays()[i]);
                    last = Math.max(last, l.epochDays()[i]);
                    min = Math.min(min, l.values()[i]);
                    max = Math.max(max, l.values()[i]);
                }
            }
        }
        double wettest = 0;
        if (rain != null) {
            for (int i = 0; i < rain.epochDays().length; i++) {
                if (Double.isFinite(rain.mm()[i])) {
                    first = Math.min(first, rain.epochDays()[i]);
                    last = Math.max(last, rain.epochDays()[i]);
                    wettest = Math.max(wettest, rain.mm()[i]);
                }
            }
        }
        if (first > last) {
            first = 0;
            last = 1;
        }
        double pad = 0.02 * (max - min);
        smScale = NiceScale.of(min >= 0 ? Math.max(0, min - pad) : min - pad, max + pad, 5);
        rainScale = NiceScale.of(0, wettest > 0 ? wettest : 1, 3);
        int smHeight = rain == null ? 330 : 300;
        smPlot = new PlotArea(80, 60, 890, smHeight, first - 0.5, last + 0.5, smScale.lo(), smScale.hi());
        rainPlot = rain == null ? null
                : new PlotArea(80, 60 + smHeight + 30, 890, 110, first - 0.5, last + 0.5, rainScale.lo(), rainScale.hi());
    }

    /** The soil-moisture panel. */
    public PlotArea ssmPlot() {
        return smPlot;
    }

    /** The rain panel, or null without rain. */
    public PlotArea rainPlot() {
        return rainPlot;
    }

    /** The chart as an image of {@link #WIDTH} × {@link #HEIGHT} ({@link #HEIGHT_WITHOUT_RAIN} without rain). */
    public BufferedImage render() {
        BufferedImage image = ChartStyle.image(WIDTH, rain == null ? HEIGHT_WITHOUT_RAIN : HEIGHT);
        Graphics2D g = ChartStyle.canvas(image);
        g.setFont(ChartStyle.TITLE);
        g.setColor(ChartStyle.TEXT);
        ChartStyle.centred(g, title, WIDTH / 2.0, 24);
        Axes.yAxis(g, smPlot, smScale, "SSM (" + ChartStyle.SM_UNITS + ")");
        Axes.dateAxis(g, smPlot, rain == null);
        g.setClip(smPlot.left() + 1, smPlot.top() + 1, smPlot.width() - 1, smPlot.height() - 1);
        for (Line l : lines) {
            draw(g, l);
        }
        g.setClip(null);
        Axes.frame(g, smPlot);
        if (rain != null) {
            Axes.yAxis(g, rainPlot, rainScale, "rain (mm)");
            Axes.dateAxis(g, rainPlot, true);
            g.setColor(ChartStyle.RAIN);
            for (int i = 0; i < rain.epochDays().length; i++) {
                double mm = rain.mm()[i];
                if (mm > 0) {
                    int day = rain.epochDays()[i];
                    int x0 = rainPlot.px(day - 0.4);
                    int x1 = Math.max(x0 + 1, rainPlot.px(day + 0.4));
                    int top = Math.min(rainPlot.py(Math.min(mm, rainScale.hi())), rainPlot.bottom() - 1);
                    g.fillRect(x0, top, x1 - x0, rainPlot.bottom() - top);
                }
            }
            Axes.frame(g, rainPlot);
        }
        List<Legend.Entry> entries = new ArrayList<>();
        for (Line l : lines) {
            entries.add(new Legend.Entry(l.label(), l.color(), switch (l.style()) {
                case POINTS -> Legend.Mark.POINT;
                case LINE -> Legend.Mark.LINE;
                case DASHED -> Legend.Mark.DASHED;
            }));
        }
        if (rain != null) {
            entries.add(new Legend.Entry("rain", ChartStyle.RAIN, Legend.Mark.BAR));
        }
        Legend.draw(g, smPlot.left(), 48, entries);
        g.dispose();
        return image;
    }

    private void draw(Graphics2D g, Line l) {
        g.setColor(l.color());
        int[] days = l.epochDays();
        double[] v = l.values();
        if (l.style() == Style.POINTS) {
            for (int i = 0; i < days.length; i++) {
                if (Double.isFinite(v[i])) {
                    g.fillOval(smPlot.px(days[i]) - 2, smPlot.py(v[i]) - 2, 5, 5);
                }
            }
            return;
        }
        g.setStroke(l.style() == Style.DASHED ? ChartStyle.DASHED : ChartStyle.LINE);
        double longest = 1.5 * typicalStep(days);
        for (int i = 0; i < days.length; i++) {
            if (!Double.isFinite(v[i])) {
                continue;
            }
            boolean joined = i + 1 < days.length && Double.isFinite(v[i + 1]) && days[i + 1] - days[i] <= longest;
            boolean joinedBefore = i > 0 && Double.isFinite(v[i - 1]) && days[i] - days[i - 1] <= longest;
            if (joined) {
                g.drawLine(smPlot.px(days[i]), smPlot.py(v[i]), smPlot.px(days[i + 1]), smPlot.py(v[i + 1]));
            } else if (!joinedBefore) {
                // An isolated value would vanish without a mark.
                g.fillRect(smPlot.px(days[i]) - 2, smPlot.py(v[i]) - 2, 5, 5);
            }
        }
        g.setStroke(ChartStyle.THIN);
    }

    /** The median step between dates: a series' sampling interval, beyond which a line breaks (a season's end). */
    static int typicalStep(int[] days) {
        if (days.length < 2) {
            return 1;
        }
        int[] steps = new int[days.length - 1];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = days[i + 1] - days[i];
        }
        java.util.Arrays.sort(steps);
        return steps[steps.length / 2];
    }
}
