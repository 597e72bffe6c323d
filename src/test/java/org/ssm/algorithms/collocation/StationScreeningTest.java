package org.ssm.algorithms.collocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ssm.core.CancelledException;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.CoordinateMap;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.stations.Observation;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;

/**
 * Station screening on a hand-built case: two coarse products on lon/lat grids with their own dates
 * and gaps, and stations with several readings a day, faults, and positions outside the grids.
 */
class StationScreeningTest {

    private static final LocalDate START = LocalDate.of(2021, 4, 1);
    private static final int DAYS = 183;
    /** Satellite: 3 x 2 cells of 1 degree covering lon 10-13, lat 48-50, daily, every 4th day missing. */
    private static final GridGeometry SATELLITE_GRID = new GridGeometry("EPSG:4326", 10, 50, 1, 1, 3, 2);
    /** Model: 2 x 1 cells of 1.5 degrees covering lon 10-13, lat 48.5-50, from 4 April to 10 October. */
    private static final GridGeometry MODEL_GRID = new GridGeometry("EPSG:4326", 10, 50, 1.5, 1.5, 2, 1);
    private static final int MODEL_OFFSET = 3;
    private static final int MODEL_DAYS = 193;

    private final double[] truth = new double[DAYS + 20];
    private final CoarseProduct satellite;
    private final CoarseProduct model;

