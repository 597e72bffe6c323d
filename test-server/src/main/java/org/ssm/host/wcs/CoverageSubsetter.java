package org.ssm.host.wcs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ssm.algorithms.align.Resampler;
import org.ssm.algorithms.align.Resampling;
import org.ssm.core.Monitor;
import org.ssm.grid.CoordinateMap;
import org.ssm.io.CrsTransforms;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.host.catalog.Catalog;
import org.ssm.host.catalog.Layer;
import org.ssm.host.ows.OwsException;

/**
 * Evaluates a GetCoverage request against the catalogue: picks the layer, turns the spatial
 * subsets into a window of whole cells, selects the dates, and scales or reprojects the result.
 *
 * <p>Spatial subsets may name the native axes (E/N, or Lat/Long for a geographic CRS, or x/y),
 * the axes of an explicit subsetting CRS, or Lat/Long on a projected coverage, which means WGS 84
 * degrees. Bounds in another CRS are transformed to the native CRS and replaced by the bounding
 * box of the transformed rectangle. The window snaps outwards to whole cells and is clipped to the
 * coverage; a window that misses the coverage is an {@code InvalidSubsetting}. The size of the
 * result is checked against the host's pixel limit before any band is read.
 */
public final class CoverageSubsetter {

    /** Exception code of the CRS extension for an unsupported subsetting CRS. */
    public static final String SUBSETTING_CRS_NOT_SUPPORTED = "SubsettingCrs-NotSupported";
    /** Exception code of the CRS extension for an unsupported output CRS. */
    public static final String OUTPUT_CRS_NOT_SUPPORTED = "OutputCrs-NotSupported";
    /** The label of the time axis. */
    public static final String TIME = "time";

    /** Fraction of a cell within which a bound counts as lying on a cell edge (rounding in clients). */
    private static final double EDGE_TOLERANCE = 1e-6;

    private final Catalog catalog;
    private final long maxPixels;

    public CoverageSubsetter(Catalog catalog, long maxPixels) {
        this.catalog = catalog;
        this.maxPixels = maxPixels;
    }

    /** The layer named by a coverage identifier, or a NoSuchCoverage exception (HTTP 404). */
    public Layer layer(String coverageId) {
        return catalog.find(coverageId).orElseThrow(() -> new OwsException("NoSuchCoverage", "coverageId",
                "no coverage " + coverageId + " is offered; GetCapabilities lists the coverages"));
    }

    /** The series the request selects, with its dates. */
    public GridSeries apply(GetCoverageRequest request) {
        Layer layer = layer(request.coverageId());
        GridGeometry grid = layer.grid();
        CoverageCrs nativeCrs = CoverageCrs.ofGrid(grid.crs());
        Axes axes = classify(request, layer, nativeCrs);

        int[] window = window(grid, nativeCrs, axes);
        GridGeometry cropped = new GridGeometry(grid.crs(), grid.originX() + window[0] * grid.cellWidth(),
                grid.originY() - window[1] * grid.cellHeight(), grid.cellWidth(), grid.cellHeight(),
                window[2] - window[0], window[3] - window[1]);
        LocalDate[] period = period(layer, axes.time);
        int bands = layer.isSeries() ? countDates(layer, period) : layer.bands();

        CoverageCrs outputCrs = request.outputCrs() == null ? nativeCrs
                : CoverageCrs.parse("outputCrs", request.outputCrs(), OUTPUT_CRS_NOT_SUPPORTED);
        boolean reproject = !outputCrs.sameAs(nativeCrs);
        GridGeometry target = reproject ? reprojectedGrid(cropped, nativeCrs, outputCrs, request.scaling())
                : scaledGrid(cropped, request.scaling());
        checkSize(cropped, bands, "the selected window");
        if (target != cropped) {
            checkSize(target, bands, "the " + (reproject ? "reprojected" : "scaled") + " result");
        }

        GridSeries read = catalog.read(layer, period[0], period[1]);
        GridSeries out = crop(read, cropped, window);
        if (target == cropped) {
            return out;
        }
        CoordinateMap toSource = reproject ? CrsTransforms.of(outputCrs.transformTo(nativeCrs))
                : CoordinateMap.IDENTITY;
        if (!out.hasData()) {
            float[][] empty = new float[out.size()][target.size()];
            for (float[] band : empty) {
                Arrays.fill(band, Float.NaN);
            }
            return GridSeries.of(target, out.dates(), empty);
        }
        return new Resampler(target, Resampling.NEAREST, toSource).resample(out, Monitor.NONE);
    }

