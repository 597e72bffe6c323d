package org.ssm.host;

import java.nio.file.Path;
import java.util.List;
import org.ssm.core.ParameterException;

/**
 * Settings of the bundled OGC host.
 *
 * @param port TCP port; 0 picks a free one
 * @param dataDir where layers, runs and the scenario are kept
 * @param allowedHosts hosts (host or host:port) besides this one that {@code wps:Reference} inputs may
 *     fetch from
 * @param maxInputBytes largest complex input (inline or fetched), in bytes
 * @param maxPixels largest raster (width × height × bands) accepted or produced per request
 * @param maxRunSeconds run time after which an execution is cancelled
 * @param maxConcurrentRuns executions that may run at once; more wait in a queue
 * @param maxQueuedRuns executions that may wait; beyond that the server answers ServerBusy
 * @param resultHours hours for which asynchronous results and status documents are kept
 * @param cacheBytes memory for decoded bands of published layers
 */
public record HostConfig(int port, Path dataDir, List<String> allowedHosts, long maxInputBytes, long maxPixels,
        int maxRunSeconds, int maxConcurrentRuns, int maxQueuedRuns, int resultHours, long cacheBytes) {

    public HostConfig {
        ParameterException.requireInRange("port", port, 0, 65535);
        if (dataDir == null) {
            throw ParameterException.missing("data-dir", "a directory");
        }
        allowedHosts = List.copyOf(allowedHosts);
        if (maxInputBytes <= 0 || maxPixels <= 0 || cacheBytes <= 0) {
            throw new ParameterException("limits", maxInputBytes + "/" + maxPixels + "/" + cacheBytes, "positive limits");
        }
        ParameterException.requireInRange("maxRunSeconds", maxRunSeconds, 1, 7 * 24 * 3600);
        ParameterException.requireInRange("maxConcurrentRuns", maxConcurrentRuns, 1, 256);
        ParameterException.requireInRange("maxQueuedRuns", maxQueuedRuns, 0, 10_000);
        ParameterException.requireInRange("resultHours", resultHours, 1, 24 * 365);
    }

    /** Defaults for {@code dataDir} on {@code port}: 1 GiB inputs, 2e9 pixels, 6 h runs, 2 at once. */
    public static HostConfig defaults(int port, Path dataDir) {
        return new HostConfig(port, dataDir, List.of(), 1L << 30, 2_000_000_000L, 6 * 3600, 2, 32, 72, 512L << 20);
    }

    public HostConfig withPort(int newPort) {
        return new HostConfig(newPort, dataDir, allowedHosts, maxInputBytes, maxPixels, maxRunSeconds,
                maxConcurrentRuns, maxQueuedRuns, resultHours, cacheBytes);
    }

    public HostConfig withAllowedHosts(List<String> hosts) {
        return new HostConfig(port, dataDir, hosts, maxInputBytes, maxPixels, maxRunSeconds, maxConcurrentRuns,
                maxQueuedRuns, resultHours, cacheBytes);
    }

    public HostConfig withLimits(long inputBytes, long pixels, int runSeconds) {
        return new HostConfig(port, dataDir, allowedHosts, inputBytes, pixels, runSeconds, maxConcurrentRuns,
                maxQueuedRuns, resultHours, cacheBytes);
    }
}