    StationScreeningTest() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int d = 0; d < truth.length; d++) {
            truth[d] = 0.25 + 0.08 * Math.sin(2 * Math.PI * d / 60) + 0.03 * rnd.nextGaussian();
        }
        List<LocalDate> satDates = new ArrayList<>();
        float[][] sat = new float[DAYS][SATELLITE_GRID.size()];
        for (int d = 0; d < DAYS; d++) {
            satDates.add(START.plusDays(d));
            for (int c = 0; c < SATELLITE_GRID.size(); c++) {
                sat[d][c] = d % 4 == 3 ? Float.NaN : (float) (0.02 + 1.1 * truth[d] + 0.02 * rnd.nextGaussian());
            }
        }
        List<LocalDate> modelDates = new ArrayList<>();
        float[][] mod = new float[MODEL_DAYS][MODEL_GRID.size()];
        for (int b = 0; b < MODEL_DAYS; b++) {
            modelDates.add(START.plusDays(MODEL_OFFSET + b));
            for (int c = 0; c < MODEL_GRID.size(); c++) {
                mod[b][c] = (float) (0.07 + 0.8 * truth[MODEL_OFFSET + b] + 0.015 * rnd.nextGaussian());
            }
        }
        satellite = new CoarseProduct("satellite", GridSeries.of(SATELLITE_GRID, satDates, sat), CoordinateMap.IDENTITY);
        model = new CoarseProduct("model", GridSeries.of(MODEL_GRID, modelDates, mod), CoordinateMap.IDENTITY);
    }

    private static Instant at(int day, int hour) {
        return START.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(hour * 3600L);
    }

    /** Readings at 00:00 and 23:59:59 UTC of each day, ±0.004 around {@code daily[d]}, and a missing one at noon. */
    private static StationSeries twiceDaily(String id, double lon, double lat, double[] daily, int days) {
        List<Observation> obs = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            obs.add(new Observation(at(d, 0), daily[d] - 0.004, "G"));
            obs.add(new Observation(at(d, 12), Double.NaN, "M"));
            obs.add(new Observation(at(d, 24).minusSeconds(1), daily[d] + 0.004, "G"));
        }
        return new StationSeries(new Station(id, "NET", lon, lat, 0, 0.05), obs);
    }

    private double[] sensor(double noise, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = new double[DAYS];
        for (int d = 0; d < DAYS; d++) {
            v[d] = 0.01 + truth[d] + noise * rnd.nextGaussian();
        }
        return v;
    }

    /** The triplets expected for a station in satellite cell {@code sc} and model cell {@code mc} with daily values v. */
    private double[][] expectedTriplets(double[] v, int days, int sc, int mc, LocalDate from, LocalDate to) {
        List<double[]> rows = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate date = START.plusDays(d);
            boolean inPeriod = (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
            double s = satellite.valueAt(sc, date);
            double m = model.valueAt(mc, date);
            if (inPeriod && d % 4 != 3 && d >= MODEL_OFFSET) {
                assertTrue(Double.isFinite(s) && Double.isFinite(m));
                rows.add(new double[] {((v[d] - 0.004) + (v[d] + 0.004)) / 2, s, m});
            }
        }
        double[][] cols = new double[3][rows.size()];
        for (int t = 0; t < rows.size(); t++) {
            for (int k = 0; k < 3; k++) {
                cols[k][t] = rows.get(t)[k];
            }
        }
        return cols;
    }

    @Test
    void aGoodStationIsCollocatedByUtcDateAndKept() {
        double[] v = sensor(0.01, 1);
        StationSeries good = twiceDaily("GOOD", 12.5, 49.5, v, DAYS);
        StationScreening screening = new StationScreening(ScreeningParameters.defaults());
        StationTriplets triplets = screening.collocate(good, satellite, model);
        // Satellite cell: column 2, row 0; model cell: column 1 (lon 11.5-13).
        assertEquals(2, triplets.satelliteCell());
        assertEquals(1, triplets.modelCell());
        double[][] expected = expectedTriplets(v, DAYS, 2, 1, null, null);
        // 183 days minus the 3 before the model starts, minus the satellite's 45 missing days after them.
        assertEquals(135, expected[0].length);
        assertArrayEquals(expected[0], triplets.insitu(), 0.0);
        assertArrayEquals(expected[1], triplets.satellite(), 0.0);
        assertArrayEquals(expected[2], triplets.model(), 0.0);
        assertEquals(START.plusDays(MODEL_OFFSET + 1), triplets.dates().get(0), "day 3 is a satellite gap");

        StationAssessment a = screening.assess(triplets);
        assertEquals(Verdict.KEPT, a.verdict(), a.detail());
        TcEstimate direct = TripleCollocation.estimate(expected[0], expected[1], expected[2], 0);
        assertEquals(direct, a.estimate(), "the estimate is TC of the collocated triplets");
        // Truth variance ≈ 0.08²/2 + 0.03² = 0.0041 against a sensor error of 0.01²: rho2 ≈ 0.976.
        assertEquals(0.976, a.rho2(Product.INSITU), 0.02);
        assertEquals(triplets.dates().get(triplets.size() - 1), a.lastDate());
    }

    @Test
    void eachFaultGetsItsReason() {
        double[] good = sensor(0.01, 1);
        double[] noisy = sensor(0.1, 2);
        double[] stuck = new double[DAYS];
        java.util.Arrays.fill(stuck, 0.31);
        List<StationSeries> stations = List.of(
                twiceDaily("GOOD", 12.5, 49.5, good, DAYS),
                twiceDaily("NOISY", 10.5, 49.5, noisy, DAYS),
                twiceDaily("STUCK", 11.2, 48.7, stuck, DAYS),
                twiceDaily("EAST", 13.5, 49.5, good, DAYS),
                twiceDaily("SOUTH", 10.5, 48.2, good, DAYS),
                twiceDaily("SHORT", 11.2, 49.2, good, 60));
        ScreeningResult r = new StationScreening(ScreeningParameters.defaults()).screen(stations, satellite, model,
                Monitor.NONE);
        List<Verdict> verdicts = r.stations().stream().map(StationAssessment::verdict).toList();
        assertEquals(List.of(Verdict.KEPT, Verdict.LOW_INSITU_RHO2, Verdict.NON_POSITIVE_COVARIANCE,
                Verdict.OUTSIDE_SATELLITE_GRID, Verdict.OUTSIDE_MODEL_GRID, Verdict.TOO_FEW_TRIPLETS), verdicts);
        // Noise 0.1 against a signal variance of 0.0041: rho2 ≈ 0.0041 / (0.0041 + 0.01) = 0.29.
        assertEquals(0.29, r.stations().get(1).rho2(Product.INSITU), 0.1);
        assertNull(r.stations().get(3).estimate(), "no estimate outside the satellite grid");
        assertEquals(0, r.stations().get(3).triplets());
        assertEquals(-1, r.stations().get(4).modelCell());
        assertTrue(r.stations().get(4).satelliteCell() >= 0);
        // 60 days: days 3-59 minus the satellite gaps (d % 4 == 3, 15 of them): 57 - 15 = 42 triplets.
        assertEquals(42, r.stations().get(5).triplets());
        assertTrue(r.stations().get(5).detail().contains("42 complete triplets < 100"), r.stations().get(5).detail());
        assertEquals(List.of(stations.get(0)), r.kept());
        assertEquals(5, r.flaggedCount());
    }

    @Test
    void theTripletThresholdIsInclusive() {
        StationSeries shortStation = twiceDaily("SHORT", 11.2, 49.2, sensor(0.01, 1), 60);
        ScreeningResult atMinimum = new StationScreening(ScreeningParameters.defaults().withMinTriplets(42))
                .screen(List.of(shortStation), satellite, model, Monitor.NONE);
        assertEquals(Verdict.KEPT, atMinimum.stations().get(0).verdict());
        ScreeningResult aboveMinimum = new StationScreening(ScreeningParameters.defaults().withMinTriplets(43))
                .screen(List.of(shortStation), satellite, model, Monitor.NONE);
        assertEquals(Verdict.TOO_FEW_TRIPLETS, aboveMinimum.stations().get(0).verdict());
        assertEquals(atMinimum.stations().get(0).estimate(), aboveMinimum.stations().get(0).estimate(),
                "the estimate is still reported for a station with too few triplets");
    }

    @Test
    void theRho2ThresholdDecidesBetweenKeptAndFlagged() {
        StationSeries good = twiceDaily("GOOD", 12.5, 49.5, sensor(0.01, 1), DAYS);
        double rho2 = new StationScreening(ScreeningParameters.defaults()).screen(List.of(good), satellite, model,
                Monitor.NONE).stations().get(0).rho2(Product.INSITU);
        assertEquals(Verdict.KEPT, verdict(good, ScreeningParameters.defaults().withMinInsituRho2(rho2)));
        assertEquals(Verdict.LOW_INSITU_RHO2,
                verdict(good, ScreeningParameters.defaults().withMinInsituRho2(Math.nextUp(rho2))));
    }

    private Verdict verdict(StationSeries s, ScreeningParameters p) {
        return new StationScreening(p).screen(List.of(s), satellite, model, Monitor.NONE).stations().get(0).verdict();
    }

    @Test
    void thePeriodLimitsTheTriplets() {
        double[] v = sensor(0.01, 1);
        StationSeries good = twiceDaily("GOOD", 12.5, 49.5, v, DAYS);
        LocalDate from = LocalDate.of(2021, 6, 1);
        LocalDate to = LocalDate.of(2021, 8, 31);
        StationScreening screening = new StationScreening(ScreeningParameters.defaults().withPeriod(from, to));
        StationTriplets t = screening.collocate(good, satellite, model);
        double[][] expected = expectedTriplets(v, DAYS, 2, 1, from, to);
        assertArrayEquals(expected[0], t.insitu(), 0.0);
        assertEquals(from, t.dates().get(0));
        assertEquals(to, t.dates().get(t.size() - 1), "31 August is day 152, not a gap day");
        // 92 days from 1 June to 31 August, 23 of them satellite gaps.
        assertEquals(69, t.size());
    }

    @Test
    void theScalingReferenceChoosesWhoseUnitsTheErrorsAreIn() {
        StationSeries good = twiceDaily("GOOD", 12.5, 49.5, sensor(0.01, 1), DAYS);
        StationAssessment toInsitu = new StationScreening(ScreeningParameters.defaults())
                .screen(List.of(good), satellite, model, Monitor.NONE).stations().get(0);
        StationAssessment toSatellite = new StationScreening(ScreeningParameters.defaults()
                .withScalingReference(Product.SATELLITE)).screen(List.of(good), satellite, model, Monitor.NONE)
                .stations().get(0);
        assertEquals(1.0, toSatellite.estimate().member(Product.SATELLITE.index()).scaling(), 0.0);
        // The satellite is 1.1 times the truth and the station once: beta of the station to the satellite ≈ 1.1.
        assertEquals(1.1, toSatellite.estimate().member(Product.INSITU.index()).scaling(), 0.05);
        double satToInsitu = toInsitu.estimate().member(Product.SATELLITE.index()).scaling();
        assertEquals(1 / satToInsitu, toSatellite.estimate().member(Product.INSITU.index()).scaling(), 1e-12);
        assertEquals(toInsitu.rho2(Product.INSITU), toSatellite.rho2(Product.INSITU), 0.0, "rho2 is scale-free");
    }

    @Test
    void progressIsReportedPerStationAndCancellationStops() {
        StationSeries good = twiceDaily("GOOD", 12.5, 49.5, sensor(0.01, 1), DAYS);
        List<Double> progress = new ArrayList<>();
        Monitor recording = new Monitor() {
            @Override
            public void progress(double fraction) {
                progress.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return progress.size() >= 2;
            }
        };
        assertThrows(CancelledException.class, () -> new StationScreening(ScreeningParameters.defaults())
                .screen(List.of(good, good, good), satellite, model, recording));
        assertEquals(List.of(0.0, 1.0 / 3), progress);
        List<Double> all = new ArrayList<>();
        new StationScreening(ScreeningParameters.defaults()).screen(List.of(good, good), satellite, model,
                new Monitor() {
                    @Override
                    public void progress(double fraction) {
                        all.add(fraction);
                    }

                    @Override
                    public boolean isCancelled() {
                        return false;
                    }
                });
        assertEquals(List.of(0.0, 0.5, 1.0), all);
    }

    @Test
    void theTableHasOneRowPerStationWithTheExactEstimates() {
        double[] good = sensor(0.01, 1);
        List<StationSeries> stations = List.of(twiceDaily("ST,1", 12.5, 49.5, good, DAYS),
                twiceDaily("EAST", 13.5, 49.5, good, DAYS));
        ScreeningResult r = new StationScreening(ScreeningParameters.defaults()).screen(stations, satellite, model,
                Monitor.NONE);
        String[] lines = r.csv().split("\n");
        assertEquals(3, lines.length);
        assertEquals(ScreeningTable.HEADER, lines[0]);
        List<String> header = List.of(lines[0].split(","));
        assertEquals(30, header.size());
        assertTrue(lines[1].startsWith("\"ST,1\",NET,12.5,49.5,0.0,0.05,2,1,135,2021-04-05,2021-09-30,false,,"),
                lines[1]);
        String[] cells = lines[1].substring(lines[1].indexOf("NET")).split(",");
        // The quoted id was cut off: cell k of the row is cells[k - 1].
        TcEstimate e = r.stations().get(0).estimate();
        for (Product p : Product.values()) {
            MemberEstimate m = e.member(p.index());
            assertEquals(m.rho2(), Double.parseDouble(cells[header.indexOf("rho2_" + p.label()) - 1]), 0.0);
            assertEquals(m.errorVariance(), Double.parseDouble(cells[header.indexOf("err_var_" + p.label()) - 1]), 0.0);
            assertEquals(m.snrDb(), Double.parseDouble(cells[header.indexOf("snr_db_" + p.label()) - 1]), 0.0);
            assertEquals(m.scaling(), Double.parseDouble(cells[header.indexOf("beta_" + p.label()) - 1]), 0.0);
            assertEquals(m.scaledErrorStd(), Double.parseDouble(cells[header.indexOf("err_std_" + p.label()) - 1]), 0.0);
        }
        assertEquals("insitu", cells[header.indexOf("scaling_reference") - 1]);
        assertTrue(lines[2].startsWith("EAST,NET,13.5,49.5,0.0,0.05,-1,-1,0,,,true,outside_satellite_grid,"
                + "the station lies outside the satellite grid,insitu,,,"), lines[2]);
        assertTrue(lines[2].endsWith(",,,"), "no estimates: empty cells");
    }

    @Test
    void dailyMeansAverageTheFiniteReadingsOfEachUtcDate() {
        List<Observation> obs = List.of(
                new Observation(Instant.parse("2021-05-01T00:00:00Z"), 0.20, "G"),
                new Observation(Instant.parse("2021-05-01T23:59:59Z"), 0.30, "G"),
                new Observation(Instant.parse("2021-05-02T00:00:00Z"), 0.40, "G"),
                new Observation(Instant.parse("2021-05-02T06:00:00Z"), Double.NaN, "M"),
                new Observation(Instant.parse("2021-05-03T06:00:00Z"), Double.NaN, "M"));
        var means = DailyMeans.of(new StationSeries(new Station("S", "N", 0, 0, 0, 0.05), obs));
        assertEquals(List.of(LocalDate.of(2021, 5, 1), LocalDate.of(2021, 5, 2)), List.copyOf(means.keySet()));
        assertEquals(0.25, means.get(LocalDate.of(2021, 5, 1)), 1e-15);
        assertEquals(0.40, means.get(LocalDate.of(2021, 5, 2)), 0.0);
    }

    @Test
    void aPointOnACellEdgeBelongsToTheCellToItsRightAndBelow() {
        assertEquals(1, satellite.cellOf(11, 50), "lon 11 is the left edge of column 1, lat 50 the top of row 0");
        assertEquals(4, satellite.cellOf(11, 49), "lat 49 is the top edge of row 1");
        assertEquals(-1, satellite.cellOf(13, 49.5), "the right edge of the grid is outside");
        assertEquals(-1, satellite.cellOf(12, 48), "the bottom edge of the grid is outside");
        assertEquals(-1, satellite.cellOf(9.999, 49.5));
    }

    @Test
    void badParametersNameThemselves() {
        assertEquals("minTriplets", assertThrows(ParameterException.class,
                () -> ScreeningParameters.defaults().withMinTriplets(9)).parameter());
        assertEquals("minInsituRho2", assertThrows(ParameterException.class,
                () -> ScreeningParameters.defaults().withMinInsituRho2(1.2)).parameter());
        assertEquals("minInsituRho2", assertThrows(ParameterException.class,
                () -> ScreeningParameters.defaults().withMinInsituRho2(Double.NaN)).parameter());
        assertEquals("period", assertThrows(ParameterException.class,
                () -> ScreeningParameters.defaults().withPeriod(LocalDate.of(2021, 5, 2), LocalDate.of(2021, 5, 1)))
                .parameter());
        ParameterException e = assertThrows(ParameterException.class, () -> Product.parse("scalingReference", "era5"));
        assertEquals("scalingReference", e.parameter());
        assertTrue(e.getMessage().contains("insitu, satellite, model"), e.getMessage());
        assertEquals(Product.MODEL, Product.parse("scalingReference", " Model "));
        assertEquals("stations", assertThrows(ParameterException.class,
                () -> new StationScreening(ScreeningParameters.defaults()).screen(List.of(), satellite, model,
                        Monitor.NONE)).parameter());
        GridSeries undated = GridSeries.undated(SATELLITE_GRID, new float[][] {new float[SATELLITE_GRID.size()]});
        assertEquals("satellite", assertThrows(ParameterException.class,
                () -> new CoarseProduct("satellite", undated, CoordinateMap.IDENTITY)).parameter());
    }
}
