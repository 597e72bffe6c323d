package org.ssm.algorithms.nonlinear;

import java.util.List;

/**
 * The coarse SSM of a pixel in a swath gap at t0, paper D §2.2.2, eq. 6: the mean of the coarse
 * values at t0 − 1 and t0 + 1 plus the inter-day correction
 *
 * <pre>ΔSSM(t0) = SSM(SEE_t0, NMDI_t0) − ½ · (SSM(SEE_t0−1, NMDI_t0−1) + SSM(SEE_t0+1, NMDI_t0+1))</pre>
 *
 * <p>where SSM(·,·) is the linking model (fitted for the pixel at t0) evaluated on the coarse means.
 * When only one neighbouring day has a value, the mean over the neighbours is that day alone in both
 * terms (the paper leaves the pixel empty only when all three days miss); with none the result is NaN.
 */
public final class SwathGapFill {

    private SwathGapFill() {}

    /**
     * A neighbouring day (t0 − 1 or t0 + 1) of the pixel.
     *
     * @param ssm its observed coarse SSM
     * @param see its coarse ⟨SEE⟩
     * @param nmdi its coarse ⟨NMDI⟩
     */
    public record Neighbour(double ssm, double see, double nmdi) {}

    /**
     * Eq. 6.
     *
     * @param model the linking model of the pixel at t0
     * @param see ⟨SEE⟩ of the pixel at t0
     * @param nmdi ⟨NMDI⟩ of the pixel at t0
     * @param neighbours the days t0 − 1 and t0 + 1 that have a value (zero, one or two)
     * @return the filled coarse SSM, or NaN without neighbours
     */
    public static double fill(LinkingModel model, double see, double nmdi, List<Neighbour> neighbours) {
        if (neighbours.isEmpty()) {
            return Double.NaN;
        }
        double observed = 0;
        double modelled = 0;
        for (Neighbour n : neighbours) {
            observed += n.ssm();
            modelled += model.value(n.see(), n.nmdi());
        }
        int m = neighbours.size();
        return observed / m + model.value(see, nmdi) - modelled / m;
    }
}
