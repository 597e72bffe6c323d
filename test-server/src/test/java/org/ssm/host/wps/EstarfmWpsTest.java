package org.ssm.host.wps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ssm.host.wps.WpsTestSupport.execute;
import static org.ssm.host.wps.WpsTestSupport.geoTiff;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.core.Monitor;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;
import org.ssm.host.TestSupport.Response;
import org.ssm.host.catalog.Layer;
import org.ssm.scenario.Scenario;
import org.ssm.scenario.TwinExperiment;
import org.ssm.scenario.TwinExperimentConfig;

/**
 * {@code ssm:ESTARFM} through the host's WPS: the two-stage cascade of paper B §3.3 in one Execute
 * document whose coarse series is a nested ESTARFM Execute, on layers of the twin experiment served
 * by the host's own WCS.
 */
class EstarfmWpsTest {

    @TempDir
    static Path dir;

    static Host host;
    static String base;
    static Scenario twin;

    @BeforeAll
    static void start() throws Exception {
        host = Host.start(HostConfig.defaults(0, dir));
        base = host.localBaseUrl();
        TwinExperimentConfig small = TwinExperimentConfig.small();
        GridGeometry g = small.grid();
        twin = TwinExperiment.generate(small.toBuilder()
                .grid(new GridGeometry(g.crs(), g.originX(), g.originY(), 1000, 1000, 120, 90)).build(), Monitor.NONE);
        var catalog = host.catalog();
        catalog.publish("tw_landsat_lst", "Landsat-like LST", "twin", "lst", "K", "test", twin.landsatLst());
        catalog.publish("tw_modis_lst", "MODIS-like LST", "twin", "lst", "K", "test", twin.modisLst());
        catalog.publish("tw_reanalysis_lst", "reanalysis-like LST", "twin", "lst", "K", "test", reanalysis(twin));
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    /** The clear-sky LST over 15 km cells (3 x 3 MODIS-like cells), 1 K too warm: a reanalysis-like LST. */
    private static GridSeries reanalysis(Scenario s) {
        GridSeries truth = s.lstClearSky();
        GridGeometry coarse = s.opticalCoarseGrid().coarsen(3);
        int[] cell = truth.geometry().coarseCellIndex(coarse);
        float[][] bands = new float[truth.size()][coarse.size()];
        for (int d = 0; d < truth.size(); d++) {
            double[] sum = new double[coarse.size()];
            int[] n = new int[coarse.size()];
            for (int i = 0; i < cell.length; i++) {
                sum[cell[i]] += truth.band(d)[i];
                n[cell[i]]++;
            }
            for (int k = 0; k < sum.length; k++) {
                bands[d][k] = (float) (sum[k] / n[k] + 1);
            }
        }
        return GridSeries.of(coarse, truth.dates(), bands);
    }

    private static double rmse(float[] a, float[] b) {
        double ss = 0;
        for (int i = 0; i < a.length; i++) {
            ss += (a[i] - b[i]) * (double) (a[i] - b[i]);
        }
        return Math.sqrt(ss / a.length);
    }

    /**
     * The cascade returns a fine series of every day between the base dates, publishes both runs'
     * outputs as LST layers, and (as in the Processors test) beats the fine images interpolated in
     * time: the mean RMSE against the true LST is below that of the Landsat-like pair.
     */
    @Test
    void cascadeWithANestedExecute() throws Exception {
        LocalDate tm = twin.landsatDates().get(0);
        LocalDate tn = twin.landsatDates().get(1);
        List<LocalDate> between = new ArrayList<>();
        for (LocalDate d = tm.plusDays(1); d.isBefore(tn); d = d.plusDays(1)) {
            between.add(d);
        }
        Response r = execute(base, "wps/execute-estarfm-cascade.xml", Map.of("base", base,
                "tm", tm.toString(), "tn", tn.toString(), "first", between.get(0).toString(),
                "last", between.get(between.size() - 1).toString()));
        assertEquals(200, r.status(), r.text());
        assertTrue(r.contentType().startsWith("image/tiff"), r.contentType());
        GridSeries fused = geoTiff(dir, "cascade.tif", r.body());
        assertEquals(between, fused.dates());
        assertTrue(fused.geometry().sameAs(twin.fineGrid()), fused.geometry().describe());

        String outer = r.header("X-SSM-Layers");
        Layer published = host.catalog().find(outer).orElseThrow();
        assertEquals("lst", published.style(), "named and styled as the fine input");
        long runs = host.catalog().layers().stream()
                .filter(l -> l.name().startsWith("ESTARFM_") && l.name().endsWith("_fused")).count();
        assertEquals(2, runs, "the nested run's MODIS-like series was published too");

        GridSeries truth = twin.lstClearSky();
        GridSeries landsat = twin.landsatLst();
        double cascade = 0;
        double fineOnly = 0;
        for (int k = 0; k < between.size(); k++) {
            float[] t = truth.band(truth.dates().indexOf(between.get(k)));
            double a = (k + 1.0) / (between.size() + 1);
            float[] interpolated = new float[t.length];
            for (int i = 0; i < t.length; i++) {
                interpolated[i] = (float) ((1 - a) * landsat.band(0)[i] + a * landsat.band(1)[i]);
            }
            cascade += rmse(fused.band(k), t) / between.size();
            fineOnly += rmse(interpolated, t) / between.size();
        }
        assertTrue(cascade < fineOnly, "cascade RMSE " + cascade + " < Landsat-like pair interpolated " + fineOnly);
    }
}
