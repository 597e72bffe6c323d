package org.ssm.algorithms.align;

/** How {@link Resampler} computes a target cell from the source grid. */
public enum Resampling {
    /** The source cell containing the target cell centre. */
    NEAREST,
    /** Bilinear interpolation between the four source cell centres around the target centre; NaN-aware. */
    BILINEAR,
    /**
     * The mean of the source cells under the target cell, weighted by their overlap: upscaling and
     * aggregation of fine to coarse (papers B §3.2 and D §2.1.2).
     */
    AREA_AVERAGE
}
