package org.ssm.algorithms.gapfill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.Grid;
import org.ssm.grid.GridChecks;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesBuffer;
import org.ssm.grid.SeriesDates;
import org.ssm.grid.SeriesReader;
import org.ssm.grid.SeriesWriter;

/**
 * Cloud-gap filling of daily LST by spatio-temporal data fusion (STDF), paper D §2.2.1, eq. 1
 * (after Song et al. 2019a):
 *
 * <pre>LST*(t1) = a · LST*(t0) + b · NDVI*(t1) + c · DEM* + d</pre>
 *
 * <p>The superscript * is the min-max normalisation to [0, 1] by the extremes of each variable over
 * the domain ({@link MinMax}); here the extremes are taken over every date of the series, so that
 * LST at t0 and at t1 share one scale and the filled values are restored with it. The domain is
 * the set of pixels with a finite elevation (a NaN elevation marks water or outside).
 *
 * <p>For each target date t1, the neighbouring dates t0 with |t0 − t1| ≤ {@code maxDays} are tried
 * nearest first (the earlier of two equally near dates first). For each, a, b, c, d are fitted by
 * ordinary least squares on the pixels clear at both t1 and t0, and eq. 1 estimates every cloudy
 * pixel of t1 that is clear at t0. A pixel estimated from several neighbours takes the mean of the
 * estimates. The search stops as soon as the fraction of the domain with a value at t1 reaches
 * {@code targetCoverage} (0.99 in the paper), which is tested before the first neighbour too.
 *
 * <p>Where the paper is silent: estimates come from observed LST at t0 only, never from values
 * filled at t0, so errors do not propagate from date to date and each date is independent of the
 * order in which dates are processed; a fit needs at least {@code minPairs} pixel pairs, otherwise
 * that neighbour is skipped; a pixel that no neighbour within {@code maxDays} can fill stays NaN;
 * a pixel without NDVI at t1 can be neither used nor filled (paper D fills NDVI first, by Whittaker
 * smoothing).
 *
 * <p>Memory: the series is processed date by date. Only the target date, its NDVI and the decoded
 * LST bands of recent neighbours (at most {@link #CACHE_BYTES} of them, less on a small heap) are on
 * the heap, besides a few per-pixel buffers.
 *
 * @param maxDays largest |t0 − t1| in days, in [1, 366]; 30 in paper D
 * @param targetCoverage fraction of the domain with a value at which the search for t1 stops, in
 *     (0, 1]; 0.99 in paper D
 * @param minPairs fewest pixels clear on both dates for a fit, at least 5 (one more than the
 *     unknowns)
 */
public record StdfGapFill(int maxDays, double targetCoverage, int minPairs) {

    /** Paper D: |t0 − t1| ≤ 30 days. */
    public static final int DEFAULT_MAX_DAYS = 30;
    /** Paper D: stop once 99 % of the domain has a value. */
    public static final double DEFAULT_TARGET_COVERAGE = 0.99;
    /**
     * Fewest pixel pairs for a fit. Eq. 1 is one regression for the whole domain: with fewer than a
     * hundred clear pairs its four coefficients describe a few scattered pixels rather than the
     * scene, and the standard error of a coefficient (∝ 1/√n) is still above a tenth of the residual
     * spread.
     */
    public static final int DEFAULT_MIN_PAIRS = 100;

    /** The settings of paper D §2.2.1. */
    public static final StdfGapFill PAPER_D = new StdfGapFill(DEFAULT_MAX_DAYS, DEFAULT_TARGET_COVERAGE,
            DEFAULT_MIN_PAIRS);

    /**
     * Heap given to decoded neighbour bands kept between dates (16 bands of 2000 × 2000), or a
     * quarter of the maximum heap if that is less; at least two bands are kept. The results do not
     * depend on it.
     */
    public static final long CACHE_BYTES = 256L << 20;

    /** Pixels per parallel task; fixed, so that the sums, hence the results, do not depend on the threads. */
    static final int CHUNK = 1 << 16;

    /** Share of the progress given to the pass that finds the normalisation bounds. */
    private static final double SCAN_SHARE = 0.15;

    public StdfGapFill {
        ParameterException.requireInRange("maxDays", maxDays, 1, 366);
        if (!(targetCoverage > 0 && targetCoverage <= 1)) {
            throw new ParameterException("targetCoverage", targetCoverage, "a number in (0, 1]");
        }
        ParameterException.requireInRange("minPairs", minPairs, 5, Integer.MAX_VALUE);
    }

