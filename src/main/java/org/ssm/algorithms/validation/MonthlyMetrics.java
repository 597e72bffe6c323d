package org.ssm.algorithms.validation;

import java.time.YearMonth;

/**
 * The metrics of one calendar month (of one year), as in paper B Fig. 7.
 *
 * @param month the month
 * @param product the product against the stations that month
 * @param coarse the coarse product against the stations that month; null without coarse product
 */
public record MonthlyMetrics(YearMonth month, Aggregate product, Aggregate coarse) {}
