package org.ssm.accuracy;

import org.ssm.algorithms.validation.GDownSummary;
import org.ssm.algorithms.validation.Metrics;

/**
 * One method's line of the accuracy table.
 *
 * @param method the method, as the table names it
 * @param truth the estimate against the truth over every fine pixel and date where both exist
 * @param stations the estimate against the healthy stations: the mean of the per-station metrics (as
 *     papers B §4.2.1 and E Table 2 report them)
 * @param gains G_down of the estimate over the coarse product at the healthy stations (E eq. 16–19)
 * @param coverage share of the truth's pixel-dates that have an estimate
 * @param spatialSd mean over dates of the estimate's standard deviation across the fine pixels
 * @param truthSpatialSd the same for the truth, over the same pixels
 * @param meanDeparture mean |mean of the estimate in a coarse cell − coarse value| over the coarse
 *     cells and dates with both (m³/m³); 0 for a method that conserves the coarse means
 * @param maxDeparture the largest such departure
 * @param seconds wall time of the method
 */
public record AccuracyRow(String method, Metrics truth, Metrics stations, GDownSummary gains, double coverage,
        double spatialSd, double truthSpatialSd, double meanDeparture, double maxDeparture, double seconds) {}
