package org.ssm.algorithms.validation;

import java.util.List;

/**
 * Everything a validation found.
 *
 * @param parameters the parameters used
 * @param stations every station, in input order
 * @param product the product over the stations with at least {@code minPairs} pairs
 * @param coarse the coarse product over the stations with at least {@code minPairs} pairs with it; null without
 * @param gains the downscaling gains over the stations with at least {@code minPairs} common dates; null without
 *     coarse product
 * @param months per month, over the stations with at least {@code minPairs} pairs that month
 * @param spatialSd per product date with at least one reporting station
 * @param truth the product against the truth over every pixel; null without truth
 * @param productSamples the product at every station on every date of the period
 * @param coarseSamples the coarse product at every station; null without
 * @param chartStation index of the station with the most pairs (the first of equals)
 */
public record ValidationResult(ValidationParameters parameters, List<StationValidation> stations, Aggregate product,
        Aggregate coarse, GDownSummary gains, List<MonthlyMetrics> months, List<SpatialSd> spatialSd,
        TruthComparison truth, StationSamples productSamples, StationSamples coarseSamples, int chartStation) {

    public ValidationResult {
        stations = List.copyOf(stations);
        months = List.copyOf(months);
        spatialSd = List.copyOf(spatialSd);
    }

    /** Whether a coarse product was compared. */
    public boolean hasCoarse() {
        return coarse != null;
    }

    /** The index of the station named {@code id} (in any network), or -1. */
    public int indexOf(String id) {
        for (int s = 0; s < stations.size(); s++) {
            if (stations.get(s).station().id().equals(id)) {
                return s;
            }
        }
        return -1;
    }

    /** The stations that enter the overall aggregates: at least {@code minPairs} pairs with the product. */
    public List<StationValidation> aggregated() {
        return stations.stream().filter(s -> s.pairs() >= parameters.minPairs()).toList();
    }
}
