package org.ssm.host.wms;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the legend of a style (GetLegendGraphic): the style title, then a colour bar with the entry
 * values for a ramp, or one swatch per class for intervals and values. Text is drawn with Java2D in
 * headless mode.
 *
 * <p>As in GeoServer, WIDTH and HEIGHT are the size of one swatch; a ramp's bar is as wide as a swatch
 * and at least five swatches tall. A ramp runs from its largest value at the top to its smallest.
 */
public final class LegendRenderer {

    /** Default swatch size, as in GeoServer. */
    public static final int DEFAULT_SWATCH = 20;
    /** Largest swatch side accepted. */
    public static final int MAX_SWATCH = 512;

    private static final int PAD = 6;
    private static final int GAP = 6;
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Color TEXT = new Color(0x222222);
    private static final Color BORDER = new Color(0x808080);

    private LegendRenderer() {}

    /** The legend of {@code style} with swatches of {@code swatchWidth} × {@code swatchHeight} pixels. */
    public static BufferedImage render(ColorMapStyle style, int swatchWidth, int swatchHeight) {
        Layout layout = layout(style, swatchWidth, swatchHeight);
        BufferedImage image = new BufferedImage(layout.width, layout.height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, layout.width, layout.height);
            g.setFont(TITLE_FONT);
            g.setColor(TEXT);
            FontMetrics tm = g.getFontMetrics();
            g.drawString(style.title(), PAD, PAD + tm.getAscent());
            g.setFont(LABEL_FONT);
            FontMetrics lm = g.getFontMetrics();
            int top = layout.bodyTop;
            if (layout.bar) {
                drawBar(g, style, PAD, top, swatchWidth, layout.barHeight);
            } else {
                for (int i = 0; i < layout.labels.size(); i++) {
                    int y = top + i * (swatchHeight + 2);
                    drawSwatch(g, style.entries().get(i), PAD, y, swatchWidth, swatchHeight);
                }
            }
            g.setColor(TEXT);
            for (Label label : layout.labels) {
                if (label.visible) {
                    g.drawString(label.text, PAD + swatchWidth + GAP,
                            top + label.centreY + (lm.getAscent() - lm.getDescent()) / 2);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The pixel size of the legend {@link #render} would draw, for LegendURL in the capabilities. */
    public static int[] size(ColorMapStyle style, int swatchWidth, int swatchHeight) {
        Layout layout = layout(style, swatchWidth, swatchHeight);
        return new int[] {layout.width, layout.height};
    }

    private static void drawBar(Graphics2D g, ColorMapStyle style, int x, int y, int width, int height) {
        List<ColorMapStyle.Entry> entries = style.entries();
        double lo = entries.get(0).quantity();
        double hi = entries.get(entries.size() - 1).quantity();
        for (int row = 0; row < height; row++) {
            double v = hi - (hi - lo) * (row + 0.5) / height;
            int argb = style.argb(v);
            g.setColor(new Color(argb, true));
            g.fillRect(x, y + row, width, 1);
        }
        g.setColor(BORDER);
        g.drawRect(x, y, width - 1, height - 1);
    }

    private static void drawSwatch(Graphics2D g, ColorMapStyle.Entry e, int x, int y, int w, int h) {
        int alpha = (int) Math.round(255 * e.opacity());
        g.setColor(new Color((alpha << 24) | e.rgb(), true));
        g.fillRect(x, y, w, h);
        g.setColor(BORDER);
        g.drawRect(x, y, w - 1, h - 1);
    }

    private static Layout layout(ColorMapStyle style, int swatchWidth, int swatchHeight) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scratch.createGraphics();
        try {
            FontMetrics tm = g.getFontMetrics(TITLE_FONT);
            FontMetrics lm = g.getFontMetrics(LABEL_FONT);
            List<ColorMapStyle.Entry> entries = style.entries();
            double lo = entries.get(0).quantity();
            double hi = entries.get(entries.size() - 1).quantity();
            boolean bar = style.type() == ColorMapStyle.Type.RAMP && hi > lo;
            List<Label> labels = new ArrayList<>();
            int bodyHeight;
            int barHeight = 0;
            if (bar) {
                barHeight = Math.max(5 * swatchHeight, (entries.size() - 1) * swatchHeight);
                int lastDrawn = Integer.MIN_VALUE;
                // From the top (largest value) down, dropping labels that would overlap the one above.
                for (int i = entries.size() - 1; i >= 0; i--) {
                    ColorMapStyle.Entry e = entries.get(i);
                    int y = (int) Math.round((hi - e.quantity()) / (hi - lo) * (barHeight - 1));
                    boolean visible = lastDrawn == Integer.MIN_VALUE || y - lastDrawn >= lm.getHeight();
                    if (visible) {
                        lastDrawn = y;
                    }
                    labels.add(new Label(e.labelOrQuantity(), y, visible));
                }
                bodyHeight = barHeight;
            } else {
                for (int i = 0; i < entries.size(); i++) {
                    labels.add(new Label(classLabel(style, i), i * (swatchHeight + 2) + swatchHeight / 2, true));
                }
                bodyHeight = entries.size() * (swatchHeight + 2) - 2;
            }
            int labelWidth = 0;
            for (Label l : labels) {
                labelWidth = Math.max(labelWidth, lm.stringWidth(l.text));
            }
            // Labels centred on the bar's end ticks reach half a line beyond the bar.
            int overhang = bar ? lm.getHeight() / 2 : 0;
            int width = PAD + Math.max(tm.stringWidth(style.title()), swatchWidth + GAP + labelWidth) + PAD;
            int bodyTop = PAD + tm.getHeight() + GAP + overhang;
            int height = bodyTop + bodyHeight + overhang + PAD;
            return new Layout(width, height, bodyTop, bar, barHeight, labels);
        } finally {
            g.dispose();
        }
    }

    private static String classLabel(ColorMapStyle style, int i) {
        ColorMapStyle.Entry e = style.entries().get(i);
        if (e.label() != null && !e.label().isBlank()) {
            return e.label();
        }
        if (style.type() == ColorMapStyle.Type.INTERVALS) {
            String upper = ColorMapStyle.formatNumber(e.quantity());
            return i == 0 ? "< " + upper
                    : ColorMapStyle.formatNumber(style.entries().get(i - 1).quantity()) + " – " + upper;
        }
        return ColorMapStyle.formatNumber(e.quantity());
    }

    private record Label(String text, int centreY, boolean visible) {}

    private record Layout(int width, int height, int bodyTop, boolean bar, int barHeight, List<Label> labels) {}
}
