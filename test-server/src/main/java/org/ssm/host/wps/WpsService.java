package org.ssm.host.wps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.process.Process;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssm.core.CancelledException;
import org.ssm.grid.GridSeries;
import org.ssm.host.HostConfig;
import org.ssm.host.catalog.Catalog;
import org.ssm.host.catalog.Variables;
import org.ssm.host.ows.OwsException;
import org.ssm.host.ows.OwsServlet;
import org.ssm.host.wcs.WcsServlet;
import org.ssm.host.wps.ProcessRegistry.ProcessInfo;
import org.ssm.host.wps.Run.StoredOutput;
import org.ssm.io.Coverages;
import org.ssm.io.FileTrees;
import org.ssm.process.StationFeatures;
import org.ssm.stations.StationSeries;

/**
 * Runs WPS executions: validates them, runs them synchronously or in a bounded queue, keeps their
 * status and outputs in {@code <data>/wps/runs/<id>/}, and publishes every raster output and every
 * output of station readings at once as a catalogue layer named {@code <Process>_<run id>_<output>}.
 *
 * <p>A failed execution leaves no layer and no output file behind; an asynchronous one keeps only
 * its status document, which reports the failure. Runs are cancelled when dismissed or when they
 * exceed the run-time limit. Stored results expire after {@link HostConfig#resultHours()}.
 */
