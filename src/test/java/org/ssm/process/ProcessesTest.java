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
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.geotools.api.feature.type.Name;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.feature.NameImpl;
import org.geotools.process.Process;
import org.geotools.process.ProcessException;
import org.geotools.process.ProcessFactory;
import org.geotools.process.Processors;
import org.junit.jupiter.api.Test;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesDates;
import org.ssm.io.Coverages;

/** The processes run through the GeoTools SPI exactly as GeoServer and the host run them. */
class ProcessesTest {

    private static final GridGeometry FINE = new GridGeometry("EPSG:32633", 520_000, 5_360_000, 1000, 1000, 20, 10);
    private static final GridGeometry COARSE = FINE.coarsen(5);
    private static final String DATES = "2021-05-01/2021-05-03/P1D";

    private static GridCoverage2D coverage(String name, GridGeometry g, int bands, double lo, double hi, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] v = new float[bands][g.size()];
        for (float[] band : v) {
            for (int i = 0; i < band.length; i++) {
                band[i] = (float) (lo + (hi - lo) * rnd.nextDouble());
            }
        }
        List<LocalDate> dates = bands == 1 ? List.of() : SeriesDates.parse("dates", DATES);
        return Coverages.toCoverage(name, GridSeries.of(g, dates, v));
    }

    private static Map<String, Object> run(String process, Map<String, Object> inputs) {
        Process p = Processors.createProcess(new NameImpl("ssm", process));
        assertNotNull(p, "ssm:" + process + " is registered");
        return p.execute(inputs, null);
    }

    @Test
    void factoryIsFoundThroughTheSpiWithEveryProcess() {
        Set<String> names = new TreeSet<>();
        for (ProcessFactory f : Processors.getProcessFactories()) {
            for (Name n : f.getNames()) {
                if ("ssm".equals(n.getNamespaceURI())) {
                    names.add(n.getLocalPart());
                }
            }
        }
        assertTrue(names.containsAll(Set.of("Align", "SpectralIndices", "DisPATCh", "ESTARFM")), names.toString());
    }

    @Test
    void disPATChConservesTheCoarseMeanThroughProcessors() {
        Map<String, Object> in = new HashMap<>();
        in.put("coarseSsm", coverage("pm", COARSE, 3, 0.1, 0.4, 1));
        in.put("lst", coverage("lst", FINE, 3, 290, 320, 2));
        in.put("ndvi", coverage("ndvi", FINE, 3, 0.15, 0.5, 3));
        in.put("dates", DATES);
        Map<String, Object> out = run("DisPATCh", in);
        assertEquals(DATES, out.get("dates"));
        GridSeries ssm = Coverages.fromCoverage("ssm", (GridCoverage2D) out.get("ssm"), null, Double.NaN);
        assertEquals(SeriesDates.parse("dates", DATES), ssm.dates(), "dates travel in the band descriptions");
        GridSeries coarse = Coverages.fromCoverage("pm", (GridCoverage2D) in.get("coarseSsm"),
                SeriesDates.parse("d", DATES), Double.NaN);
        int[] cell = FINE.coarseCellIndex(COARSE);
        double[] sum = new double[COARSE.size()];
        for (int i = 0; i < FINE.size(); i++) {
            sum[cell[i]] += ssm.band(1)[i];
        }
        for (int c = 0; c < COARSE.size(); c++) {
            // 25 fine pixels per coarse pixel; E eq. 5-6 conserve the mean up to float32 rounding.
            assertEquals(coarse.band(1)[c], sum[c] / 25, 1e-5);
        }
    }

    @Test
    void spectralIndicesComputesNdviThroughProcessors() {
        Map<String, Object> in = new HashMap<>();
        GridCoverage2D red = coverage("red", FINE, 3, 0.02, 0.1, 4);
        GridCoverage2D nir = coverage("nir", FINE, 3, 0.2, 0.5, 5);
        in.put("index", "NDVI");
        in.put("red", red);
        in.put("nir", nir);
        in.put("dates", DATES);
        GridCoverage2D ndvi = (GridCoverage2D) run("SpectralIndices", in).get("index");
        assertEquals("ndvi", ndvi.getName().toString());
        GridSeries r = Coverages.fromCoverage("red", red, null, Double.NaN);
        GridSeries n = Coverages.fromCoverage("nir", nir, null, Double.NaN);
        GridSeries v = Coverages.fromCoverage("ndvi", ndvi, null, Double.NaN);
        float expected = (n.band(2)[7] - r.band(2)[7]) / (n.band(2)[7] + r.band(2)[7]);
        assertEquals(expected, v.band(2)[7], 1e-7f);
    }

    @Test
    void alignAggregatesFineToCoarseThroughProcessors() {
        GridCoverage2D fine = coverage("lst", FINE, 3, 280, 300, 6);
        Map<String, Object> in = new HashMap<>();
        in.put("source", fine);
        in.put("target", coverage("grid", COARSE, 1, 0, 1, 7));
        in.put("method", "AREA_AVERAGE");
        in.put("dates", DATES);
        GridSeries out = Coverages.fromCoverage("r", (GridCoverage2D) run("Align", in).get("result"), null, Double.NaN);
        GridSeries src = Coverages.fromCoverage("s", fine, null, Double.NaN);
        double sum = 0;
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                sum += src.band(0)[r * FINE.width() + c];
            }
        }
        assertTrue(out.geometry().sameAs(COARSE));
        assertEquals(sum / 25, out.band(0)[0], 1e-4); // float32 mean of values near 290
    }

    @Test
    void alignReprojectsToGeographicCoordinates() {
        Map<String, Object> in = new HashMap<>();
        in.put("source", coverage("lst", FINE, 1, 280, 300, 8));
        in.put("crs", "EPSG:4326");
        GridSeries out = Coverages.fromCoverage("r", (GridCoverage2D) run("Align", in).get("result"), null, Double.NaN);
        assertEquals("EPSG:4326", out.geometry().crs());
        // UTM 33N easting 520 km, northing 5360 km lies near 15.27 E, 48.39 N.
        assertEquals(15.27, out.geometry().minX(), 0.02);
        assertEquals(48.39, out.geometry().maxY(), 0.02);
        assertTrue(out.grid(0).validCount() > out.geometry().size() / 2);
    }

    @Test
    void badInputSurfacesAsAParameterExceptionNamingTheInput() {
        Map<String, Object> in = new HashMap<>();
        in.put("coarseSsm", coverage("pm", COARSE, 3, 0.1, 0.4, 1));
        in.put("lst", coverage("lst", FINE, 3, 290, 320, 2));
        in.put("ndvi", coverage("ndvi", FINE, 3, 0.15, 0.5, 3));
        in.put("dates", "2021-05-01,2021-05-02");
        ProcessException e = assertThrows(ProcessException.class, () -> run("DisPATCh", in));
        ParameterException cause = assertInstanceOf(ParameterException.class, e.getCause());
        assertEquals("dates", cause.parameter());
        assertTrue(cause.getMessage().contains("3 bands"), cause.getMessage());
    }
}
