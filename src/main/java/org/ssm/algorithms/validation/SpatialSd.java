package org.ssm.algorithms.validation;

import java.time.LocalDate;

/**
 * The spatial standard deviation (SSD) of soil moisture across the stations on one date (paper B
 * §4.2.3 and Fig. S9): of the in-situ daily means, of the product and of the coarse product at the
 * same stations, those where every given series has a value that date. It is computed only when at
 * least {@code spatialSdMinStations} stations (10 in paper B) report; otherwise the deviations are NaN.
 * The deviations are sample standard deviations (divisor n − 1); paper B does not state its divisor.
 *
 * @param date the date
 * @param stations how many stations report that date
 * @param insitu SSD of the in-situ values, NaN below the minimum
 * @param product SSD of the product at those stations
 * @param coarse SSD of the coarse product at those stations, NaN without coarse product
 */
public record SpatialSd(LocalDate date, int stations, double insitu, double product, double coarse) {}