    /** The subsets sorted by axis, with the CRS their spatial bounds are in. */
    private record Axes(DimensionSubset x, DimensionSubset y, DimensionSubset time, CoverageCrs crs) {}

    private static Axes classify(GetCoverageRequest request, Layer layer, CoverageCrs nativeCrs) {
        CoverageCrs explicit = request.subsettingCrs() == null ? null
                : CoverageCrs.parse("subsettingCrs", request.subsettingCrs(), SUBSETTING_CRS_NOT_SUPPORTED);
        for (DimensionSubset s : request.subsets()) {
            if (s.crs() != null && !isTime(s.axis())) {
                CoverageCrs own = CoverageCrs.parse("subset", s.crs(), SUBSETTING_CRS_NOT_SUPPORTED);
                if (explicit != null && !explicit.sameAs(own)) {
                    throw OwsException.invalid("subset", "subset " + s.toKvp() + " names a CRS other than "
                            + explicit.describe() + "; give one subsetting CRS");
                }
                explicit = own;
            }
        }
        CoverageCrs spatialCrs = explicit;
        DimensionSubset x = null;
        DimensionSubset y = null;
        DimensionSubset time = null;
        for (DimensionSubset s : request.subsets()) {
            String label = s.axis();
            if (isTime(label)) {
                if (!layer.isSeries()) {
                    throw new OwsException(DimensionSubset.INVALID_AXIS_LABEL, "subset", "coverage " + layer.name()
                            + " has no time axis; its axes are " + String.join(", ", nativeCrs.axisLabels()));
                }
                time = once(time, s);
                continue;
            }
            CoverageCrs crs = explicit != null ? explicit : crsOfLabel(label, nativeCrs);
            if (crs == null) {
                throw new OwsException(DimensionSubset.INVALID_AXIS_LABEL, "subset", "coverage " + layer.name()
                        + " has no axis " + label + "; use " + String.join("/", nativeCrs.axisLabels()) + ", x/y"
                        + (nativeCrs.isGeographic() ? "" : ", Lat/Long (WGS 84 degrees)")
                        + (layer.isSeries() ? " or " + TIME : ""));
            }
            if (spatialCrs != null && !spatialCrs.sameAs(crs)) {
                throw new OwsException(DimensionSubset.INVALID_SUBSETTING, "subset", "subset " + s.toKvp()
                        + " is in " + crs.describe() + " but another spatial subset is in " + spatialCrs.describe()
                        + "; give both in one CRS");
            }
            spatialCrs = crs;
            if (crs.isXLabel(label)) {
                x = once(x, s);
            } else if (crs.isYLabel(label)) {
                y = once(y, s);
            } else {
                throw new OwsException(DimensionSubset.INVALID_AXIS_LABEL, "subset", "axis " + label + " is not an"
                        + " axis of " + crs.describe() + "; use " + String.join("/", crs.axisLabels()) + " or x/y");
            }
        }
        return new Axes(x, y, time, spatialCrs == null ? nativeCrs : spatialCrs);
    }

    private static boolean isTime(String label) {
        return label.equalsIgnoreCase(TIME);
    }

    /** The CRS a label refers to without a subsetting CRS: native, or WGS 84 for Lat/Long on a projection. */
    private static CoverageCrs crsOfLabel(String label, CoverageCrs nativeCrs) {
        if (nativeCrs.isXLabel(label) || nativeCrs.isYLabel(label)) {
            return nativeCrs;
        }
        String l = label.toLowerCase(Locale.ROOT);
        if (!nativeCrs.isGeographic() && (CoverageCrs.isLatitude(l) || CoverageCrs.isLongitude(l))) {
            return CoverageCrs.WGS84;
        }
        return null;
    }

    private static DimensionSubset once(DimensionSubset previous, DimensionSubset s) {
        if (previous != null) {
            throw new OwsException(DimensionSubset.INVALID_SUBSETTING, "subset", "axis " + s.axis()
                    + " is subset twice (" + previous.toKvp() + " and " + s.toKvp() + ")");
        }
        return s;
    }