    /**
     * An in-memory result.
     *
     * @param filled LST with the cloudy pixels filled (K)
     * @param distance 0 where observed, mean |t0 − t1| (days) of the estimates where filled, NaN where
     *     still missing
     * @param report fill fractions per date and the fits
     */
    public record Result(GridSeries filled, GridSeries distance, FillReport report) {}

    /** Fills an in-memory series; see {@link #fill(SeriesReader, SeriesReader, Grid, SeriesWriter, SeriesWriter, Monitor)}. */
    public Result fill(GridSeries lst, GridSeries ndvi, Grid dem, Monitor monitor) {
        SeriesBuffer filled = new SeriesBuffer(lst.geometry(), lst.dates(), lst.size());
        SeriesBuffer distance = new SeriesBuffer(lst.geometry(), lst.dates(), lst.size());
        try {
            FillReport report = fill(lst.reader(), ndvi.reader(), dem, filled, distance, monitor);
            return new Result(filled.toSeries(), distance.toSeries(), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fills the cloudy pixels of an LST series date by date.
     *
     * @param lst observed LST (K), NaN under cloud, dated
     * @param ndvi NDVI with the dates of {@code lst}, preferably gap-free
     * @param dem elevation (m) on the grid of {@code lst}; NaN outside the domain
     * @param filled receives the filled LST, one band per date (outside the domain, {@code lst} as it is)
     * @param distance receives the distance map (see {@link Result#distance()}), or {@code null}
     * @param monitor progress and cancellation, checked once per date
     * @return the fill report
     * @throws ParameterException if the inputs do not match or hold no data on the domain
     */
    public FillReport fill(SeriesReader lst, SeriesReader ndvi, Grid dem, SeriesWriter filled, SeriesWriter distance,
            Monitor monitor) throws IOException {
        long budget = Math.min(CACHE_BYTES, Runtime.getRuntime().maxMemory() / 4);
        long bandBytes = 4L * lst.geometry().size();
        int cacheBands = (int) Math.max(2, Math.min(lst.bands(), budget / Math.max(1, bandBytes)));
        return fill(lst, ndvi, dem, filled, distance, monitor, cacheBands);
    }

    FillReport fill(SeriesReader lst, SeriesReader ndvi, Grid dem, SeriesWriter filled, SeriesWriter distance,
            Monitor monitor, int cacheBands) throws IOException {
        requireInputs(lst, ndvi, dem);
        requireOutput(filled, lst);
        if (distance != null) {
            requireOutput(distance, lst);
        }
        float[] domain = dem.values();
        MinMax.Scan demScan = new MinMax.Scan();
        demScan.add(domain, domain);
        if (demScan.isEmpty()) {
            throw ParameterException.because("dem", "it has no finite value, so the domain to fill is empty");
        }
        MinMax demBounds = demScan.result();
        MinMax[] bounds = scan(lst, ndvi, domain, monitor.stage(0, SCAN_SHARE));
        float[] demNormalised = new float[domain.length];
        for (int i = 0; i < domain.length; i++) {
            demNormalised[i] = Float.isFinite(domain[i]) ? (float) demBounds.normalise(domain[i]) : Float.NaN;
        }
        TargetFill target = new TargetFill(demNormalised, bounds[0], bounds[1], CHUNK);
        BandCache cache = new BandCache(lst, cacheBands);
        List<LocalDate> dates = lst.dates();
        List<FillReport.DateFill> dateFills = new ArrayList<>(dates.size());
        List<FillReport.FitRecord> fits = new ArrayList<>();
        Monitor fillStage = monitor.stage(SCAN_SHARE, 1 - SCAN_SHARE);
        for (int t1 = 0; t1 < dates.size(); t1++) {
            fillStage.checkpoint(t1, dates.size());
            dateFills.add(fillDate(t1, target, cache, ndvi, fits));
            filled.write(t1, target.filledBand());
            if (distance != null) {
                distance.write(t1, target.distanceBand());
            }
            if (t1 + 1 < dates.size()) {
                cache.dropBefore(dates.get(t1 + 1).minusDays(maxDays));
            }
        }
        fillStage.checkpoint(dates.size(), dates.size());
        return new FillReport(bounds[0], bounds[1], demBounds, dateFills, fits);
    }

    private FillReport.DateFill fillDate(int t1, TargetFill target, BandCache cache, SeriesReader ndvi,
            List<FillReport.FitRecord> fits) throws IOException {
        List<LocalDate> dates = ndvi.dates();
        target.start(cache.get(t1, t1), ndvi.read(t1));
        int neighbours = 0;
        int farthest = 0;
        for (int t0 : neighboursNearestFirst(dates, t1)) {
            if (reached(target) || !target.hasCloudyPixels()) {
                break;
            }
            float[] lst0 = cache.get(t0, t1);
            NormalEquations equations = target.normalEquations(lst0);
            if (equations.rows() < minPairs) {
                continue;
            }
            StdfFit fit = TargetFill.fit(equations);
            int days = (int) Math.abs(dates.get(t0).toEpochDay() - dates.get(t1).toEpochDay());
            int estimated = target.apply(fit, lst0, days);
            fits.add(new FillReport.FitRecord(dates.get(t1), dates.get(t0), fit, estimated));
            neighbours++;
            farthest = days;
        }
        return new FillReport.DateFill(dates.get(t1), target.domainPixels(), target.validBefore(),
                target.covered() - target.validBefore(), neighbours, farthest);
    }

    private boolean reached(TargetFill target) {
        return target.domainPixels() == 0 || (double) target.covered() / target.domainPixels() >= targetCoverage;
    }

    /**
     * The bands within {@code maxDays} of band {@code t1}, nearest first; of two equally near, the
     * earlier first.
     */
    List<Integer> neighboursNearestFirst(List<LocalDate> dates, int t1) {
        long day = dates.get(t1).toEpochDay();
        List<Integer> order = new ArrayList<>();
        int before = t1 - 1;
        int after = t1 + 1;
        while (true) {
            long dBefore = before >= 0 ? day - dates.get(before).toEpochDay() : Long.MAX_VALUE;
            long dAfter = after < dates.size() ? dates.get(after).toEpochDay() - day : Long.MAX_VALUE;
            long nearest = Math.min(dBefore, dAfter);
            if (nearest > maxDays) {
                return order;
            }
            if (dBefore <= dAfter) {
                order.add(before--);
            } else {
                order.add(after++);
            }
        }
    }

    /** Bounds of LST and NDVI over the domain and every date, in one pass over both series. */
    private static MinMax[] scan(SeriesReader lst, SeriesReader ndvi, float[] domain, Monitor monitor)
            throws IOException {
        MinMax.Scan lstScan = new MinMax.Scan();
        MinMax.Scan ndviScan = new MinMax.Scan();
        int bands = lst.bands();
        for (int b = 0; b < bands; b++) {
            monitor.checkpoint(b, bands);
            lstScan.add(lst.read(b), domain);
            ndviScan.add(ndvi.read(b), domain);
        }
        monitor.checkpoint(bands, bands);
        return new MinMax[] {requireData("lst", lstScan), requireData("ndvi", ndviScan)};
    }

    private static MinMax requireData(String parameter, MinMax.Scan scan) {
        if (scan.isEmpty()) {
            throw ParameterException.because(parameter,
                    "it has no finite value where the elevation (dem) is defined, so there is nothing to fit");
        }
        return scan.result();
    }

    private static void requireInputs(SeriesReader lst, SeriesReader ndvi, Grid dem) {
        GridGeometry grid = lst.geometry();
        if (lst.dates().isEmpty()) {
            throw ParameterException.missing("dates", "one ISO date per band of lst (the fill needs days between dates)");
        }
        SeriesDates.requireIncreasing("dates", lst.dates());
        GridChecks.requireSameGrid("ndvi", ndvi.geometry(), "lst", grid);
        GridChecks.requireSameGrid("dem", dem.geometry(), "lst", grid);
        if (!ndvi.dates().equals(lst.dates())) {
            throw ParameterException.because("ndvi", "it has " + ndvi.bands() + " band(s)"
                    + (ndvi.dates().isEmpty() ? " without dates" : " dated " + SeriesDates.format(ndvi.dates()))
                    + "; expected the " + lst.bands() + " dates of lst, " + SeriesDates.format(lst.dates()));
        }
    }

    private static void requireOutput(SeriesWriter out, SeriesReader lst) {
        if (!out.geometry().sameAs(lst.geometry()) || out.bands() != lst.bands()) {
            throw new IllegalArgumentException("an output of " + out.bands() + " bands on " + out.geometry().describe()
                    + " cannot hold the " + lst.bands() + " bands of " + lst.geometry().describe());
        }
    }
}
