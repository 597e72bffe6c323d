package org.ssm.io.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ssm.core.Monitor;
import org.ssm.stations.DepthRange;
import org.ssm.stations.FlagFilter;
import org.ssm.stations.Observation;
import org.ssm.stations.StationReadOptions;
import org.ssm.stations.StationReport;
import org.ssm.stations.StationReport.ReadingCounts;
import org.ssm.stations.StationSelection;
import org.ssm.stations.StationSeries;
import org.ssm.stations.TimeWindow;

/**
 * Papers B and D's selections on the real ISMN samples. Expected values are the readings of the lines
 * cited (line numbers of the header+values files, CR, LF and CRLF all ending a line), averaged by hand;
 * counts are counts of those lines. Means are compared to 1e-12, far below the 1e-4 resolution of the
 * files.
 */
class IsmnDailyValuesTest {

    private static final double TOLERANCE = 1e-12;

    private static StationSelection.Result select(StationReadOptions options, String... samples) throws Exception {
        List<StationText> texts = new java.util.ArrayList<>();
        for (String s : samples) {
            texts.add(IsmnSamples.file(s));
        }
        return new StationSelection(options).apply(StationFiles.read(texts, Monitor.NONE), Monitor.NONE);
    }

    private static Map<Instant, Observation> byTime(StationSeries s) {
        return s.observations().stream().collect(Collectors.toMap(Observation::time, o -> o, (a, b) -> a,
                TreeMap::new));
    }

