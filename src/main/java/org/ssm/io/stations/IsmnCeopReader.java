package org.ssm.io.stations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ssm.stations.Observation;
import org.ssm.stations.SensorSeries;

/**
 * Reads an ISMN file in the "CEOP" format of the International Soil Moisture Network's downloads
 * (separate files per variable, the layout of the Coordinated Energy and Water Cycle Observations
 * Project reference data; as read by TU Wien's {@code ismn} package).
 *
 * <p>There is no header: every line is one reading with its station, fields separated by white space:
 * {@code yyyy/mm/dd HH:MM yyyy/mm/dd HH:MM network network station latitude longitude elevation
 * depth_from depth_to value ismn_flag provider_flag}. The first date and time are the nominal time in
 * UTC, which is used (as the {@code ismn} package does); the second, the actual time, must be valid
 * too. Every line must name the station, position and layer of the first. The sensor is not in the
 * records; it is taken from the file name when that follows the ISMN convention. Lines may end in LF,
 * CRLF or CR; blank lines are skipped.
 */
public final class IsmnCeopReader {

    private static final String RECORD = "'date time date time network network station latitude longitude"
            + " elevation depth_from depth_to value ismn_flag provider_flag'";

    private IsmnCeopReader() {}

    /**
     * The sensor of a file.
     *
     * @param file the file name, for the ISMN name convention and for errors
     * @param text the file's text
     * @throws StationFileException naming the file, the line and the reason
     */
    public static SensorSeries read(String file, String text) {
        TextLines lines = new TextLines(text);
        IsmnSensor first = null;
        int firstLine = 0;
        List<Observation> readings = new ArrayList<>();
        while (lines.nextNonBlank()) {
            int n = lines.number();
            String[] t = IsmnFields.tokens(lines.line());
            int numbers = t.length >= 14 ? IsmnFields.numberRun(t, 7, 5) : -1;
            if (numbers < 0 || t.length < numbers + 7 || t.length > numbers + 8) {
                throw new StationFileException(file, n, "expected a record " + RECORD + ", found " + t.length
                        + " fields: '" + lines.line().strip() + "'");
            }
            IsmnFields.instant(file, n, t[2], t[3]);
            IsmnSensor station = new IsmnSensor(t[4], String.join(" ", Arrays.copyOfRange(t, 6, numbers)),
                    Double.parseDouble(t[numbers]), Double.parseDouble(t[numbers + 1]),
                    Double.parseDouble(t[numbers + 3]), Double.parseDouble(t[numbers + 4]), "");
            if (first == null) {
                first = station;
                firstLine = n;
            } else if (!first.equals(station)) {
                throw new StationFileException(file, n, "the record is of station " + describe(station)
                        + ", but line " + firstLine + " is of " + describe(first) + ": a CEOP file holds one sensor");
            }
            readings.add(new Observation(IsmnFields.instant(file, n, t[0], t[1]),
                    IsmnFields.value(file, n, t[numbers + 5]), t[numbers + 6]));
        }
        if (first == null) {
            throw new StationFileException(file, 0, "the file is empty");
        }
        return first.series(file, firstLine, readings);
    }

    private static String describe(IsmnSensor s) {
        return s.network() + " " + s.station() + " at latitude " + s.lat() + ", longitude " + s.lon() + ", "
                + s.depthFrom() + "-" + s.depthTo() + " m";
    }
}
