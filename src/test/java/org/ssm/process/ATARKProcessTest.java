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
import java.util.SplittableRandom;
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

/** ssm:ATARK through the GeoTools SPI, as GeoServer and the host run it. */
class ATARKProcessTest {

    private static final GridGeometry FINE = new GridGeometry("EPSG:32633", 520_000, 5_360_000, 1000, 1000, 30, 20);
    private static final GridGeometry COARSE = FINE.coarsen(5);
    private static final List<LocalDate> DATES = SeriesDates.parse("dates", "2021-05-01/2021-05-04/P1D");

    private static Map<String, Object> inputs() {
        SplittableRandom rnd = new SplittableRandom(5);
        float[][] lst = new float[DATES.size()][FINE.size()];
        float[][] coarse = new float[DATES.size()][COARSE.size()];
        int[] cell = FINE.coarseCellIndex(COARSE);
        for (int d = 0; d < DATES.size(); d++) {
            double[] sum = new double[COARSE.size()];
            for (int i = 0; i < FINE.size(); i++) {
                lst[d][i] = (float) (290 + 25 * rnd.nextDouble());
                sum[cell[i]] += 0.7 - 0.0017 * lst[d][i] + 0.03 * Math.sin(i % FINE.width() / 5.0 + d);
            }
            for (int c = 0; c < sum.length; c++) {
                coarse[d][c] = (float) (sum[c] / 25);
            }
        }
        Map<String, Object> in = new HashMap<>();
        in.put("coarseSsm", Coverages.toCoverage("pm", GridSeries.of(COARSE, DATES, coarse)));
        in.put("lst", Coverages.toCoverage("lst", GridSeries.of(FINE, DATES, lst)));
        return in;
    }

    private static Map<String, Object> run(Map<String, Object> in) {
        Process p = Processors.createProcess(new NameImpl("ssm", "ATARK"));
        assertNotNull(p, "ssm:ATARK is registered");
        return p.execute(in, null);
    }

    @Test
    void periodLimitsTheDatesAndEachCoarsePixelKeepsItsValue() {
        Map<String, Object> in = inputs();
        in.put("period", "2021-05-02/2021-05-03");
        Map<String, Object> out = run(in);
        GridSeries ssm = Coverages.fromCoverage("ssm", (GridCoverage2D) out.get("ssm"), null, Double.NaN);
        assertEquals(List.of(LocalDate.parse("2021-05-02"), LocalDate.parse("2021-05-03")), ssm.dates());
        GridSeries coarse = Coverages.fromCoverage("pm", (GridCoverage2D) in.get("coarseSsm"), DATES, Double.NaN);
        int[] cell = FINE.coarseCellIndex(COARSE);
        for (int b = 0; b < 2; b++) {
            double[] sum = new double[COARSE.size()];
            for (int i = 0; i < FINE.size(); i++) {
                sum[cell[i]] += ssm.band(b)[i];
            }
            for (int c = 0; c < sum.length; c++) {
                // Float32 trend, residual and sum: a few 2^-24 of ~0.2, below 2e-7.
                assertEquals(coarse.band(b + 1)[c], sum[c] / 25, 2e-7);
            }
        }
        Map<String, Object> report = Json.parseObject((String) out.get("report"));
        assertEquals(2, ((List<?>) report.get("dates")).size());
        assertTrue(out.get("trend") instanceof GridCoverage2D);
        assertTrue(out.get("residual") instanceof GridCoverage2D);
    }

    @Test
    void badInputsAreNamed() {
        Map<String, Object> in = inputs();
        in.put("method", "KNN");
        assertEquals("method", failure(in).parameter());
        Map<String, Object> noPredictor = inputs();
        noPredictor.remove("lst");
        assertEquals("lst", failure(noPredictor).parameter());
        Map<String, Object> centre = inputs();
        centre.put("neighbourCentre", "middle");
        ParameterException e = failure(centre);
        assertEquals("neighbourCentre", e.parameter());
        assertTrue(e.getMessage().contains("COARSE_PIXEL, FINE_PIXEL"), e.getMessage());
    }

    /** The ParameterException the process threw (the SPI wraps it in a ProcessException). */
    private static ParameterException failure(Map<String, Object> in) {
        ProcessException e = assertThrows(ProcessException.class, () -> run(in));
        return assertInstanceOf(ParameterException.class, e.getCause());
    }
}
