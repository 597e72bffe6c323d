package org.ssm.algorithms.collocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;

/**
 * Screens in-situ sensors by extended triple collocation, as paper A does before training its
 * downscaler ("ETC method was adopted to filter reliable in-situ sensors to address the scale
 * mismatch issue"; abstract): each station's daily means, the satellite product and the model
 * sampled in the cells containing it form the triplets of {@link TripleCollocation}, and the
 * station is kept when its estimates are valid and its ρ² with the common signal (McColl et al.
 * 2014, eq. 9) reaches {@link ScreeningParameters#minInsituRho2()}.
 *
 * <p>The truth t of TC is here what the three members share: the coarse-scale soil moisture
 * dynamics. A sensor that follows its point rather than its footprint, drifts, sticks or is noisy
 * has a low ρ² with it; this is the scale mismatch paper A filters. Checks, in order: station
 * inside both grids; at least {@code minTriplets} complete triplets in the period; all three
 * covariances positive and all error variances non-negative ({@link TcValidity}); in-situ ρ² at
 * least {@code minInsituRho2}.
 */
public final class StationScreening {

    /**
     * Default fewest triplets: 100, the minimum sample usually required in soil-moisture TC studies
     * (e.g. Dorigo et al. 2010). Even then the standard error of an in-situ ρ² near
     * 0.5 is about 0.1 (delta method, satellite and model ρ² of 0.55–0.7; it shrinks as 1/√n), so
     * fewer triplets would make the verdict mostly chance (see docs/algorithms/triple-collocation.md).
     */
    public static final int DEFAULT_MIN_TRIPLETS = 100;

    /**
     * Default smallest in-situ ρ²: 0.5, i.e. an SNR of 0 dB (ρ² = SNR / (1 + SNR), McColl et al.
     * 2014): a sensor is kept when at least half its variance is the common signal, and flagged
     * when its errors, representativeness included, outweigh the signal.
     */
    public static final double DEFAULT_MIN_INSITU_RHO2 = 0.5;

    /**
     * Default scaling reference, the name of a {@link Product}: the in-situ sensor (pytesmo's default,
     * member 0), so that every error deviation is in the station's units, the units of the
     * downscaled product it will train.
     */
    public static final String DEFAULT_SCALING_REFERENCE = "INSITU";

    private final ScreeningParameters parameters;

    public StationScreening(ScreeningParameters parameters) {
        if (parameters == null) {
            throw ParameterException.missing("parameters", "screening parameters");
        }
        this.parameters = parameters;
    }

    public ScreeningParameters parameters() {
        return parameters;
    }

    /**
     * Screens every station.
     *
     * @param monitor told the progress once per station; cancelling it stops the screening
     * @throws ParameterException naming {@code stations} if there are none
     */
    public ScreeningResult screen(List<StationSeries> stations, CoarseProduct satellite, CoarseProduct model,
            Monitor monitor) {
        if (stations == null || stations.isEmpty()) {
            throw new ParameterException("stations", 0, "at least one station");
        }
        List<StationAssessment> out = new ArrayList<>(stations.size());
        for (int s = 0; s < stations.size(); s++) {
            monitor.checkpoint(s, stations.size());
            out.add(assess(collocate(stations.get(s), satellite, model)));
        }
        monitor.checkpoint(stations.size(), stations.size());
        return new ScreeningResult(parameters, out);
    }

    /**
     * The station's complete triplets in the period: UTC dates on which it has a daily mean
     * ({@link DailyMeans}) and both products a finite value in the cells containing it.
     */
    public StationTriplets collocate(StationSeries station, CoarseProduct satellite, CoarseProduct model) {
        Station st = station.station();
        int satelliteCell = satellite.cellOf(st.lon(), st.lat());
        int modelCell = model.cellOf(st.lon(), st.lat());
        List<LocalDate> dates = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        if (satelliteCell >= 0 && modelCell >= 0) {
            for (Map.Entry<LocalDate, Double> day : DailyMeans.of(station).entrySet()) {
                LocalDate date = day.getKey();
                if (!parameters.includes(date)) {
                    continue;
                }
                double s = satellite.valueAt(satelliteCell, date);
                double m = model.valueAt(modelCell, date);
                if (Double.isFinite(s) && Double.isFinite(m)) {
                    dates.add(date);
                    values.add(new double[] {day.getValue(), s, m});
                }
            }
        }
        double[][] members = new double[3][values.size()];
        for (int t = 0; t < values.size(); t++) {
            for (int m = 0; m < 3; m++) {
                members[m][t] = values.get(t)[m];
            }
        }
        return new StationTriplets(station, satelliteCell, modelCell, dates, members[0], members[1], members[2]);
    }

    /** TC/ETC of one station's triplets and the verdict on it. */
    public StationAssessment assess(StationTriplets triplets) {
        int n = triplets.size();
        LocalDate first = n == 0 ? null : triplets.dates().get(0);
        LocalDate last = n == 0 ? null : triplets.dates().get(n - 1);
        TcEstimate estimate = n >= CovarianceMatrix.MIN_TRIPLETS
                ? TripleCollocation.estimate(triplets.insitu(), triplets.satellite(), triplets.model(),
                        parameters.scalingReference().index())
                : null;
        Verdict verdict;
        if (triplets.satelliteCell() < 0) {
            verdict = Verdict.OUTSIDE_SATELLITE_GRID;
        } else if (triplets.modelCell() < 0) {
            verdict = Verdict.OUTSIDE_MODEL_GRID;
        } else if (n < parameters.minTriplets()) {
            verdict = Verdict.TOO_FEW_TRIPLETS;
        } else if (estimate.validity() == TcValidity.NON_POSITIVE_COVARIANCE) {
            verdict = Verdict.NON_POSITIVE_COVARIANCE;
        } else if (estimate.validity() == TcValidity.NEGATIVE_ERROR_VARIANCE) {
            verdict = Verdict.NEGATIVE_ERROR_VARIANCE;
        } else if (!(estimate.member(Product.INSITU.index()).rho2() >= parameters.minInsituRho2())) {
            verdict = Verdict.LOW_INSITU_RHO2;
        } else {
            verdict = Verdict.KEPT;
        }
        return new StationAssessment(triplets.station(), triplets.satelliteCell(), triplets.modelCell(), n, first, last,
                estimate, verdict, parameters.minTriplets(), parameters.minInsituRho2());
    }
}
