package org.ssm.host.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.io.FileTrees;
import org.ssm.io.GeoTiff;
import org.ssm.core.Json;
import org.ssm.io.StationsGeoJson;
import org.ssm.stations.StationSeries;

/**
 * The published layers, kept in a data directory so that they survive a restart.
 *
 * <p>Each layer is a folder {@code layers/<name>/} holding {@code layer.json} and one single-band
 * GeoTIFF per date ({@code <date>.tif}, or {@code static.tif} for an undated layer), so that a map
 * of one date reads one small file whatever the length of the series. A layer is written into a
 * hidden folder and renamed into place when complete. Decoded bands are kept in a bounded cache.
 *
 * <p>A station layer ({@link StationLayer}) is a folder {@code layers/<name>/} holding {@code layer.json}
 * (with {@code "kind": "stations"}) and {@code stations.geojson}, the readings as SPEC §4 GeoJSON. Raster
 * and station layers share one namespace: publishing either kind replaces a layer of that name.
 */
public final class Catalog {

    private static final Logger LOG = LoggerFactory.getLogger(Catalog.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,127}");
    private static final String STATIC_BAND = "static";
    private static final String STATIONS_FILE = "stations.geojson";
    /** Station layers whose readings stay decoded; a map or a query of another one reads its file again. */
    private static final int STATION_CACHE_LAYERS = 8;

