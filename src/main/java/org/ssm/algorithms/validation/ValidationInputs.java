package org.ssm.algorithms.validation;

import java.util.List;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridChecks;
import org.ssm.grid.SeriesReader;
import org.ssm.stations.StationSeries;

/**
 * What a validation compares: stations with a product, and optionally with a coarse product (for
 * G_down) and a product against a full truth on the product's grid (the twin experiment).
 *
 * @param stations the in-situ stations; readings are averaged per UTC date
 * @param product the product validated
 * @param coarse the coarse product the product was downscaled from, or null
 * @param truth the truth on the product's grid, or null
 */
public record ValidationInputs(List<StationSeries> stations, GriddedProduct product, GriddedProduct coarse,
        SeriesReader truth) {

    public ValidationInputs {
        if (stations == null || stations.isEmpty()) {
            throw ParameterException.missing("stations", "at least one station with readings");
        }
        stations = List.copyOf(stations);
        if (product == null) {
            throw ParameterException.missing("product", "a dated coverage, one band per date");
        }
        if (truth != null) {
            GridChecks.requireSameGrid("truth", truth.geometry(), "product", product.reader().geometry());
            if (truth.dates().isEmpty()) {
                throw ParameterException.because("truth", "the coverage has no dates: give them (band i = date i)");
            }
        }
    }

    /** Stations against a product alone. */
    public static ValidationInputs of(List<StationSeries> stations, GriddedProduct product) {
        return new ValidationInputs(stations, product, null, null);
    }

    /** These inputs with a coarse product. */
    public ValidationInputs withCoarse(GriddedProduct value) {
        return new ValidationInputs(stations, product, value, truth);
    }

    /** These inputs with a truth on the product's grid. */
    public ValidationInputs withTruth(SeriesReader value) {
        return new ValidationInputs(stations, product, coarse, value);
    }
}
