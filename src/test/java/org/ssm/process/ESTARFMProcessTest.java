package org.ssm.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.feature.NameImpl;
import org.geotools.process.Process;
import org.geotools.process.ProcessException;
import org.geotools.process.Processors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssm.algorithms.fusion.Estarfm;
import org.ssm.algorithms.fusion.EstarfmParameters;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesDates;
import org.ssm.io.Coverages;
import org.ssm.scenario.Scenario;
import org.ssm.scenario.TwinExperiment;
import org.ssm.scenario.TwinExperimentConfig;

/**
 * {@code ssm:ESTARFM} through the GeoTools SPI, as GeoServer runs it: the cascade of paper B §3.3
 * on the twin experiment, several bands and dates, the scratch-file output and errors.
 */
class ESTARFMProcessTest {

    /** Reanalysis-like LST cells: 3 × 3 MODIS-like cells of 5 km. */
    private static final int REANALYSIS_FACTOR = 3;

    private static Scenario twin;
    private static GridGeometry reanalysisGrid;
    private static GridSeries reanalysisLst;

    @BeforeAll
    static void scenario() {
        // The small twin experiment on a 120 x 90 km grid: 24 x 18 MODIS-like cells.
        TwinExperimentConfig small = TwinExperimentConfig.small();
        GridGeometry g = small.grid();
        TwinExperimentConfig config = small.toBuilder()
                .grid(new GridGeometry(g.crs(), g.originX(), g.originY(), 1000, 1000, 120, 90)).build();
        twin = TwinExperiment.generate(config, Monitor.NONE);
        // A reanalysis-like LST (ERA5 skin temperature in paper B): the clear-sky LST over 15 km cells,
        // 1 K too warm, with 0.3 K noise; gap-free every day.
        reanalysisGrid = twin.opticalCoarseGrid().coarsen(REANALYSIS_FACTOR);
        GridSeries truth = twin.lstClearSky();
        int[] cell = truth.geometry().coarseCellIndex(reanalysisGrid);
        SplittableRandom rnd = new SplittableRandom(15);
        float[][] bands = new float[truth.size()][];
        for (int d = 0; d < truth.size(); d++) {
            double[] sum = new double[reanalysisGrid.size()];
            int[] n = new int[reanalysisGrid.size()];
            for (int i = 0; i < cell.length; i++) {
                sum[cell[i]] += truth.band(d)[i];
                n[cell[i]]++;
            }
            bands[d] = new float[sum.length];
            for (int k = 0; k < sum.length; k++) {
                bands[d][k] = (float) (sum[k] / n[k] + 1 + 0.3 * rnd.nextGaussian());
            }
        }
        reanalysisLst = GridSeries.of(reanalysisGrid, truth.dates(), bands);
    }

    private static Map<String, Object> run(Map<String, Object> inputs) {
        Process p = Processors.createProcess(new NameImpl("ssm", "ESTARFM"));
        assertNotNull(p, "ssm:ESTARFM is registered");
        return p.execute(inputs, null);
    }

    /** Band {@code date} of {@code series} as a one-band coverage named {@code name}. */
    private static GridCoverage2D at(String name, GridSeries series, LocalDate date) {
        int d = series.dates().indexOf(date);
        assertTrue(d >= 0, date + " in " + series.dates());
        return Coverages.toCoverage(name, GridSeries.undated(series.geometry(), new float[][] {series.band(d)}));
    }

