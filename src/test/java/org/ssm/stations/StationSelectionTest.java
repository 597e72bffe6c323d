package org.ssm.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.stations.StationReport.ReadingCounts;
import org.ssm.stations.StationReport.Status;

/**
 * Depth range, flag filter and daily aggregation on hand-built sensors whose answers are worked out
 * in the comments.
 */
class StationSelectionTest {

    private static final Station ALPHA = new Station("Alpha", "NET", 15.25, 47.5, 0, 0.05);

    /** The eight readings of the project's test ISMN file (see IsmnReadersTest). */
    private static final List<Observation> READINGS = List.of(
            obs("2021-04-01T00:00:00Z", 0.25, "G"),
            obs("2021-04-01T01:00:00Z", 0.26, "G"),
            obs("2021-04-01T02:00:00Z", 0.27, "D03,D05"),
            obs("2021-04-01T09:00:00Z", 0.30, "G"),
            obs("2021-04-01T09:20:00Z", 0.31, "G"),
            obs("2021-04-02T08:40:00Z", 0.28, "U"),
            obs("2021-04-02T09:20:00Z", 0.29, "G"),
            obs("2021-04-02T10:00:00Z", Double.NaN, "G"));

    private static Observation obs(String time, double sm, String flag) {
        return new Observation(Instant.parse(time), sm, flag);
    }

    private static SensorSeries alpha() {
        return new SensorSeries(new StationSeries(ALPHA, READINGS), "Probe-X", "alpha.stm");
    }

    private static StationSelection.Result select(StationReadOptions options, SensorSeries... sensors) {
        return new StationSelection(options).apply(List.of(sensors), Monitor.NONE);
    }

    @Test
    void withoutOptionsOnlyReadingsWithoutAValueAreDropped() {
        StationSelection.Result r = select(StationReadOptions.defaults(), alpha());
        assertEquals(READINGS.subList(0, 7), r.stations().get(0).observations());
        assertEquals(new ReadingCounts(8, 0, 1, 0, 2, 0, 7), r.reports().get(0).counts());
        assertEquals(Status.KEPT, r.reports().get(0).status());
    }

    @Test
    void onlyGoodReadingsAndAJoinedFlagNeedsEveryCode() {
        StationSelection.Result g = select(StationReadOptions.defaults().withFlags(FlagFilter.parse("flags", "G")),
                alpha());
        // Dropped: D03,D05 (02:00) and U (04-02 08:40) for their flag, the NaN for its value.
        assertEquals(List.of(0.25, 0.26, 0.30, 0.31, 0.29), values(g));
        assertEquals(new ReadingCounts(8, 2, 1, 0, 2, 0, 5), g.reports().get(0).counts());
        StationSelection.Result partial = select(StationReadOptions.defaults()
                .withFlags(FlagFilter.parse("flags", "g, d03")), alpha());
        assertEquals(5, values(partial).size(), "D03,D05 needs D05 too");
        StationSelection.Result both = select(StationReadOptions.defaults()
                .withFlags(FlagFilter.parse("flags", "G,D03,D05")), alpha());
        assertEquals(List.of(0.25, 0.26, 0.27, 0.30, 0.31, 0.29), values(both));
    }

    @Test
    void aSensorOutsideTheDepthRangeIsReportedNotRead() {
        Station deep = new Station("Deep", "NET", 15.0, 47.0, 0.05, 0.10);
        SensorSeries d = new SensorSeries(new StationSeries(deep, READINGS), "", "deep.csv");
        StationSelection.Result r = select(StationReadOptions.defaults().withDepths(new DepthRange(0, 0.05)),
                alpha(), d);
        assertEquals(List.of("Alpha"), r.stations().stream().map(s -> s.station().id()).toList());
        assertEquals(Status.OUTSIDE_DEPTH_RANGE, r.reports().get(1).status());
        assertEquals(new ReadingCounts(8, 0, 0, 0, 0, 0, 0), r.reports().get(1).counts());
        assertTrue(new DepthRange(0.05, 0.10).includes(deep));
        assertTrue(!new DepthRange(0.06, 0.10).includes(deep));
    }

