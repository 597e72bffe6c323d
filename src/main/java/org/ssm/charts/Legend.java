package org.ssm.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.List;

/** A one-line legend of symbols and labels. */
final class Legend {

    /** How an entry's symbol is drawn. */
    enum Mark { POINT, LINE, DASHED, BAR }

    record Entry(String label, Color color, Mark mark) {}

    private Legend() {}

    /** Draws the entries left to right from (x, y), y being the text's baseline. */
    static void draw(Graphics2D g, int x, int y, List<Entry> entries) {
        g.setFont(ChartStyle.LABEL);
        int cx = x;
        for (Entry e : entries) {
            g.setColor(e.color());
            switch (e.mark()) {
                case POINT -> g.fillOval(cx + 7, y - 8, 7, 7);
                case LINE -> {
                    g.setStroke(ChartStyle.LINE);
                    g.drawLine(cx, y - 5, cx + 22, y - 5);
                }
                case DASHED -> {
                    g.setStroke(ChartStyle.DASHED);
                    g.drawLine(cx, y - 5, cx + 22, y - 5);
                }
                case BAR -> g.fillRect(cx + 5, y - 11, 12, 11);
            }
            g.setStroke(ChartStyle.THIN);
            g.setColor(ChartStyle.TEXT);
            g.drawString(e.label(), cx + 28, y);
            cx += 28 + g.getFontMetrics().stringWidth(e.label()) + 22;
        }
    }
}
