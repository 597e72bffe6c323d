package org.ssm.scenario;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ssm.core.Monitor;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.SeriesDates;
import org.ssm.io.GeoTiff;
import org.ssm.core.Json;
import org.ssm.io.StationsGeoJson;
import org.ssm.io.Wgs84;
import org.ssm.stations.Station;
import org.ssm.stations.StationSeries;

/**
 * Writes a {@link Scenario} to a directory: one GeoTIFF per layer (band i = date i), the stations
 * as GeoJSON, the stations' hidden truth, and the manifest {@code scenario.json}.
 *
 * <p>Everything is written into a hidden sibling directory that is renamed into place only when
 * complete, so a failed or cancelled run leaves no directory behind and an existing scenario is
 * replaced whole or not at all.
 */
public final class ScenarioWriter {

    /** The manifest's file name. */
    public static final String MANIFEST = "scenario.json";
    /** The station readings' file name. */
    public static final String STATIONS = "stations.geojson";
    /** The file of each station's fault and position. */
    public static final String STATIONS_TRUTH = "stations_truth.json";
    /** The manifest's {@code format} tag. */
    public static final String FORMAT = "ssm-twin-experiment";
    /** The manifest's format version. */
    public static final int VERSION = 1;

    /** At most this many files are encoded at once; each holds a converted copy of its series. */
    private static final int MAX_THREADS = 4;

    private ScenarioWriter() {}

