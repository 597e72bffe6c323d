package org.ssm.host.wms;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.ssm.host.catalog.StationLayer;

/**
 * How station layers are drawn: one circle per station, filled with the colour of its network. The
 * networks of a layer, sorted by name, take the colours of the Okabe–Ito palette in turn (Okabe and Ito
 * 2008, "Color Universal Design", a categorical palette that colour-blind readers can tell apart),
 * starting with blue; a ninth network reuses the first colour. A dark outline keeps the pale colours
 * visible on any background.
 *
 * <p>With a TIME, stations with a reading that UTC date are filled circles and the others are rings of
 * their network's colour, so that the map shows which sensors reported that day and still shows them all.
 */
public final class StationStyle {

    /** The one style of station layers, as named in STYLES and in the capabilities. */
    public static final String NAME = "stations";
    /** Its title. */
    public static final String TITLE = "Stations by network";
    /** Radius of a station's circle, in pixels. */
    public static final double RADIUS = 6;
    /** The network colours, 0xRRGGBB, in order of assignment. */
    public static final List<Integer> PALETTE = List.of(0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00,
            0x56B4E9, 0xF0E442, 0x000000);

    private static final int OUTLINE = 0x333333;
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final int PAD = 6;
    private static final int ROW = 18;

    private StationStyle() {}

    /** The colour, 0xRRGGBB, of {@code network} in {@code layer}. */
    public static int colour(StationLayer layer, String network) {
        int index = layer.networks().indexOf(network);
        return PALETTE.get(Math.floorMod(index, PALETTE.size()));
    }

    /**
     * Fails with StyleNotDefined unless {@code requested} names the station style (empty and
     * {@code default} do).
     */
    static void requireKnown(StationLayer layer, String requested, String locator) {
        if (requested == null || requested.isBlank() || requested.strip().equalsIgnoreCase("default")
                || requested.strip().equals(NAME)) {
            return;
        }
        throw WmsErrors.styleNotDefined(locator, "style '" + requested.strip() + "' is not defined for station layer "
                + layer.name() + ": station layers are drawn with style " + NAME);
    }

    /** Draws one station centred at pixel ({@code x}, {@code y}): a filled circle, or a ring. */
    static void draw(Graphics2D g, double x, double y, int rgb, boolean filled) {
        Ellipse2D circle = new Ellipse2D.Double(x - RADIUS, y - RADIUS, 2 * RADIUS, 2 * RADIUS);
        if (filled) {
            g.setColor(new Color(rgb));
            g.fill(circle);
            g.setColor(new Color(OUTLINE));
            g.setStroke(new BasicStroke(1f));
            g.draw(circle);
        } else {
            g.setColor(new Color(rgb));
            g.setStroke(new BasicStroke(2.5f));
            g.draw(new Ellipse2D.Double(x - RADIUS + 1, y - RADIUS + 1, 2 * RADIUS - 2, 2 * RADIUS - 2));
        }
    }

    /** The legend (GetLegendGraphic): the title, then one circle and name per network. */
    static BufferedImage legend(StationLayer layer) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D s = scratch.createGraphics();
        FontMetrics tm = s.getFontMetrics(TITLE_FONT);
        FontMetrics lm = s.getFontMetrics(LABEL_FONT);
        int width = tm.stringWidth(TITLE);
        for (String n : layer.networks()) {
            width = Math.max(width, ROW + 4 + lm.stringWidth(label(n)));
        }
        s.dispose();
        int height = PAD + tm.getHeight() + 4 + ROW * layer.networks().size() + PAD;
        BufferedImage image = new BufferedImage(PAD + width + PAD, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(new Color(0x222222));
            g.setFont(TITLE_FONT);
            g.drawString(TITLE, PAD, PAD + tm.getAscent());
            g.setFont(LABEL_FONT);
            int top = PAD + tm.getHeight() + 4;
            for (int i = 0; i < layer.networks().size(); i++) {
                String network = layer.networks().get(i);
                double cy = top + i * ROW + ROW / 2.0;
                draw(g, PAD + ROW / 2.0, cy, colour(layer, network), true);
                g.setColor(new Color(0x222222));
                g.drawString(label(network), PAD + ROW + 4, (int) Math.round(cy + (lm.getAscent() - lm.getDescent())
                        / 2.0));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static String label(String network) {
        return network.isEmpty() ? "(no network)" : network;
    }

    /** The pixel size of the legend, for LegendURL in the capabilities. */
    static int[] legendSize(StationLayer layer) {
        BufferedImage legend = legend(layer);
        return new int[] {legend.getWidth(), legend.getHeight()};
    }
}
