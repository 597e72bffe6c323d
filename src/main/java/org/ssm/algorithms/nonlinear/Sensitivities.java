package org.ssm.algorithms.nonlinear;

/**
 * The first and second partial derivatives of a linking model at a coarse pixel's mean SEE and
 * NMDI, and the second-order Taylor downscaling of paper D §2.2.2, eq. 5:
 *
 * <pre>
 * SSM_fine = SSM_coarse + ∂SSM/∂SEE · ΔSEE + ½ ∂²SSM/∂SEE² · ΔSEE²
 *                       + ∂SSM/∂NMDI · ΔNMDI + ½ ∂²SSM/∂NMDI² · ΔNMDI²
 * </pre>
 *
 * <p>with ΔSEE = SEE_fine − ⟨SEE⟩_coarse and likewise for NMDI. As in eq. 5 the mixed term
 * ∂²SSM/∂SEE∂NMDI is not part of the expansion.
 *
 * @param dSee ∂SSM/∂SEE
 * @param d2See ∂²SSM/∂SEE²
 * @param dNmdi ∂SSM/∂NMDI
 * @param d2Nmdi ∂²SSM/∂NMDI²
 */
public record Sensitivities(double dSee, double d2See, double dNmdi, double d2Nmdi) {

    /** Whether every derivative is finite, so that eq. 5 can be applied. */
    public boolean isFinite() {
        return Double.isFinite(dSee) && Double.isFinite(d2See) && Double.isFinite(dNmdi) && Double.isFinite(d2Nmdi);
    }

    /**
     * Eq. 5 for one fine pixel.
     *
     * @param coarseSsm the coarse pixel's soil moisture (observed, or filled by eq. 6)
     * @param seeOffset SEE_fine − ⟨SEE⟩_coarse
     * @param nmdiOffset NMDI_fine − ⟨NMDI⟩_coarse
     */
    public double downscale(double coarseSsm, double seeOffset, double nmdiOffset) {
        return coarseSsm + seeOffset * (dSee + 0.5 * d2See * seeOffset)
                + nmdiOffset * (dNmdi + 0.5 * d2Nmdi * nmdiOffset);
    }
}
