package org.ssm.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotools.api.util.ProgressListener;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.io.stations.StationFiles;
import org.ssm.io.stations.StationText;
import org.ssm.stations.Aggregation;
import org.ssm.stations.DepthRange;
import org.ssm.stations.FlagFilter;
import org.ssm.stations.SensorSeries;
import org.ssm.stations.StationReadOptions;
import org.ssm.stations.StationSelection;
import org.ssm.stations.TimeWindow;

/**
 * The {@code ssm:ReadStations} process: a thin adapter over {@link StationFiles} (ISMN header+values
 * and CEOP, CSV, GeoJSON) and {@link StationSelection} (depth range and quality flags as in paper B
 * §2.2.3, daily values at an hour as in paper B §2.2.2 or over a window as in paper D §2.1.3).
 */
@DescribeProcess(title = "Read in-situ soil-moisture stations",
        description = "Reads station files - ISMN 'header+values' and 'CEOP' files (any line ending), CSV tables"
                + " (station, lon, lat, time, sm, and optionally network, depth_from, depth_to, flag) or GeoJSON -"
                + " detecting each file's format from its content. Keeps the sensors whose layer lies within"
                + " [depthFrom, depthTo] m and the readings whose ISMN quality flags are all accepted, and can"
                + " aggregate them to one value a day: the reading at a local hour (paper B: 09:00 UTC) or the mean"
                + " over a local window (paper D: 01:00/02:00). Outputs the stations as GeoJSON points (SPEC 4"
                + " properties) and a CSV table of what was kept and dropped per sensor.")
public class ReadStationsProcess {

    /** Most files in one execution. */
    public static final int MAX_FILES = 10_000;

    @DescribeResults({
        @DescribeResult(name = "stations", type = SimpleFeatureCollection.class, primary = true,
                description = "One WGS84 point per reading or daily value kept, with properties station, network,"
                        + " time (ISO instant; a daily value is dated 00:00 UTC of its local date), sm (m3/m3),"
                        + " depth_from, depth_to (m) and flag"),
        @DescribeResult(name = "summary", type = String.class, meta = {"mimeTypes=text/csv"},
                description = "CSV, one line per sensor read: station, network, sensor, depth_from, depth_to, lon,"
                        + " lat, source, status (kept, outside_depth_range, nothing_kept), readings, flag_rejected,"
                        + " no_value, unused, days, days_too_few, kept, first, last")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "files", collectionType = String.class, min = 1, max = MAX_FILES,
                    meta = {"mimeTypes=text/plain,text/csv,application/json"},
                    description = "The station files, one per input: ISMN header+values or CEOP (.stm), CSV or"
                            + " GeoJSON; the format is detected from the content") List<String> files,
            @DescribeParameter(name = "names", collectionType = String.class, min = 0, max = MAX_FILES,
                    description = "The file names, in the order of files (for the ISMN name convention, which"
                            + " gives the variable, station and depths, and for errors); 'file N' when omitted")
                    List<String> names,
            @DescribeParameter(name = "depthFrom", min = 0, minValue = 0, maxValue = DepthRange.DEEPEST,
                    description = "Keep sensors whose layer starts at or below this depth (m); the surface when"
                            + " omitted") Double depthFrom,
            @DescribeParameter(name = "depthTo", min = 0, minValue = 0, maxValue = DepthRange.DEEPEST,
                    description = "Keep sensors whose layer ends at or above this depth (m), e.g. 0.05 for 0-5 cm;"
                            + " no limit when omitted") Double depthTo,
            @DescribeParameter(name = "flags", min = 0,
                    description = "Accepted ISMN quality flag codes, comma separated, e.g. G (paper B) or G,U; a"
                            + " reading flagged D03,D05 needs both codes accepted; every reading when omitted")
                    String flags,
            @DescribeParameter(name = "aggregation", min = 0, defaultValue = StationReadOptions.DEFAULT_AGGREGATION,
                    description = "NONE (every reading), DAILY_AT_HOUR (the reading at 'hour', nearest within 30"
                            + " minutes) or DAILY_MEAN (mean of the readings within 'window')") Aggregation aggregation,
            @DescribeParameter(name = "hour", min = 0, defaultValue = StationReadOptions.DEFAULT_HOUR,
                    description = "Time of day HH:MM in timeZone for DAILY_AT_HOUR") String hour,
            @DescribeParameter(name = "window", min = 0, defaultValue = StationReadOptions.DEFAULT_WINDOW,
                    description = "Window start/end HH:MM/HH:MM in timeZone, both ends included, for DAILY_MEAN")
                    String window,
            @DescribeParameter(name = "timeZone", min = 0, defaultValue = StationReadOptions.DEFAULT_TIME_ZONE,
                    description = "Time zone of hour and window, and of the dates of daily values: UTC, an offset"
                            + " such as +08:00, or a region such as Asia/Shanghai") String timeZone,
            @DescribeParameter(name = "minReadings", min = 0,
                    defaultValue = "" + StationReadOptions.DEFAULT_MIN_READINGS, minValue = 1,
                    maxValue = StationReadOptions.MAX_MIN_READINGS,
                    description = "Fewest readings within the window for a daily mean") Integer minReadings,
            ProgressListener listener) {
        StationReadOptions options = options(depthFrom, depthTo, flags, aggregation, hour, window, timeZone,
                minReadings);
        List<StationText> texts = texts(files, names);
        Monitor monitor = ProcessSupport.monitor(listener);
        List<SensorSeries> sensors = StationFiles.read(texts, monitor.stage(0, 0.7));
        StationSelection.Result result = new StationSelection(options).apply(sensors, monitor.stage(0.7, 0.3));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stations", StationFeatures.toFeatures(result.stations()));
        out.put("summary", result.csv());
        return out;
    }

    private static StationReadOptions options(Double depthFrom, Double depthTo, String flags, Aggregation aggregation,
            String hour, String window, String timeZone, Integer minReadings) {
        return new StationReadOptions(DepthRange.of(depthFrom, depthTo), FlagFilter.parse("flags", flags),
                aggregation == null ? Aggregation.parse("aggregation", StationReadOptions.DEFAULT_AGGREGATION)
                        : aggregation,
                StationReadOptions.parseHour("hour", hour == null ? StationReadOptions.DEFAULT_HOUR : hour),
                TimeWindow.parse("window", window == null ? StationReadOptions.DEFAULT_WINDOW : window),
                StationReadOptions.parseTimeZone("timeZone",
                        timeZone == null ? StationReadOptions.DEFAULT_TIME_ZONE : timeZone),
                minReadings == null ? StationReadOptions.DEFAULT_MIN_READINGS : minReadings);
    }

    private static List<StationText> texts(List<String> files, List<String> names) {
        if (files == null || files.isEmpty()) {
            throw ParameterException.missing("files", "at least one station file");
        }
        List<String> given = names == null ? List.of() : names;
        if (given.size() > files.size()) {
            throw new ParameterException("names", given.size() + " names", "at most one name per file ("
                    + files.size() + " files)");
        }
        List<StationText> texts = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String name = i < given.size() && given.get(i) != null && !given.get(i).isBlank() ? given.get(i).strip()
                    : "file " + (i + 1);
            texts.add(new StationText(name, files.get(i)));
        }
        return texts;
    }
}
