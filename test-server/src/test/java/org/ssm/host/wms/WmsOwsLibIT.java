package org.ssm.host.wms;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;
import org.ssm.host.clients.PythonClients;

/**
 * The WMS as a real client sees it: {@code clients/test_wms_owslib.py} (OWSLib, run by Debian's
 * python3) against a host holding the synthetic UTM series of {@link WmsFixture} and the station layer
 * of {@link StationFixture}, whose station A1 (network ALPHA) is drawn in the palette's first colour, and
 * the three-band layer of {@link WmsFixture#publishBands} with its band dimension.
 */
class WmsOwsLibIT {

    @TempDir
    Path dir;

    @Test
    void owslibListsTheSeriesAndDrawsItInEveryCrs() throws Exception {
        try (Host host = Host.start(HostConfig.defaults(0, dir))) {
            WmsFixture.publish(host);
            StationFixture.publish(host);
            WmsFixture.publishBands(host);
            String dates = WmsFixture.DATES.stream().map(LocalDate::toString).collect(Collectors.joining(","));
            String out = PythonClients.run("test_wms_owslib.py", Map.of(
                    "SSM_BASE_URL", host.localBaseUrl(),
                    "SSM_LAYER", "ssm_utm",
                    "SSM_LAYER_DATES", dates,
                    "SSM_STATION_LAYER", StationFixture.LAYER,
                    "SSM_STATION", "A1",
                    "SSM_STATION_LONLAT", "10.253,49.747",
                    "SSM_STATION_RGB", "0072B2",
                    "SSM_BAND_LAYER", WmsFixture.BANDS_LAYER,
                    "SSM_BAND_NAMES", String.join(",", WmsFixture.BAND_NAMES)), 300);
            // The band tests skip themselves without SSM_BAND_LAYER: make sure they ran.
            assertTrue(out.contains("test_band_dimension_is_parsed_and_dim_band_picks_the_band"
                    + " (__main__.WmsOwsLibTest") && out.contains("test_getfeatureinfo_gives_every_band"), out);
            assertFalse(out.contains("no SSM_BAND_LAYER"), out);
        }
    }
}
