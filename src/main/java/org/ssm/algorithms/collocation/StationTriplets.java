package org.ssm.algorithms.collocation;

import java.time.LocalDate;
import java.util.List;
import org.ssm.stations.StationSeries;

/**
 * The complete triplets of one station: the dates on which the station has a daily mean and both
 * coarse products a value in the cells containing it.
 *
 * @param station the station
 * @param satelliteCell index of the satellite cell containing the station, -1 when it lies outside
 * @param modelCell index of the model cell containing the station, -1 when it lies outside
 * @param dates the dates of the triplets, increasing
 * @param insitu the station's daily means
 * @param satellite the satellite values
 * @param model the model values
 */
public record StationTriplets(StationSeries station, int satelliteCell, int modelCell, List<LocalDate> dates,
        double[] insitu, double[] satellite, double[] model) {

    public StationTriplets {
        dates = List.copyOf(dates);
        insitu = insitu.clone();
        satellite = satellite.clone();
        model = model.clone();
        if (insitu.length != dates.size() || satellite.length != dates.size() || model.length != dates.size()) {
            throw new IllegalArgumentException("one value of each member per date");
        }
    }

    /** Number of complete triplets. */
    public int size() {
        return dates.size();
    }

    /** The series of {@code product}, a copy. */
    public double[] values(Product product) {
        return switch (product) {
            case INSITU -> insitu.clone();
            case SATELLITE -> satellite.clone();
            case MODEL -> model.clone();
        };
    }

    @Override
    public double[] insitu() {
        return insitu.clone();
    }

    @Override
    public double[] satellite() {
        return satellite.clone();
    }

    @Override
    public double[] model() {
        return model.clone();
    }
}
