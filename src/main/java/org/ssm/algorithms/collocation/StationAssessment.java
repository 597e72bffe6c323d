package org.ssm.algorithms.collocation;

import java.time.LocalDate;
import java.util.Locale;
import org.ssm.stations.StationSeries;

/**
 * The screening of one station.
 *
 * @param station the station and its readings
 * @param satelliteCell index of the satellite cell containing it, -1 outside the grid
 * @param modelCell index of the model cell containing it, -1 outside the grid
 * @param triplets number of complete triplets in the period
 * @param firstDate date of the first triplet, or {@code null} without triplets
 * @param lastDate date of the last triplet, or {@code null} without triplets
 * @param estimate TC/ETC estimates (member 0 in situ, 1 satellite, 2 model), or {@code null} when
 *     the station is outside a grid or has fewer than {@link CovarianceMatrix#MIN_TRIPLETS} triplets
 * @param verdict kept, or the first reason to flag it
 * @param minTriplets the threshold on triplets that was applied
 * @param minInsituRho2 the threshold on the in-situ ρ² that was applied
 */
public record StationAssessment(StationSeries station, int satelliteCell, int modelCell, int triplets,
        LocalDate firstDate, LocalDate lastDate, TcEstimate estimate, Verdict verdict, int minTriplets,
        double minInsituRho2) {

    public boolean kept() {
        return verdict.kept();
    }

    /** The ETC ρ² of {@code product} with the truth, NaN without an estimate. */
    public double rho2(Product product) {
        return estimate == null ? Double.NaN : estimate.member(product.index()).rho2();
    }

    /** A sentence explaining the verdict, e.g. "in-situ rho2 0.412 < 0.5". */
    public String detail() {
        return switch (verdict) {
            case KEPT -> String.format(Locale.ROOT, "in-situ rho2 %.3f >= %s with %d triplets", rho2(Product.INSITU),
                    minInsituRho2, triplets);
            case OUTSIDE_SATELLITE_GRID -> "the station lies outside the satellite grid";
            case OUTSIDE_MODEL_GRID -> "the station lies outside the model grid";
            case TOO_FEW_TRIPLETS -> triplets + " complete triplets < " + minTriplets;
            case NON_POSITIVE_COVARIANCE -> TcValidity.NON_POSITIVE_COVARIANCE.description();
            case NEGATIVE_ERROR_VARIANCE -> TcValidity.NEGATIVE_ERROR_VARIANCE.description() + " ("
                    + negativeMembers() + ")";
            case LOW_INSITU_RHO2 -> String.format(Locale.ROOT, "in-situ rho2 %.3f < %s", rho2(Product.INSITU),
                    minInsituRho2);
        };
    }

    private String negativeMembers() {
        StringBuilder sb = new StringBuilder();
        for (Product p : Product.values()) {
            if (estimate.member(p.index()).errorVariance() < 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(p.label());
            }
        }
        return sb.toString();
    }
}
