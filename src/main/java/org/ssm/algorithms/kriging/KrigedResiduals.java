package org.ssm.algorithms.kriging;

import org.ssm.grid.Grid;

/**
 * One date's area-to-point kriging result: the fine residuals r̂(v_j) of paper E §3.2.5, eq. 10.
 *
 * @param fine the kriged residual at each fine pixel (NaN where the containing coarse pixel has no
 *     residual or lies outside the coarse grid)
 * @param variogram the deconvolved variogram used
 * @param systems distinct kriging systems solved (the size of the weight cache)
 */
public record KrigedResiduals(Grid fine, DeconvolvedVariogram variogram, int systems) {}