    private final Path root;
    private final Map<String, Layer> layers = new ConcurrentHashMap<>();
    private final Map<String, StationLayer> stationLayers = new ConcurrentHashMap<>();
    private final Map<String, List<StationSeries>> stationCache = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<StationSeries>> eldest) {
                    return size() > STATION_CACHE_LAYERS;
                }
            });
    private final BandCache cache;

    private Catalog(Path root, long cacheBytes) {
        this.root = root;
        this.cache = new BandCache(cacheBytes);
    }

    /** Opens (creating if needed) the catalogue in {@code dataDir}, loading every complete layer. */
    public static Catalog open(Path dataDir, long cacheBytes) throws IOException {
        Path root = dataDir.resolve("layers");
        Files.createDirectories(root);
        Catalog catalog = new Catalog(root, cacheBytes);
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.toList()) {
                String name = dir.getFileName().toString();
                if (name.startsWith(".")) {
                    // An interrupted publication: never complete, so never visible.
                    FileTrees.deleteRecursively(dir);
                    continue;
                }
                Path meta = dir.resolve("layer.json");
                if (Files.isRegularFile(meta)) {
                    try {
                        String json = Files.readString(meta, StandardCharsets.UTF_8);
                        Map<String, Object> document = Json.parseObject(json);
                        if (StationLayerJson.isStations(document)) {
                            catalog.stationLayers.put(name, StationLayerJson.read(document));
                        } else {
                            catalog.layers.put(name, LayerJson.read(json));
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("skipping layer {}: unreadable layer.json ({})", name, e.getMessage());
                    }
                }
            }
        }
        return catalog;
    }

    /** Every raster layer, by name (the WMS layers and WCS coverages). */
    public List<Layer> layers() {
        List<Layer> list = new ArrayList<>(layers.values());
        list.sort(Comparator.comparing(Layer::name));
        return list;
    }

    /** The raster layer called {@code name}. */
    public Optional<Layer> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(layers.get(name));
    }

    /** The layer of either kind called {@code name}. */
    public Optional<PublishedLayer> findAny(String name) {
        Optional<PublishedLayer> raster = find(name).map(l -> l);
        return raster.isPresent() ? raster : findStations(name).map(l -> l);
    }

    /** Every station layer, by name (WMS layers only). */
    public List<StationLayer> stationLayers() {
        List<StationLayer> list = new ArrayList<>(stationLayers.values());
        list.sort(Comparator.comparing(StationLayer::name));
        return list;
    }

    /** The station layer called {@code name}. */
    public Optional<StationLayer> findStations(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(stationLayers.get(name));
    }

    /** Whether {@code name} may name a layer (an XML NCName of at most 128 characters). */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * Publishes {@code series} as layer {@code name}, replacing a layer of that name. An undated series of
     * several bands gets the band names "1" … "N".
     *
     * @return the published layer
     */
    public Layer publish(String name, String title, String description, String style, String units, String origin,
            GridSeries series) throws IOException {
        return publish(name, title, description, style, units, origin, series, null);
    }

    /**
     * Publishes {@code series} as layer {@code name}, replacing a layer of that name, naming the bands of an
     * undated series of several bands by {@code bandDescriptions} (see {@link Layer#bandNamesOf}).
     *
     * @param bandDescriptions one description per band (e.g. a coverage's sample dimension descriptions),
     *     or {@code null}; ignored for a series and for a single band
     * @return the published layer
     */
    public Layer publish(String name, String title, String description, String style, String units, String origin,
            GridSeries series, List<String> bandDescriptions) throws IOException {
        requireValidName(name);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < series.size(); b++) {
            for (float v : series.band(b)) {
                if (!Float.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) {
            min = Double.NaN;
            max = Double.NaN;
        }
        Layer layer = new Layer(name, title, description, style, units, series.geometry(), series.dates(),
                series.size(), Layer.bandNamesOf(bandDescriptions, series.isDated(), series.size()), min, max, origin,
                Instant.now());
        Path tmp = Files.createTempDirectory(root, "." + name + "-");
        try {
            writeBands(tmp, layer, series);
            Files.writeString(tmp.resolve("layer.json"), LayerJson.write(layer), StandardCharsets.UTF_8);
            install(tmp, name, () -> layers.put(name, layer));
            return layer;
        } finally {
            if (Files.exists(tmp)) {
                FileTrees.deleteRecursively(tmp);
            }
        }
    }

    /**
     * Publishes {@code stations} as station layer {@code name}, replacing a layer of that name.
     *
     * @return the published layer
     */
    public StationLayer publishStations(String name, String title, String description, String origin,
            List<StationSeries> stations) throws IOException {
        requireValidName(name);
        if (stations.isEmpty()) {
            throw ParameterException.because("stations", "layer " + name + " would hold no station");
        }
        StationLayer layer = StationLayer.of(name, title, description, origin, stations);
        Path tmp = Files.createTempDirectory(root, "." + name + "-");
        try {
            Files.writeString(tmp.resolve(STATIONS_FILE), StationsGeoJson.write(stations), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("layer.json"), StationLayerJson.write(layer), StandardCharsets.UTF_8);
            install(tmp, name, () -> stationLayers.put(name, layer));
            return layer;
        } finally {
            if (Files.exists(tmp)) {
                FileTrees.deleteRecursively(tmp);
            }
        }
    }

    /** The readings of a station layer (do not modify), decoded once and kept for the recent layers. */
    public List<StationSeries> stations(StationLayer layer) {
        List<StationSeries> cached = stationCache.get(layer.name());
        if (cached != null) {
            return cached;
        }
        try {
            List<StationSeries> read = StationsGeoJson.read(layer.name(),
                    Files.readString(root.resolve(layer.name()).resolve(STATIONS_FILE), StandardCharsets.UTF_8));
            if (stationLayers.get(layer.name()) == layer) {
                stationCache.put(layer.name(), read);
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Moves a complete layer folder into place under {@code name}, replacing a layer of either kind,
     * and registers it; readers never see a half-written layer.
     */
    private void install(Path tmp, String name, Runnable register) throws IOException {
        Path target = root.resolve(name);
        synchronized (this) {
            Path old = null;
            if (Files.exists(target)) {
                old = Files.createTempDirectory(root, "." + name + "-old-");
                Files.delete(old);
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            layers.remove(name);
            stationLayers.remove(name);
            register.run();
            cache.evictLayer(name);
            stationCache.remove(name);
            if (old != null) {
                FileTrees.deleteRecursively(old);
            }
        }
    }

    private static void requireValidName(String name) {
        if (!isValidName(name)) {
            throw new ParameterException("name", name, "a layer name of letters, digits, '_', '.' and '-', not"
                    + " starting with a digit, at most 128 characters");
        }
    }

    private static void writeBands(Path dir, Layer layer, GridSeries series) throws IOException {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), series.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "publish-" + layer.name());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int b = 0; b < series.size(); b++) {
                int band = b;
                jobs.add(pool.submit(() -> {
                    GeoTiff.write(dir.resolve(bandFile(layer, band)), GridSeries.of(series.grid(band)));
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("publication of " + layer.name() + " was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String bandFile(Layer layer, int band) {
        return (layer.isSeries() ? layer.dates().get(band).toString() : band == 0 ? STATIC_BAND : STATIC_BAND + band)
                + ".tif";
    }

    /** The values of band {@code index} of {@code layer} (do not modify). */
    public float[] band(Layer layer, int index) {
        if (index < 0 || index >= layer.bands()) {
            throw new IndexOutOfBoundsException("band " + index + " of " + layer.name());
        }
        return cache.get(layer.name(), index, () -> {
            try {
                return GeoTiff.read(root.resolve(layer.name()).resolve(bandFile(layer, index))).band(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The bands of {@code layer} dated within [from, to] (null for open ends); all bands if undated. */
    public GridSeries read(Layer layer, LocalDate from, LocalDate to) {
        List<LocalDate> dates = new ArrayList<>();
        List<float[]> bands = new ArrayList<>();
        for (int b = 0; b < layer.bands(); b++) {
            if (layer.isSeries()) {
                LocalDate d = layer.dates().get(b);
                if ((from != null && d.isBefore(from)) || (to != null && d.isAfter(to))) {
                    continue;
                }
                dates.add(d);
            }
            bands.add(band(layer, b));
        }
        if (bands.isEmpty()) {
            throw new ParameterException("time", (from == null ? ".." : from) + "/" + (to == null ? ".." : to),
                    "a range overlapping " + layer.name() + " (" + layer.dates().get(0) + "/"
                            + layer.dates().get(layer.dates().size() - 1) + ")");
        }
        GridGeometry grid = layer.grid();
        return GridSeries.of(grid, dates, bands.toArray(new float[0][]));
    }

    /** Removes a layer of either kind; returns whether it existed. */
    public synchronized boolean remove(String name) throws IOException {
        Layer removed = layers.remove(name);
        StationLayer removedStations = stationLayers.remove(name);
        if (removed == null && removedStations == null) {
            return false;
        }
        cache.evictLayer(name);
        stationCache.remove(name);
        FileTrees.deleteRecursively(root.resolve(name));
        return true;
    }

}
