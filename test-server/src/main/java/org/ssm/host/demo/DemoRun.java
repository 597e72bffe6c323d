package org.ssm.host.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ssm.host.Host;

/**
 * The main job's demonstration: posts {@code demo/dispatch-execute.xml} to the host's own WPS as an
 * asynchronous Execute and follows its status document to the end, as any WPS client would.
 */
public final class DemoRun {

    private static final Pattern STATUS_LOCATION = Pattern.compile("statusLocation=\"([^\"]+)\"");
    private static final Pattern PERCENT = Pattern.compile("percentCompleted=\"(\\d+)\"");
    private static final Pattern RUN_ID = Pattern.compile("/wps/runs/([0-9a-f]{8})/status");

    private DemoRun() {}

    /**
     * Runs DisPATCh on the scenario layers through {@code host}'s WPS.
     *
     * @return the name of the published layer of the downscaled soil moisture
     */
    public static String runDisPATCh(Host host, Duration timeout, PrintStream log) throws IOException,
            InterruptedException {
        String base = host.localBaseUrl();
        String body;
        try (InputStream in = DemoRun.class.getResourceAsStream("/demo/dispatch-execute.xml")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${base}", base);
        }
        HttpClient http = HttpClient.newHttpClient();
        String accepted = http.send(HttpRequest.newBuilder(URI.create(base + "/wps"))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher location = STATUS_LOCATION.matcher(accepted);
        if (!location.find()) {
            throw new IOException("the demo Execute was not accepted:\n" + accepted);
        }
        String statusUrl = location.group(1);
        Instant deadline = Instant.now().plus(timeout);
        int lastPercent = -1;
        while (Instant.now().isBefore(deadline)) {
            String status = http.send(HttpRequest.newBuilder(URI.create(statusUrl)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (status.contains("ProcessSucceeded")) {
                Matcher id = RUN_ID.matcher(statusUrl);
                if (!id.find()) {
                    throw new IOException("unexpected status location " + statusUrl);
                }
                Map<String, String> layers = host.wps().publishedLayers(id.group(1));
                String layer = layers.get("ssm");
                if (layer == null) {
                    throw new IOException("the demo run published no ssm layer: " + layers);
                }
                return layer;
            }
            if (status.contains("ProcessFailed")) {
                throw new IOException("the demo DisPATCh run failed:\n" + status);
            }
            Matcher percent = PERCENT.matcher(status);
            if (percent.find() && Integer.parseInt(percent.group(1)) != lastPercent) {
                lastPercent = Integer.parseInt(percent.group(1));
                log.println("  DisPATCh " + lastPercent + " %");
            }
            Thread.sleep(500);
        }
        throw new IOException("the demo DisPATCh run did not finish within " + timeout);
    }
}
