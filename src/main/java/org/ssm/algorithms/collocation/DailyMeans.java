package org.ssm.algorithms.collocation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.ssm.stations.Observation;
import org.ssm.stations.StationSeries;

/**
 * A station's readings as one value per UTC calendar date: the mean of the finite readings of that
 * date. Coarse products are daily, so several readings of one day (hourly loggers) would otherwise
 * count as several triplets sharing one satellite and one model value, which TC assumes independent.
 */
public final class DailyMeans {

    private DailyMeans() {}

    /** Date → mean soil moisture of that UTC date; dates without a finite reading are absent. */
    public static NavigableMap<LocalDate, Double> of(StationSeries station) {
        Map<LocalDate, double[]> sums = new TreeMap<>();
        for (Observation o : station.observations()) {
            if (Double.isFinite(o.sm())) {
                double[] s = sums.computeIfAbsent(LocalDate.ofInstant(o.time(), ZoneOffset.UTC), d -> new double[2]);
                s[0] += o.sm();
                s[1]++;
            }
        }
        TreeMap<LocalDate, Double> means = new TreeMap<>();
        sums.forEach((date, s) -> means.put(date, s[0] / s[1]));
        return Collections.unmodifiableNavigableMap(means);
    }
}
