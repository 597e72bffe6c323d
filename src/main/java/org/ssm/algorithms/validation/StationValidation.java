package org.ssm.algorithms.validation;

import org.ssm.stations.Station;

/**
 * The validation of one station.
 *
 * @param station the station
 * @param productCell the product cell containing it, {@link StationCells#OUTSIDE} for none
 * @param coarseCell the coarse cell containing it, {@link StationCells#OUTSIDE} for none or without coarse product
 * @param product the station against the product, on every date both have a value
 * @param coarse the station against the coarse product on every date both have a value; null without coarse product
 * @param gain the downscaling gain on the dates all three have a value; null without coarse product
 * @param note why the station has no pairs (outside the grid, no reading on a product date), else empty
 */
public record StationValidation(Station station, int productCell, int coarseCell, Comparison product,
        Comparison coarse, GainComparison gain, String note) {

    /** Number of pairs with the product. */
    public int pairs() {
        return product.pairs().size();
    }
}