    private static Instant day(String date) {
        return java.time.LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Test
    void paperB_goodReadingsAtNineUtc() throws Exception {
        StationSelection.Result r = select(StationReadOptions.defaults().withFlags(FlagFilter.parse("flags", "G"))
                .dailyAt(LocalTime.of(9, 0)), IsmnSamples.ARM1_HEADER_VALUES);
        StationSeries arm1 = r.stations().get(0);
        // 283 lines at 09:00 over 335 days; 15 of them are flagged D03/D05 (e.g. line 564, 2017/09/02 09:00 0.1170
        // D05), leaving 268 days. 351 readings are not G; 6514 - 268 = 6246 good readings are at other hours.
        assertEquals(new ReadingCounts(6865, 351, 0, 6246, 268, 0, 268), r.reports().get(0).counts());
        // Line 12: 2017/08/10 09:00 0.2050 G; line 36: 2017/08/11 09:00 0.2450 G; line 6856: 2018/08/09 09:00 0.1100 G.
        assertEquals(new Observation(day("2017-08-10"), 0.205, "G"), arm1.observations().get(0));
        assertEquals(new Observation(day("2017-08-11"), 0.245, "G"), arm1.observations().get(1));
        assertEquals(new Observation(day("2018-08-09"), 0.11, "G"), arm1.observations().get(267));
        assertEquals(null, byTime(arm1).get(day("2017-09-02")), "09:00 of 2017-09-02 is D05 and no other reading"
                + " lies within half an hour");
    }

    @Test
    void paperB_onlyTheZeroToFiveCentimetreSensors() throws Exception {
        StationSelection.Result r = select(StationReadOptions.defaults().withDepths(new DepthRange(0, 0.05)),
                IsmnSamples.ARM1_HEADER_VALUES, IsmnSamples.BARROW_HEADER_VALUES, IsmnSamples.NARBONNE_HEADER_VALUES,
                IsmnSamples.MAQU_HEADER_VALUES);
        assertEquals(List.of("Narbonne", "CST-01"), r.stations().stream().map(s -> s.station().id()).toList());
        assertEquals(List.of(StationReport.Status.OUTSIDE_DEPTH_RANGE, StationReport.Status.OUTSIDE_DEPTH_RANGE,
                StationReport.Status.KEPT, StationReport.Status.KEPT),
                r.reports().stream().map(StationReport::status).toList(),
                "the cosmic-ray probes integrate 0-0.19 m and 0-0.21 m");
    }

    @Test
    void paperD_meanOfOneAndTwoInTheMorning() throws Exception {
        StationSelection.Result r = select(StationReadOptions.defaults()
                .dailyMean(TimeWindow.parse("window", "01:00/02:00"), 2), IsmnSamples.NARBONNE_HEADER_VALUES);
        Map<Instant, Observation> days = byTime(r.stations().get(0));
        assertEquals(31, days.size(), "every day of January 2007 has both readings");
        // Lines 2-3: 2007/01/01 01:00 0.2140 U, 02:00 0.2140 U.
        assertEquals(0.214, days.get(day("2007-01-01")).sm(), TOLERANCE);
        // Lines 218-219: 2007/01/10 01:00 0.1820 U, 02:00 0.1824 U.
        assertEquals((0.1820 + 0.1824) / 2, days.get(day("2007-01-10")).sm(), TOLERANCE);
        // Lines 434-435: 2007/01/19 01:00 0.1658 U, 02:00 0.1662 U.
        assertEquals((0.1658 + 0.1662) / 2, days.get(day("2007-01-19")).sm(), TOLERANCE);
        assertEquals("U", days.get(day("2007-01-19")).flag());
        assertEquals(new ReadingCounts(741, 0, 0, 741 - 62, 31, 0, 31), r.reports().get(0).counts());
    }

    @Test
    void paperD_inChinaTheWindowIsLocalTime() throws Exception {
        // MAQU is on the Tibetan Plateau: 01:00-02:00 at UTC+8 is 17:00-18:00 UTC of the day before.
        StationReadOptions local = StationReadOptions.defaults()
                .dailyMean(TimeWindow.parse("window", "01:00/02:00"), 2).withTimeZone(ZoneId.of("Asia/Shanghai"));
        StationSelection.Result r = select(local, IsmnSamples.MAQU_HEADER_VALUES);
        Map<Instant, Observation> days = byTime(r.stations().get(0));
        // 663 local dates have a reading in the window; 2008-08-30 has only 2008/08/29 17:00 0.4200 U (line 1435).
        assertEquals(new ReadingCounts(15927, 0, 0, 15927 - 2 * 662 - 1, 663, 1, 662), r.reports().get(0).counts());
        assertEquals(null, days.get(day("2008-08-30")));
        // Lines 9090-9091, 2009/07/14 17:00 0.2200 U and 18:00 0.2100 U, make local 2009-07-15.
        assertEquals((0.22 + 0.21) / 2, days.get(day("2009-07-15")).sm(), TOLERANCE);
        // The first local date: lines 19-20, 2008/07/01 17:00 and 18:00, both 0.4800 C03.
        assertEquals(new Observation(day("2008-07-02"), 0.48, "C03"), r.stations().get(0).observations().get(0));
        StationSelection.Result offset = select(local.withTimeZone(ZoneOffset.ofHours(8)),
                IsmnSamples.MAQU_HEADER_VALUES);
        assertEquals(r.stations(), offset.stations(), "China has kept UTC+8 all year since 1991");
        StationSelection.Result utc = select(local.withTimeZone(ZoneOffset.UTC), IsmnSamples.MAQU_HEADER_VALUES);
        // In UTC the same date averages 2009/07/15 01:00 and 02:00, both 0.2100.
        assertEquals(0.21, byTime(utc.stations().get(0)).get(day("2009-07-15")).sm(), TOLERANCE);
    }

    @Test
    void nineInTheMorningInFranceIsEightUtcInWinter() throws Exception {
        StationSelection.Result paris = select(StationReadOptions.defaults().dailyAt(LocalTime.of(9, 0))
                .withTimeZone(ZoneId.of("Europe/Paris")), IsmnSamples.NARBONNE_CEOP);
        StationSelection.Result utc = select(StationReadOptions.defaults().dailyAt(LocalTime.of(9, 0)),
                IsmnSamples.NARBONNE_CEOP);
        // 2007/01/09 08:00 0.1853 and 09:00 0.1848; 2007/01/15 08:00 0.1684 and 09:00 0.1688.
        assertEquals(0.1853, byTime(paris.stations().get(0)).get(day("2007-01-09")).sm(), 0);
        assertEquals(0.1848, byTime(utc.stations().get(0)).get(day("2007-01-09")).sm(), 0);
        assertEquals(0.1684, byTime(paris.stations().get(0)).get(day("2007-01-15")).sm(), 0);
        assertEquals(0.1688, byTime(utc.stations().get(0)).get(day("2007-01-15")).sm(), 0);
        assertEquals(31, paris.stations().get(0).observations().size());
    }
}
