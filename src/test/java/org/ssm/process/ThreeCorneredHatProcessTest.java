package org.ssm.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.geotools.api.data.Parameter;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.feature.NameImpl;
import org.geotools.process.Process;
import org.geotools.process.Processors;
import org.junit.jupiter.api.Test;
import org.ssm.algorithms.tch.TchSolution;
import org.ssm.algorithms.tch.ThreeCorneredHat;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesDates;
import org.ssm.io.Coverages;

/** ssm:ThreeCorneredHat through the GeoTools SPI, as GeoServer and the host run it. */
class ThreeCorneredHatProcessTest {

    private static final GridGeometry GRID = new GridGeometry("EPSG:32633", 520_000, 5_360_000, 1000, 1000, 6, 5);
    private static final String DATES = "2021-04-01/2021-06-29/P1D";
    private static final double[] SIGMA = {0.03, 0.015, 0.04, 0.025};

    /** Four products: truth plus independent errors of the given σ, per pixel. */
    private static float[][][] products(long seed) {
        int dates = SeriesDates.parse("d", DATES).size();
        float[][][] bands = new float[SIGMA.length][dates][GRID.size()];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int cell = 0; cell < GRID.size(); cell++) {
            for (int t = 0; t < dates; t++) {
                double truth = 0.25 + 0.1 * Math.sin(t / 9.0 + cell);
                for (int p = 0; p < SIGMA.length; p++) {
                    bands[p][t][cell] = (float) (truth + 0.01 * p + SIGMA[p] * rnd.nextGaussian());
                }
            }
        }
        return bands;
    }

    private static List<GridCoverage2D> coverages(float[][][] bands, GridGeometry grid) {
        List<LocalDate> dates = SeriesDates.parse("d", DATES);
        List<GridCoverage2D> out = new ArrayList<>();
        for (float[][] b : bands) {
            out.add(Coverages.toCoverage("ssm", GridSeries.of(grid, dates, b)));
        }
        return out;
    }

    private static Map<String, Object> run(Map<String, Object> inputs) {
        Process p = Processors.createProcess(new NameImpl("ssm", "ThreeCorneredHat"));
        assertNotNull(p, "ssm:ThreeCorneredHat is registered");
        return p.execute(inputs, null);
    }

    @Test
    void productsAreARepeatedCoverageInput() {
        Parameter<?> products = Processors.getParameterInfo(new NameImpl("ssm", "ThreeCorneredHat")).get("products");
        assertEquals(GridCoverage2D.class, products.type);
        assertEquals(3, products.minOccurs);
        assertEquals(Integer.MAX_VALUE, products.maxOccurs);
    }

    @Test
    void mapsReportsAndNamesThroughProcessors() {
        float[][][] bands = products(5);
        Map<String, Object> in = new HashMap<>();
        in.put("products", coverages(bands, GRID));
        in.put("names", "MSR, DisPATCh,RF,GPR");
        Map<String, Object> out = run(in);
        GridCoverage2D uncertainty = (GridCoverage2D) out.get("uncertainty");
        GridCoverage2D relative = (GridCoverage2D) out.get("relativeUncertainty");
        GridCoverage2D least = (GridCoverage2D) out.get("leastUncertain");
        assertEquals("uncertainty", uncertainty.getName().toString(), "the host styles the layer by its name");
        assertEquals("relative-uncertainty", relative.getName().toString());
        assertEquals("product-index", least.getName().toString());
        assertEquals("DisPATCh", uncertainty.getSampleDimension(1).getDescription().toString());
        assertEquals("least uncertain product: 1 = MSR, 2 = DisPATCh, 3 = RF, 4 = GPR",
                least.getSampleDimension(0).getDescription().toString());
        GridSeries u = Coverages.fromCoverage("u", uncertainty, null, Double.NaN);
        GridSeries r = Coverages.fromCoverage("r", relative, null, Double.NaN);
        GridSeries l = Coverages.fromCoverage("l", least, null, Double.NaN);
        assertEquals(4, u.size());
        int dates = bands[0].length;
        for (int cell = 0; cell < GRID.size(); cell++) {
            double[][] series = new double[4][dates];
            for (int p = 0; p < 4; p++) {
                for (int t = 0; t < dates; t++) {
                    series[p][t] = bands[p][t][cell];
                }
            }
            // The process is the algorithm: equal after rounding to float32.
            TchSolution expected = ThreeCorneredHat.DEFAULTS.estimate(series);
            for (int p = 0; p < 4; p++) {
                assertEquals((float) expected.uncertainty(p), u.band(p)[cell], 0f);
                assertEquals((float) expected.relativeUncertainty(p), r.band(p)[cell], 0f);
            }
            assertEquals(expected.leastUncertain() + 1, l.band(0)[cell], 0f);
        }
        String products = (String) out.get("products");
        assertTrue(products.startsWith("product,name,least_uncertain_pixels,"), products);
        assertTrue(products.contains("\n2,DisPATCh,"), products);
        String report = (String) out.get("report");
        assertTrue(report.contains("\nno_data,0,0.000000\n"), report);
    }

    @Test
    void errorsNameTheParameterAndLeaveNoScratchFile() throws Exception {
        List<GridCoverage2D> four = coverages(products(9), GRID);
        Set<Path> before = scratchFiles();
        ThreeCorneredHatProcess direct = new ThreeCorneredHatProcess();
        assertEquals("products", assertThrows(ParameterException.class,
                () -> direct.execute(four.subList(0, 2), null, null, null, null, null, null)).parameter());
        // Through the factory GeoTools checks the count first, naming the input too.
        Map<String, Object> two = new HashMap<>();
        two.put("products", four.subList(0, 2));
        RuntimeException e = assertThrows(RuntimeException.class, () -> run(two));
        assertTrue(e.getMessage().contains("products"), e.getMessage());

        assertEquals("names", assertThrows(ParameterException.class,
                () -> direct.execute(four, "a,b,c", null, null, null, null, null)).parameter());
        assertEquals("names", assertThrows(ParameterException.class,
                () -> direct.execute(four, "a,b,a,c", null, null, null, null, null)).parameter());

        List<GridCoverage2D> mixed = new ArrayList<>(four.subList(0, 3));
        mixed.add(coverages(products(9), new GridGeometry("EPSG:32633", 530_000, 5_360_000, 1000, 1000, 6, 5))
                .get(3));
        ParameterException grid = assertThrows(ParameterException.class,
                () -> direct.execute(mixed, null, null, null, null, null, null));
        assertEquals("products", grid.parameter());
        assertEquals("minDates", assertThrows(ParameterException.class,
                () -> direct.execute(four, null, null, 2, null, null, null)).parameter());
        assertEquals("tolerance", assertThrows(ParameterException.class,
                () -> direct.execute(four, null, null, null, null, 0.0, null)).parameter());
        assertEquals(before, scratchFiles(), "nothing was left behind");
    }

    private static Set<Path> scratchFiles() throws Exception {
        if (!Files.isDirectory(ScratchOutputs.DIR)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(ScratchOutputs.DIR)) {
            return new TreeSet<>(files.toList());
        }
    }
}
