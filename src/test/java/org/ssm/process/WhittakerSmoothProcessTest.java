package org.ssm.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.ssm.algorithms.whittaker.LambdaSelection;
import org.ssm.algorithms.whittaker.WhittakerSmoother;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesDates;
import org.ssm.io.Coverages;

/** {@code ssm:WhittakerSmooth} through the GeoTools SPI, as GeoServer and the host run it. */
class WhittakerSmoothProcessTest {

    private static final GridGeometry GRID = new GridGeometry("EPSG:32633", 520_000, 5_360_000, 1000, 1000, 12, 7);
    private static final String DATES = "2021-04-01/2021-06-29/P1D";
    private static final List<LocalDate> BAND_DATES = SeriesDates.parse("dates", DATES);

    /** NDVI-like daily values with a quarter of them clouded (NaN). */
    private static GridSeries ndvi(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] v = new float[BAND_DATES.size()][GRID.size()];
        for (int t = 0; t < v.length; t++) {
            for (int i = 0; i < GRID.size(); i++) {
                v[t][i] = rnd.nextDouble() < 0.25 ? Float.NaN
                        : (float) (0.3 + 0.2 * Math.sin(t / 20.0 + i) + 0.03 * rnd.nextGaussian());
            }
        }
        return GridSeries.of(GRID, BAND_DATES, v);
    }

    private static Map<String, Object> run(Map<String, Object> inputs) {
        Process p = Processors.createProcess(new NameImpl("ssm", "WhittakerSmooth"));
        assertNotNull(p, "ssm:WhittakerSmooth is registered");
        return p.execute(inputs, null);
    }

    @Test
    void theVCurveSmoothsFillsAndReportsLambdaPerPixel() {
        GridSeries series = ndvi(1);
        Map<String, Object> in = new HashMap<>();
        in.put("series", Coverages.toCoverage("ndvi", series));
        Map<String, Object> out = run(in);
        GridCoverage2D smoothed = (GridCoverage2D) out.get("smoothed");
        assertEquals("ndvi", smoothed.getName().toString(), "the output keeps the input's variable (style)");
        assertEquals(DATES, out.get("dates"));
        GridSeries values = Coverages.fromCoverage("smoothed", smoothed, null, Double.NaN);
        assertEquals(BAND_DATES, values.dates());
        GridCoverage2D lambda = (GridCoverage2D) out.get("logLambda");
        assertEquals("lambda", lambda.getName().toString());
        float[] logLambda = Coverages.fromCoverage("logLambda", lambda, null, Double.NaN).band(0);

        // The process is the algorithm with the declared defaults: same values bit for bit.
        WhittakerSmoother.Smoothed expected = WhittakerSmoother.of(LambdaSelection.VCurve.MODIS)
                .smooth(series, null, Monitor.NONE);
        for (int t = 0; t < values.size(); t++) {
            for (int i = 0; i < GRID.size(); i++) {
                assertFalse(Float.isNaN(values.band(t)[i]), "gaps are filled");
                assertEquals(expected.values().band(t)[i], values.band(t)[i], 0f);
            }
        }
        for (int i = 0; i < GRID.size(); i++) {
            assertEquals(expected.logLambda().values()[i], logLambda[i], 0f);
            assertTrue(logLambda[i] >= -1.9f && logLambda[i] <= 0.9f, "a midpoint of the default grid");
        }
    }

    @Test
    void aFixedLambdaAndWeightsGiveNoLambdaOutput() {
        GridSeries series = ndvi(2);
        float[][] w = new float[BAND_DATES.size()][GRID.size()];
        SplittableRandom rnd = new SplittableRandom(3);
        for (float[] band : w) {
            for (int i = 0; i < band.length; i++) {
                band[i] = rnd.nextDouble() < 0.1 ? Float.NaN : (float) rnd.nextDouble();
            }
        }
        GridSeries weights = GridSeries.undated(GRID, w);
        Map<String, Object> in = new HashMap<>();
        in.put("series", Coverages.toCoverage("ndvi", series));
        in.put("weights", Coverages.toCoverage("weights", weights));
        in.put("lambda", 4.0);
        Map<String, Object> out = run(in);
        assertFalse(out.containsKey("logLambda"), "a fixed lambda is not a per-pixel result");
        GridSeries values = Coverages.fromCoverage("smoothed", (GridCoverage2D) out.get("smoothed"), null, Double.NaN);
        GridSeries expected = new WhittakerSmoother(new LambdaSelection.Fixed(4), 1)
                .smooth(series, weights, Monitor.NONE).values();
        for (int t = 0; t < values.size(); t++) {
            for (int i = 0; i < GRID.size(); i++) {
                assertEquals(expected.band(t)[i], values.band(t)[i], 0f);
            }
        }
    }

    @Test
    void datesCanBeGivenForAnUndatedCoverage() {
        GridSeries series = ndvi(4);
        Map<String, Object> in = new HashMap<>();
        in.put("series", Coverages.toCoverage("series", series.withDates(List.of())));
        in.put("dates", DATES);
        in.put("lambda", 1.0);
        Map<String, Object> out = run(in);
        assertEquals(DATES, out.get("dates"));
        assertEquals("series", ((GridCoverage2D) out.get("smoothed")).getName().toString());
    }

    @Test
    void badParametersAreNamed() {
        Map<String, Object> in = new HashMap<>();
        in.put("series", Coverages.toCoverage("ndvi", ndvi(5)));
        in.put("logLambdaStep", 0.0);
        ProcessException e = assertThrows(ProcessException.class, () -> run(in));
        assertEquals("logLambdaStep", assertInstanceOf(ParameterException.class, e.getCause()).parameter());

        in.remove("logLambdaStep");
        in.put("lambda", -1.0);
        e = assertThrows(ProcessException.class, () -> run(in));
        assertEquals("lambda", assertInstanceOf(ParameterException.class, e.getCause()).parameter());

        in.remove("lambda");
        in.put("weights", Coverages.toCoverage("w", GridSeries.undated(GRID, new float[3][GRID.size()])));
        e = assertThrows(ProcessException.class, () -> run(in));
        ParameterException cause = assertInstanceOf(ParameterException.class, e.getCause());
        assertEquals("weights", cause.parameter());
        assertTrue(cause.getMessage().contains("3 bands"), cause.getMessage());
    }
}
