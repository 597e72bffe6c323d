package org.ssm.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.feature.NameImpl;
import org.geotools.process.Process;
import org.geotools.process.Processors;
import org.junit.jupiter.api.Test;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesDates;
import org.ssm.io.Coverages;

/** ssm:GapFillLST and ssm:QualityMask through the GeoTools SPI, as GeoServer and the host run them. */
class GapFillAndQualityProcessesTest {

    private static final GridGeometry GRID = new GridGeometry("EPSG:32633", 520_000, 5_360_000, 1000, 1000, 30, 20);
    private static final String DATES = "2021-05-01/2021-05-03/P1D";

    private static Map<String, Object> run(String process, Map<String, Object> inputs) {
        Process p = Processors.createProcess(new NameImpl("ssm", process));
        assertNotNull(p, "ssm:" + process + " is registered");
        return p.execute(inputs, null);
    }

    private static float[] uniform(double lo, double hi, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] v = new float[GRID.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (lo + (hi - lo) * rnd.nextDouble());
        }
        return v;
    }

    private static Set<Path> scratchFiles() throws Exception {
        if (!Files.isDirectory(ScratchOutputs.DIR)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(ScratchOutputs.DIR)) {
            return new TreeSet<>(files.toList());
        }
    }

    @Test
    void gapFillRecoversAnExactFieldThroughProcessors() {
        List<LocalDate> dates = SeriesDates.parse("d", DATES);
        float[] dem = uniform(100, 900, 1);
        float[][] ndvi = {uniform(0.1, 0.8, 2), uniform(0.1, 0.8, 3), uniform(0.1, 0.8, 4)};
        float[][] lst = new float[3][GRID.size()];
        lst[0] = uniform(285, 315, 5);
        double[] truth = new double[GRID.size()];
        for (int i = 0; i < GRID.size(); i++) {
            truth[i] = 0.85 * lst[0][i] - 7 * ndvi[1][i] - 0.003 * dem[i] + 45;
            lst[1][i] = i % 5 == 0 ? Float.NaN : (float) truth[i];
            lst[2][i] = (float) (truth[i] + 1);
        }
        Map<String, Object> in = new HashMap<>();
        in.put("lst", Coverages.toCoverage("lst", GridSeries.of(GRID, dates, lst)));
        in.put("ndvi", Coverages.toCoverage("ndvi", GridSeries.of(GRID, dates, ndvi)));
        in.put("dem", Coverages.toCoverage("dem", GridSeries.undated(GRID, new float[][] {dem})));
        in.put("withDistance", true);
        Map<String, Object> out = run("GapFillLST", in);
        GridCoverage2D filled = (GridCoverage2D) out.get("filled");
        assertEquals("lst", filled.getName().toString(), "the host styles the layer as lst");
        assertEquals(GapFillLSTProcess.DISTANCE_VARIABLE, ((GridCoverage2D) out.get("distance")).getName().toString());
        assertEquals(DATES, out.get("dates"));
        GridSeries series = Coverages.fromCoverage("filled", filled, null, Double.NaN);
        assertEquals(dates, series.dates(), "dates travel in the band descriptions");
        for (int i = 0; i < GRID.size(); i += 5) {
            // Day 1 is 80 % clear and follows eq. 1 exactly from day 0; float32 rounding only.
            assertEquals(truth[i], series.band(1)[i], 1e-4);
        }
        String report = (String) out.get("report");
        assertTrue(report.contains("\n2021-05-02,600,480,120,600,0.800000,0.200000,1.000000,1,1\n"), report);
        assertTrue(((String) out.get("fits")).contains("\n2021-05-02,2021-05-01,1,480,"), (String) out.get("fits"));

        in.remove("withDistance");
        assertFalse(run("GapFillLST", in).containsKey("distance"), "the distance map is opt-in");
    }

    @Test
    void gapFillErrorsNameTheParameter() {
        Map<String, Object> in = new HashMap<>();
        in.put("lst", Coverages.toCoverage("lst", GridSeries.of(GRID, SeriesDates.parse("d", DATES),
                new float[][] {uniform(280, 300, 1), uniform(280, 300, 2), uniform(280, 300, 3)})));
        in.put("ndvi", Coverages.toCoverage("ndvi", GridSeries.of(GRID, SeriesDates.parse("d", "2021-05-01/2021-05-02/P1D"),
                new float[][] {uniform(0, 1, 4), uniform(0, 1, 5)})));
        in.put("dem", Coverages.toCoverage("dem", GridSeries.undated(GRID, new float[][] {uniform(0, 100, 6)})));
        RuntimeException e = assertThrows(RuntimeException.class, () -> run("GapFillLST", in));
        ParameterException pe = cause(e);
        assertEquals("ndvi", pe.parameter());
        in.put("maxDays", 0);
        assertEquals("maxDays", cause(assertThrows(RuntimeException.class, () -> run("GapFillLST", in))).parameter());
    }

    private static ParameterException cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ParameterException pe) {
                return pe;
            }
        }
        throw new AssertionError("no ParameterException in " + e, e);
    }

    @Test
    void qualityMaskKeepsTheInputNameAndReturnsTheMask() {
        List<LocalDate> dates = SeriesDates.parse("d", DATES);
        float[][] values = {uniform(280, 300, 7), uniform(280, 300, 8), uniform(280, 300, 9)};
        float[][] qc = new float[3][GRID.size()];
        for (int b = 0; b < 3; b++) {
            for (int i = 0; i < GRID.size(); i++) {
                // MOD11A1 words: good (0), other quality with LST error <= 2 K (65), cloud (2).
                qc[b][i] = new float[] {0, 65, 2}[(i + b) % 3];
            }
        }
        Map<String, Object> in = new HashMap<>();
        in.put("values", Coverages.toCoverage("lst", GridSeries.of(GRID, dates, values)));
        in.put("qc", Coverages.toCoverage("qc", GridSeries.of(GRID, dates, qc)));
        in.put("rules", "bits=0-1:0,1;6-7:0");
        in.put("withMask", true);
        Map<String, Object> out = run("QualityMask", in);
        GridCoverage2D masked = (GridCoverage2D) out.get("masked");
        assertEquals("lst", masked.getName().toString(), "named like the input");
        GridSeries m = Coverages.fromCoverage("masked", masked, null, Double.NaN);
        GridSeries flags = Coverages.fromCoverage("mask", (GridCoverage2D) out.get("mask"), null, Double.NaN);
        assertEquals(QualityMaskProcess.MASK_VARIABLE, ((GridCoverage2D) out.get("mask")).getName().toString());
        for (int b = 0; b < 3; b++) {
            for (int i = 0; i < GRID.size(); i++) {
                boolean kept = (i + b) % 3 == 0;
                assertEquals(kept ? values[b][i] : Float.NaN, m.band(b)[i], 0f);
                assertEquals(kept ? 1f : 0f, flags.band(b)[i], 0f);
            }
        }
        assertEquals(DATES, out.get("dates"));
        assertTrue(((String) out.get("report")).contains("\n2021-05-01,600,200,400,0.333333\n"),
                (String) out.get("report"));
    }

    @Test
    void aFailedRunLeavesNoScratchFile() throws Exception {
        List<LocalDate> dates = SeriesDates.parse("d", DATES);
        float[][] qc = {new float[GRID.size()], new float[GRID.size()], new float[GRID.size()]};
        qc[2][GRID.size() - 1] = 0.5f; // found only after two bands were written
        Map<String, Object> in = new HashMap<>();
        in.put("values", Coverages.toCoverage("ndvi", GridSeries.of(GRID, dates,
                new float[][] {uniform(0, 1, 1), uniform(0, 1, 2), uniform(0, 1, 3)})));
        in.put("qc", Coverages.toCoverage("qc", GridSeries.of(GRID, dates, qc)));
        in.put("rules", "bits=0:0");
        in.put("withMask", true);
        Set<Path> before = scratchFiles();
        ParameterException e = cause(assertThrows(RuntimeException.class, () -> run("QualityMask", in)));
        assertEquals("qc", e.parameter());
        assertTrue(e.getMessage().contains("0.5 at 2021-05-03, column 29, row 19"), e.getMessage());
        assertEquals(before, scratchFiles(), "the scratch series of the failed run were deleted");
    }
}
