package org.ssm.algorithms.kriging;

import java.util.List;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.Grid;
import org.ssm.grid.GridGeometry;

/**
 * Area-to-point kriging of coarse residuals onto fine pixels, the second half of ATARK (paper E
 * §3.2.5, eq. 10–11, after Jin et al. 2018b; the area-to-point formulation of Kyriakidis 2004).
 *
 * <p>For one date: (1) the experimental areal variogram of the coarse residuals is computed and the
 * point variogram deconvolved from it ({@link VariogramDeconvolution}); (2) for every fine pixel v_j
 * the k nearest valid coarse pixels are chosen ({@link NeighbourCentre}); (3) the weights λ_hj of
 * eq. 11 are obtained from the area-to-area covariances C̄(v_h, v_i) and area-to-point covariances
 * C̄(v_h, v_j), both by discretising each coarse pixel into s × s points and each fine pixel into t
 * × t points ({@link SupportCovariances}); (4) the fine residual is r̂(v_j) = Σ_h λ_hj r(v_h) (eq.
 * 10). Weights are cached per relative geometry ({@link KrigingWeights}), so a date costs a few
 * hundred small solves rather than one per fine pixel.
 *
 * <p><b>Coherence.</b> Let v_a be a coarse pixel whose fine pixels u_1 … u_m all use the same
 * neighbour set containing v_a. If the s × s discretisation points of v_a are exactly the fine
 * pixel centres (s equal to the nesting factor, t = 1), then the mean over the u_j of the
 * right-hand sides C̄(v_h, u_j) is C̄(v_h, v_a), which is column a of the left-hand matrix. Eq. 11
 * is linear, so the mean weight vector solves the system whose solution is λ = e_a, μ = 0, and the
 * mean of the fine estimates is r(v_a) exactly, up to solver rounding. The same neighbour set for
 * all fine pixels of a coarse pixel is guaranteed by {@link NeighbourCentre#COARSE_PIXEL} (the
 * default), or by a k that covers every valid coarse pixel. With another discretisation, or with
 * neighbourhoods that vary within a coarse pixel, coherence is only approximate.
 *
 * <p>Fine pixels whose coarse pixel has no residual (NaN) stay NaN: kriging does not fill coarse
 * gaps. The computation is sequential and deterministic.
 */
public final class AreaToPointKriging {

    private final AtaParameters parameters;

    public AreaToPointKriging(AtaParameters parameters) {
        if (parameters == null) {
            throw ParameterException.missing("parameters", "ATARK parameters");
        }
        this.parameters = parameters;
    }

    public AtaParameters parameters() {
        return parameters;
    }

    /**
     * Kriges one date's coarse residuals onto {@code fine}, deconvolving the variogram from them.
     *
     * @param residuals coarse residuals (NaN = no data)
     * @param fine the fine grid, nested in the coarse one (integer factor, aligned edges)
     */
    public KrigedResiduals krige(Grid residuals, GridGeometry fine, Monitor monitor) {
        int factor = factor(residuals.geometry(), fine);
        int s = parameters.coarsePoints(factor);
        ExperimentalVariogram experimental = ExperimentalVariogram.of(residuals, parameters.maxLag());
        DeconvolvedVariogram variogram = VariogramDeconvolution.fit(experimental, parameters.model(), s,
                monitor.stage(0, 0.2));
        return krige(residuals, fine, variogram, monitor.stage(0.2, 0.8));
    }

    /** Kriges with a given variogram (e.g. one fitted over several dates). */
    public KrigedResiduals krige(Grid residuals, GridGeometry fine, DeconvolvedVariogram variogram, Monitor monitor) {
        GridGeometry coarse = residuals.geometry();
        int factor = factor(coarse, fine);
        int s = parameters.coarsePoints(factor);
        int cw = coarse.width();
        int chh = coarse.height();
        float[] r = residuals.values();
        boolean[] valid = new boolean[r.length];
        for (int i = 0; i < r.length; i++) {
            valid[i] = !Float.isNaN(r[i]);
        }
        KrigingWeights weights = new KrigingWeights(variogram.point(), coarse.cellWidth(), coarse.cellHeight(), s,
                fine.cellWidth(), fine.cellHeight(), parameters.fineDiscretisation());
        Neighbourhood neighbourhood = new Neighbourhood(valid, cw, chh, coarse.cellWidth(), coarse.cellHeight(),
                fine.cellWidth(), fine.cellHeight(), parameters.neighbours(), parameters.centre());
        boolean perCoarse = parameters.centre() == NeighbourCentre.COARSE_PIXEL;
        int[][] coarseNeighbours = perCoarse ? new int[r.length][] : null;
        // Offsets of the fine grid's first column/row in fine cells from the coarse origin.
        long col0 = Math.round((fine.originX() - coarse.originX()) / fine.cellWidth());
        long row0 = Math.round((coarse.originY() - fine.originY()) / fine.cellHeight());
        int fw = fine.width();
        int fh = fine.height();
        float[] out = new float[fine.size()];
        for (int row = 0; row < fh; row++) {
            monitor.checkpoint(row, fh);
            long gr = row0 + row;
            int cr = (int) Math.floorDiv(gr, (long) factor);
            int oy = (int) Math.floorMod(gr, (long) factor);
            for (int col = 0; col < fw; col++) {
                long gc = col0 + col;
                int cc = (int) Math.floorDiv(gc, (long) factor);
                int ox = (int) Math.floorMod(gc, (long) factor);
                if (cr < 0 || cr >= chh || cc < 0 || cc >= cw || !valid[cr * cw + cc]) {
                    out[row * fw + col] = Float.NaN;
                    continue;
                }
                int[] offsets;
                if (perCoarse) {
                    offsets = coarseNeighbours[cr * cw + cc];
                    if (offsets == null) {
                        offsets = neighbourhood.select(cc, cr, 0, 0);
                        coarseNeighbours[cr * cw + cc] = offsets;
                    }
                } else {
                    offsets = neighbourhood.select(cc, cr, ox, oy);
                }
                double[] lambda = weights.weights(ox, oy, offsets).lambda();
                double sum = 0;
                for (int h = 0; h < lambda.length; h++) {
                    sum += lambda[h] * r[(cr + offsets[2 * h + 1]) * cw + cc + offsets[2 * h]];
                }
                out[row * fw + col] = (float) sum;
            }
        }
        monitor.checkpoint(fh, fh);
        return new KrigedResiduals(Grid.of(fine, out), variogram, weights.systemsSolved());
    }

    /** Kriges with a known point variogram, skipping the deconvolution. */
    public KrigedResiduals krige(Grid residuals, GridGeometry fine, PointVariogram point, Monitor monitor) {
        return krige(residuals, fine, new DeconvolvedVariogram(point, List.of(), new double[0], Double.NaN, false),
                monitor);
    }

    private static int factor(GridGeometry coarse, GridGeometry fine) {
        int factor = fine.nestingFactor(coarse);
        if (factor < 1) {
            throw ParameterException.because("fine", "the fine grid " + fine.describe()
                    + " must nest in the coarse grid " + coarse.describe()
                    + " (same CRS, coarse cells a whole multiple of fine cells, aligned edges)");
        }
        return factor;
    }
}
