package org.ssm.host.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ssm.core.Monitor;
import org.ssm.grid.GridSeries;
import org.ssm.host.catalog.Catalog;
import org.ssm.scenario.Scenario;
import org.ssm.scenario.ScenarioLayer;
import org.ssm.scenario.ScenarioReader;
import org.ssm.scenario.ScenarioWriter;
import org.ssm.scenario.TwinExperiment;
import org.ssm.scenario.TwinExperimentConfig;

/**
 * The embedded default: the twin-experiment scenario in {@code <data>/scenario}, generated when
 * missing, its rasters published as layers {@code twin_<variable>} and its stations as the station
 * layer {@value #STATIONS_LAYER}.
 */
public final class DemoScenario {

    /** Prefix of the scenario's layer names. */
    public static final String PREFIX = "twin_";
    /** The station layer of the scenario's in-situ sensors. */
    public static final String STATIONS_LAYER = PREFIX + "stations";

    private DemoScenario() {}

    /** The directory of the scenario in a data directory. */
    public static Path directory(Path dataDir) {
        return dataDir.resolve("scenario");
    }

    /**
     * Makes sure the scenario exists and every one of its rasters is published.
     *
     * @return the names of the scenario's layers
     */
    public static List<String> ensurePublished(Catalog catalog, Path dataDir, TwinExperimentConfig config,
            Monitor monitor) throws IOException {
        Path dir = directory(dataDir);
        List<String> names = new ArrayList<>();
        if (!ScenarioReader.isComplete(dir)) {
            Scenario scenario = TwinExperiment.generate(config, monitor.stage(0, 0.5));
            ScenarioWriter.write(scenario, dir, monitor.stage(0.5, 0.3));
            List<ScenarioLayer> layers = scenario.layers();
            for (int i = 0; i < layers.size(); i++) {
                monitor.stage(0.8, 0.2).checkpoint(i, layers.size());
                ScenarioLayer layer = layers.get(i);
                names.add(publish(catalog, layer.variable(), layer.title(), layer.units(), layer.series()));
            }
            names.add(publishStations(catalog, dir));
            return names;
        }
        List<Map<String, Object>> files = rasterFiles(ScenarioReader.manifest(dir));
        for (int i = 0; i < files.size(); i++) {
            monitor.checkpoint(i, files.size());
            Map<String, Object> f = files.get(i);
            String variable = (String) f.get("variable");
            String name = PREFIX + variable;
            if (catalog.find(name).isEmpty()) {
                publish(catalog, variable, (String) f.get("title"), (String) f.get("units"),
                        ScenarioReader.read(dir, variable));
            }
            names.add(name);
        }
        names.add(catalog.findStations(STATIONS_LAYER).isPresent() ? STATIONS_LAYER : publishStations(catalog, dir));
        return names;
    }

    private static String publishStations(Catalog catalog, Path dir) throws IOException {
        catalog.publishStations(STATIONS_LAYER, "Twin experiment: in-situ stations", "The twin experiment's"
                + " in-situ sensors (0-5 cm): the truth at each station's cell with sensor noise and representativeness"
                + " error; a few are faulty (synthetic; see docs/scenario.md)", "scenario",
                ScenarioReader.stations(dir));
        return STATIONS_LAYER;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rasterFiles(Map<String, Object> manifest) {
        List<Map<String, Object>> rasters = new ArrayList<>();
        for (Object o : (List<Object>) manifest.get("files")) {
            Map<String, Object> f = (Map<String, Object>) o;
            if (String.valueOf(f.get("file")).endsWith(".tif")) {
                rasters.add(f);
            }
        }
        return rasters;
    }

    private static String publish(Catalog catalog, String variable, String title, String units, GridSeries series)
            throws IOException {
        String name = PREFIX + variable;
        catalog.publish(name, "Twin experiment: " + title, "Twin-experiment scenario layer '" + variable
                + "' (synthetic; see docs/scenario.md)", styleOf(variable), units, "scenario", series);
        return name;
    }

    /** The style of a scenario variable: the SLD of the quantity it holds. */
    static String styleOf(String variable) {
        String v = variable.toLowerCase(Locale.ROOT);
        if (v.endsWith("ssm") || v.equals("porosity") || v.equals("field_capacity") || v.equals("wilting_point")) {
            return "ssm";
        }
        if (v.endsWith("lst")) {
            return "lst";
        }
        if (v.endsWith("ndvi")) {
            return "ndvi";
        }
        for (String band : List.of("blue", "red", "nir", "swir1", "swir2")) {
            if (v.equals(band) || v.endsWith("_" + band)) {
                return "reflectance";
            }
        }
        return switch (v) {
            case "rain", "pet" -> "rain";
            case "dem" -> "dem";
            case "landcover" -> "landcover";
            default -> v;
        };
    }
}