public final class WpsService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WpsService.class);
    private static final Pattern RUN_ID = Pattern.compile("[0-9a-f]{8}");
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_.-]{1,160}");
    private static final String STATUS_FILE = "status.xml";

    /** The HTTP answer to an Execute. */
    public record Answer(byte[] body, String contentType, Map<String, String> headers) {}

    private final HostConfig config;
    private final Catalog catalog;
    private final ProcessRegistry registry;
    private final Path runsDir;
    private final GeoTiffCodec geoTiff;
    private final InputResolver resolver;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService timer;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public WpsService(HostConfig config, Catalog catalog, ProcessRegistry registry) throws IOException {
        this.config = config;
        this.catalog = catalog;
        this.registry = registry;
        this.runsDir = config.dataDir().resolve("wps").resolve("runs");
        Files.createDirectories(runsDir);
        this.geoTiff = new GeoTiffCodec(config.dataDir().resolve("wps").resolve("tmp"), config.maxPixels());
        this.resolver = new InputResolver(config, catalog, geoTiff, this);
        this.pool = new ThreadPoolExecutor(config.maxConcurrentRuns(), config.maxConcurrentRuns(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.maxQueuedRuns())), r -> daemon(r, "wps-run"));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "wps-timer"));
        markInterruptedRuns();
        timer.scheduleAtFixedRate(this::expireResults, 1, 10, TimeUnit.MINUTES);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Completes the wiring once the server is bound. */
    public void attach(String localBaseUrl, WcsServlet wcs) {
        resolver.attach(java.net.URI.create(localBaseUrl).getPort(), wcs);
    }

    public ProcessRegistry registry() {
        return registry;
    }

    public HostConfig config() {
        return config;
    }

    /** Runs an Execute request from a client; {@code baseUrl} is the host as the client sees it. */
    public Answer execute(ExecuteRequest request, String baseUrl) throws IOException {
        ProcessInfo process = registry.get(request.identifier(), "Identifier");
        ExecuteResponseWriter.validateRequestedOutputs(process, request.response());
        resolver.validate(process, request);
        Run run = newRun(process, request, baseUrl, new RunProgress(null));
        ExecuteRequest.ResponseForm form = request.response();
        if (form.isAsync()) {
            writeStatus(run);
            // Written before the run is queued: the first answer always says "accepted".
            byte[] accepted = ExecuteResponseWriter.write(run, true);
            try {
                pool.execute(() -> {
                    try {
                        perform(run, 0);
                    } catch (RuntimeException | IOException e) {
                        // Already recorded in the run's status document.
                    }
                });
            } catch (RejectedExecutionException e) {
                deleteRun(run);
                throw busy();
            }
            return new Answer(accepted, "application/xml", Map.of());
        }
        Future<Map<String, Object>> future;
        try {
            future = pool.submit(() -> perform(run, 0));
        } catch (RejectedExecutionException e) {
            deleteRun(run);
            throw busy();
        }
        try {
            future.get();
        } catch (InterruptedException e) {
            run.progress.cancel("the request was interrupted");
            Thread.currentThread().interrupt();
            throw new OwsException(OwsException.NO_APPLICABLE_CODE, null, "the execution was interrupted");
        } catch (ExecutionException e) {
            if (!form.store()) {
                deleteRun(run);
            }
            throw OwsServlet.toOwsException(e.getCause());
        }
        if (form.isRaw()) {
            StoredOutput out = run.outputs().get(form.rawOutput().id());
            if (out == null) {
                throw new OwsException(OwsException.NO_APPLICABLE_CODE, form.rawOutput().id(),
                        "the process produced no output '" + form.rawOutput().id() + "'");
            }
            byte[] body = Files.readAllBytes(run.dir.resolve(out.file()));
            return new Answer(body, out.isLiteral() ? "text/plain; charset=UTF-8" : out.mimeType(), layerHeader(run));
        }
        return new Answer(ExecuteResponseWriter.write(run, form.store()), "application/xml", layerHeader(run));
    }

    private static Map<String, String> layerHeader(Run run) {
        Map<String, String> layers = run.layers();
        return layers.isEmpty() ? Map.of() : Map.of("X-SSM-Layers", String.join(",", layers.values()));
    }

    private static OwsException busy() {
        return new OwsException(OwsException.SERVER_BUSY, null,
                "too many executions are running or queued; try again later");
    }

    /** Runs a nested Execute (a {@code wps:Reference} to this host) in the calling thread. */
    Map<String, Object> runNested(ExecuteRequest request, RunProgress parent, int depth, String baseUrl)
            throws IOException {
        ProcessInfo process = registry.get(request.identifier(), "Identifier");
        ExecuteResponseWriter.validateRequestedOutputs(process, request.response());
        resolver.validate(process, request);
        Run run = newRun(process, request, baseUrl, new RunProgress(parent));
        try {
            return perform(run, depth);
        } catch (OwsException e) {
            deleteRun(run);
            throw e;
        }
    }

    private Run newRun(ProcessInfo process, ExecuteRequest request, String baseUrl, RunProgress progress)
            throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            String id = HexFormat.of().formatHex(random.generateSeed(4));
            Path dir = runsDir.resolve(id);
            try {
                Files.createDirectory(dir);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                continue;
            }
            Run run = new Run(id, process, request, dir, baseUrl, progress);
            runs.put(id, run);
            return run;
        }
        throw new IOException("could not allocate a run id");
    }

    /** Resolves inputs, executes, stores and publishes; records success or failure in the run. */
    private Map<String, Object> perform(Run run, int depth) throws IOException {
        ScheduledFuture<?> limit = timer.schedule(() -> run.progress.cancel("the execution exceeded the run-time limit"
                + " of " + config.maxRunSeconds() + " s"), config.maxRunSeconds(), TimeUnit.SECONDS);
        List<String> published = new ArrayList<>();
        try {
            if (run.progress.isCanceled()) {
                throw new CancelledException();
            }
            run.started();
            writeStatusIfStored(run);
            Map<String, Object> args = resolver.resolve(run.process, run.request, run.progress, depth, run.baseUrl);
            Process process = run.process.factory().create(run.process.name());
            run.progress.started();
            Map<String, Object> results = process.execute(args, run.progress);
            if (run.progress.isCanceled()) {
                throw new CancelledException();
            }
            Map<String, StoredOutput> stored = new LinkedHashMap<>();
            Map<String, String> layers = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : results.entrySet()) {
                stored.put(e.getKey(), store(run, e.getKey(), e.getValue()));
                if (e.getValue() instanceof GridCoverage2D coverage) {
                    String layer = publish(run, e.getKey(), coverage);
                    published.add(layer);
                    layers.put(e.getKey(), layer);
                } else if (e.getValue() instanceof SimpleFeatureCollection features
                        && StationPublication.isStations(features) && !features.isEmpty()) {
                    String layer = publishStations(run, e.getKey(), features);
                    published.add(layer);
                    layers.put(e.getKey(), layer);
                }
            }
            run.progress.complete();
            run.succeeded(stored, layers);
            writeStatusIfStored(run);
            return results;
        } catch (Exception e) {
            OwsException failure = failureOf(run, e);
            for (String layer : published) {
                catalog.remove(layer);
            }
            run.failed(failure);
            deleteOutputs(run);
            writeStatusIfStored(run);
            throw failure;
        } finally {
            limit.cancel(false);
        }
    }

    private static OwsException failureOf(Run run, Exception e) {
        boolean cancelled = run.progress.isCanceled() || e instanceof CancelledException
                || e.getCause() instanceof CancelledException;
        if (cancelled) {
            String reason = run.progress.cancelReason();
            return new OwsException(OwsException.NO_APPLICABLE_CODE, null, reason != null ? reason
                    : "the execution was cancelled");
        }
        return OwsServlet.toOwsException(e);
    }

    private StoredOutput store(Run run, String output, Object value) throws IOException {
        if (value instanceof GridCoverage2D coverage) {
            String file = output + ".tif";
            GeoTiffCodec.write(coverage, run.dir.resolve(file));
            return new StoredOutput(file, WpsTypes.GEOTIFF, null);
        }
        if (value instanceof SimpleFeatureCollection features) {
            String file = output + ".json";
            Files.writeString(run.dir.resolve(file), GeoJsonCodec.encode(features), StandardCharsets.UTF_8);
            return new StoredOutput(file, WpsTypes.GEOJSON, null);
        }
        if (value instanceof java.awt.image.RenderedImage image) {
            String file = output + ".png";
            if (!javax.imageio.ImageIO.write(image, "png", run.dir.resolve(file).toFile())) {
                throw new IOException("no PNG encoder for output " + output);
            }
            return new StoredOutput(file, WpsTypes.PNG, null);
        }
        String text = value instanceof Enum<?> en ? en.name() : String.valueOf(value);
        org.geotools.api.data.Parameter<?> p = run.process.outputs().get(output);
        if (p != null && WpsTypes.isText(p)) {
            String mimeType = WpsTypes.formats(p).get(0);
            String file = output + WpsTypes.extension(mimeType);
            Files.writeString(run.dir.resolve(file), text, StandardCharsets.UTF_8);
            return new StoredOutput(file, mimeType, null);
        }
        String file = output + ".txt";
        Files.writeString(run.dir.resolve(file), text, StandardCharsets.UTF_8);
        return new StoredOutput(file, "text/plain", text);
    }

    private String publish(Run run, String output, GridCoverage2D coverage) throws IOException {
        String style = coverage.getName().toString();
        String name = run.process.localName() + "_" + run.id + "_" + output;
        GridSeries series = Coverages.fromCoverage(output, coverage, null, Double.NaN);
        String title = run.process.identifier() + " " + output + " (" + Variables.title(style) + "), run " + run.id;
        catalog.publish(name, title, "Output '" + output + "' of " + run.process.identifier() + " run " + run.id
                + " (" + run.created + ")", style, Variables.units(style), run.process.identifier() + " run " + run.id,
                series, bandDescriptions(coverage));
        return name;
    }

    /** The sample dimension descriptions of {@code coverage}, null where a band has none: the band names. */
    static List<String> bandDescriptions(GridCoverage2D coverage) {
        List<String> descriptions = new ArrayList<>();
        for (int b = 0; b < coverage.getNumSampleDimensions(); b++) {
            Object d = coverage.getSampleDimension(b).getDescription();
            descriptions.add(d == null ? null : d.toString());
        }
        return descriptions;
    }

    private String publishStations(Run run, String output, SimpleFeatureCollection features) throws IOException {
        String name = run.process.localName() + "_" + run.id + "_" + output;
        List<StationSeries> stations = StationFeatures.toSeries(output, features);
        catalog.publishStations(name, run.process.identifier() + " " + output + " (stations), run " + run.id,
                "Output '" + output + "' of " + run.process.identifier() + " run " + run.id + " (" + run.created + ")",
                run.process.identifier() + " run " + run.id, stations);
        return name;
    }

    /** The layers a run published (output id to layer name); empty until it succeeds. */
    public Map<String, String> publishedLayers(String runId) {
        requireRunId(runId);
        Run run = runs.get(runId);
        return run == null ? Map.of() : run.layers();
    }

    /** The status document of a run, live or as stored. */
    public byte[] status(String runId) throws IOException {
        requireRunId(runId);
        Run run = runs.get(runId);
        if (run != null) {
            return ExecuteResponseWriter.write(run, true);
        }
        Path file = runsDir.resolve(runId).resolve(STATUS_FILE);
        if (!Files.isRegularFile(file)) {
            throw new OwsException(OwsException.INVALID_PARAMETER_VALUE, "executionId", "no execution " + runId
                    + " (results are kept " + config.resultHours() + " h)", 404, null);
        }
        return Files.readAllBytes(file);
    }

    /** Cancels a run if it is still going and deletes its stored results (vendor Dismiss operation). */
    public byte[] dismiss(String runId) throws IOException {
        requireRunId(runId);
        Run run = runs.get(runId);
        if (run == null && !Files.isDirectory(runsDir.resolve(runId))) {
            throw new OwsException(OwsException.INVALID_PARAMETER_VALUE, "executionId", "no execution " + runId, 404,
                    null);
        }
        if (run != null) {
            run.progress.cancel("the execution was dismissed");
            if (run.state() == Run.State.ACCEPTED) {
                // Still queued: perform() will find it cancelled and return at once.
                run.failed(new OwsException(OwsException.NO_APPLICABLE_CODE, null, "the execution was dismissed"));
            }
        }
        byte[] answer = run != null && (run.state() == Run.State.FAILED || run.state() == Run.State.SUCCEEDED)
                ? ExecuteResponseWriter.write(run, false) : null;
        if (run == null || run.state() != Run.State.RUNNING) {
            runs.remove(runId);
            FileTrees.deleteRecursively(runsDir.resolve(runId));
        }
        return answer != null ? answer : ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Dismissed executionId=\"" + runId
                + "\"/>").getBytes(StandardCharsets.UTF_8);
    }

    /** A stored output file, for GET {@code /wps/runs/<id>/<file>} and in-process references. */
    public Path outputFile(String runId, String file) {
        requireRunId(runId);
        if (!FILE.matcher(file).matches() || file.equals(STATUS_FILE)) {
            throw new OwsException(OwsException.INVALID_PARAMETER_VALUE, "file", "no output " + file, 404, null);
        }
        Path path = runsDir.resolve(runId).resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new OwsException(OwsException.INVALID_PARAMETER_VALUE, "file", "no output " + file + " in execution "
                    + runId + " (results are kept " + config.resultHours() + " h)", 404, null);
        }
        return path;
    }

    byte[] storedOutput(String input, String relativePath) throws IOException {
        String[] parts = relativePath.split("/");
        if (parts.length != 2) {
            throw OwsException.invalid(input, "input " + input + ": /wps/runs/" + relativePath + " is not an output");
        }
        return Files.readAllBytes(outputFile(parts[0], parts[1]));
    }

    private static void requireRunId(String runId) {
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new OwsException(OwsException.INVALID_PARAMETER_VALUE, "executionId", "'" + runId
                    + "' is not an execution id", 404, null);
        }
    }

    private void writeStatusIfStored(Run run) throws IOException {
        if (run.request.response().store()) {
            writeStatus(run);
        }
    }

    private void writeStatus(Run run) throws IOException {
        if (!Files.isDirectory(run.dir)) {
            return;
        }
        Path tmp = run.dir.resolve(STATUS_FILE + ".part");
        Files.write(tmp, ExecuteResponseWriter.write(run, true));
        Files.move(tmp, run.dir.resolve(STATUS_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteOutputs(Run run) {
        try (Stream<Path> files = Files.list(run.dir)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals(STATUS_FILE)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not clean the outputs of failed run {}: {}", run.id, e.getMessage());
        }
    }

    private void deleteRun(Run run) {
        runs.remove(run.id);
        try {
            FileTrees.deleteRecursively(run.dir);
        } catch (IOException e) {
            LOG.warn("could not delete run folder {}: {}", run.dir, e.getMessage());
        }
    }

    /** Status documents of runs that a previous server process left unfinished now report a failure. */
    private void markInterruptedRuns() throws IOException {
        try (Stream<Path> dirs = Files.list(runsDir)) {
            for (Path dir : dirs.toList()) {
                Path status = dir.resolve(STATUS_FILE);
                if (!Files.isRegularFile(status)) {
                    FileTrees.deleteRecursively(dir);
                    continue;
                }
                String text = Files.readString(status, StandardCharsets.UTF_8);
                if (text.contains("ProcessAccepted") || text.contains("ProcessStarted")) {
                    String failed = text.replaceAll("(?s)<wps:Status[^>]*>.*</wps:Status>",
                            "<wps:Status creationTime=\"" + Instant.now() + "\"><wps:ProcessFailed><ows:ExceptionReport"
                                    + " version=\"1.0.0\"><ows:Exception exceptionCode=\"NoApplicableCode\">"
                                    + "<ows:ExceptionText>the server restarted before the execution finished"
                                    + "</ows:ExceptionText></ows:Exception></ows:ExceptionReport></wps:ProcessFailed>"
                                    + "</wps:Status>");
                    Files.writeString(status, failed, StandardCharsets.UTF_8);
                }
            }
        }
    }

    private void expireResults() {
        Instant cutoff = Instant.now().minus(Duration.ofHours(config.resultHours()));
        try (Stream<Path> dirs = Files.list(runsDir)) {
            for (Path dir : dirs.sorted(Comparator.naturalOrder()).toList()) {
                String id = dir.getFileName().toString();
                Run run = runs.get(id);
                boolean finished = run == null || run.finished() != null;
                if (finished && Files.getLastModifiedTime(dir).toInstant().isBefore(cutoff)) {
                    runs.remove(id);
                    FileTrees.deleteRecursively(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not expire old results: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        for (Run run : runs.values()) {
            run.progress.cancel("the server is shutting down");
        }
        pool.shutdownNow();
        timer.shutdownNow();
    }
}