    private static double rmse(float[] a, float[] b) {
        double ss = 0;
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Float.isNaN(a[i]) && !Float.isNaN(b[i])) {
                ss += (a[i] - b[i]) * (double) (a[i] - b[i]);
                n++;
            }
        }
        return Math.sqrt(ss / n);
    }

    /**
     * Paper B §3.3: reanalysis LST + MODIS gives the MODIS grid every day, and that result + Landsat
     * gives the fine grid. Here 15 km + 5 km → 5 km, then + 1 km Landsat-like → 1 km, for the 15 days
     * between two Landsat-like dates, chained in one JVM through Processors (the dates travel with the
     * bands). Fusion is worth its name when it beats both the fine images alone (interpolated in
     * time between the base dates) and the coarse image alone (MODIS of the day on the fine grid):
     * the cascade's mean RMSE against the true LST must be below both. The second stage fed with the
     * MODIS-like series itself must do better still, since the first stage only estimates it.
     */
    @Test
    void cascadeFromReanalysisThroughModisToTheFineGrid() {
        List<LocalDate> landsat = twin.landsatDates();
        LocalDate tm = landsat.get(0);
        LocalDate tn = landsat.get(1);
        GridSeries modis = twin.modisLst();
        GridSeries fine = twin.landsatLst();
        List<LocalDate> between = new ArrayList<>();
        for (LocalDate d = tm.plusDays(1); d.isBefore(tn); d = d.plusDays(1)) {
            between.add(d);
        }
        GridSeries reanalysisBetween = reanalysisLst.between(between.get(0), between.get(between.size() - 1));

        Map<String, Object> first = new HashMap<>();
        first.put("fineM", at("lst", modis, tm));
        first.put("coarseM", at("lst", reanalysisLst, tm));
        first.put("fineN", at("lst", modis, tn));
        first.put("coarseN", at("lst", reanalysisLst, tn));
        first.put("coarseP", Coverages.toCoverage("lst", reanalysisBetween));
        first.put("window", 9);
        first.put("minValue", 250.0);
        first.put("maxValue", 350.0);
        Map<String, Object> modisLike = run(first);
        assertEquals(SeriesDates.format(between), modisLike.get("dates"));

        Map<String, Object> second = new HashMap<>();
        second.put("fineM", at("lst", fine, tm));
        second.put("coarseM", at("lst", modis, tm));
        second.put("fineN", at("lst", fine, tn));
        second.put("coarseN", at("lst", modis, tn));
        second.put("coarseP", modisLike.get("fused"));
        second.put("window", 31);
        second.put("minValue", 250.0);
        second.put("maxValue", 350.0);
        GridCoverage2D fused = (GridCoverage2D) run(second).get("fused");
        // The second stage alone, with the MODIS-like series itself: what the first stage estimates.
        second.put("coarseP", Coverages.toCoverage("lst", modis.between(between.get(0), between.get(between.size() - 1))));
        GridSeries singleStage = Coverages.fromCoverage("single", (GridCoverage2D) run(second).get("fused"), null,
                Double.NaN);
        assertEquals("lst", fused.getName().toString(), "named after fineM");
        GridSeries result = Coverages.fromCoverage("fused", fused, null, Double.NaN);
        assertEquals(between, result.dates(), "the dates of the first run carried through the second");
        assertTrue(result.geometry().sameAs(twin.fineGrid()));

        GridSeries truth = twin.lstClearSky();
        int[] modisCell = twin.fineGrid().coarseCellIndex(modis.geometry());
        double cascade = 0;
        double single = 0;
        double fineOnly = 0;
        double coarseOnly = 0;
        for (int k = 0; k < between.size(); k++) {
            LocalDate d = between.get(k);
            float[] t = truth.band(truth.dates().indexOf(d));
            float[] modisDay = modis.band(modis.dates().indexOf(d));
            double a = (double) (d.toEpochDay() - tm.toEpochDay()) / (tn.toEpochDay() - tm.toEpochDay());
            float[] interpolated = new float[t.length];
            float[] replicated = new float[t.length];
            for (int i = 0; i < t.length; i++) {
                interpolated[i] = (float) ((1 - a) * fine.band(0)[i] + a * fine.band(1)[i]);
                replicated[i] = modisDay[modisCell[i]];
            }
            cascade += rmse(result.band(k), t) / between.size();
            single += rmse(singleStage.band(k), t) / between.size();
            fineOnly += rmse(interpolated, t) / between.size();
            coarseOnly += rmse(replicated, t) / between.size();
        }
        System.out.printf("cascade %.2f K, single stage on the MODIS-like series %.2f K, Landsat interpolated %.2f K,"
                + " MODIS replicated %.2f K%n", cascade, single, fineOnly, coarseOnly);
        assertTrue(single < cascade, "the first stage only estimates the MODIS-like series: " + single + " < " + cascade);
        assertTrue(cascade < fineOnly, "cascade RMSE " + cascade + " < fine images alone " + fineOnly);
        assertTrue(cascade < coarseOnly, "cascade RMSE " + cascade + " < coarse image alone " + coarseOnly);
    }

    private static GridSeries random(GridGeometry g, int bands, double lo, double hi, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] v = new float[bands][g.size()];
        for (float[] band : v) {
            for (int i = 0; i < band.length; i++) {
                band[i] = (float) (lo + (hi - lo) * rnd.nextDouble());
            }
        }
        return GridSeries.undated(g, v);
    }

    private static final GridGeometry FINE = new GridGeometry("EPSG:32633", 520_000, 5_360_000, 100, 100, 40, 30);
    private static final GridGeometry COARSE = FINE.coarsen(5);

    /** Two bands at each of two dates: nb·k bands, date-major, and the dates as a literal. */
    private static Map<String, Object> multiband(GridSeries coarseP) {
        Map<String, Object> in = new HashMap<>();
        in.put("fineM", Coverages.toCoverage("reflectance", random(FINE, 2, 0.05, 0.4, 1)));
        in.put("coarseM", Coverages.toCoverage("reflectance", random(COARSE, 2, 0.05, 0.4, 2)));
        in.put("fineN", Coverages.toCoverage("reflectance", random(FINE, 2, 0.05, 0.4, 3)));
        in.put("coarseN", Coverages.toCoverage("reflectance", random(COARSE, 2, 0.05, 0.4, 4)));
        in.put("coarseP", Coverages.toCoverage("reflectance", coarseP));
        in.put("dates", "2021-05-03,2021-05-09");
        in.put("window", 11);
        return in;
    }

    @Test
    void severalBandsAndDatesMatchTheAlgorithm() {
        GridSeries coarseP = random(COARSE, 4, 0.05, 0.4, 5);
        Map<String, Object> in = multiband(coarseP);
        Map<String, Object> out = run(in);
        assertEquals("2021-05-03,2021-05-09", out.get("dates"));
        GridCoverage2D fused = (GridCoverage2D) out.get("fused");
        assertEquals("reflectance", fused.getName().toString());
        GridSeries got = Coverages.fromCoverage("fused", fused, null, Double.NaN);
        assertEquals(4, got.size());
        assertTrue(got.dates().isEmpty(), "two bands per date: the dates travel as the literal only");
        Estarfm estarfm = Estarfm.prepare(EstarfmParameters.DEFAULTS.withWindow(11),
                series(in, "fineM"), series(in, "coarseM"), series(in, "fineN"), series(in, "coarseN"));
        GridSeries expected = estarfm.predict(coarseP, Monitor.NONE);
        for (int b = 0; b < 4; b++) {
            for (int i = 0; i < FINE.size(); i++) {
                assertEquals(expected.band(b)[i], got.band(b)[i], 0f, "band " + b + " pixel " + i);
            }
        }
    }

    private static GridSeries series(Map<String, Object> in, String name) {
        return Coverages.fromCoverage(name, (GridCoverage2D) in.get(name), List.of(), Double.NaN);
    }

    /** A large output goes to a memory-mapped scratch file; the coverage reads the same values. */
    @Test
    void largeOutputsAreWrittenToAScratchFile() {
        GridSeries coarseP = random(COARSE, 4, 0.05, 0.4, 6);
        Map<String, Object> in = multiband(coarseP);
        GridCoverage2D inMemory = (GridCoverage2D) run(in).get("fused");
        GridCoverage2D onDisk = (GridCoverage2D) new ESTARFMProcess(0).execute(
                (GridCoverage2D) in.get("fineM"), (GridCoverage2D) in.get("coarseM"), (GridCoverage2D) in.get("fineN"),
                (GridCoverage2D) in.get("coarseN"), (GridCoverage2D) in.get("coarseP"), "2021-05-03,2021-05-09",
                11, null, null, null, null, null).get("fused");
        GridSeries a = Coverages.fromCoverage("a", inMemory, null, Double.NaN);
        GridSeries b = Coverages.fromCoverage("b", onDisk, null, Double.NaN);
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < FINE.size(); i++) {
                assertEquals(a.band(k)[i], b.band(k)[i], 0f, "band " + k + " pixel " + i);
            }
        }
    }

    @Test
    void aDatesLiteralThatDoesNotFitIsRefused() {
        Map<String, Object> in = multiband(random(COARSE, 4, 0.05, 0.4, 7));
        in.put("dates", "2021-05-03,2021-05-09,2021-05-11");
        ProcessException e = assertThrows(ProcessException.class, () -> run(in));
        ParameterException cause = assertInstanceOf(ParameterException.class, e.getCause());
        assertEquals("dates", cause.parameter());
        assertTrue(cause.getMessage().contains("(2: 4 bands of 2)"), cause.getMessage());
        in.put("coarseP", Coverages.toCoverage("reflectance", random(COARSE, 3, 0.05, 0.4, 8)));
        e = assertThrows(ProcessException.class, () -> run(in));
        assertEquals("coarseP", assertInstanceOf(ParameterException.class, e.getCause()).parameter());
    }

    @Test
    void aCoarseGridOffTheFineCellEdgesIsRefused() {
        Map<String, Object> in = multiband(random(COARSE, 4, 0.05, 0.4, 9));
        GridGeometry shifted = new GridGeometry("EPSG:32633", 520_030, 5_360_000, 500, 500, 8, 6);
        in.put("coarseM", Coverages.toCoverage("reflectance", random(shifted, 2, 0.05, 0.4, 10)));
        in.put("coarseN", Coverages.toCoverage("reflectance", random(shifted, 2, 0.05, 0.4, 11)));
        ProcessException e = assertThrows(ProcessException.class, () -> run(in));
        ParameterException cause = assertInstanceOf(ParameterException.class, e.getCause());
        assertEquals("coarseM", cause.parameter());
        assertTrue(cause.getMessage().contains("ssm:Align"), cause.getMessage());
    }
}
