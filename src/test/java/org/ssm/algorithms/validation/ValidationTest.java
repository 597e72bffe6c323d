package org.ssm.algorithms.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.CoordinateMap;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.stations.Observation;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;

/**
 * Validation of hand-built stations against small grids in longitude/latitude (so that no
 * coordinate transform is involved): pairing by UTC date, per-station, overall and monthly metrics,
 * G_down, the 10-station rule of the spatial standard deviation, and metrics against a truth.
 */
class ValidationTest {

    private static final GridGeometry GRID = new GridGeometry("EPSG:4326", 10, 50, 0.1, 0.1, 4, 3);
    private static final LocalDate START = LocalDate.of(2021, 3, 29);
    private static final int DAYS = 7;
    private static final float NAN = Float.NaN;
    // Product at station A's cell (0, 0) and B's cell (2, 1), 2021-03-29 .. 2021-04-04.
    private static final float[] PRODUCT_A = {0.20f, 0.22f, 0.25f, NAN, 0.30f, 0.28f, 0.26f};
    private static final float[] PRODUCT_B = {0.10f, 0.12f, 0.14f, 0.16f, 0.18f, 0.20f, 0.22f};
    private static final double[] INSITU_B = {0.12, 0.13, 0.13, 0.17, 0.20, 0.19, 0.25};
    // One coarse cell over the whole product grid.
    private static final float[] COARSE = {0.30f, 0.10f, 0.32f, 0.25f, 0.15f, 0.33f, 0.28f};

