package org.ssm.algorithms.validation;

import java.time.LocalDate;

/**
 * The product against the truth over every pixel of one date.
 *
 * @param date the date
 * @param metrics the metrics of the pixels where both have a value
 * @param sdProduct spatial standard deviation of the product over those pixels (n − 1)
 * @param sdTruth spatial standard deviation of the truth over those pixels (n − 1)
 */
public record DatedMetrics(LocalDate date, Metrics metrics, double sdProduct, double sdTruth) {}
