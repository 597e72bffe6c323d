package org.ssm.algorithms.coarsetofine;

import org.ssm.core.ParameterException;
import org.ssm.grid.GridSeries;

/**
 * One fine-scale downscaling predictor of paper E §3.1 (LST, FVC, LAI, albedo, SEE, …) as a series on
 * the fine grid: one band per date of the coarse series, or one undated band used for every date.
 *
 * @param name the name kept in the model document, e.g. {@code lst}
 * @param fine the fine-scale values
 */
public record Predictor(String name, GridSeries fine) {

    public Predictor {
        if (name == null || name.isBlank()) {
            throw ParameterException.missing("predictor", "a name");
        }
        if (fine == null) {
            throw ParameterException.missing(name, "a fine-scale series");
        }
    }
}
