package org.ssm.algorithms.nonlinear;

import org.ssm.core.ParameterException;
import org.ssm.grid.SeriesReader;

/**
 * What {@link NonlinearLinkDownscaler} reads.
 *
 * @param coarseSsm coarse SSM (m³/m³), dated, NaN in swath gaps; its pixels nest fine cells
 * @param see fine SEE with the dates of {@code coarseSsm} (as {@code ssm:SpectralIndices} computes it)
 * @param nmdi fine NMDI on the grid of {@code see}, with its dates
 * @param distances distances between coarse pixel centres, m
 */
public record LinkInputs(SeriesReader coarseSsm, SeriesReader see, SeriesReader nmdi, CellDistances distances) {

    public LinkInputs {
        if (coarseSsm == null) {
            throw ParameterException.missing("coarseSsm", "a coarse soil-moisture series");
        }
        if (see == null) {
            throw ParameterException.missing("see", "a fine SEE series");
        }
        if (nmdi == null) {
            throw ParameterException.missing("nmdi", "a fine NMDI series");
        }
        if (distances == null) {
            throw ParameterException.missing("distances", "distances between coarse pixels");
        }
    }

    /** Inputs whose coarse grid has map units of metres: distances are planar. */
    public static LinkInputs planar(SeriesReader coarseSsm, SeriesReader see, SeriesReader nmdi) {
        return new LinkInputs(coarseSsm, see, nmdi, coarseSsm == null ? null : CellDistances.planar(coarseSsm.geometry()));
    }
}
