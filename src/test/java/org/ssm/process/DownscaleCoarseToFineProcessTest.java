package org.ssm.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.feature.NameImpl;
import org.geotools.process.Process;
import org.geotools.process.ProcessException;
import org.geotools.process.Processors;
import org.junit.jupiter.api.Test;
import org.ssm.core.Json;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesDates;
import org.ssm.io.Coverages;

/** ssm:DownscaleCoarseToFine through the GeoTools SPI, as GeoServer and the host run it. */
class DownscaleCoarseToFineProcessTest {

    private static final GridGeometry FINE = new GridGeometry("EPSG:32633", 520_000, 5_360_000, 1000, 1000, 20, 10);
    private static final GridGeometry COARSE = FINE.coarsen(5);
    private static final String DATES = "2021-05-01/2021-05-03/P1D";
    private static final List<LocalDate> DAYS = SeriesDates.parse("dates", DATES);

    private static GridCoverage2D fine(String name, int bands, double base, double amplitude) {
        float[][] v = new float[bands][FINE.size()];
        for (int b = 0; b < bands; b++) {
            for (int i = 0; i < FINE.size(); i++) {
                v[b][i] = (float) (base + amplitude * Math.sin(0.7 * (i % 20) + 0.3 * (i / 20) + b + name.length()));
            }
        }
        return Coverages.toCoverage(name, bands == 1 ? GridSeries.undated(FINE, v) : GridSeries.of(FINE, DAYS, v));
    }

    /** Coarse SM: the 5 × 5 block means of 0.3 − 0.005 (LST − 300) + 0.1 FVC² (non-linear in FVC). */
    private static GridCoverage2D coarse(GridCoverage2D lst, GridCoverage2D fvc) {
        GridSeries l = Coverages.fromCoverage("lst", lst, null, Double.NaN);
        GridSeries f = Coverages.fromCoverage("fvc", fvc, List.of(), Double.NaN);
        int[] cell = FINE.coarseCellIndex(COARSE);
        float[][] out = new float[3][COARSE.size()];
        for (int d = 0; d < 3; d++) {
            double[] sum = new double[COARSE.size()];
            for (int i = 0; i < FINE.size(); i++) {
                double v = f.band(0)[i];
                sum[cell[i]] += 0.3 - 0.005 * (l.band(d)[i] - 300) + 0.1 * v * v;
            }
            for (int c = 0; c < COARSE.size(); c++) {
                out[d][c] = (float) (sum[c] / 25);
            }
        }
        return Coverages.toCoverage("smap", GridSeries.of(COARSE, DAYS, out));
    }

    private static Map<String, Object> run(Map<String, Object> inputs) {
        Process p = Processors.createProcess(new NameImpl("ssm", "DownscaleCoarseToFine"));
        assertNotNull(p, "ssm:DownscaleCoarseToFine is registered");
        return p.execute(inputs, null);
    }

    private static Map<String, Object> inputs() {
        GridCoverage2D lst = fine("lst", 3, 300, 8);
        GridCoverage2D fvc = fine("fvc", 1, 0.5, 0.3);
        Map<String, Object> in = new HashMap<>();
        in.put("coarseSsm", coarse(lst, fvc));
        in.put("lst", lst);
        in.put("fvc", fvc);
        in.put("dates", DATES);
        return in;
    }

    @Test
    void residualCorrectedMsrConservesTheCoarseMeansAndReportsItsModel() {
        Map<String, Object> in = inputs();
        in.put("method", "MSR");
        in.put("residualCorrection", true);
        in.put("period", "2021-05-02/");
        Map<String, Object> out = run(in);
        assertEquals("2021-05-02,2021-05-03", out.get("dates"));
        GridSeries ssm = Coverages.fromCoverage("ssm", (GridCoverage2D) out.get("ssm"), null, Double.NaN);
        GridSeries coarse = Coverages.fromCoverage("c", (GridCoverage2D) in.get("coarseSsm"), DAYS, Double.NaN);
        int[] cell = FINE.coarseCellIndex(COARSE);
        for (int d = 0; d < 2; d++) {
            double[] sum = new double[COARSE.size()];
            for (int i = 0; i < FINE.size(); i++) {
                sum[cell[i]] += ssm.band(d)[i];
            }
            for (int c = 0; c < COARSE.size(); c++) {
                // Values near 0.35 rounded once to float32 (ulp 3e-8): the mean of 25 is within 3e-8.
                assertEquals(coarse.band(d + 1)[c], sum[c] / 25, 3e-8, "date " + d + " cell " + c);
            }
        }
        Map<String, Object> models = Json.parseObject((String) out.get("models"));
        assertEquals("MSR", models.get("method"));
        assertEquals(List.of("lst", "fvc", "lon", "lat", "doy"), models.get("predictors"));
        assertEquals("pooled", models.get("windowDays"));
        List<?> list = (List<?>) models.get("models");
        assertEquals(1, list.size());
        assertEquals(2 * COARSE.size(), ((Number) ((Map<?, ?>) list.get(0)).get("samples")).intValue());
    }

    @Test
    void everyMethodRunsByNameWithOptions() {
        for (String method : List.of("GPR", "RF", "GBDT")) {
            Map<String, Object> in = inputs();
            in.put("method", method);
            in.put("options", "seed=3, trees=30 ; maxSamples=40");
            in.put("windowDays", 0);
            Map<String, Object> out = run(in);
            GridSeries ssm = Coverages.fromCoverage("ssm", (GridCoverage2D) out.get("ssm"), null, Double.NaN);
            assertEquals(FINE.size(), ssm.grid(2).validCount(), method);
            Map<String, Object> models = Json.parseObject((String) out.get("models"));
            assertEquals(3, ((List<?>) models.get("models")).size(), method + ": one model per date");
        }
    }

    @Test
    void badMethodOptionsAndMissingPredictorsAreNamed() {
        Map<String, Object> in = inputs();
        in.put("method", "SVR");
        assertEquals("method", cause(in).parameter());
        in.put("method", "GPR");
        in.put("options", "kernel");
        assertEquals("options", cause(in).parameter());
        in.put("options", "kernel=matern");
        assertEquals("kernel", cause(in).parameter());
        in.remove("options");
        in.remove("lst");
        in.remove("fvc");
        assertEquals("lst", cause(in).parameter());
    }

    private static ParameterException cause(Map<String, Object> in) {
        ProcessException e = assertThrows(ProcessException.class, () -> run(in));
        ParameterException p = assertInstanceOf(ParameterException.class, e.getCause());
        assertTrue(p.getMessage().contains(p.parameter()), p.getMessage());
        return p;
    }
}
