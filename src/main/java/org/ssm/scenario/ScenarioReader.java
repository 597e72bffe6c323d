package org.ssm.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridSeries;
import org.ssm.io.GeoTiff;
import org.ssm.core.Json;
import org.ssm.io.StationsGeoJson;
import org.ssm.stations.StationSeries;

/** Reads back what {@link ScenarioWriter} wrote. */
public final class ScenarioReader {

    private ScenarioReader() {}

    /**
     * Whether {@code dir} holds a complete scenario: a manifest of the right format whose every
     * listed file exists and is not empty.
     */
    public static boolean isComplete(Path dir) {
        try {
            for (Map<?, ?> entry : files(manifest(dir))) {
                Path file = dir.resolve(String.valueOf(entry.get("file")));
                if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The parsed manifest of the scenario in {@code dir}. */
    public static Map<String, Object> manifest(Path dir) throws IOException {
        Path file = dir.resolve(ScenarioWriter.MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new ParameterException("scenario", dir, "a directory holding " + ScenarioWriter.MANIFEST);
        }
        Map<String, Object> manifest = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
        if (!ScenarioWriter.FORMAT.equals(manifest.get("format"))
                || !(manifest.get("version") instanceof Number v) || v.intValue() != ScenarioWriter.VERSION) {
            throw new ParameterException("scenario", file, "a manifest of format " + ScenarioWriter.FORMAT
                    + " version " + ScenarioWriter.VERSION);
        }
        files(manifest);
        return manifest;
    }

    /** The manifest's file entries; fails unless each names a plain file inside the directory. */
    private static List<Map<?, ?>> files(Map<String, Object> manifest) {
        if (!(manifest.get("files") instanceof List<?> list) || list.isEmpty()) {
            throw ParameterException.because("scenario", "the manifest lists no files");
        }
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> m) || !(m.get("file") instanceof String name)
                    || name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                throw ParameterException.because("scenario", "bad file entry in the manifest: " + entry);
            }
        }
        @SuppressWarnings("unchecked")
        List<Map<?, ?>> entries = (List<Map<?, ?>>) list;
        return entries;
    }

    /** The layer {@code variable} (e.g. {@code truth_ssm}) of the scenario in {@code dir}. */
    public static GridSeries read(Path dir, String variable) throws IOException {
        for (Map<?, ?> entry : files(manifest(dir))) {
            if (variable.equals(entry.get("variable")) && entry.containsKey("grid")) {
                return GeoTiff.read(variable, dir.resolve((String) entry.get("file")), null);
            }
        }
        throw new ParameterException("variable", variable, "a raster variable listed in " + ScenarioWriter.MANIFEST);
    }

    /** The station readings of the scenario in {@code dir}. */
    public static List<StationSeries> stations(Path dir) throws IOException {
        return StationsGeoJson.read(Files.readString(dir.resolve(ScenarioWriter.STATIONS), StandardCharsets.UTF_8));
    }
}
