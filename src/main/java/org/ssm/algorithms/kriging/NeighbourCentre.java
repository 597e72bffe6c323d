package org.ssm.algorithms.kriging;

/**
 * From where the k nearest coarse pixels of a fine pixel are counted (paper E eq. 10, "k is the
 * number of the chosen neighbouring coarse scale pixels").
 */
public enum NeighbourCentre {

    /**
     * From the centre of the coarse pixel that contains the fine pixel: every fine pixel of a coarse
     * pixel uses the same k neighbours, which is the condition under which the kriged fine values
     * average exactly to the coarse value (coherence, see {@link AreaToPointKriging}).
     */
    COARSE_PIXEL,

    /**
     * From the centre of the fine pixel itself: the neighbourhood follows the fine pixel, so fine
     * pixels near a coarse edge lean towards the pixel across it; coherence then holds only
     * approximately unless k covers every coarse pixel.
     */
    FINE_PIXEL
}
