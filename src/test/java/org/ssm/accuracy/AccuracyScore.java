package org.ssm.accuracy;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.ssm.algorithms.validation.GriddedProduct;
import org.ssm.algorithms.validation.Validation;
import org.ssm.algorithms.validation.ValidationInputs;
import org.ssm.algorithms.validation.ValidationParameters;
import org.ssm.algorithms.validation.ValidationResult;
import org.ssm.core.Monitor;
import org.ssm.grid.GridChecks;
import org.ssm.grid.GridSeries;
import org.ssm.io.CrsTransforms;
import org.ssm.scenario.DateRange;

/** Scores a fine estimate over the validation season of a {@link TwinCase}. */
public final class AccuracyScore {

    private AccuracyScore() {}

    /** The table line of {@code estimate}, a fine series over {@code tc}'s validation season. */
    public static AccuracyRow score(TwinCase tc, String method, GridSeries estimate, double seconds) {
        DateRange season = tc.validationSeason();
        GridSeries truth = tc.truth(season);
        GridSeries coarse = tc.coarse(season);
        GridChecks.requireSameGrid("estimate", estimate.geometry(), "truth", truth.geometry());
        GridChecks.requireSameDates("estimate", estimate, "truth", truth, false);
        ValidationInputs in = ValidationInputs.of(tc.healthyStations(), gridded("product", estimate))
                .withCoarse(gridded("coarse", coarse)).withTruth(truth.reader());
        ValidationResult r;
        try {
            r = new Validation(ValidationParameters.defaults().withPeriod(season.start(), season.end()))
                    .validate(in, Monitor.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[] sd = spatialSd(estimate, truth);
        double[] departure = conservation(estimate, coarse);
        return new AccuracyRow(method, r.truth().pooled(), r.product().stationMean(), r.gains(),
                coverage(estimate, truth), sd[0], sd[1], departure[0], departure[1], seconds);
    }

    private static GriddedProduct gridded(String name, GridSeries s) {
        return new GriddedProduct(name, s.reader(), CrsTransforms.between("stations", "EPSG:4326",
                s.geometry().crs()));
    }

    static double coverage(GridSeries estimate, GridSeries truth) {
        long have = 0;
        long want = 0;
        for (int d = 0; d < truth.size(); d++) {
            float[] e = estimate.band(d);
            float[] t = truth.band(d);
            for (int i = 0; i < t.length; i++) {
                if (!Float.isNaN(t[i])) {
                    want++;
                    if (!Float.isNaN(e[i])) {
                        have++;
                    }
                }
            }
        }
        return want == 0 ? Double.NaN : (double) have / want;
    }

    /** Mean over dates of the spatial standard deviations of estimate and truth, over their common pixels. */
    static double[] spatialSd(GridSeries estimate, GridSeries truth) {
        double sumE = 0;
        double sumT = 0;
        int dates = 0;
        for (int d = 0; d < truth.size(); d++) {
            float[] e = estimate.band(d);
            float[] t = truth.band(d);
            double[] se = new double[3];
            double[] st = new double[3];
            for (int i = 0; i < t.length; i++) {
                if (!Float.isNaN(t[i]) && !Float.isNaN(e[i])) {
                    add(se, e[i]);
                    add(st, t[i]);
                }
            }
            if (se[0] >= 2) {
                sumE += sd(se);
                sumT += sd(st);
                dates++;
            }
        }
        return dates == 0 ? new double[] {Double.NaN, Double.NaN} : new double[] {sumE / dates, sumT / dates};
    }

    private static void add(double[] acc, double v) {
        acc[0]++;
        acc[1] += v;
        acc[2] += v * v;
    }

    private static double sd(double[] acc) {
        double mean = acc[1] / acc[0];
        return Math.sqrt(Math.max(0, acc[2] / acc[0] - mean * mean));
    }

    /**
     * The mean and the largest departure of the estimate's coarse-cell mean from the coarse value, over
     * the coarse cells and dates where the coarse value exists and the cell has an estimate. The mean is taken over
     * the pixels the method estimated (DisPATCh, for one, leaves pixels without SEE empty and conserves
     * the mean of the others), so a conserving method scores 0 up to float rounding.
     */
    static double[] conservation(GridSeries estimate, GridSeries coarse) {
        int[] cell = estimate.geometry().coarseCellIndex(coarse.geometry());
        int cells = coarse.geometry().size();
        double worst = 0;
        double sumDeparture = 0;
        long cellDates = 0;
        for (int d = 0; d < coarse.size(); d++) {
            float[] e = estimate.band(d);
            float[] c = coarse.band(d);
            double[] sum = new double[cells];
            int[] count = new int[cells];
            for (int i = 0; i < e.length; i++) {
                if (cell[i] >= 0 && !Float.isNaN(e[i])) {
                    sum[cell[i]] += e[i];
                    count[cell[i]]++;
                }
            }
            for (int k = 0; k < cells; k++) {
                if (!Float.isNaN(c[k]) && count[k] > 0) {
                    double departure = Math.abs(sum[k] / count[k] - c[k]);
                    worst = Math.max(worst, departure);
                    sumDeparture += departure;
                    cellDates++;
                }
            }
        }
        return new double[] {cellDates == 0 ? Double.NaN : sumDeparture / cellDates, worst};
    }
}
