package org.ssm.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * Colours, fonts and drawing helpers shared by the charts. Shapes are drawn without antialiasing
 * (crisp one-colour lines and markers, whose pixels tests can check) and text with it; nothing
 * depends on the clock or on randomness, so a chart of the same data is the same image.
 */
public final class ChartStyle {

    public static final Color BACKGROUND = Color.WHITE;
    public static final Color AXIS = new Color(0x33, 0x33, 0x33);
    public static final Color GRID = new Color(0xE4, 0xE4, 0xE4);
    public static final Color TEXT = new Color(0x22, 0x22, 0x22);
    /** The 1:1 line of scatter plots. */
    public static final Color ONE_TO_ONE = Color.BLACK;
    /** In-situ observations (purple points, as in paper B Fig. 6). */
    public static final Color INSITU = new Color(0x80, 0x30, 0xA0);
    /** The validated product (red, paper B Fig. 4 and 6). */
    public static final Color PRODUCT = new Color(0xD6, 0x27, 0x28);
    /** The coarse product (orange, paper B Fig. 6). */
    public static final Color COARSE = new Color(0xFF, 0x8C, 0x00);
    /** Rain bars (blue, paper B Fig. 6). */
    public static final Color RAIN = new Color(0x1F, 0x77, 0xB4);

    public static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    public static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    public static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    public static final Stroke THIN = new BasicStroke(1f);
    public static final Stroke LINE = new BasicStroke(2f);
    public static final Stroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    /** Soil-moisture units as printed on axes. */
    public static final String SM_UNITS = "m³/m³";

    private ChartStyle() {}

    /** A white RGB image and its graphics, text antialiased, shapes not. */
    static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    /** A new blank chart image. */
    static BufferedImage image(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    /** Draws {@code text} with its centre at x and its baseline at y. */
    static void centred(Graphics2D g, String text, double x, double y) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, (float) (x - fm.stringWidth(text) / 2.0), (float) y);
    }

    /** Draws {@code text} ending at x, vertically centred on y. */
    static void rightAligned(Graphics2D g, String text, double x, double y) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, (float) (x - fm.stringWidth(text)), (float) (y + fm.getAscent() / 2.0 - 1));
    }

    /** Draws {@code text} rotated a quarter turn anticlockwise, centred on (x, y). */
    static void vertical(Graphics2D g, String text, double x, double y) {
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2, x, y);
        centred(g, text, x, y);
        g.setTransform(saved);
    }
}