    /**
     * Writes {@code scenario} to {@code dir}, replacing any directory there.
     *
     * @param monitor told the progress once per file; cancelling it stops the run and removes what
     *     was written
     */
    public static void write(Scenario scenario, Path dir, Monitor monitor) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        // Not createTempDirectory: its owner-only permissions would carry over to the scenario.
        Path staging = Files.createDirectory(
                parent.resolve("." + target.getFileName() + ".part-" + Long.toHexString(System.nanoTime())));
        try {
            writeInto(scenario, staging, monitor);
            moveIntoPlace(staging, target);
        } finally {
            deleteRecursively(staging);
        }
    }

    private static void writeInto(Scenario scenario, Path dir, Monitor monitor) throws IOException {
        List<ScenarioLayer> layers = scenario.layers();
        int total = layers.size() + 2;
        List<Object> files = new ArrayList<>();
        // The GeoTIFF encoder is single-threaded and dominates the time: write files side by side.
        int threads = Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (ScenarioLayer layer : layers) {
                pending.add(pool.submit(() -> {
                    GeoTiff.write(dir.resolve(layer.fileName()), layer.series());
                    return null;
                }));
                files.add(describe(layer, scenario.config()));
            }
            for (int i = 0; i < pending.size(); i++) {
                monitor.checkpoint(i, total);
                await(pending.get(i));
            }
        } finally {
            // On failure or cancellation, stop queued files and let running ones finish before the
            // caller deletes the directory they write into.
            pool.shutdownNow();
            awaitTermination(pool);
        }
        monitor.checkpoint(layers.size(), total);
        List<StationSeries> series = stationSeries(scenario);
        List<Object> truth = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            truth.add(stationTruth(scenario.stations().get(s), series.get(s).station()));
        }
        Files.writeString(dir.resolve(STATIONS), StationsGeoJson.write(series), StandardCharsets.UTF_8);
        files.add(file(STATIONS, "stations", "In-situ SSM readings (0-5 cm)", "m3/m3", "stations"));
        Files.writeString(dir.resolve(STATIONS_TRUTH), Json.write(Map.of("stations", truth)), StandardCharsets.UTF_8);
        files.add(file(STATIONS_TRUTH, "stations_truth", "Each station's fault, pixel and position", "", "metadata"));
        monitor.checkpoint(layers.size() + 1, total);
        Files.writeString(dir.resolve(MANIFEST), Json.write(manifest(scenario, files)), StandardCharsets.UTF_8);
    }

    /**
     * The stations as series with WGS84 positions, converted from the grid's CRS through GeoTools.
     */
    public static List<StationSeries> stationSeries(Scenario scenario) {
        double[] lonLat = lonLat(scenario);
        List<StationSeries> series = new ArrayList<>();
        for (int s = 0; s < scenario.stations().size(); s++) {
            series.add(scenario.stations().get(s).toSeries(lonLat[2 * s], lonLat[2 * s + 1]));
        }
        return series;
    }

    private static void await(Future<?> future) throws IOException {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the scenario");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }

    private static void awaitTermination(ExecutorService pool) {
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                // A single GeoTIFF takes seconds; keep waiting rather than delete under a writer.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "scenario-writer");
            thread.setDaemon(true);
            return thread;
        };
    }

    private static double[] lonLat(Scenario scenario) {
        List<TwinStation> stations = scenario.stations();
        double[] xy = new double[2 * stations.size()];
        for (int s = 0; s < stations.size(); s++) {
            xy[2 * s] = stations.get(s).x();
            xy[2 * s + 1] = stations.get(s).y();
        }
        return Wgs84.toLonLat(scenario.fineGrid().crs(), xy);
    }

    private static Map<String, Object> stationTruth(TwinStation st, Station located) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", st.id());
        m.put("network", st.network());
        m.put("fault", st.fault().label());
        m.put("col", st.col());
        m.put("row", st.row());
        m.put("x", st.x());
        m.put("y", st.y());
        m.put("lon", located.lon());
        m.put("lat", located.lat());
        m.put("depth_from", st.depthFrom());
        m.put("depth_to", st.depthTo());
        m.put("offset", st.offset());
        return m;
    }

    private static Map<String, Object> describe(ScenarioLayer layer, TwinExperimentConfig config) {
        Map<String, Object> m = file(layer.fileName(), layer.variable(), layer.title(), layer.units(),
                switch (layer.kind()) {
                    case STATIC -> "static";
                    case DAILY -> "daily";
                    case REVISIT -> config.landsatRevisitDays() + "-day";
                });
        m.put("grid", grid(layer.series().geometry()));
        m.put("bands", layer.series().size());
        return m;
    }

    private static Map<String, Object> file(String name, String variable, String title, String units, String kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", name);
        m.put("variable", variable);
        m.put("title", title);
        m.put("units", units);
        m.put("kind", kind);
        return m;
    }

    private static Map<String, Object> grid(GridGeometry g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("crs", g.crs());
        m.put("origin_x", g.originX());
        m.put("origin_y", g.originY());
        m.put("cell_width", g.cellWidth());
        m.put("cell_height", g.cellHeight());
        m.put("width", g.width());
        m.put("height", g.height());
        return m;
    }

    private static Map<String, Object> manifest(Scenario scenario, List<Object> files) {
        TwinExperimentConfig c = scenario.config();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("seed", c.seed());
        config.put("grid", grid(c.grid()));
        config.put("pm_factor", c.pmFactor());
        config.put("reanalysis_factor", c.reanalysisFactor());
        config.put("optical_coarse_factor", c.opticalCoarseFactor());
        config.put("station_count", c.stationCount());
        config.put("faulty_station_count", c.faultyStationCount());
        config.put("landsat_revisit_days", c.landsatRevisitDays());
        config.put("spin_up_days", c.spinUpDays());
        config.put("pm", Map.of("bias", c.pm().bias(), "gain", c.pm().gain(), "noise", c.pm().noise(),
                "gap_fraction", c.pm().gapFraction()));
        config.put("reanalysis", Map.of("gain", c.reanalysis().gain(), "offset", c.reanalysis().offset(),
                "timescale_days", c.reanalysis().timescaleDays()));
        Map<String, Object> periods = new LinkedHashMap<>();
        periods.put("training", period(c.training()));
        periods.put("validation", period(c.validation()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        m.put("title", "Twin experiment: simulated truth and observations of surface soil moisture");
        m.put("seed", c.seed());
        m.put("periods", periods);
        m.put("dates", SeriesDates.format(scenario.dates()));
        m.put("landsat_dates", SeriesDates.format(scenario.landsatDates()));
        m.put("config", config);
        m.put("files", files);
        return m;
    }

    private static Map<String, Object> period(DateRange range) {
        return Map.of("start", range.start().toString(), "end", range.end().toString());
    }

    /** Swaps {@code staging} in for {@code target}, restoring the old directory if the swap fails. */
    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new FileAlreadyExistsException(target.toString(), null, "not a directory");
            }
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (old != null) {
            deleteRecursively(old);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
