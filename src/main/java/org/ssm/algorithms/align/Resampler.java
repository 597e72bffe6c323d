package org.ssm.algorithms.align;

import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.CoordinateMap;
import org.ssm.grid.GridChecks;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;

/**
 * Resamples a series onto a target grid, optionally in another CRS (papers B §3.2, D §2.1.2: every
 * input is brought to one grid before fusion or downscaling).
 *
 * <p>The caller supplies the map from target CRS coordinates to source CRS coordinates, so this
 * class needs no referencing library. For {@link Resampling#AREA_AVERAGE} in one CRS, each target
 * cell is the overlap-weighted mean of the source cells under it, computed exactly; across CRSs the
 * target cell is sampled on a k×k lattice (k from the size ratio, at most {@link #MAX_LATTICE}) and
 * the valid source values under the lattice points are averaged. NaN source cells are left out of
 * every mean; a target cell with no valid source is NaN.
 */
public final class Resampler {

    /** Largest lattice side used for area averages across CRSs. */
    public static final int MAX_LATTICE = 16;

    private final GridGeometry target;
    private final Resampling method;
    private final CoordinateMap toSource;

    /**
     * @param target the grid to produce
     * @param method the resampling method
     * @param toSource target-to-source coordinate map; {@link CoordinateMap#IDENTITY} when the CRS is the same
     */
    public Resampler(GridGeometry target, Resampling method, CoordinateMap toSource) {
        if (target == null) {
            throw ParameterException.missing("target", "a target grid");
        }
        if (method == null) {
            throw ParameterException.missing("method", "one of NEAREST, BILINEAR, AREA_AVERAGE");
        }
        this.target = target;
        this.method = method;
        this.toSource = toSource == null ? CoordinateMap.IDENTITY : toSource;
    }

    /** Resamples every band of {@code source}; dates are kept. */
    public GridSeries resample(GridSeries source, Monitor monitor) {
        GridChecks.requireData("source", source);
        GridGeometry src = source.geometry();
        float[][] out = new float[source.size()][target.size()];
        if (method == Resampling.AREA_AVERAGE && toSource == CoordinateMap.IDENTITY) {
            OverlapWeights wx = OverlapWeights.along(target.originX(), target.cellWidth(), target.width(), src.originX(),
                    src.cellWidth(), src.width());
            OverlapWeights wy = OverlapWeights.along(-target.originY(), target.cellHeight(), target.height(), -src.originY(),
                    src.cellHeight(), src.height());
            for (int row = 0; row < target.height(); row++) {
                monitor.checkpoint(row, target.height());
                for (int b = 0; b < source.size(); b++) {
                    averageRow(source.band(b), src.width(), wx, wy, row, out[b]);
                }
            }
        } else {
            int lattice = method == Resampling.AREA_AVERAGE ? latticeSize(src) : 1;
            double[] xy = new double[2 * target.width() * lattice * lattice];
            for (int row = 0; row < target.height(); row++) {
                monitor.checkpoint(row, target.height());
                int points = latticePoints(row, lattice, xy);
                toSource.apply(xy, points);
                for (int i = 0; i < points; i++) {
                    xy[2 * i] = src.colOf(xy[2 * i]);
                    xy[2 * i + 1] = src.rowOf(xy[2 * i + 1]);
                }
                for (int b = 0; b < source.size(); b++) {
                    sampleRow(source.band(b), src, xy, lattice, row, out[b]);
                }
            }
        }
        monitor.checkpoint(1, 1);
        return GridSeries.of(target, source.dates(), out);
    }

    /** Fills xy with the lattice points of every cell of {@code row}, cell by cell; returns the count. */
    private int latticePoints(int row, int lattice, double[] xy) {
        int k = 0;
        for (int col = 0; col < target.width(); col++) {
            for (int j = 0; j < lattice; j++) {
                double y = target.originY() - (row + (j + 0.5) / lattice) * target.cellHeight();
                for (int i = 0; i < lattice; i++) {
                    xy[k++] = target.originX() + (col + (i + 0.5) / lattice) * target.cellWidth();
                    xy[k++] = y;
                }
            }
        }
        return k / 2;
    }

    private void sampleRow(float[] values, GridGeometry src, double[] colRow, int lattice, int row, float[] out) {
        int perCell = lattice * lattice;
        for (int col = 0; col < target.width(); col++) {
            int base = col * perCell;
            float v;
            if (method == Resampling.BILINEAR) {
                v = bilinear(values, src, colRow[2 * base], colRow[2 * base + 1]);
            } else if (perCell == 1) {
                v = nearest(values, src, colRow[2 * base], colRow[2 * base + 1]);
            } else {
                double sum = 0;
                int n = 0;
                for (int p = 0; p < perCell; p++) {
                    float s = nearest(values, src, colRow[2 * (base + p)], colRow[2 * (base + p) + 1]);
                    if (!Float.isNaN(s)) {
                        sum += s;
                        n++;
                    }
                }
                v = n == 0 ? Float.NaN : (float) (sum / n);
            }
            out[row * target.width() + col] = v;
        }
    }

