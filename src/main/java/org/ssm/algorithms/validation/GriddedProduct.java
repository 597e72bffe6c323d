package org.ssm.algorithms.validation;

import org.ssm.core.ParameterException;
import org.ssm.grid.CoordinateMap;
import org.ssm.grid.SeriesReader;

/**
 * A dated gridded series to validate or to compare with (a product, a coarse product, a rain
 * series), read date by date, with the map that places WGS84 stations on its grid.
 *
 * @param parameter the public name of the input, for error messages
 * @param reader the series, one band per date
 * @param fromLonLat the map from WGS84 longitude/latitude to the series' CRS
 */
public record GriddedProduct(String parameter, SeriesReader reader, CoordinateMap fromLonLat) {

    public GriddedProduct {
        if (reader == null) {
            throw ParameterException.missing(parameter, "a dated coverage, one band per date");
        }
        if (reader.dates().isEmpty()) {
            throw ParameterException.because(parameter, "the coverage has no dates: give them (band i = date i)");
        }
        if (fromLonLat == null) {
            throw ParameterException.missing(parameter, "a map from longitude/latitude to the grid's CRS");
        }
    }
}
