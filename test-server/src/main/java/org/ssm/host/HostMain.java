package org.ssm.host;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.host.catalog.Layer;
import org.ssm.host.demo.DemoRun;
import org.ssm.host.demo.DemoScenario;
import org.ssm.core.Json;
import org.ssm.scenario.TwinExperimentConfig;

/**
 * The main job ({@code test-server/run}): starts the host, makes sure the twin-experiment scenario
 * (rasters and the station layer {@code twin_stations}) is generated and published, runs {@code ssm:DisPATCh} on it through the host's own WPS, prints
 * the URLs to open, and serves until stopped.
 *
 * <pre>
 * test-server/run [--port N] [--data-dir DIR] [--allow-host HOST[:PORT]]... [--scenario demo|small] [--no-demo]
 * </pre>
 */
public final class HostMain {

    static final String DEMO_FILE = "demo.json";

    /** Parsed command-line options. */
    record Options(int port, Path dataDir, List<String> allowedHosts, boolean demo, TwinExperimentConfig scenario) {}

    private HostMain() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (ParameterException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(usage());
            return;
        }
        Host host;
        try {
            host = Host.start(HostConfig.defaults(options.port(), options.dataDir())
                    .withAllowedHosts(options.allowedHosts()));
        } catch (IOException e) {
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                System.err.println("error: port " + options.port() + " is in use; choose another with --port N");
                System.exit(2);
            }
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                host.close();
            } catch (IOException e) {
                System.err.println("shutdown: " + e.getMessage());
            }
        }, "shutdown"));
        String dispatchLayer = null;
        if (options.demo()) {
            dispatchLayer = prepareDemo(host, options.scenario(), System.err);
        }
        printUrls(host, dispatchLayer, System.out);
        host.join();
    }

    static Options parse(String[] args) {
        int port = 8080;
        Path dataDir = Path.of("ssm-data");
        List<String> allowed = new ArrayList<>();
        boolean demo = true;
        TwinExperimentConfig scenario = TwinExperimentConfig.demo();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--no-demo" -> demo = false;
                case "--port" -> {
                    String v = value(args, ++i, a);
                    try {
                        port = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new ParameterException("--port", v, "an integer in [0, 65535]");
                    }
                    ParameterException.requireInRange("--port", port, 0, 65535);
                }
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, a));
                case "--allow-host" -> allowed.add(value(args, ++i, a));
                case "--scenario" -> {
                    String v = value(args, ++i, a);
                    scenario = switch (v) {
                        case "demo" -> TwinExperimentConfig.demo();
                        case "small" -> TwinExperimentConfig.small();
                        default -> throw new ParameterException("--scenario", v, "demo or small");
                    };
                }
                default -> throw new ParameterException("argument", a, "one of --port, --data-dir, --allow-host,"
                        + " --scenario, --no-demo, --help");
            }
        }
        return new Options(port, dataDir, allowed, demo, scenario);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw ParameterException.missing(option, "a value after " + option);
        }
        return args[i];
    }

    static String usage() {
        return "usage: test-server/run [--port N] [--data-dir DIR] [--allow-host HOST[:PORT]]..."
                + " [--scenario demo|small] [--no-demo]";
    }

    /**
     * Generates and publishes the scenario when missing and runs the DisPATCh demonstration unless
     * an earlier start already published it.
     *
     * @return the layer of the DisPATCh result
     */
    public static String prepareDemo(Host host, TwinExperimentConfig scenario, PrintStream log) throws Exception {
        Path dataDir = host.config().dataDir();
        log.println("twin-experiment scenario in " + DemoScenario.directory(dataDir).toAbsolutePath() + " ...");
        List<String> layers = DemoScenario.ensurePublished(host.catalog(), dataDir, scenario, new ProgressLog(log));
        log.println("  " + layers.size() + " scenario layers published");
        Path demoFile = dataDir.resolve(DEMO_FILE);
        if (Files.isRegularFile(demoFile)) {
            Object layer = Json.parseObject(Files.readString(demoFile, StandardCharsets.UTF_8)).get("dispatchLayer");
            if (layer instanceof String name && host.catalog().find(name).isPresent()) {
                log.println("  DisPATCh result from an earlier start: " + name);
                return name;
            }
        }
        log.println("running ssm:DisPATCh through the host's own WPS ...");
        String layer = DemoRun.runDisPATCh(host, Duration.ofHours(1), log);
        Map<String, Object> demo = new LinkedHashMap<>();
        demo.put("dispatchLayer", layer);
        Files.writeString(demoFile, Json.write(demo), StandardCharsets.UTF_8);
        log.println("  published " + layer);
        return layer;
    }

    static void printUrls(Host host, String dispatchLayer, PrintStream out) {
        String base = host.localBaseUrl();
        out.println();
        out.println("SSM host running at " + base + "/  (Ctrl-C to stop)");
        out.println("  viewer            " + base + "/");
        out.println("  WPS capabilities  " + base + "/wps?service=WPS&request=GetCapabilities");
        out.println("  WMS capabilities  " + base + "/wms?service=WMS&version=1.3.0&request=GetCapabilities");
        out.println("  WCS capabilities  " + base + "/wcs?service=WCS&version=2.0.1&request=GetCapabilities");
        if (dispatchLayer != null) {
            Layer layer = host.catalog().find(dispatchLayer).orElseThrow();
            GridGeometry g = layer.grid();
            String date = layer.dates().get(layer.dates().size() / 2).toString();
            out.println("  DisPATCh result   layer " + dispatchLayer + " (" + layer.bands() + " dates)");
            out.println("    map    " + base + "/wms?service=WMS&version=1.3.0&request=GetMap&layers=" + dispatchLayer
                    + "&styles=&crs=" + g.crs() + "&bbox=" + g.minX() + "," + g.minY() + "," + g.maxX() + ","
                    + g.maxY() + "&width=" + 4 * g.width() + "&height=" + 4 * g.height()
                    + "&format=image/png&transparent=true&time=" + date);
            out.println("    legend " + base + "/wms?service=WMS&version=1.3.0&request=GetLegendGraphic&layer="
                    + dispatchLayer + "&format=image/png");
            out.println("    data   " + base + "/wcs?service=WCS&version=2.0.1&request=GetCoverage&coverageId="
                    + dispatchLayer + "&subset=time(\"" + date + "\")");
        }
        out.println("  layers: " + String.join(", ", host.catalog().layers().stream().map(Layer::name).toList()));
        out.println("  station layers: " + String.join(", ", host.catalog().stationLayers().stream()
                .map(org.ssm.host.catalog.StationLayer::name).toList()));
        out.flush();
    }

    /** Prints progress in steps of 10 %. */
    private static final class ProgressLog implements Monitor {
        private final PrintStream log;
        private int lastDecile = -1;

        ProgressLog(PrintStream log) {
            this.log = log;
        }

        @Override
        public void progress(double fraction) {
            int decile = (int) (fraction * 10);
            if (decile != lastDecile) {
                lastDecile = decile;
                log.println("  " + decile * 10 + " %");
            }
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
