package org.ssm.algorithms.validation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A series sampled at the stations: the value of each station's cell on each date of the series
 * (within the validation period), NaN outside the grid and in gaps. Kept for the station time-series
 * chart, which draws the product on every date, paired or not.
 */
public final class StationSamples {

    private final List<LocalDate> dates;
    private final float[][] values;
    private final Map<LocalDate, Integer> index = new HashMap<>();

    /**
     * @param dates the dates, increasing
     * @param values {@code values[date][station]}; owned by this object
     */
    StationSamples(List<LocalDate> dates, float[][] values) {
        this.dates = List.copyOf(dates);
        this.values = values;
        for (int i = 0; i < this.dates.size(); i++) {
            index.put(this.dates.get(i), i);
        }
    }

    /** The dates sampled. */
    public List<LocalDate> dates() {
        return dates;
    }

    /** The values of station {@code station} on every date, NaN where there is none. */
    public double[] of(int station) {
        double[] out = new double[values.length];
        for (int t = 0; t < out.length; t++) {
            out[t] = values[t][station];
        }
        return out;
    }

    /** The value of station {@code station} on {@code date}, NaN when the series has no such date. */
    public double at(int station, LocalDate date) {
        Integer t = index.get(date);
        return t == null ? Double.NaN : values[t][station];
    }

    /** The date index of {@code date}, or -1. */
    int indexOf(LocalDate date) {
        Integer t = index.get(date);
        return t == null ? -1 : t;
    }

    /** {@code values[t][station]} without copying. */
    float value(int t, int station) {
        return values[t][station];
    }
}