    private static float nearest(float[] values, GridGeometry src, double col, double row) {
        if (!(col >= 0 && col < src.width() && row >= 0 && row < src.height())) {
            return Float.NaN;
        }
        return values[(int) row * src.width() + (int) col];
    }

    /** Bilinear between cell centres; missing neighbours are dropped and the weights renormalised. */
    private static float bilinear(float[] values, GridGeometry src, double col, double row) {
        if (!(col >= 0 && col < src.width() && row >= 0 && row < src.height())) {
            return Float.NaN;
        }
        double x = col - 0.5;
        double y = row - 0.5;
        int c0 = (int) Math.floor(x);
        int r0 = (int) Math.floor(y);
        double fx = x - c0;
        double fy = y - r0;
        double sum = 0;
        double weight = 0;
        for (int dr = 0; dr <= 1; dr++) {
            int r = Math.min(Math.max(r0 + dr, 0), src.height() - 1);
            double wy = dr == 0 ? 1 - fy : fy;
            for (int dc = 0; dc <= 1; dc++) {
                int c = Math.min(Math.max(c0 + dc, 0), src.width() - 1);
                double w = wy * (dc == 0 ? 1 - fx : fx);
                float v = values[r * src.width() + c];
                if (w > 0 && !Float.isNaN(v)) {
                    sum += w * v;
                    weight += w;
                }
            }
        }
        return weight == 0 ? Float.NaN : (float) (sum / weight);
    }

    private void averageRow(float[] values, int srcWidth, OverlapWeights wx, OverlapWeights wy, int row, float[] out) {
        for (int col = 0; col < target.width(); col++) {
            double sum = 0;
            double weight = 0;
            for (int j = wy.start[row]; j < wy.start[row + 1]; j++) {
                int r = wy.index[j];
                double w1 = wy.weight[j];
                for (int i = wx.start[col]; i < wx.start[col + 1]; i++) {
                    float v = values[r * srcWidth + wx.index[i]];
                    if (!Float.isNaN(v)) {
                        double w = w1 * wx.weight[i];
                        sum += w * v;
                        weight += w;
                    }
                }
            }
            out[row * target.width() + col] = weight == 0 ? Float.NaN : (float) (sum / weight);
        }
    }

    /** Side of the sampling lattice: enough points per target cell to visit each source cell under it. */
    private int latticeSize(GridGeometry src) {
        double[] xy = {target.centerX(target.width() / 2), target.centerY(target.height() / 2),
            target.centerX(target.width() / 2) + target.cellWidth(), target.centerY(target.height() / 2),
            target.centerX(target.width() / 2), target.centerY(target.height() / 2) - target.cellHeight()};
        toSource.apply(xy, 3);
        double across = Math.hypot(xy[2] - xy[0], xy[3] - xy[1]) / src.cellWidth();
        double down = Math.hypot(xy[4] - xy[0], xy[5] - xy[1]) / src.cellHeight();
        double ratio = Math.max(across, down);
        if (!Double.isFinite(ratio)) {
            return 1;
        }
        return (int) Math.max(1, Math.min(MAX_LATTICE, Math.ceil(ratio)));
    }

    /**
     * For each target cell along one axis, the source cells it overlaps and the overlap lengths (in
     * CSR layout: cell t uses entries start[t] until start[t + 1]).
     */
    private static final class OverlapWeights {
        final int[] start;
        final int[] index;
        final double[] weight;

        private OverlapWeights(int[] start, int[] index, double[] weight) {
            this.start = start;
            this.index = index;
            this.weight = weight;
        }

        /** Axis coordinates increase with the cell index: x, or −y for rows. */
        static OverlapWeights along(double targetOrigin, double targetStep, int targetCount, double sourceOrigin,
                double sourceStep, int sourceCount) {
            int[] start = new int[targetCount + 1];
            java.util.List<Integer> idx = new java.util.ArrayList<>();
            java.util.List<Double> w = new java.util.ArrayList<>();
            for (int t = 0; t < targetCount; t++) {
                start[t] = idx.size();
                double lo = targetOrigin + t * targetStep;
                double hi = lo + targetStep;
                int first = (int) Math.max(0, Math.floor((lo - sourceOrigin) / sourceStep));
                int last = (int) Math.min(sourceCount - 1, Math.ceil((hi - sourceOrigin) / sourceStep) - 1);
                for (int s = first; s <= last; s++) {
                    double sLo = sourceOrigin + s * sourceStep;
                    double overlap = Math.min(hi, sLo + sourceStep) - Math.max(lo, sLo);
                    // Overlaps below a millionth of a cell are rounding at shared edges.
                    if (overlap > 1e-6 * Math.min(sourceStep, targetStep)) {
                        idx.add(s);
                        w.add(overlap);
                    }
                }
            }
            start[targetCount] = idx.size();
            return new OverlapWeights(start, idx.stream().mapToInt(Integer::intValue).toArray(),
                    w.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}