    /** The window {col0, row0, col1, row1} (exclusive ends) of whole cells covering the subsets. */
    private static int[] window(GridGeometry grid, CoverageCrs nativeCrs, Axes axes) {
        double[] nativeBox = {grid.minX(), grid.minY(), grid.maxX(), grid.maxY()};
        if (axes.x == null && axes.y == null) {
            return new int[] {0, 0, grid.width(), grid.height()};
        }
        double[] full = axes.crs.sameAs(nativeCrs) ? nativeBox : nativeCrs.transformBox(nativeBox, axes.crs);
        if (full == null) {
            throw new OwsException(DimensionSubset.INVALID_SUBSETTING, "subset", "the coverage cannot be expressed in "
                    + axes.crs.describe());
        }
        double[] xr = bounds(axes.x, full[0], full[2]);
        double[] yr = bounds(axes.y, full[1], full[3]);
        double[] box = {xr[0], yr[0], xr[1], yr[1]};
        if (!axes.crs.sameAs(nativeCrs)) {
            box = axes.crs.transformBox(box, nativeCrs);
            if (box == null) {
                throw new OwsException(DimensionSubset.INVALID_SUBSETTING, "subset", "the subset does not transform to "
                        + nativeCrs.describe());
            }
        }
        boolean xSlice = axes.x != null && axes.x.slice() && axes.crs.sameAs(nativeCrs);
        boolean ySlice = axes.y != null && axes.y.slice() && axes.crs.sameAs(nativeCrs);
        int[] cols = cells(grid.colOf(box[0]), grid.colOf(box[2]), xSlice, grid.width());
        int[] rows = cells(grid.rowOf(box[3]), grid.rowOf(box[1]), ySlice, grid.height());
        if (cols == null || rows == null) {
            throw new OwsException(DimensionSubset.INVALID_SUBSETTING, "subset", "the subset "
                    + describe(axes) + " does not intersect the coverage, which spans " + Numbers.format(grid.minX())
                    + ".." + Numbers.format(grid.maxX()) + " × " + Numbers.format(grid.minY()) + ".."
                    + Numbers.format(grid.maxY()) + " in " + nativeCrs.describe());
        }
        return new int[] {cols[0], rows[0], cols[1], rows[1]};
    }

    private static String describe(Axes axes) {
        List<String> parts = new ArrayList<>();
        if (axes.x != null) {
            parts.add(axes.x.toKvp());
        }
        if (axes.y != null) {
            parts.add(axes.y.toKvp());
        }
        return String.join(" ", parts);
    }

    /** {low, high} of a spatial subset, open ends taken from the coverage's extent. */
    private static double[] bounds(DimensionSubset s, double min, double max) {
        if (s == null) {
            return new double[] {min, max};
        }
        double low = s.low() == null ? min : number(s, s.low());
        double high = s.high() == null ? max : number(s, s.high());
        if (low > high) {
            throw new OwsException(DimensionSubset.INVALID_SUBSETTING, "subset", "subset " + s.toKvp()
                    + ": the lower bound is above the upper bound");
        }
        return new double[] {low, high};
    }

    private static double number(DimensionSubset s, String v) {
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new OwsException(DimensionSubset.INVALID_SUBSETTING, "subset", "subset " + s.toKvp() + ": " + v
                + " is not a coordinate");
    }

    /**
     * Whole cells [first, end) covering fractional cell positions [a, b], clipped to [0, n); a
     * slice takes the one cell containing the point. Null when nothing is left.
     */
    private static int[] cells(double a, double b, boolean slice, int n) {
        int first;
        int end;
        if (slice) {
            first = (int) Math.floor(a);
            end = first + 1;
        } else {
            first = (int) Math.floor(a + EDGE_TOLERANCE);
            end = (int) Math.ceil(b - EDGE_TOLERANCE);
            if (end <= first && b > a) {
                end = first + 1;
            }
        }
        first = Math.max(0, first);
        end = Math.min(n, end);
        return end > first ? new int[] {first, end} : null;
    }