    @Test
    void dailyAtNineUtcTakesTheNearestReadingWithinHalfAnHourTheEarlierOnATie() {
        StationSelection.Result r = select(StationReadOptions.defaults().dailyAt(LocalTime.of(9, 0)), alpha());
        // 04-01: 09:00 (0 min) beats 09:20 (20 min). 04-02: 08:40 and 09:20 are both 20 min off: the earlier.
        assertEquals(List.of(obs("2021-04-01T00:00:00Z", 0.30, "G"), obs("2021-04-02T00:00:00Z", 0.28, "U")),
                r.stations().get(0).observations());
        // Seven readings with a value: two kept, five unused (00:00, 01:00, 02:00, 09:20 and 09:20).
        assertEquals(new ReadingCounts(8, 0, 1, 5, 2, 0, 2), r.reports().get(0).counts());
        StationSelection.Result good = select(StationReadOptions.defaults().withFlags(FlagFilter.parse("flags", "G"))
                .dailyAt(LocalTime.of(9, 0)), alpha());
        assertEquals(List.of(0.30, 0.29), values(good), "without the U reading, 09:20 stands for 04-02");
    }

    @Test
    void dailyMeanOverAWindowWithAMinimumOfReadings() {
        StationSelection.Result r = select(StationReadOptions.defaults()
                .dailyMean(TimeWindow.parse("window", "00:00/02:00"), 1), alpha());
        // 04-01: (0.25 + 0.26 + 0.27) / 3; 04-02 has no reading in the window.
        Observation day = r.stations().get(0).observations().get(0);
        assertEquals(Instant.parse("2021-04-01T00:00:00Z"), day.time());
        assertEquals((0.25 + 0.26 + 0.27) / 3, day.sm(), 1e-15);
        assertEquals("G,D03,D05", day.flag(), "the codes of the readings averaged, in order of appearance");
        assertEquals(new ReadingCounts(8, 0, 1, 4, 1, 0, 1), r.reports().get(0).counts());
        StationSelection.Result tooFew = select(StationReadOptions.defaults()
                .dailyMean(TimeWindow.parse("window", "00:00/02:00"), 4), alpha());
        assertTrue(tooFew.stations().isEmpty());
        assertEquals(Status.NOTHING_KEPT, tooFew.reports().get(0).status());
        assertEquals(new ReadingCounts(8, 0, 1, 4, 1, 1, 0), tooFew.reports().get(0).counts());
    }

    @Test
    void aWindowInAnotherTimeZoneBelongsToItsLocalDate() {
        // At UTC-2, 00:00 and 01:00 UTC are 22:00 and 23:00 on March 31; 02:00 UTC is already April 1.
        StationSelection.Result r = select(StationReadOptions.defaults()
                .dailyMean(TimeWindow.parse("window", "22:00/23:30"), 2).withTimeZone(ZoneOffset.ofHours(-2)), alpha());
        assertEquals(1, r.stations().get(0).observations().size());
        Observation day = r.stations().get(0).observations().get(0);
        assertEquals(Instant.parse("2021-03-31T00:00:00Z"), day.time(), "dated by the local date");
        assertEquals((0.25 + 0.26) / 2, day.sm(), 1e-15);
    }

    @Test
    void nineInTheMorningInViennaFollowsDaylightSavingTime() {
        // Hourly readings whose value is the UTC hour count since 2021-03-27T00:00Z; clocks in Vienna go from
        // UTC+1 to UTC+2 on 2021-03-28, so 09:00 local is 08:00 UTC on the 27th and 07:00 UTC on the 28th.
        List<Observation> hourly = new ArrayList<>();
        Instant start = Instant.parse("2021-03-27T00:00:00Z");
        for (int h = 0; h < 48; h++) {
            hourly.add(new Observation(start.plusSeconds(3600L * h), h / 100.0, "G"));
        }
        SensorSeries s = new SensorSeries(new StationSeries(ALPHA, hourly), "", "hourly.csv");
        StationSelection.Result r = select(StationReadOptions.defaults().dailyAt(LocalTime.of(9, 0))
                .withTimeZone(ZoneId.of("Europe/Vienna")), s);
        assertEquals(List.of(obs("2021-03-27T00:00:00Z", 0.08, "G"), obs("2021-03-28T00:00:00Z", 0.31, "G")),
                r.stations().get(0).observations());
    }

