package org.ssm.host.clients;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.core.Monitor;
import org.ssm.grid.GridSeries;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;
import org.ssm.scenario.Scenario;
import org.ssm.scenario.TwinExperiment;
import org.ssm.scenario.TwinExperimentConfig;

/**
 * A real WPS client on {@code ssm:ESTARFM}: OWSLib describes and executes it on the small twin
 * experiment's Landsat-like and MODIS-like LST served by the host's own WCS, and GDAL opens the
 * fused series it returns by reference.
 */
class EstarfmOwsLibIT {

    @TempDir
    Path dir;

    @Test
    void owsLibExecutesEstarfmAndGdalReadsTheResult() throws Exception {
        Scenario twin = TwinExperiment.generate(TwinExperimentConfig.small(), Monitor.NONE);
        try (Host host = Host.start(HostConfig.defaults(0, dir))) {
            host.catalog().publish("twin_landsat_lst", "Landsat-like LST", "twin", "lst", "K", "test",
                    twin.landsatLst());
            host.catalog().publish("twin_modis_lst", "MODIS-like LST", "twin", "lst", "K", "test", twin.modisLst());
            LocalDate tm = twin.landsatDates().get(0);
            LocalDate tn = twin.landsatDates().get(1);
            int days = (int) (tn.toEpochDay() - tm.toEpochDay() - 1);
            GridSeries fine = twin.landsatLst();
            String out = PythonClients.run("test_estarfm_owslib.py", Map.of(
                    "SSM_BASE_URL", host.localBaseUrl(),
                    "SSM_FINE_LAYER", "twin_landsat_lst", "SSM_COARSE_LAYER", "twin_modis_lst",
                    "SSM_TM", tm.toString(), "SSM_TN", tn.toString(),
                    "SSM_FIRST", tm.plusDays(1).toString(), "SSM_LAST", tn.minusDays(1).toString(),
                    "SSM_DAYS", Integer.toString(days),
                    "SSM_WIDTH", Integer.toString(fine.geometry().width()),
                    "SSM_HEIGHT", Integer.toString(fine.geometry().height())), 600);
            assertTrue(out.contains("DATES=" + tm.plusDays(1) + "/" + tn.minusDays(1) + "/P1D"), out);
            assertTrue(host.catalog().layers().stream().anyMatch(l -> l.name().startsWith("ESTARFM_")
                    && l.name().endsWith("_fused") && l.dates().size() == days), "the fused series was published");
        }
    }
}
