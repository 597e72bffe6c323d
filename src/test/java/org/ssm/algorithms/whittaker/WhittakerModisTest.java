package org.ssm.algorithms.whittaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssm.core.Monitor;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;

/**
 * The real MODIS NDVI series of the WFP-VAM modape package (test resource
 * {@code data/whittaker-modis-ndvi}, MIT licence, see its PROVENANCE.md): 742 interleaved Terra/Aqua
 * composites, 2002-06-26 to 2018-08-05, mostly 8 days apart. The smoother's banded solution is checked
 * against an independent dense Cholesky solve (Apache Commons Math) to 1e-9.
 *
 * <p>The smoother uses the sample index, as modape does: the 5- and 6-day steps at the turn of each
 * year are one step like the 8-day ones. The dated test below states this.
 */
class WhittakerModisTest {

    private static final String FOLDER = "/data/whittaker-modis-ndvi/";

    /** Agreement of the banded and the dense solve; see the comment where it is asserted. */
    private static final double DENSE_TOLERANCE = 1e-9;

    static double[] ndvi;
    static double[] weight;
    static List<LocalDate> dates;
    static DenseWhittaker dense;

    private static List<String[]> csv(String name) throws IOException {
        InputStream in = WhittakerModisTest.class.getResourceAsStream(FOLDER + name);
        assertNotNull(in, "test resource " + FOLDER + name);
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line.split(","));
            }
        }
        return rows;
    }

    @BeforeAll
    static void load() throws IOException {
        List<String[]> input = csv("input.csv");
        ndvi = new double[input.size()];
        weight = new double[input.size()];
        for (int i = 0; i < ndvi.length; i++) {
            assertEquals(i, Integer.parseInt(input.get(i)[0]));
            ndvi[i] = Double.parseDouble(input.get(i)[1]);
            weight[i] = Double.parseDouble(input.get(i)[2]);
        }
        dates = new ArrayList<>();
        for (String[] row : csv("dates.csv")) {
            dates.add(LocalDate.parse(row[2]));
        }
        assertEquals(742, ndvi.length);
        assertEquals(742, dates.size());
        dense = new DenseWhittaker(ndvi.length);
    }

    private static double[] grid() {
        LambdaSelection.VCurve v = LambdaSelection.VCurve.MODIS;
        double[] g = new double[v.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = v.logLambda(i);
        }
        return g;
    }

    private static void assertMatchesDense(double[] w, double lambda, double[] z) {
        double[] expected = dense.solve(ndvi, w, lambda);
        for (int t = 0; t < z.length; t++) {
            // cond(W + λDᵀD) ≤ (1 + 16λ) / λ_min, at most ~1e7 here even with the gaps; both solvers are
            // backward stable, so they agree to ~1e-16 · 1e7 ≈ 1e-9 at worst, and in practice to ~1e-13.
            assertEquals(expected[t], z[t], DENSE_TOLERANCE, "lambda " + lambda + ", sample " + t);
        }
    }

    @Test
    void fixedLambdaMatchesTheDenseSolve() {
        double[] z = new double[ndvi.length];
        // λ = 10 is the fixed-λ case of modape's own test of this series.
        double used = new WhittakerSmoother(new LambdaSelection.Fixed(10), 1).smooth(ndvi, weight, z);
        assertEquals(1.0, used, 1e-15);
        assertMatchesDense(weight, 10, z);
    }

    @Test
    void theVCurveChoosesLikeTheDenseEvaluationAndSolvesLikeIt() {
        WhittakerSmoother smoother = new WhittakerSmoother(LambdaSelection.VCurve.MODIS, 1);
        double[] z = new double[ndvi.length];
        double chosen = smoother.smooth(ndvi, weight, z);
        assertEquals(dense.vCurveLogLambda(ndvi, weight, grid()), chosen, 1e-12);
        assertMatchesDense(weight, Math.pow(10, chosen), z);
    }

    @Test
    void gapsInTheRealSeriesAreFilledAsTheDenseSolveFillsThem() {
        double[] w = weight.clone();
        for (int t = 0; t < w.length; t++) {
            // Every seventh composite clouded, and a whole season (46 composites) missing.
            if (t % 7 == 3 || (t >= 300 && t < 346)) {
                w[t] = 0;
            }
        }
        WhittakerSmoother smoother = new WhittakerSmoother(LambdaSelection.VCurve.MODIS, 1);
        double[] z = new double[ndvi.length];
        double chosen = smoother.smooth(ndvi, w, z);
        assertEquals(dense.vCurveLogLambda(ndvi, w, grid()), chosen, 1e-12);
        assertMatchesDense(w, Math.pow(10, chosen), z);
        for (double v : z) {
            assertFalse(Double.isNaN(v));
        }
    }

    @Test
    void theDatedSeriesIsSmoothedOnTheSampleIndex() {
        GridGeometry pixel = new GridGeometry("EPSG:4326", 30, 10, 0.01, 0.01, 1, 1);
        float[][] bands = new float[ndvi.length][1];
        for (int t = 0; t < ndvi.length; t++) {
            bands[t][0] = (float) ndvi[t];
        }
        WhittakerSmoother smoother = new WhittakerSmoother(LambdaSelection.VCurve.MODIS, 1);
        WhittakerSmoother.Smoothed out = smoother.smooth(GridSeries.of(pixel, dates, bands), null, Monitor.NONE);
        assertEquals(dates, out.values().dates());
        double[] asFloat = new double[ndvi.length];
        for (int t = 0; t < ndvi.length; t++) {
            asFloat[t] = (float) ndvi[t];
        }
        double[] z = new double[ndvi.length];
        double chosen = smoother.smooth(asFloat, null, z);
        // The irregular dates play no part: the dated series gives exactly the index-based result.
        assertEquals((float) chosen, out.logLambda().values()[0], 0f);
        for (int t = 0; t < ndvi.length; t++) {
            assertEquals((float) z[t], out.values().band(t)[0], 0f);
        }
    }
}
