package org.ssm.stations;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.stations.StationReport.ReadingCounts;
import org.ssm.stations.StationReport.Status;

/**
 * Applies {@link StationReadOptions} to the sensors read from station files: the depth range, the
 * quality-flag filter and the daily aggregation (papers B §2.2.2–2.2.3 and D §2.1.3), and reports per
 * sensor what was kept and why the rest was dropped.
 *
 * <p>A station with several sensors left after the depth filter (several depths, or two probes at one
 * depth) gets one series per sensor, named {@code <station>_<depth_from>_<depth_to>[_<sensor>]} so
 * that every output series has its own station id. The same sensor given twice is an error.
 */
public final class StationSelection {

    /**
     * The selected stations and the report of every sensor read.
     *
     * @param stations the series output, one per sensor with at least one value, in input order
     * @param reports one per sensor read, in input order
     */
    public record Result(List<StationSeries> stations, List<StationReport> reports) {
        public Result {
            stations = List.copyOf(stations);
            reports = List.copyOf(reports);
        }

        /** The report as CSV ({@link StationReport#CSV_HEADER}). */
        public String csv() {
            return StationReport.csv(reports);
        }
    }

    private final StationReadOptions options;

    public StationSelection(StationReadOptions options) {
        this.options = options;
    }

    /** Selects and aggregates; checks {@code monitor} once per sensor. */
    public Result apply(List<SensorSeries> sensors, Monitor monitor) {
        List<Boolean> inRange = new ArrayList<>();
        Map<String, Integer> perStation = new HashMap<>();
        for (SensorSeries s : sensors) {
            boolean in = options.depths().includes(s.station());
            inRange.add(in);
            if (in) {
                perStation.merge(key(s.station().network(), s.station().id()), 1, Integer::sum);
            }
        }
        Map<String, SensorSeries> ids = new HashMap<>();
        List<StationSeries> stations = new ArrayList<>();
        List<StationReport> reports = new ArrayList<>();
        for (int i = 0; i < sensors.size(); i++) {
            monitor.checkpoint(i, sensors.size());
            SensorSeries s = sensors.get(i);
            Station st = s.station();
            if (!inRange.get(i)) {
                reports.add(new StationReport(st.id(), s, Status.OUTSIDE_DEPTH_RANGE,
                        new ReadingCounts(s.series().observations().size(), 0, 0, 0, 0, 0, 0), null, null));
                continue;
            }
            String id = perStation.get(key(st.network(), st.id())) > 1 ? layerId(s) : st.id();
            SensorSeries earlier = ids.putIfAbsent(key(st.network(), id), s);
            if (earlier != null) {
                throw ParameterException.because("files", "station " + st.id() + " of network " + st.network() + " ("
                        + st.depthFrom() + "-" + st.depthTo() + " m" + (s.sensor().isEmpty() ? "" : ", " + s.sensor())
                        + ") is given twice: in " + earlier.source() + " and in " + s.source());
            }
            Tally tally = new Tally(s.series().observations().size());
            List<Observation> kept = select(s.series().observations(), tally);
            Station out = new Station(id, st.network(), st.lon(), st.lat(), st.depthFrom(), st.depthTo());
            if (!kept.isEmpty()) {
                stations.add(new StationSeries(out, kept));
            }
            Instant first = kept.isEmpty() ? null : kept.get(0).time();
            Instant last = kept.isEmpty() ? null : kept.get(kept.size() - 1).time();
            reports.add(new StationReport(id, s, kept.isEmpty() ? Status.NOTHING_KEPT : Status.KEPT, tally.counts(),
                    first, last));
        }
        monitor.checkpoint(sensors.size(), sensors.size());
        return new Result(stations, reports);
    }

    private static String key(String network, String id) {
        return network + '\u0000' + id;
    }

    private static String layerId(SensorSeries s) {
        Station st = s.station();
        return st.id() + "_" + depth(st.depthFrom()) + "_" + depth(st.depthTo())
                + (s.sensor().isEmpty() ? "" : "_" + s.sensor());
    }

    private static String depth(double metres) {
        return BigDecimal.valueOf(metres).stripTrailingZeros().toPlainString();
    }

