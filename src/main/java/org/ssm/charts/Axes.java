package org.ssm.charts;

import java.awt.Graphics2D;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Frames, ticks, grid lines and axis labels of a plot area. */
final class Axes {

    private Axes() {}

    /** Horizontal grid lines and tick labels of a value axis on the left. */
    static void yAxis(Graphics2D g, PlotArea a, NiceScale y, String label) {
        g.setFont(ChartStyle.TICK);
        for (double t : y.ticks()) {
            int py = a.py(t);
            g.setColor(ChartStyle.GRID);
            g.drawLine(a.left() + 1, py, a.right() - 1, py);
            g.setColor(ChartStyle.AXIS);
            g.drawLine(a.left() - 4, py, a.left(), py);
            g.setColor(ChartStyle.TEXT);
            ChartStyle.rightAligned(g, y.label(t), a.left() - 6, py);
        }
        g.setFont(ChartStyle.LABEL);
        ChartStyle.vertical(g, label, a.left() - 52, a.top() + a.height() / 2.0);
    }

    /** Vertical grid lines and tick labels of a value axis at the bottom. */
    static void xAxis(Graphics2D g, PlotArea a, NiceScale x, String label) {
        g.setFont(ChartStyle.TICK);
        for (double t : x.ticks()) {
            int px = a.px(t);
            g.setColor(ChartStyle.GRID);
            g.drawLine(px, a.top() + 1, px, a.bottom() - 1);
            g.setColor(ChartStyle.AXIS);
            g.drawLine(px, a.bottom(), px, a.bottom() + 4);
            g.setColor(ChartStyle.TEXT);
            ChartStyle.centred(g, x.label(t), px, a.bottom() + 17);
        }
        g.setFont(ChartStyle.LABEL);
        ChartStyle.centred(g, label, a.left() + a.width() / 2.0, a.bottom() + 38);
    }

    /** Ticks at round dates along x (days as epoch days), labelled when {@code labels}. */
    static void dateAxis(Graphics2D g, PlotArea a, boolean labels) {
        List<LocalDate> ticks = dateTicks(LocalDate.ofEpochDay((long) Math.ceil(a.xLo())),
                LocalDate.ofEpochDay((long) Math.floor(a.xHi())));
        g.setFont(ChartStyle.TICK);
        for (LocalDate d : ticks) {
            int px = a.px(d.toEpochDay());
            g.setColor(ChartStyle.GRID);
            g.drawLine(px, a.top() + 1, px, a.bottom() - 1);
            g.setColor(ChartStyle.AXIS);
            g.drawLine(px, a.bottom(), px, a.bottom() + 4);
            if (labels) {
                g.setColor(ChartStyle.TEXT);
                ChartStyle.centred(g, d.toString(), px, a.bottom() + 17);
            }
        }
    }

    /**
     * Round dates between {@code first} and {@code last}: days, weeks, or the first of every one,
     * two, three, six or twelve months, whichever gives at most about eight ticks.
     */
    static List<LocalDate> dateTicks(LocalDate first, LocalDate last) {
        long span = last.toEpochDay() - first.toEpochDay();
        List<LocalDate> out = new ArrayList<>();
        if (span <= 8) {
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                out.add(d);
            }
            return out;
        }
        if (span <= 56) {
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(7)) {
                out.add(d);
            }
            return out;
        }
        for (int months : new int[] {1, 2, 3, 6, 12, 24, 60}) {
            out.clear();
            LocalDate d = first.withDayOfMonth(1);
            if (d.isBefore(first)) {
                d = d.plusMonths(1);
            }
            while ((d.getMonthValue() - 1) % months != 0 && months <= 12) {
                d = d.plusMonths(1);
            }
            for (; !d.isAfter(last); d = d.plusMonths(months)) {
                out.add(d);
            }
            if (out.size() <= 8) {
                return out;
            }
        }
        return out;
    }

    /** The frame around the area. */
    static void frame(Graphics2D g, PlotArea a) {
        g.setStroke(ChartStyle.THIN);
        g.setColor(ChartStyle.AXIS);
        g.drawRect(a.left(), a.top(), a.width(), a.height());
    }
}
