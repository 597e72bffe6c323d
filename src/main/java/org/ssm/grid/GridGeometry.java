package org.ssm.grid;

import org.ssm.core.ParameterException;

/**
 * A north-up raster grid: its coordinate reference system, the position of its upper-left corner,
 * its cell size and its dimensions.
 *
 * <p>The affine transform from cell (col, row) to map coordinates is {@code x = originX + col *
 * cellWidth}, {@code y = originY - row * cellHeight}, with (col, row) at the cell's upper-left
 * corner; cell centres sit at {@code col + 0.5}, {@code row + 0.5}. The CRS is a string: an
 * authority code such as {@code EPSG:32633} (x = easting or longitude, y = northing or latitude),
 * or WKT for a CRS that has no code.
 *
 * @param crs authority code or WKT of the coordinate reference system
 * @param originX map x of the grid's left edge
 * @param originY map y of the grid's top edge
 * @param cellWidth cell size along x, in CRS units, &gt; 0
 * @param cellHeight cell size along y, in CRS units, &gt; 0 (rows run southwards)
 * @param width number of columns, &gt; 0
 * @param height number of rows, &gt; 0
 */
public record GridGeometry(
        String crs, double originX, double originY, double cellWidth, double cellHeight, int width, int height) {

    /** Relative tolerance used when deciding whether two grids share cell edges. */
    public static final double ALIGNMENT_TOLERANCE = 1e-6;

    public GridGeometry {
        if (crs == null || crs.isBlank()) {
            throw new ParameterException("crs", crs, "an authority code such as EPSG:4326 or WKT");
        }
        if (!Double.isFinite(originX) || !Double.isFinite(originY)) {
            throw new ParameterException("origin", originX + "," + originY, "finite coordinates");
        }
        ParameterException.requirePositive("cellWidth", cellWidth);
        ParameterException.requirePositive("cellHeight", cellHeight);
        if (width <= 0 || height <= 0 || (long) width * height > Integer.MAX_VALUE - 8) {
            throw new ParameterException("size", width + "x" + height, "a positive size of fewer than 2^31 cells");
        }
    }

    /** Number of cells. */
    public int size() {
        return width * height;
    }

    /** Map x of the centre of column {@code col}. */
    public double centerX(int col) {
        return originX + (col + 0.5) * cellWidth;
    }

    /** Map y of the centre of row {@code row}. */
    public double centerY(int row) {
        return originY - (row + 0.5) * cellHeight;
    }

    /** Fractional column of map x (0 at the left edge of column 0). */
    public double colOf(double x) {
        return (x - originX) / cellWidth;
    }

    /** Fractional row of map y (0 at the top edge of row 0). */
    public double rowOf(double y) {
        return (originY - y) / cellHeight;
    }

    public double minX() {
        return originX;
    }

    public double maxX() {
        return originX + width * cellWidth;
    }

    public double maxY() {
        return originY;
    }

    public double minY() {
        return originY - height * cellHeight;
    }

    /** Whether both grids have the same CRS, origin, cell size and dimensions (within tolerance). */
    public boolean sameAs(GridGeometry other) {
        return other != null
                && sameCrs(other)
                && width == other.width
                && height == other.height
                && close(cellWidth, other.cellWidth, cellWidth)
                && close(cellHeight, other.cellHeight, cellHeight)
                && close(originX, other.originX, cellWidth)
                && close(originY, other.originY, cellHeight);
    }

    /** Whether the two grids name the same CRS. */
    public boolean sameCrs(GridGeometry other) {
        return crs.strip().equalsIgnoreCase(other.crs.strip());
    }

    /**
     * The integer factor by which {@code coarse} cells contain cells of this grid, or -1 if the grids
     * are not nested: same CRS, coarse cell sizes an integer multiple of these, and coarse cell edges
     * on edges of this grid.
     */
    public int nestingFactor(GridGeometry coarse) {
        if (!sameCrs(coarse)) {
            return -1;
        }
        double fx = coarse.cellWidth / cellWidth;
        double fy = coarse.cellHeight / cellHeight;
        long kx = Math.round(fx);
        long ky = Math.round(fy);
        if (kx < 1 || kx != ky || Math.abs(fx - kx) > ALIGNMENT_TOLERANCE * fx || Math.abs(fy - ky) > ALIGNMENT_TOLERANCE * fy) {
            return -1;
        }
        double dx = (originX - coarse.originX) / cellWidth;
        double dy = (coarse.originY - originY) / cellHeight;
        if (Math.abs(dx - Math.rint(dx)) > 1e-4 || Math.abs(dy - Math.rint(dy)) > 1e-4) {
            return -1;
        }
        return (int) kx;
    }

    /**
     * Index into {@code coarse} of the coarse cell containing the centre of each cell of this grid,
     * or -1 where the centre falls outside the coarse grid.
     */
    public int[] coarseCellIndex(GridGeometry coarse) {
        int[] index = new int[size()];
        int[] colMap = new int[width];
        for (int c = 0; c < width; c++) {
            double cc = coarse.colOf(centerX(c));
            colMap[c] = cc >= 0 && cc < coarse.width ? (int) cc : -1;
        }
        for (int r = 0; r < height; r++) {
            double rr = coarse.rowOf(centerY(r));
            int coarseRow = rr >= 0 && rr < coarse.height ? (int) rr : -1;
            for (int c = 0; c < width; c++) {
                index[r * width + c] = coarseRow < 0 || colMap[c] < 0 ? -1 : coarseRow * coarse.width + colMap[c];
            }
        }
        return index;
    }

    /** A grid with the same extent origin and CRS, but cells {@code factor} times larger. */
    public GridGeometry coarsen(int factor) {
        ParameterException.requireInRange("factor", factor, 1, Math.max(width, height));
        return new GridGeometry(crs, originX, originY, cellWidth * factor, cellHeight * factor,
                (width + factor - 1) / factor, (height + factor - 1) / factor);
    }

    private static boolean close(double a, double b, double scale) {
        return Math.abs(a - b) <= ALIGNMENT_TOLERANCE * Math.abs(scale);
    }

    /** A short human description, for messages. */
    public String describe() {
        return width + "x" + height + " cells of " + cellWidth + "x" + cellHeight + " from (" + originX + ", " + originY
                + ") in " + (crs.length() > 40 ? crs.substring(0, 37) + "..." : crs);
    }
}