    /** The readings that pass the flag and value checks, aggregated. */
    private List<Observation> select(List<Observation> readings, Tally tally) {
        List<Observation> usable = new ArrayList<>();
        for (Observation o : readings) {
            if (!options.flags().accepts(o.flag())) {
                tally.flagRejected++;
            } else if (Double.isNaN(o.sm())) {
                tally.noValue++;
            } else {
                usable.add(o);
            }
        }
        usable.sort(Comparator.comparing(Observation::time));
        List<Observation> out = switch (options.aggregation()) {
            case NONE -> none(usable, tally);
            case DAILY_AT_HOUR -> atHour(usable, tally);
            case DAILY_MEAN -> windowMean(usable, tally);
        };
        tally.kept = out.size();
        return out;
    }

    private static List<Observation> none(List<Observation> usable, Tally tally) {
        tally.days = (int) usable.stream().map(o -> LocalDate.ofInstant(o.time(), ZoneOffset.UTC)).distinct().count();
        return usable;
    }

    /** Per local date, the reading nearest the hour within the tolerance; the earlier one on a tie. */
    private List<Observation> atHour(List<Observation> usable, Tally tally) {
        int target = options.hour().toSecondOfDay();
        int tolerance = StationReadOptions.HOUR_TOLERANCE_MINUTES * 60;
        Map<LocalDate, Observation> best = new TreeMap<>();
        Map<LocalDate, Integer> bestDistance = new HashMap<>();
        for (Observation o : usable) {
            ZonedDateTime local = o.time().atZone(options.timeZone());
            int distance = Math.abs(local.toLocalTime().toSecondOfDay() - target);
            if (distance > tolerance) {
                tally.unused++;
                continue;
            }
            LocalDate date = local.toLocalDate();
            Integer known = bestDistance.get(date);
            if (known == null || distance < known) {
                if (known != null) {
                    tally.unused++;
                }
                best.put(date, o);
                bestDistance.put(date, distance);
            } else {
                tally.unused++;
            }
        }
        List<Observation> out = new ArrayList<>();
        best.forEach((date, o) -> out.add(new Observation(midnightUtc(date), o.sm(), o.flag())));
        tally.days = out.size();
        return out;
    }

    /** Per local date, the mean of the readings within the window, when there are enough of them. */
    private List<Observation> windowMean(List<Observation> usable, Tally tally) {
        TimeWindow window = options.window();
        Map<LocalDate, List<Observation>> days = new TreeMap<>();
        for (Observation o : usable) {
            ZonedDateTime local = o.time().atZone(options.timeZone());
            LocalTime time = local.toLocalTime();
            if (window.contains(time)) {
                days.computeIfAbsent(local.toLocalDate(), d -> new ArrayList<>()).add(o);
            } else {
                tally.unused++;
            }
        }
        List<Observation> out = new ArrayList<>();
        for (Map.Entry<LocalDate, List<Observation>> day : days.entrySet()) {
            List<Observation> in = day.getValue();
            if (in.size() < options.minReadings()) {
                tally.daysTooFew++;
                continue;
            }
            double sum = 0;
            Set<String> flags = new LinkedHashSet<>();
            for (Observation o : in) {
                sum += o.sm();
                for (String code : o.flag().split(",")) {
                    if (!code.isBlank()) {
                        flags.add(code.strip());
                    }
                }
            }
            out.add(new Observation(midnightUtc(day.getKey()), sum / in.size(), String.join(",", flags)));
        }
        tally.days = days.size();
        return out;
    }

    /** A daily value's time: its date at 00:00 UTC, which every reader of UTC dates takes as that date. */
    private static Instant midnightUtc(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The counts of one sensor, filled in as its readings are looked at. */
    private static final class Tally {
        final int readings;
        int flagRejected;
        int noValue;
        int unused;
        int days;
        int daysTooFew;
        int kept;

        Tally(int readings) {
            this.readings = readings;
        }

        ReadingCounts counts() {
            return new ReadingCounts(readings, flagRejected, noValue, unused, days, daysTooFew, kept);
        }
    }
}
