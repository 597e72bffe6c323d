package org.ssm.io.stations;

import java.util.ArrayList;
import java.util.List;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.io.StationsGeoJson;
import org.ssm.stations.SensorSeries;
import org.ssm.stations.StationSeries;

/**
 * Reads station files of any supported format ({@link StationFormat}, detected from each file's
 * content) into sensors: ISMN header+values ({@link IsmnHeaderValuesReader}), ISMN CEOP
 * ({@link IsmnCeopReader}), CSV ({@link StationCsvReader}) and GeoJSON ({@link StationsGeoJson}).
 * Any error names the file, and the line when there is one.
 */
public final class StationFiles {

    /** The public name of the input that holds the files, the locator of every error. */
    public static final String PARAMETER = "files";

    private StationFiles() {}

    /** Every sensor of every file, in file order; checks {@code monitor} once per file. */
    public static List<SensorSeries> read(List<StationText> files, Monitor monitor) {
        List<SensorSeries> sensors = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            monitor.checkpoint(i, files.size());
            sensors.addAll(read(files.get(i)));
        }
        monitor.checkpoint(files.size(), files.size());
        return sensors;
    }

    /** The sensors of one file. */
    public static List<SensorSeries> read(StationText file) {
        String name = file.name();
        return switch (StationFormat.detect(name, file.text())) {
            case ISMN_HEADER_VALUES -> List.of(IsmnHeaderValuesReader.read(name, file.text()));
            case ISMN_CEOP -> List.of(IsmnCeopReader.read(name, file.text()));
            case CSV -> StationCsvReader.read(name, file.text());
            case GEOJSON -> geoJson(name, file.text());
        };
    }

    private static List<SensorSeries> geoJson(String name, String text) {
        List<StationSeries> series;
        try {
            series = StationsGeoJson.read(name, text);
        } catch (ParameterException e) {
            // GeoJSON has no useful line numbers: features are located by index in the message.
            String prefix = name + ": ";
            String reason = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length())
                    : e.getMessage();
            throw new StationFileException(name, 0, reason);
        }
        List<SensorSeries> out = new ArrayList<>();
        for (StationSeries s : series) {
            out.add(new SensorSeries(s, "", name));
        }
        return out;
    }
}
