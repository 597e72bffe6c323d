package org.ssm.io.stations;

import java.util.Arrays;
import java.util.Optional;

/**
 * The metadata an ISMN download writes into each data file's name:
 * {@code <network>_<network>_<station>_<variable>_<depth_from>_<depth_to>_<sensor>_<start>_<end>.stm},
 * depths in metres with six decimals and dates {@code yyyymmdd}, e.g.
 * {@code SMOSMANIA_SMOSMANIA_Narbonne_sm_0.050000_0.050000_ThetaProbe-ML2X_20070101_20070131.stm}.
 * The variable tells soil moisture ({@code sm}) from the other files of a download (soil temperature
 * {@code ts}, precipitation {@code p}, ...), which the data formats do not say.
 *
 * <p>Network and sensor names may hold underscores; the network is found as the name written twice at
 * the start, the depths as the last two numbers before the sensor.
 *
 * @param network the network
 * @param station the station, as the ISMN folder names it
 * @param variable the variable code, e.g. {@code sm}
 * @param depthFrom top of the layer in metres
 * @param depthTo bottom of the layer in metres
 * @param sensor the instrument
 */
public record IsmnFileName(String network, String station, String variable, double depthFrom, double depthTo,
        String sensor) {

    /** The variable code of soil moisture. */
    public static final String SOIL_MOISTURE = "sm";

    /** The metadata in a file name (a path's last part), or empty when the name does not follow the convention. */
    public static Optional<IsmnFileName> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (!base.toLowerCase(java.util.Locale.ROOT).endsWith(".stm")) {
            return Optional.empty();
        }
        String[] t = base.substring(0, base.length() - 4).split("_", -1);
        int n = t.length;
        if (n < 9 || !isDate(t[n - 1]) || !isDate(t[n - 2])) {
            return Optional.empty();
        }
        for (int k = 1; 2 * k + 6 <= n; k++) {
            String network = String.join("_", Arrays.copyOfRange(t, 0, k));
            if (!network.equals(String.join("_", Arrays.copyOfRange(t, k, 2 * k)))) {
                continue;
            }
            // The depths: the last pair of numbers that leaves a station, a variable and a sensor.
            for (int d = n - 4; d >= 2 * k + 2; d--) {
                if (IsmnFields.isNumber(t[d]) && IsmnFields.isNumber(t[d + 1]) && !t[d - 1].isEmpty()) {
                    String station = String.join("_", Arrays.copyOfRange(t, 2 * k, d - 1));
                    String sensor = String.join("_", Arrays.copyOfRange(t, d + 2, n - 2));
                    if (!station.isEmpty() && !sensor.isEmpty()) {
                        return Optional.of(new IsmnFileName(network, station, t[d - 1], Double.parseDouble(t[d]),
                                Double.parseDouble(t[d + 1]), sensor));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isDate(String s) {
        return s.length() == 8 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Whether the file holds soil moisture. */
    public boolean isSoilMoisture() {
        return SOIL_MOISTURE.equals(variable);
    }
}