    private static List<LocalDate> dates(int days) {
        List<LocalDate> out = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            out.add(START.plusDays(d));
        }
        return out;
    }

    private static double lon(int col) {
        return 10 + (col + 0.5) * 0.1;
    }

    private static double lat(int row) {
        return 50 - (row + 0.5) * 0.1;
    }

    private static Observation at(String instant, double sm) {
        return new Observation(Instant.parse(instant), sm, "G");
    }

    private static Observation day(int d, double sm) {
        return new Observation(START.plusDays(d).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plusSeconds(43200),
                sm, "G");
    }

    /** A: two readings on 03-29, none on 04-03 (a null), a reading at 22:30 UTC counted on 04-04. */
    private static StationSeries stationA() {
        return new StationSeries(new Station("A", "NET", lon(0), lat(0), 0, 0.05), List.of(
                at("2021-03-29T06:00:00Z", 0.21), at("2021-03-29T18:00:00Z", 0.23),
                at("2021-03-30T12:00:00Z", 0.20), at("2021-03-31T12:00:00Z", 0.27),
                at("2021-04-01T12:00:00Z", 0.29), at("2021-04-02T12:00:00Z", 0.31),
                at("2021-04-03T12:00:00Z", Double.NaN),
                at("2021-04-04T10:00:00Z", 0.24), at("2021-04-04T22:30:00Z", 0.26)));
    }

    // A's pairs: product, daily mean.
    private static final double[] A_EST = {0.20f, 0.22f, 0.25f, 0.30f, 0.26f};
    private static final double[] A_OBS = {0.22, 0.20, 0.27, 0.31, 0.25};
    private static final int[] A_DAYS = {0, 1, 2, 4, 6};

    private static StationSeries stationB() {
        List<Observation> obs = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            obs.add(day(d, INSITU_B[d]));
        }
        return new StationSeries(new Station("B", "NET", lon(2), lat(1), 0, 0.05), obs);
    }

    private static StationSeries outside() {
        return new StationSeries(new Station("C", "NET", 9.0, 49.9, 0, 0.05), List.of(day(0, 0.3)));
    }

    private static GridSeries product() {
        float[][] bands = new float[DAYS][GRID.size()];
        for (int d = 0; d < DAYS; d++) {
            Arrays.fill(bands[d], 0.5f);
            bands[d][0] = PRODUCT_A[d];
            bands[d][1 * 4 + 2] = PRODUCT_B[d];
        }
        return GridSeries.of(GRID, dates(DAYS), bands);
    }

    private static GriddedProduct gridded(String name, GridSeries s) {
        return new GriddedProduct(name, s.reader(), CoordinateMap.IDENTITY);
    }

    private static GriddedProduct coarse() {
        GridGeometry g = new GridGeometry("EPSG:4326", 10, 50, 0.4, 0.3, 1, 1);
        float[][] bands = new float[DAYS][1];
        for (int d = 0; d < DAYS; d++) {
            bands[d][0] = COARSE[d];
        }
        return gridded("coarse", GridSeries.of(g, dates(DAYS), bands));
    }

    private static ValidationResult run(ValidationParameters p, ValidationInputs in) throws IOException {
        return new Validation(p).validate(in, Monitor.NONE);
    }

    private static double[] select(float[] values, int[] days) {
        double[] out = new double[days.length];
        for (int i = 0; i < days.length; i++) {
            out[i] = values[days[i]];
        }
        return out;
    }

    @Test
    void pairsByUtcDateAndComputesEachStation() throws IOException {
        ValidationResult r = run(ValidationParameters.defaults().withMinPairs(5),
                ValidationInputs.of(List.of(stationA(), stationB(), outside()), gridded("product", product())));
        StationValidation a = r.stations().get(0);
        assertEquals(5, a.pairs(), "7 days less the product gap (04-01) and the null reading (04-03)");
        StationPairs pairs = a.product().pairs();
        for (int i = 0; i < A_DAYS.length; i++) {
            assertEquals(START.plusDays(A_DAYS[i]), pairs.date(i));
        }
        assertEquals(Arrays.toString(A_EST), Arrays.toString(pairs.estimated()));
        // Daily means of two readings: (0.21 + 0.23) / 2 and (0.24 + 0.26) / 2 in doubles.
        assertEquals(0.22, pairs.observed()[0], 1e-15);
        assertEquals(0.25, pairs.observed()[4], 1e-15);
        assertEquals(Metrics.of(A_EST, A_OBS), a.product().metrics());
        assertEquals(0, a.productCell());
        assertEquals(6, r.stations().get(1).productCell());
        assertEquals(7, r.stations().get(1).pairs());

        StationValidation c = r.stations().get(2);
        assertEquals(StationCells.OUTSIDE, c.productCell());
        assertEquals(0, c.pairs());
        assertEquals("outside the product grid", c.note());
        assertNull(c.coarse(), "no coarse product given");
        assertNull(r.coarse());
        assertNull(r.gains());
        assertNull(r.truth());
        assertEquals(1, r.chartStation(), "B has the most pairs");
    }

    @Test
    void overallPoolsPairsAndAveragesStations() throws IOException {
        ValidationResult r = run(ValidationParameters.defaults().withMinPairs(5),
                ValidationInputs.of(List.of(stationA(), stationB(), outside()), gridded("product", product())));
        double[] bEst = select(PRODUCT_B, new int[] {0, 1, 2, 3, 4, 5, 6});
        double[] allEst = new double[12];
        double[] allObs = new double[12];
        System.arraycopy(A_EST, 0, allEst, 0, 5);
        System.arraycopy(bEst, 0, allEst, 5, 7);
        double[] aObs = r.stations().get(0).product().pairs().observed();
        System.arraycopy(aObs, 0, allObs, 0, 5);
        System.arraycopy(INSITU_B, 0, allObs, 5, 7);
        Metrics pooled = Metrics.of(allEst, allObs);
        Metrics ma = Metrics.of(A_EST, aObs);
        Metrics mb = Metrics.of(bEst, INSITU_B);
        assertEquals(2, r.product().stations(), "A and B have 5 and 7 pairs; C none");
        // Pooled: merged two-pass sums against one pass over all 12 pairs, a few ulps apart.
        assertEquals(pooled.rmse(), r.product().pooled().rmse(), 1e-15);
        assertEquals(pooled.pcc(), r.product().pooled().pcc(), 1e-14);
        assertEquals(pooled.bias(), r.product().pooled().bias(), 1e-15);
        assertEquals(12, r.product().pooled().n());
        assertEquals((ma.pcc() + mb.pcc()) / 2, r.product().stationMean().pcc(), 1e-15);
        assertEquals((ma.ubrmse() + mb.ubrmse()) / 2, r.product().stationMean().ubrmse(), 1e-15);
        assertEquals((ma.mae() + mb.mae()) / 2, r.product().stationMean().mae(), 1e-15);

        ValidationResult strict = run(ValidationParameters.defaults().withMinPairs(6),
                ValidationInputs.of(List.of(stationA(), stationB()), gridded("product", product())));
        assertEquals(1, strict.product().stations(), "A's 5 pairs fall below minPairs 6");
        assertEquals(mb, strict.product().pooled());
        assertEquals(5, strict.stations().get(0).pairs(), "A's own line is still computed");
    }

    @Test
    void monthsSplitThePairs() throws IOException {
        ValidationResult r = run(ValidationParameters.defaults().withMinPairs(3),
                ValidationInputs.of(List.of(stationA(), stationB()), gridded("product", product())));
        assertEquals(2, r.months().size());
        MonthlyMetrics march = r.months().get(0);
        MonthlyMetrics april = r.months().get(1);
        assertEquals(YearMonth.of(2021, 3), march.month());
        assertEquals(YearMonth.of(2021, 4), april.month());
        double[] aObs = r.stations().get(0).product().pairs().observed();
        // March: A's first three pairs, B's first three days.
        Metrics aMarch = Metrics.of(Arrays.copyOf(A_EST, 3), Arrays.copyOf(aObs, 3));
        Metrics bMarch = Metrics.of(select(PRODUCT_B, new int[] {0, 1, 2}), Arrays.copyOf(INSITU_B, 3));
        assertEquals(2, march.product().stations());
        assertEquals((aMarch.rmse() + bMarch.rmse()) / 2, march.product().stationMean().rmse(), 1e-15);
        assertEquals(6, march.product().pooled().n());
        // April: A has 2 pairs (< 3) and is left out; B has 4.
        assertEquals(1, april.product().stations());
        Metrics bApril = Metrics.of(select(PRODUCT_B, new int[] {3, 4, 5, 6}), Arrays.copyOfRange(INSITU_B, 3, 7));
        assertEquals(bApril.bias(), april.product().pooled().bias(), 1e-15);
        assertArrayEquals(bApril.values(), april.product().stationMean().values(), 0.0, "the mean of one station");
    }

    @Test
    void thePeriodLimitsThePairs() throws IOException {
        ValidationResult r = run(ValidationParameters.defaults().withMinPairs(2).withPeriod(LocalDate.of(2021, 4, 1),
                null), ValidationInputs.of(List.of(stationA(), stationB()), gridded("product", product())));
        assertEquals(2, r.stations().get(0).pairs(), "04-02 and 04-04");
        assertEquals(4, r.stations().get(1).pairs());
        assertEquals(4, r.productSamples().dates().size());
        ParameterException e = assertThrows(ParameterException.class, () -> run(ValidationParameters.defaults()
                .withPeriod(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 2, 1)),
                ValidationInputs.of(List.of(stationA()), gridded("product", product()))));
        assertEquals("period", e.parameter());
        assertTrue(e.getMessage().contains("2021-03-29 to 2021-04-04"), e.getMessage());
    }

    @Test
    void noPairAnywhereIsAnError() {
        ParameterException e = assertThrows(ParameterException.class, () -> run(ValidationParameters.defaults(),
                ValidationInputs.of(List.of(outside()), gridded("product", product()))));
        assertEquals("stations", e.parameter());
    }

    @Test
    void gainsOverTheCoarseProductOnCommonDates() throws IOException {
        ValidationResult r = run(ValidationParameters.defaults().withMinPairs(5),
                ValidationInputs.of(List.of(stationA(), stationB()), gridded("product", product())).withCoarse(coarse()));
        StationValidation a = r.stations().get(0);
        double[] aObs = a.product().pairs().observed();
        assertEquals(0, a.coarseCell());
        // The coarse product has every date: A's coarse pairs add 04-01, where the product has a gap.
        assertEquals(6, a.coarse().pairs().size());
        assertEquals(5, a.gain().pairs(), "the dates of all three");
        Metrics lr = Metrics.of(select(COARSE, A_DAYS), aObs);
        Metrics hr = Metrics.of(A_EST, aObs);
        assertEquals(GDown.of(lr, hr), a.gain().gains());
        assertEquals(lr, a.gain().lr());
        assertNotNull(r.gains());
        assertEquals(2, r.gains().stations());
        GDown gb = r.stations().get(1).gain().gains();
        assertEquals((a.gain().gains().down() + gb.down()) / 2, r.gains().mean().down(), 1e-15);
        assertEquals((a.gain().gains().down() > 0 ? 1 : 0) + (gb.down() > 0 ? 1 : 0), r.gains().positive());
    }

    @Test
    void aProductEqualToTheStationGainsFully() throws IOException {
        // Readings and product in binary fractions, so the float32 product equals the daily means exactly.
        double[] insitu = {0.25, 0.3125, 0.375, 0.28125, 0.21875, 0.34375, 0.40625};
        List<Observation> obs = new ArrayList<>();
        float[][] bands = new float[DAYS][GRID.size()];
        for (int d = 0; d < DAYS; d++) {
            obs.add(day(d, insitu[d]));
            bands[d][0] = (float) insitu[d];
        }
        StationSeries s = new StationSeries(new Station("EXACT", "NET", lon(0), lat(0), 0, 0.05), obs);
        ValidationResult r = run(ValidationParameters.defaults().withMinPairs(5),
                ValidationInputs.of(List.of(s), gridded("product", GridSeries.of(GRID, dates(DAYS), bands)))
                        .withCoarse(coarse()));
        Metrics hr = r.stations().get(0).product().metrics();
        assertEquals(1.0, hr.pcc(), 0.0);
        assertEquals(0.0, hr.rmse(), 0.0);
        GDown g = r.stations().get(0).gain().gains();
        assertEquals(new GDown(1, 1, 1, 1), g, "E eq. 16-19 with a perfect HR product and an imperfect LR one");
        assertEquals(1, r.gains().positive());
        assertEquals(1.0, r.gains().positiveShare(), 0.0);
    }

    @Test
    void spatialSdNeedsTenStations() throws IOException {
        // Ten stations in the ten cells of a 5 x 2 grid; on day 1 station 9 has no reading.
        GridGeometry grid = new GridGeometry("EPSG:4326", 10, 50, 0.1, 0.1, 5, 2);
        List<StationSeries> stations = new ArrayList<>();
        float[][] bands = new float[2][10];
        for (int s = 0; s < 10; s++) {
            double v = 0.10 + 0.02 * s;
            List<Observation> obs = new ArrayList<>(List.of(day(0, v)));
            if (s < 9) {
                obs.add(day(1, v));
            }
            stations.add(new StationSeries(new Station("S" + s, "NET", lon(s % 5), lat(s / 5), 0, 0.05), obs));
            bands[0][s] = (float) (0.1 + 0.5 * v);
            bands[1][s] = (float) (0.1 + 0.5 * v);
        }
        ValidationResult r = run(ValidationParameters.defaults().withMinPairs(2),
                ValidationInputs.of(stations, gridded("product", GridSeries.of(grid, dates(2), bands))));
        assertEquals(2, r.spatialSd().size());
        SpatialSd first = r.spatialSd().get(0);
        assertEquals(10, first.stations());
        // 0.10, 0.12, ..., 0.28: 0.02 times the sample SD of 0..9, sqrt(82.5 / 9).
        double sd = 0.02 * Math.sqrt(82.5 / 9);
        assertEquals(sd, first.insitu(), 1e-15);
        // The product is 0.1 + v / 2 in float32: relative error of a few 1e-8.
        assertEquals(sd / 2, first.product(), 1e-8);
        assertTrue(Double.isNaN(first.coarse()), "no coarse product");
        SpatialSd second = r.spatialSd().get(1);
        assertEquals(9, second.stations());
        assertTrue(Double.isNaN(second.insitu()) && Double.isNaN(second.product()), "9 stations < 10 (B §4.2.3)");

        ValidationResult nine = run(ValidationParameters.defaults().withMinPairs(2).withSpatialSdMinStations(9),
                ValidationInputs.of(stations, gridded("product", GridSeries.of(grid, dates(2), bands))));
        assertEquals(0.02 * Math.sqrt(60.0 / 8), nine.spatialSd().get(1).insitu(), 1e-15, "0..8: sum of squares 60");
    }

    @Test
    void truthMetricsOverEveryPixel() throws IOException {
        GridSeries product = product();
        // Truth: the product plus 1/64 on every pixel, NaN in one pixel on the first date, and no 04-04.
        float[][] truth = new float[DAYS - 1][];
        for (int d = 0; d < DAYS - 1; d++) {
            truth[d] = product.band(d).clone();
            for (int i = 0; i < truth[d].length; i++) {
                truth[d][i] += 0.015625f;
            }
        }
        truth[0][5] = NAN;
        ValidationResult r = run(ValidationParameters.defaults().withMinPairs(2),
                ValidationInputs.of(List.of(stationA(), stationB()), gridded("product", product))
                        .withTruth(GridSeries.of(GRID, dates(DAYS - 1), truth).reader()));
        TruthComparison t = r.truth();
        assertEquals(DAYS - 1, t.dates().size(), "the dates both have");
        // Pixels: 12 a date, less one truth NaN and the product's own NaN at A on 04-01.
        assertEquals(6 * 12 - 2, t.pooled().n());
        assertEquals(11, t.dates().get(0).metrics().n());
        // Float32 sums of values near 0.3 and 1/64: each difference is off by at most an ulp (3e-8).
        assertEquals(-0.015625, t.pooled().bias(), 1e-7);
        assertEquals(0.015625, t.pooled().rmse(), 1e-7);
        assertEquals(0.015625, t.pooled().mae(), 1e-7);
        assertEquals(0.0, t.pooled().ubrmse(), 1e-7);
        assertEquals(1.0, t.pooled().pcc(), 1e-9);
        DatedMetrics first = t.dates().get(0);
        assertEquals(first.sdProduct(), first.sdTruth(), 1e-7, "a shifted field has the same spread");

        ValidationResult self = run(ValidationParameters.defaults().withMinPairs(2),
                ValidationInputs.of(List.of(stationA(), stationB()), gridded("product", product))
                        .withTruth(product.reader()));
        Metrics exact = self.truth().pooled();
        assertEquals(0.0, exact.rmse(), 0.0, "the truth against itself is exact");
        assertEquals(0.0, exact.bias(), 0.0);
        assertEquals(1.0, exact.pcc(), 0.0);
    }

    @Test
    void reportsProgressAndCanBeCancelled() throws IOException {
        List<Double> fractions = new ArrayList<>();
        Monitor recording = new Monitor() {
            @Override
            public void progress(double fraction) {
                fractions.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        new Validation(ValidationParameters.defaults()).validate(ValidationInputs.of(List.of(stationA(), stationB()),
                gridded("product", product())).withCoarse(coarse()), recording);
        // One step per product date (7), coarse date (7) and station (2), and the end.
        assertEquals(17, fractions.size());
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) > fractions.get(i - 1), fractions.toString());
        }
        assertEquals(1.0, fractions.get(fractions.size() - 1), 0.0);

        int[] calls = {0};
        Monitor cancelling = new Monitor() {
            @Override
            public void progress(double fraction) {}

            @Override
            public boolean isCancelled() {
                return ++calls[0] > 3;
            }
        };
        assertThrows(org.ssm.core.CancelledException.class, () -> new Validation(ValidationParameters.defaults())
                .validate(ValidationInputs.of(List.of(stationA()), gridded("product", product())), cancelling));
        assertEquals(4, calls[0], "stopped at the fourth date");
    }

    @Test
    void aTruthOnAnotherGridIsRefused() {
        GridSeries other = GridSeries.of(new GridGeometry("EPSG:4326", 10, 50, 0.05, 0.05, 8, 6), dates(DAYS),
                new float[DAYS][48]);
        ParameterException e = assertThrows(ParameterException.class, () -> ValidationInputs.of(
                List.of(stationA()), gridded("product", product())).withTruth(other.reader()));
        assertEquals("truth", e.parameter());
    }
}
