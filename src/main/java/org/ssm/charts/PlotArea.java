package org.ssm.charts;

/**
 * The rectangle of an image where data are drawn and the linear maps from data to pixels: x grows
 * to the right, y upwards (pixel rows downwards).
 *
 * @param left first pixel column of the area
 * @param top first pixel row of the area
 * @param width width in pixels
 * @param height height in pixels
 * @param xLo data value at the left edge
 * @param xHi data value at the right edge
 * @param yLo data value at the bottom edge
 * @param yHi data value at the top edge
 */
public record PlotArea(int left, int top, int width, int height, double xLo, double xHi, double yLo, double yHi) {

    /** The pixel column of data x. */
    public int px(double x) {
        return (int) Math.round(left + (x - xLo) / (xHi - xLo) * width);
    }

    /** The pixel row of data y. */
    public int py(double y) {
        return (int) Math.round(top + height - (y - yLo) / (yHi - yLo) * height);
    }

    /** The last pixel column inside the area. */
    public int right() {
        return left + width;
    }

    /** The last pixel row inside the area. */
    public int bottom() {
        return top + height;
    }
}
