package org.ssm.algorithms.nonlinear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.ssm.core.CancelledException;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;

/**
 * {@link NonlinearLinkDownscaler} end to end on synthetic series whose coarse SSM follows the linking
 * model of eq. 2 exactly: 4 × 3 coarse pixels of 10 km over 40 × 30 fine cells of 1 km, 9 dates. With
 * the paper's ws = 7 and dl = 5 every fit sees the whole grid and every date.
 */
class NonlinearLinkDownscalerTest {

    private static final GridGeometry FINE = new GridGeometry("EPSG:32633", 500_000, 5_300_000, 1000, 1000, 40, 30);
    private static final GridGeometry COARSE = FINE.coarsen(10);
    private static final int[] CELL = FINE.coarseCellIndex(COARSE);
    private static final int DAYS = 9;
    private static final LinkingModel TRUE = new LinkingModel(-0.15, 0.8, 0.05);
    /** The pixel and date of a swath gap with both neighbours observed. */
    private static final int GAP_PIXEL = 5;
    private static final int GAP_DAY = 4;
    /** The pixel that misses three days in a row, centred on {@link #LOST_DAY}. */
    private static final int LOST_PIXEL = 10;
    private static final int LOST_DAY = 6;

    private static List<LocalDate> dates() {
        List<LocalDate> d = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            d.add(LocalDate.of(2021, 6, 1).plusDays(i));
        }
        return d;
    }

    /** Fine SEE, fine NMDI and the coarse SSM = eq. 2 at the coarse means. */
    private record Inputs(GridSeries see, GridSeries nmdi, GridSeries coarse) {}

    private static Inputs inputs() {
        SplittableRandom rnd = new SplittableRandom(42);
        float[][] see = new float[DAYS][FINE.size()];
        float[][] nmdi = new float[DAYS][FINE.size()];
        float[][] coarse = new float[DAYS][COARSE.size()];
        for (int t = 0; t < DAYS; t++) {
            double[] pixelSee = new double[COARSE.size()];
            double[] pixelNmdi = new double[COARSE.size()];
            for (int c = 0; c < COARSE.size(); c++) {
                pixelSee[c] = 0.2 + 0.5 * rnd.nextDouble();
                pixelNmdi[c] = 0.15 + 0.4 * rnd.nextDouble();
            }
            double[] sumSee = new double[COARSE.size()];
            double[] sumNmdi = new double[COARSE.size()];
            for (int i = 0; i < FINE.size(); i++) {
                int c = CELL[i];
                // The gap pixel is uniform on its gap date, so its fine values are the filled coarse value.
                boolean uniform = c == GAP_PIXEL && t == GAP_DAY;
                see[t][i] = (float) (pixelSee[c] + (uniform ? 0 : 0.05 * (2 * rnd.nextDouble() - 1)));
                nmdi[t][i] = (float) (pixelNmdi[c] + (uniform ? 0 : 0.03 * (2 * rnd.nextDouble() - 1)));
                sumSee[c] += see[t][i];
                sumNmdi[c] += nmdi[t][i];
            }
            for (int c = 0; c < COARSE.size(); c++) {
                coarse[t][c] = (float) TRUE.value(sumSee[c] / 100, sumNmdi[c] / 100);
            }
        }
        coarse[GAP_DAY][GAP_PIXEL] = Float.NaN;
        // Observations that depart from the model on the gap's neighbours, so that the inter-day
        // correction of eq. 6 matters.
        coarse[GAP_DAY - 1][GAP_PIXEL] += 0.02f;
        coarse[GAP_DAY + 1][GAP_PIXEL] -= 0.01f;
        for (int t = LOST_DAY - 1; t <= LOST_DAY + 1; t++) {
            coarse[t][LOST_PIXEL] = Float.NaN;
        }
        return new Inputs(GridSeries.of(FINE, dates(), see), GridSeries.of(FINE, dates(), nmdi),
                GridSeries.of(COARSE, dates(), coarse));
    }

    private static NonlinearLinkDownscaler.Result run(Inputs in, Monitor monitor) {
        return new NonlinearLinkDownscaler(LinkParameters.defaults()).downscale(in.coarse(), in.see(), in.nmdi(),
                monitor);
    }

    private static double coarseMean(GridSeries fine, int t, int c) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < FINE.size(); i++) {
            if (CELL[i] == c) {
                sum += fine.band(t)[i];
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void recoversTheModelAndAppliesEquation5() {
        Inputs in = inputs();
        NonlinearLinkDownscaler.Result r = run(in, Monitor.NONE);
        for (int t = 0; t < DAYS; t++) {
            for (int c = 0; c < COARSE.size(); c++) {
                if (Float.isNaN(r.a().band(t)[c]) || c == GAP_PIXEL) {
                    continue;
                }
                // Two of 108 samples depart from the model by 0.01–0.02 (the gap's neighbours), which
                // moves the fitted coefficients by less than 1e-3; the rest is float storage.
                assertEquals(TRUE.a(), r.a().band(t)[c], 2e-3, "a at " + c + ", day " + t);
                assertEquals(TRUE.b(), r.b().band(t)[c], 1e-2, "b at " + c + ", day " + t);
                assertEquals(TRUE.c(), r.c().band(t)[c], 2e-3, "c at " + c + ", day " + t);
            }
        }
        // Eq. 5 with the fitted model of each pixel, recomputed here from the stored coefficients: the
        // float storage of a, b, c (relative 6e-8) and of the output limits the agreement to ~1e-6.
        for (int t = 0; t < DAYS; t++) {
            float[] out = r.ssm().band(t);
            for (int i = 0; i < FINE.size(); i++) {
                int c = CELL[i];
                if (c == LOST_PIXEL && t >= LOST_DAY - 1 && t <= LOST_DAY + 1 || c == GAP_PIXEL && t == GAP_DAY) {
                    continue;
                }
                LinkingModel m = new LinkingModel(r.a().band(t)[c], r.b().band(t)[c], r.c().band(t)[c]);
                double meanSee = coarseMean(in.see(), t, c);
                double meanNmdi = coarseMean(in.nmdi(), t, c);
                double expected = m.sensitivities(meanSee, meanNmdi).downscale(in.coarse().band(t)[c],
                        in.see().band(t)[i] - meanSee, in.nmdi().band(t)[i] - meanNmdi);
                assertEquals(expected, out[i], 1e-5, "fine cell " + i + ", day " + t);
                if (c == GAP_PIXEL) {
                    continue; // observations moved off the model on purpose around the gap
                }
                // Against the model evaluated at the fine values: the neglected mixed and third-order
                // terms (|ΔSEE| ≤ 0.05, |ΔNMDI| ≤ 0.03) stay below 0.005 m³/m³ for this model.
                assertEquals(TRUE.value(in.see().band(t)[i], in.nmdi().band(t)[i]), out[i], 5e-3);
            }
        }
        assertEquals(DAYS * COARSE.size() - 3 - 1, r.report().total(CellOutcome.DOWNSCALED));
        assertEquals(3, r.report().total(CellOutcome.GAP_FILLED));
    }

    @Test
    void fillsASwathGapByEquation6FromItsNeighbours() {
        Inputs in = inputs();
        NonlinearLinkDownscaler.Result r = run(in, Monitor.NONE);
        int t = GAP_DAY;
        int p = GAP_PIXEL;
        LinkingModel m = new LinkingModel(r.a().band(t)[p], r.b().band(t)[p], r.c().band(t)[p]);
        // Eq. 6 written out with the pixel's fitted model: ½(ob(t−1) + ob(t+1)) + mod(t) − ½(mod(t−1) + mod(t+1)).
        double before = in.coarse().band(t - 1)[p];
        double after = in.coarse().band(t + 1)[p];
        double expected = 0.5 * (before + after)
                + m.value(coarseMean(in.see(), t, p), coarseMean(in.nmdi(), t, p))
                - 0.5 * (m.value(coarseMean(in.see(), t - 1, p), coarseMean(in.nmdi(), t - 1, p))
                        + m.value(coarseMean(in.see(), t + 1, p), coarseMean(in.nmdi(), t + 1, p)));
        // The pixel is uniform that day, so every fine value is the filled coarse value (float storage: 1e-6).
        for (int i = 0; i < FINE.size(); i++) {
            if (CELL[i] == p) {
                assertEquals(expected, r.ssm().band(t)[i], 1e-6);
            }
        }
        // The observed departures (+0.02, −0.01) carry over to the filled value by their mean, 0.005,
        // give or take the fitted model's own error at the three days (each below 5e-4 here).
        assertEquals(0.005, expected - TRUE.value(coarseMean(in.see(), t, p), coarseMean(in.nmdi(), t, p)), 1.5e-3);
        // Plain interpolation of the neighbours would not do: the model moves by more than that.
        assertTrue(Math.abs(expected - 0.5 * (before + after)) > 0.01);
        assertEquals(1, r.report().dates().get(t).count(CellOutcome.GAP_FILLED));
    }

    @Test
    void threeMissingDaysGiveNaN() {
        NonlinearLinkDownscaler.Result r = run(inputs(), Monitor.NONE);
        for (int t = LOST_DAY - 1; t <= LOST_DAY + 1; t++) {
            int filled = 0;
            for (int i = 0; i < FINE.size(); i++) {
                if (CELL[i] == LOST_PIXEL && !Float.isNaN(r.ssm().band(t)[i])) {
                    filled++;
                }
            }
            // The middle day misses itself and both neighbours: NaN. The outer days each have one
            // observed neighbour (LOST_DAY ± 2) and are filled from it.
            assertEquals(t == LOST_DAY ? 0 : 100, filled, "day " + t);
        }
        assertEquals(1, r.report().total(CellOutcome.NO_NEIGHBOUR));
        assertEquals(1, r.report().dates().get(LOST_DAY).count(CellOutcome.NO_NEIGHBOUR));
        assertEquals(1, r.report().dates().get(LOST_DAY - 1).count(CellOutcome.GAP_FILLED));
    }

    @Test
    void reportHeaderNamesEveryOutcomeInOrder() {
        StringBuilder expected = new StringBuilder("date,cells,observed,fitted,linear,mean_rms");
        for (CellOutcome o : CellOutcome.values()) {
            expected.append(',').append(o.csvName());
        }
        assertEquals(expected.toString(), LinkReport.HEADER);
        String csv = run(inputs(), Monitor.NONE).report().csv();
        String[] lines = csv.split("\n");
        assertEquals(DAYS + 1, lines.length);
        // The middle lost day: 12 pixels, 11 observed, 11 with values (none of them linear fits),
        // then 11 downscaled, 0 gap-filled, 1 without neighbour.
        assertTrue(lines[1 + LOST_DAY].startsWith("2021-06-07,12,11,11,0,"), lines[1 + LOST_DAY]);
        assertTrue(lines[1 + LOST_DAY].endsWith(",11,0,1,0,0,0,0"), lines[1 + LOST_DAY]);
    }

    @Test
    void cancellationStopsTheRun() {
        Inputs in = inputs();
        AtomicInteger checkpoints = new AtomicInteger();
        Monitor cancelAfterTwoDates = new Monitor() {
            @Override
            public void progress(double fraction) {
                checkpoints.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return checkpoints.get() >= 2;
            }
        };
        assertThrows(CancelledException.class, () -> run(in, cancelAfterTwoDates));
        assertEquals(2, checkpoints.get());
    }

    @Test
    void progressReachesOne() {
        List<Double> fractions = new ArrayList<>();
        run(inputs(), new Monitor() {
            @Override
            public void progress(double fraction) {
                fractions.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertEquals(DAYS + 1, fractions.size());
        assertEquals(1.0, fractions.get(fractions.size() - 1));
    }

    @Test
    void mismatchedInputsAreNamed() {
        Inputs in = inputs();
        NonlinearLinkDownscaler d = new NonlinearLinkDownscaler(LinkParameters.defaults());
        GridSeries fewer = in.nmdi().between(dates().get(0), dates().get(DAYS - 2));
        ParameterException e = assertThrows(ParameterException.class,
                () -> d.downscale(in.coarse(), in.see(), fewer, Monitor.NONE));
        assertEquals("nmdi", e.parameter());
        GridSeries otherGrid = GridSeries.of(FINE.coarsen(2), dates(), new float[DAYS][FINE.coarsen(2).size()]);
        e = assertThrows(ParameterException.class, () -> d.downscale(in.coarse(), in.see(), otherGrid, Monitor.NONE));
        assertEquals("nmdi", e.parameter());
        e = assertThrows(ParameterException.class, () -> d.downscale(in.coarse(), in.see(), null, Monitor.NONE));
        assertEquals("nmdi", e.parameter());
    }

    @Test
    void resultDoesNotDependOnTheThreadCount() throws Exception {
        Inputs in = inputs();
        NonlinearLinkDownscaler.Result parallel = run(in, Monitor.NONE);
        // One worker thread: the fits of a date are independent, so the order they run in cannot matter.
        NonlinearLinkDownscaler.Result serial = new java.util.concurrent.ForkJoinPool(1).submit(() -> run(in,
                Monitor.NONE)).get();
        for (int t = 0; t < DAYS; t++) {
            assertTrue(java.util.Arrays.equals(parallel.ssm().band(t), serial.ssm().band(t)), "day " + t);
        }
        assertEquals(parallel.report(), serial.report());
    }
}
