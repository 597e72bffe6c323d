package org.ssm.host.viewer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;
import org.ssm.host.clients.PythonClients;

/**
 * The viewer in a real browser: {@code clients/test_viewer_chromium.py} drives headless Chromium
 * through chromedriver (Debian's chromium, chromium-driver and python3-selenium) against a host
 * holding the {@link ViewerFixture} layers: list, map, slider, legend, a clicked point's chart, links,
 * a clicked station's chart, the band selector of a multi-band layer, and no JavaScript error.
 */
class ViewerChromiumIT {

    @TempDir
    Path dir;

    @Test
    void chromiumShowsTheSeriesMovesThroughItsDatesAndChartsAClickedPoint() throws Exception {
        try (Host host = Host.start(HostConfig.defaults(0, dir))) {
            ViewerFixture.publish(host);
            var station = ViewerFixture.clicked();
            String out = PythonClients.run("test_viewer_chromium.py", Map.of(
                    "SSM_BASE_URL", host.localBaseUrl(),
                    "SSM_LAYER", ViewerFixture.SERIES,
                    "SSM_STATION_LAYER", ViewerFixture.STATIONS,
                    "SSM_STATION", station.id(),
                    "SSM_STATION_LONLAT", station.lon() + "," + station.lat(),
                    "SSM_BAND_LAYER", ViewerFixture.BANDS), 300);
            assertTrue(out.contains("viewer OK: 4 layers, " + ViewerFixture.DAYS + " dates"), out);
            assertTrue(out.contains("bands of " + ViewerFixture.BANDS + ": " + String.join(",", ViewerFixture.BAND_NAMES)
                    + "; shown DisPATCh"), out);
            // M1 reads on every one of the 30 days.
            assertTrue(out.contains("station " + station.id() + ": " + ViewerFixture.DAYS + " readings charted"), out);
        }
    }
}