    @Test
    void twoSensorsOfOneStationGetIdsWithTheirLayerAndTheSameSensorTwiceIsAnError() {
        Station shallow = new Station("Alpha", "NET", 15.25, 47.5, 0.05, 0.05);
        Station deeper = new Station("Alpha", "NET", 15.25, 47.5, 0.1, 0.1);
        SensorSeries a = new SensorSeries(new StationSeries(shallow, READINGS), "Probe-X", "a.stm");
        SensorSeries b = new SensorSeries(new StationSeries(deeper, READINGS), "Probe-X", "b.stm");
        StationSelection.Result r = select(StationReadOptions.defaults(), a, b);
        assertEquals(List.of("Alpha_0.05_0.05_Probe-X", "Alpha_0.1_0.1_Probe-X"),
                r.stations().stream().map(s -> s.station().id()).toList());
        StationSelection.Result one = select(StationReadOptions.defaults().withDepths(new DepthRange(0, 0.05)), a, b);
        assertEquals(List.of("Alpha"), one.stations().stream().map(s -> s.station().id()).toList(),
                "the other sensor is outside the depth range: no need to tell them apart");
        SensorSeries again = new SensorSeries(new StationSeries(shallow, READINGS), "Probe-X", "c.stm");
        ParameterException e = assertThrows(ParameterException.class,
                () -> select(StationReadOptions.defaults(), a, again));
        assertEquals("files", e.parameter());
        assertTrue(e.getMessage().contains("is given twice: in a.stm and in c.stm"), e.getMessage());
    }

    @Test
    void theReportAsCsv() {
        StationSelection.Result r = select(StationReadOptions.defaults().withFlags(FlagFilter.parse("flags", "G")),
                new SensorSeries(new StationSeries(ALPHA, READINGS), "Probe-X", "alpha, field.stm"));
        assertEquals(StationReport.CSV_HEADER + "\n"
                + "Alpha,NET,Probe-X,0.0,0.05,15.25,47.5,\"alpha, field.stm\",kept,8,2,1,0,2,0,5,"
                + "2021-04-01T00:00:00Z,2021-04-02T09:20:00Z\n", r.csv());
    }

    @Test
    void badOptionsNameTheParameter() {
        assertEquals("depthTo", assertThrows(ParameterException.class, () -> new DepthRange(0.1, 0.05)).parameter());
        assertEquals("flags", assertThrows(ParameterException.class,
                () -> FlagFilter.parse("flags", "G;U")).parameter());
        assertEquals("window", assertThrows(ParameterException.class,
                () -> TimeWindow.parse("window", "22:00/02:00")).parameter());
        assertEquals("hour", assertThrows(ParameterException.class,
                () -> StationReadOptions.parseHour("hour", "25:00")).parameter());
        assertEquals("timeZone", assertThrows(ParameterException.class,
                () -> StationReadOptions.parseTimeZone("timeZone", "Mars/Olympus")).parameter());
        assertEquals("minReadings", assertThrows(ParameterException.class,
                () -> StationReadOptions.defaults().dailyMean(TimeWindow.DAY, 0)).parameter());
        assertEquals("aggregation", assertThrows(ParameterException.class,
                () -> Aggregation.parse("aggregation", "weekly")).parameter());
        assertEquals(LocalTime.of(9, 0), StationReadOptions.parseHour("hour", "9"));
    }

    private static List<Double> values(StationSelection.Result r) {
        return r.stations().get(0).observations().stream().map(Observation::sm).toList();
    }
}
