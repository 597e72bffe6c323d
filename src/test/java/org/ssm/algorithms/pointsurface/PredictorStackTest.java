package org.ssm.algorithms.pointsurface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssm.algorithms.learning.Predictor;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.CoordinateMap;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;

class PredictorStackTest {

    private static final GridGeometry FINE = Scene.FINE;
    private static final GridGeometry COARSE = Scene.COARSE;
    private static final List<LocalDate> DATES = List.of(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 2, 1),
            LocalDate.of(2021, 12, 31));

    private static PredictorStack align(List<Predictor> predictors, boolean doy, LocalDate from, LocalDate to) {
        return PredictorStack.align(predictors, doy, from, to, (a, b) -> CoordinateMap.IDENTITY, Monitor.NONE);
    }

    private static GridSeries constant(GridGeometry g, List<LocalDate> dates, float v) {
        float[][] b = new float[dates.size()][g.size()];
        for (float[] band : b) {
            java.util.Arrays.fill(band, v);
        }
        return GridSeries.of(g, dates, b);
    }

    @Test
    void coarsePredictorsAreResampledBilinearlyToTheFinestGrid() {
        // A coarse field linear in x and y: bilinear interpolation between coarse centres reproduces
        // it exactly wherever a fine centre lies between four coarse centres.
        float[][] coarse = new float[DATES.size()][COARSE.size()];
        for (int t = 0; t < DATES.size(); t++) {
            for (int r = 0; r < COARSE.height(); r++) {
                for (int c = 0; c < COARSE.width(); c++) {
                    coarse[t][r * COARSE.width() + c] = (float) (t + 10 * COARSE.centerX(c) - 3 * COARSE.centerY(r));
                }
            }
        }
        PredictorStack stack = align(List.of(new Predictor("pm", GridSeries.of(COARSE, DATES, coarse)),
                new Predictor("lst", constant(FINE, DATES, 300f))), true, null, null);
        assertEquals(FINE, stack.geometry(), "the grid with the most cells");
        assertEquals(List.of("pm", "lst", "doy"), stack.names());
        double[] row = new double[3];
        int checked = 0;
        for (int r = 0; r < FINE.height(); r++) {
            for (int c = 0; c < FINE.width(); c++) {
                double x = FINE.centerX(c);
                double y = FINE.centerY(r);
                boolean inner = x > COARSE.centerX(0) && x < COARSE.centerX(COARSE.width() - 1)
                        && y < COARSE.centerY(0) && y > COARSE.centerY(COARSE.height() - 1);
                assertTrue(stack.fill(1, r * FINE.width() + c, row, 0));
                if (inner) {
                    // float32 storage of values near 150 leaves about 1e-5 of rounding.
                    assertEquals(1 + 10 * x - 3 * y, row[0], 2e-5, "pixel " + c + "," + r);
                    checked++;
                }
                assertEquals(300, row[1], 0);
                assertEquals(32, row[2], 0, "1 February is day 32");
            }
        }
        assertTrue(checked > 50, checked + " interior pixels checked");
        stack.fill(2, 0, row, 0);
        assertEquals(365, row[2], 0);
    }

    @Test
    void datesComeFromTheFirstDatedPredictorWithinThePeriodAndStaticBandsServeEveryDate() {
        GridSeries dem = GridSeries.undated(FINE, new float[][] {new float[FINE.size()]});
        List<LocalDate> more = List.of(LocalDate.of(2020, 12, 31), DATES.get(0), DATES.get(1), DATES.get(2));
        PredictorStack stack = align(List.of(new Predictor("dem", dem), new Predictor("lst", constant(FINE, DATES, 1f)),
                new Predictor("ndvi", constant(FINE, more, 2f))), false, LocalDate.of(2021, 1, 15), null);
        assertEquals(List.of(DATES.get(1), DATES.get(2)), stack.dates());
        assertEquals(List.of("dem", "lst", "ndvi"), stack.names());
        double[] row = new double[3];
        assertTrue(stack.fill(1, 7, row, 0));
        assertEquals(List.of(0.0, 1.0, 2.0), List.of(row[0], row[1], row[2]));
    }

    @Test
    void aPredictorMissingADateOrANameClashFailsNamingTheInput() {
        ParameterException e = assertThrows(ParameterException.class, () -> align(List.of(
                new Predictor("lst", constant(FINE, DATES, 1f)),
                new Predictor("ndvi", constant(FINE, DATES.subList(0, 2), 1f))), true, null, null));
        assertEquals("predictors", e.parameter());
        assertTrue(e.getMessage().contains("ndvi has no band for 2021-12-31"), e.getMessage());
        ParameterException dup = assertThrows(ParameterException.class, () -> align(List.of(
                new Predictor("lst", constant(FINE, DATES, 1f)), new Predictor("lst", constant(FINE, DATES, 1f))),
                true, null, null));
        assertEquals("names", dup.parameter());
        assertEquals("names", assertThrows(ParameterException.class,
                () -> new Predictor("DOY", constant(FINE, DATES, 1f))).parameter());
        assertEquals("period", assertThrows(ParameterException.class, () -> align(List.of(
                new Predictor("lst", constant(FINE, DATES, 1f))), true, LocalDate.of(2022, 1, 1), null)).parameter());
    }

    @Test
    void selectReordersColumnsByNameAndNamesTheMissingOne() {
        PredictorStack stack = align(List.of(new Predictor("lst", constant(FINE, DATES, 1f)),
                new Predictor("ndvi", constant(FINE, DATES, 2f))), true, null, null);
        PredictorStack picked = stack.select("predictors", List.of("doy", "ndvi"));
        double[] row = new double[2];
        assertTrue(picked.fill(0, 3, row, 0));
        assertEquals(1, row[0], 0);
        assertEquals(2, row[1], 0);
        ParameterException e = assertThrows(ParameterException.class,
                () -> stack.select("predictors", List.of("lst", "albedo")));
        assertEquals("predictors", e.parameter());
        assertTrue(e.getMessage().contains("albedo"), e.getMessage());
        assertFalse(e.getMessage().contains("no predictor named lst"));
    }
}
