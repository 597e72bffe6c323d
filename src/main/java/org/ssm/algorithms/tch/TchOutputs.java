package org.ssm.algorithms.tch;

import java.util.Objects;
import org.ssm.grid.SeriesWriter;

/**
 * Where {@link ThreeCorneredHat#run} writes its maps, on the grid of the products: the uncertainty
 * and relative uncertainty of paper E §3.5 (after eq. 25) and the least-uncertain-product map of
 * §4.3 (Fig. 7).
 *
 * @param uncertainty N bands, band i the uncertainty √R_ii of product i, in the products' units
 * @param relativeUncertainty N bands, band i the uncertainty of product i divided by its mean
 * @param leastUncertain one band, the 1-based number of the product with the least uncertainty
 */
public record TchOutputs(SeriesWriter uncertainty, SeriesWriter relativeUncertainty, SeriesWriter leastUncertain) {

    public TchOutputs {
        Objects.requireNonNull(uncertainty, "uncertainty");
        Objects.requireNonNull(relativeUncertainty, "relativeUncertainty");
        Objects.requireNonNull(leastUncertain, "leastUncertain");
    }
}
