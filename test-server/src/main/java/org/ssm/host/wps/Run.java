package org.ssm.host.wps;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ssm.host.ows.OwsException;
import org.ssm.host.wps.ProcessRegistry.ProcessInfo;

/** One execution: its request, state, progress, stored outputs and published layers. */
final class Run {

    enum State { ACCEPTED, RUNNING, SUCCEEDED, FAILED }

    final String id;
    final ProcessInfo process;
    final ExecuteRequest request;
    final Path dir;
    final String baseUrl;
    final Instant created = Instant.now();
    final RunProgress progress;

    private volatile State state = State.ACCEPTED;
    private volatile Instant finished;
    private volatile OwsException failure;
    /** Output id to stored file name (complex) or literal text. */
    private final Map<String, StoredOutput> outputs = new LinkedHashMap<>();
    /** Output id to published layer name. */
    private final Map<String, String> layers = new LinkedHashMap<>();

    /**
     * An output kept in the run folder.
     *
     * @param file file name in the run folder
     * @param mimeType its format
     * @param literal the value, for literal outputs (also stored in the file)
     */
    record StoredOutput(String file, String mimeType, String literal) {
        boolean isLiteral() {
            return literal != null;
        }
    }

    Run(String id, ProcessInfo process, ExecuteRequest request, Path dir, String baseUrl, RunProgress progress) {
        this.id = id;
        this.process = process;
        this.request = request;
        this.dir = dir;
        this.baseUrl = baseUrl;
        this.progress = progress;
    }

    State state() {
        return state;
    }

    void started() {
        state = State.RUNNING;
    }

    synchronized void succeeded(Map<String, StoredOutput> stored, Map<String, String> published) {
        outputs.putAll(stored);
        layers.putAll(published);
        finished = Instant.now();
        state = State.SUCCEEDED;
    }

    void failed(OwsException e) {
        failure = e;
        finished = Instant.now();
        state = State.FAILED;
    }

    OwsException failure() {
        return failure;
    }

    Instant finished() {
        return finished;
    }

    synchronized Map<String, StoredOutput> outputs() {
        return new LinkedHashMap<>(outputs);
    }

    synchronized Map<String, String> layers() {
        return new LinkedHashMap<>(layers);
    }

    String statusUrl() {
        return baseUrl + "/wps/runs/" + id + "/status";
    }

    String outputUrl(String file) {
        return baseUrl + "/wps/runs/" + id + "/" + file;
    }
}