    /** {from, to} (inclusive, null for open) of the time subset. */
    private static LocalDate[] period(Layer layer, DimensionSubset time) {
        if (time == null || !layer.isSeries()) {
            return new LocalDate[2];
        }
        List<LocalDate> dates = layer.dates();
        if (time.slice()) {
            LocalDate d = WcsTime.parse(time.low());
            if (!dates.contains(d)) {
                throw new OwsException(DimensionSubset.INVALID_SUBSETTING, "subset", "coverage " + layer.name()
                        + " has no band at " + d + "; its dates run from " + dates.get(0) + " to "
                        + dates.get(dates.size() - 1) + " (DescribeCoverage lists them)");
            }
            return new LocalDate[] {d, d};
        }
        LocalDate from = time.low() == null ? null : WcsTime.parse(time.low());
        LocalDate to = time.high() == null ? null : WcsTime.parse(time.high());
        if (from != null && to != null && from.isAfter(to)) {
            throw new OwsException(DimensionSubset.INVALID_SUBSETTING, "subset", "subset " + time.toKvp()
                    + ": the start is after the end");
        }
        LocalDate[] period = {from, to};
        if (countDates(layer, period) == 0) {
            throw new OwsException(DimensionSubset.INVALID_SUBSETTING, "subset", "subset " + time.toKvp()
                    + " selects no date; the dates of " + layer.name() + " run from " + dates.get(0) + " to "
                    + dates.get(dates.size() - 1));
        }
        return period;
    }

    private static int countDates(Layer layer, LocalDate[] period) {
        int n = 0;
        for (LocalDate d : layer.dates()) {
            if ((period[0] == null || !d.isBefore(period[0])) && (period[1] == null || !d.isAfter(period[1]))) {
                n++;
            }
        }
        return n;
    }

    private static GridGeometry scaledGrid(GridGeometry g, Scaling scaling) {
        if (scaling.isNone()) {
            return g;
        }
        int[] size = scaling.apply(g.width(), g.height());
        if (size[0] == g.width() && size[1] == g.height()) {
            return g;
        }
        return new GridGeometry(g.crs(), g.originX(), g.originY(), g.cellWidth() * g.width() / size[0],
                g.cellHeight() * g.height() / size[1], size[0], size[1]);
    }

    /**
     * The grid in {@code to} covering the transformed window: square cells and about as many cells
     * as the window has, unless the scaling asks for another size.
     */
    private static GridGeometry reprojectedGrid(GridGeometry g, CoverageCrs from, CoverageCrs to, Scaling scaling) {
        double[] box = from.transformBox(new double[] {g.minX(), g.minY(), g.maxX(), g.maxY()}, to);
        if (box == null || box[2] <= box[0] || box[3] <= box[1]) {
            throw new OwsException(OUTPUT_CRS_NOT_SUPPORTED, "outputCrs", "the coverage cannot be expressed in "
                    + to.describe());
        }
        double w = box[2] - box[0];
        double h = box[3] - box[1];
        double cell = Math.sqrt(w * h / ((double) g.width() * g.height()));
        int cols = (int) Math.max(1, Math.round(w / cell));
        int rows = (int) Math.max(1, Math.round(h / cell));
        int[] size = scaling.apply(cols, rows);
        String code = to.epsg() > 0 ? "EPSG:" + to.epsg() : to.crs().toWKT();
        return new GridGeometry(code, box[0], box[3], w / size[0], h / size[1], size[0], size[1]);
    }

    private void checkSize(GridGeometry g, int bands, String what) {
        long pixels = (long) g.width() * g.height() * bands;
        if (pixels > maxPixels) {
            throw OwsException.invalid("subset", what + " has " + g.width() + " × " + g.height() + " cells × " + bands
                    + " band(s) = " + pixels + " pixels, more than this server's limit of " + maxPixels
                    + "; narrow the spatial or time subset, or scale the result down");
        }
    }

    private static GridSeries crop(GridSeries series, GridGeometry target, int[] window) {
        GridGeometry src = series.geometry();
        if (window[0] == 0 && window[1] == 0 && target.width() == src.width() && target.height() == src.height()) {
            return GridSeries.of(target, series.dates(), bandsOf(series));
        }
        float[][] out = new float[series.size()][target.size()];
        for (int b = 0; b < series.size(); b++) {
            float[] in = series.band(b);
            for (int r = 0; r < target.height(); r++) {
                System.arraycopy(in, (window[1] + r) * src.width() + window[0], out[b], r * target.width(),
                        target.width());
            }
        }
        return GridSeries.of(target, series.dates(), out);
    }

    private static float[][] bandsOf(GridSeries series) {
        float[][] bands = new float[series.size()][];
        for (int b = 0; b < bands.length; b++) {
            bands[b] = series.band(b);
        }
        return bands;
    }
}
