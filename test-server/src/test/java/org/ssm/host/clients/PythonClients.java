package org.ssm.host.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real-client scripts in {@code test-server/clients/} (OWSLib, GDAL, Chromium) with
 * Debian's {@code /usr/bin/python3}, which is where those modules are installed; the
 * {@code python3} first on PATH may be another interpreter without them.
 *
 * <p>A missing interpreter or module fails the test with the install command: these tests are part
 * of the suite, never skipped.
 */
public final class PythonClients {

    public static final Path PYTHON = Path.of("/usr/bin/python3");

    private PythonClients() {}

    /** The directory of the client scripts. */
    public static Path scriptsDir() {
        String project = System.getProperty("ssm.project.dir", "..");
        return Path.of(project).resolve("test-server/clients").toAbsolutePath().normalize();
    }

    /**
     * Runs {@code script} with {@code env} added to the environment and asserts it exits 0; the
     * script's output is shown on failure.
     */
    public static String run(String script, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(PYTHON), PYTHON + " is missing: install it with"
                + " apt-get install -y python3 python3-owslib python3-gdal gdal-bin chromium (see .ci/run)");
        Path file = scriptsDir().resolve(script);
        assertTrue(Files.isRegularFile(file), "client script " + file + " is missing");
        ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), file.toString());
        pb.environment().putAll(env);
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        byte[] out;
        try (var in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertTrue(finished, script + " did not finish in " + timeoutSeconds + " s:\n" + text);
        assertEquals(0, p.exitValue(), script + " failed:\n" + text);
        return text;
    }
}
