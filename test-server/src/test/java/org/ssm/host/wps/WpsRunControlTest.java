package org.ssm.host.wps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ssm.host.TestSupport.get;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;
import org.ssm.host.TestSupport.Response;

/** Progress, dismissal, the run-time limit and the queue limit, on a slow test process. */
class WpsRunControlTest {

    private static final Pattern PERCENT = Pattern.compile("percentCompleted=\"(\\d+)\"");
    private static final Pattern STATUS = Pattern.compile("statusLocation=\"([^\"]+)\"");

    @TempDir
    Path dir;

    private static ProcessRegistry withSlowProcess() {
        return TestProcesses.registry();
    }

    private static HostConfig config(Path dir, int runSeconds, int concurrent, int queued) {
        HostConfig d = HostConfig.defaults(0, dir);
        return new HostConfig(0, dir, List.of(), d.maxInputBytes(), d.maxPixels(), runSeconds, concurrent, queued,
                d.resultHours(), d.cacheBytes());
    }

    private static String submit(Host host, int steps) throws Exception {
        Response r = get(host.localBaseUrl() + "/wps?service=WPS&version=1.0.0&request=Execute&identifier=ssm:Slow"
                + "&DataInputs=steps=" + steps + "&ResponseDocument=result&storeExecuteResponse=true&status=true");
        assertEquals(200, r.status(), r.text());
        Matcher m = STATUS.matcher(r.text());
        assertTrue(m.find(), r.text());
        return m.group(1);
    }

    /** Polls the status until it leaves the running states; returns the final document. */
    private static String awaitEnd(String statusUrl, List<Integer> percents) throws Exception {
        for (int i = 0; i < 600; i++) {
            String status = get(statusUrl).text();
            Matcher m = PERCENT.matcher(status);
            if (m.find()) {
                percents.add(Integer.parseInt(m.group(1)));
            }
            if (status.contains("ProcessSucceeded") || status.contains("ProcessFailed")) {
                return status;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run did not end");
    }

    @Test
    void progressRisesToCompletion() throws Exception {
        try (Host host = Host.start(config(dir, 60, 2, 4), withSlowProcess())) {
            List<Integer> percents = new ArrayList<>();
            String end = awaitEnd(submit(host, 60), percents);
            assertTrue(end.contains("ProcessSucceeded"), end);
            assertTrue(percents.stream().anyMatch(p -> p > 0 && p < 100), "intermediate progress seen: " + percents);
            List<Integer> sorted = new ArrayList<>(percents);
            sorted.sort(null);
            assertEquals(sorted, percents, "progress never goes back");
        }
    }

    @Test
    void dismissCancelsARunningExecution() throws Exception {
        try (Host host = Host.start(config(dir, 60, 2, 4), withSlowProcess())) {
            String status = submit(host, 500);
            while (!get(status).text().contains("ProcessStarted")) {
                Thread.sleep(20);
            }
            String id = status.replaceAll(".*/runs/([0-9a-f]{8})/status", "$1");
            Response dismissed = get(host.localBaseUrl() + "/wps?service=WPS&request=Dismiss&executionId=" + id);
            assertEquals(200, dismissed.status(), dismissed.text());
            String end = awaitEnd(status, new ArrayList<>());
            assertTrue(end.contains("ProcessFailed") && end.contains("dismissed"), end);
        }
    }

    @Test
    void aRunOverTheTimeLimitIsCancelled() throws Exception {
        try (Host host = Host.start(config(dir, 1, 2, 4), withSlowProcess())) {
            long start = System.nanoTime();
            String end = awaitEnd(submit(host, 500), new ArrayList<>());
            assertTrue(end.contains("ProcessFailed") && end.contains("run-time limit of 1 s"), end);
            // 500 steps would take 10 s; the limit stops it after about 1 s (generous bound for slow CI).
            assertTrue((System.nanoTime() - start) / 1e9 < 8, "cancelled well before completion");
        }
    }

    @Test
    void aFullQueueAnswersServerBusy() throws Exception {
        try (Host host = Host.start(config(dir, 60, 1, 1), withSlowProcess())) {
            submit(host, 200);
            submit(host, 200);
            Response busy = get(host.localBaseUrl() + "/wps?service=WPS&version=1.0.0&request=Execute"
                    + "&identifier=ssm:Slow&DataInputs=steps=1&ResponseDocument=result&storeExecuteResponse=true"
                    + "&status=true");
            assertEquals(503, busy.status(), busy.text());
            assertTrue(busy.text().contains("exceptionCode=\"ServerBusy\""), busy.text());
        }
    }
}
