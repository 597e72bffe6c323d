package org.ssm.algorithms.kriging;

import org.ssm.core.ParameterException;

/**
 * Parameters of area-to-point residual kriging (ATARK, paper E §3.2.5, eq. 10–11).
 *
 * <p>Paper E gives no numerical setting for the kriging step; the defaults below are this
 * project's choices and are explained one by one.
 *
 * @param model point variogram shape fitted by deconvolution
 * @param neighbours k of eq. 10: coarse pixels used for each fine pixel, in [1, 400]
 * @param coarseDiscretisation s: each coarse pixel is represented by s × s points for the
 *     area-to-area and area-to-point covariances, in [1, 64], or {@link #MATCH_FINE_GRID} for the
 *     nesting factor (the fine pixel centres), which makes the coherence property exact
 * @param fineDiscretisation t: each fine pixel is represented by t × t points (1 = its centre), in
 *     [1, 16]
 * @param maxLag largest lag of the experimental areal variogram, in coarse cells, in [1, 200]
 * @param centre from where the k nearest coarse pixels are counted
 */
public record AtaParameters(VariogramModel model, int neighbours, int coarseDiscretisation, int fineDiscretisation,
        int maxLag, NeighbourCentre centre) {

    /** Value of {@code coarseDiscretisation} meaning "as many points as fine pixels per coarse side". */
    public static final int MATCH_FINE_GRID = 0;

    /** Exponential: E §3.2.5 names no model; see {@link VariogramModel}. */
    public static final VariogramModel DEFAULT_MODEL = VariogramModel.EXPONENTIAL;

    /**
     * k = 9: the coarse pixel and its eight neighbours (a 3 × 3 window, the ring at distance one
     * coarse cell and its diagonal); E eq. 10 leaves k open.
     */
    public static final int DEFAULT_NEIGHBOURS = 9;

    /** s = the nesting factor, so that the discretisation points are the fine pixel centres. */
    public static final int DEFAULT_COARSE_DISCRETISATION = MATCH_FINE_GRID;

    /** t = 1: a fine pixel is its centre point (area-to-point kriging). */
    public static final int DEFAULT_FINE_DISCRETISATION = 1;

    /** Ten coarse cells of lag for the areal variogram. */
    public static final int DEFAULT_MAX_LAG = 10;

    /** Neighbours counted from the containing coarse pixel, which keeps coherence exact. */
    public static final NeighbourCentre DEFAULT_CENTRE = NeighbourCentre.COARSE_PIXEL;

    public AtaParameters {
        if (model == null) {
            throw ParameterException.missing("variogramModel", "EXPONENTIAL or SPHERICAL");
        }
        ParameterException.requireInRange("neighbours", neighbours, 1, 400);
        if (coarseDiscretisation != MATCH_FINE_GRID) {
            ParameterException.requireInRange("coarseDiscretisation", coarseDiscretisation, 1, 64);
        }
        ParameterException.requireInRange("fineDiscretisation", fineDiscretisation, 1, 16);
        ParameterException.requireInRange("maxLag", maxLag, 1, 200);
        if (centre == null) {
            throw ParameterException.missing("neighbourCentre", "COARSE_PIXEL or FINE_PIXEL");
        }
    }

    /** The defaults listed above. */
    public static AtaParameters defaults() {
        return new AtaParameters(DEFAULT_MODEL, DEFAULT_NEIGHBOURS, DEFAULT_COARSE_DISCRETISATION,
                DEFAULT_FINE_DISCRETISATION, DEFAULT_MAX_LAG, DEFAULT_CENTRE);
    }

    public AtaParameters withModel(VariogramModel value) {
        return new AtaParameters(value, neighbours, coarseDiscretisation, fineDiscretisation, maxLag, centre);
    }

    public AtaParameters withNeighbours(int value) {
        return new AtaParameters(model, value, coarseDiscretisation, fineDiscretisation, maxLag, centre);
    }

    public AtaParameters withCoarseDiscretisation(int value) {
        return new AtaParameters(model, neighbours, value, fineDiscretisation, maxLag, centre);
    }

    public AtaParameters withFineDiscretisation(int value) {
        return new AtaParameters(model, neighbours, coarseDiscretisation, value, maxLag, centre);
    }

    public AtaParameters withMaxLag(int value) {
        return new AtaParameters(model, neighbours, coarseDiscretisation, fineDiscretisation, value, centre);
    }

    public AtaParameters withCentre(NeighbourCentre value) {
        return new AtaParameters(model, neighbours, coarseDiscretisation, fineDiscretisation, maxLag, value);
    }

    /** s for a fine grid nested {@code factor} times in the coarse one. */
    public int coarsePoints(int factor) {
        return coarseDiscretisation == MATCH_FINE_GRID ? factor : coarseDiscretisation;
    }
}
