package org.ssm.io.stations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ssm.stations.Observation;
import org.ssm.stations.SensorSeries;

/**
 * Reads an ISMN file in the "header + values" format of the International Soil Moisture Network's
 * downloads (Dorigo et al. 2011, 2021; the format as read by TU Wien's {@code ismn} package).
 *
 * <p>The first line is the header, fields separated by white space:
 * {@code network network station latitude longitude elevation depth_from depth_to sensor} (degrees
 * WGS 84, metres). Every later line is one reading: {@code yyyy/mm/dd HH:MM value ismn_flag
 * provider_flag}, the time in UTC, the value in m³/m³, the ISMN quality flag (e.g. {@code G} or
 * {@code D03,D05}) and the provider's own flag, which some files leave out. The provider flag is not
 * kept. Lines may end in LF, CRLF or CR; blank lines are skipped.
 */
public final class IsmnHeaderValuesReader {

    private static final String READING = "'yyyy/mm/dd HH:MM value ismn_flag [provider_flag]'";

    private IsmnHeaderValuesReader() {}

    /**
     * The sensor of a file.
     *
     * @param file the file name, for the ISMN name convention and for errors
     * @param text the file's text
     * @throws StationFileException naming the file, the line and the reason
     */
    public static SensorSeries read(String file, String text) {
        TextLines lines = new TextLines(text);
        if (!lines.nextNonBlank()) {
            throw new StationFileException(file, 0, "the file is empty");
        }
        int headerLine = lines.number();
        IsmnSensor sensor = header(file, headerLine, IsmnFields.tokens(lines.line()));
        List<Observation> readings = new ArrayList<>();
        while (lines.nextNonBlank()) {
            int n = lines.number();
            String[] t = IsmnFields.tokens(lines.line());
            if (t.length < 4 || t.length > 5) {
                throw new StationFileException(file, n, "expected a reading " + READING + ", found " + t.length
                        + " fields");
            }
            readings.add(new Observation(IsmnFields.instant(file, n, t[0], t[1]), IsmnFields.value(file, n, t[2]),
                    t[3]));
        }
        return sensor.series(file, headerLine, readings);
    }

    private static IsmnSensor header(String file, int line, String[] t) {
        if (t.length > 0 && IsmnFields.looksLikeDate(t[0])) {
            throw new StationFileException(file, line, "the file starts with a reading, not with the header line"
                    + " 'network network station latitude longitude elevation depth_from depth_to sensor'");
        }
        int numbers = t.length >= 8 ? IsmnFields.numberRun(t, 3, 5) : -1;
        if (numbers < 0) {
            throw new StationFileException(file, line, "expected the header 'network network station latitude"
                    + " longitude elevation depth_from depth_to sensor', found '" + String.join(" ", t) + "'");
        }
        String station = String.join(" ", Arrays.copyOfRange(t, 2, numbers));
        String sensor = String.join(" ", Arrays.copyOfRange(t, numbers + 5, t.length));
        return new IsmnSensor(t[0], station, Double.parseDouble(t[numbers]), Double.parseDouble(t[numbers + 1]),
                Double.parseDouble(t[numbers + 3]), Double.parseDouble(t[numbers + 4]), sensor);
    }
}
