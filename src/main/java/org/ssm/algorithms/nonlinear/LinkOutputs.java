package org.ssm.algorithms.nonlinear;

import java.util.Objects;
import org.ssm.grid.SeriesWriter;

/**
 * Where {@link NonlinearLinkDownscaler} writes: the fine SSM, and optionally the fitted coefficients
 * a, b, c of eq. 2 per coarse pixel and date (NaN where no model was fitted).
 *
 * @param ssm fine SSM, one band per date, on the fine grid
 * @param a coefficient a, one band per date on the coarse grid, or {@code null}
 * @param b coefficient b, likewise, or {@code null}
 * @param c coefficient c, likewise, or {@code null}
 */
public record LinkOutputs(SeriesWriter ssm, SeriesWriter a, SeriesWriter b, SeriesWriter c) {

    public LinkOutputs {
        Objects.requireNonNull(ssm, "ssm");
        if ((a == null) != (b == null) || (a == null) != (c == null)) {
            throw new IllegalArgumentException("give all three coefficient writers or none");
        }
    }

    /** Only the fine SSM. */
    public static LinkOutputs ssmOnly(SeriesWriter ssm) {
        return new LinkOutputs(ssm, null, null, null);
    }

    /** Whether the coefficients are written. */
    public boolean withCoefficients() {
        return a != null;
    }
}
