package org.ssm.algorithms.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ssm.core.CancelledException;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesBuffer;

/**
 * Hand-computed MODIS examples. The bit layouts are those of the MODIS LST user's guide (Wan,
 * Collection 6, QC of MOD11A1) and the MODIS VI user's guide (Didan et al., Collection 6, VI
 * Quality of MOD13), listed in docs/algorithms/quality-mask.md.
 */
class QualityMaskTest {

    private static boolean[] decide(String rules, float[] values, float[] qc) {
        return new QualityMask(QualityRules.parse("rules", rules)).accepted(values, qc);
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Test
    void mod11a1GoodOrLowErrorLst() {
        // MOD11A1 QC: bits 0-1 mandatory QA, 2-3 data quality, 4-5 emissivity error, 6-7 LST error.
        float[] qc = {
            0b0000_0000, // good quality: kept
            0b0100_0001, // other quality, LST error <= 2 K: rejected (bits 6-7 = 01)
            0b0001_0001, // other quality, emissivity error <= 0.02, LST error <= 1 K: kept
            0b0000_0010, // not produced, cloud: rejected
            0b0000_0011, // not produced, other reasons: rejected
            0b1000_0001, // other quality, LST error <= 3 K: rejected
            0b0000_0101, // other quality, other data quality; bits 2-3 are not tested: kept
        };
        float[] lst = filled(qc.length, 295f);
        boolean[] expected = {true, false, true, false, false, false, true};
        assertArrayEquals(expected, decide("bits=0-1:0,1;6-7:0", lst, qc));
        // Good quality only.
        assertArrayEquals(new boolean[] {true, false, false, false, false, false, false},
                decide("bits=0-1:0", lst, qc));
    }

    @Test
    void mod13VegetationIndexQuality() {
        // MOD13 VI Quality: bits 0-1 MODLAND QA, 2-5 VI usefulness, 6-7 aerosol quantity, 8 adjacent
        // cloud, 9 BRDF correction, 10 mixed clouds, 11-13 land/water, 14 possible snow/ice, 15 shadow.
        String land = "bits=0-1:0,1;2-5:0,1,2,3;8:0;10:0;11-13:1;14:0;15:0";
        float[] qc = {
            2116, // QA 00, usefulness 0001 (4), aerosol low (64), land 001 (2048): kept
            2372, // the same with an adjacent cloud (256): rejected
            2125, // QA 01 (1), usefulness 0011 (12), aerosol low (64), land (2048): kept
            2064, // usefulness 0100 (16), land (2048): rejected
            34816, // land (2048) with possible shadow (32768): rejected
            0, // land/water 000, shallow ocean: rejected
            10240, // land/water 101, deep inland water (5 x 2048): rejected
            2628, // 2116 with BRDF correction (512), bit 9 not tested: kept
            18500, // 2116 with possible snow/ice (16384): rejected
            3140, // 2116 with mixed clouds (1024): rejected
        };
        boolean[] expected = {true, false, true, false, false, false, false, true, false, false};
        assertArrayEquals(expected, decide(land, filled(qc.length, 0.6f), qc));
    }

    @Test
    void valueRangesAndMissingValuesOrQc() {
        float[] ndvi = {0.5f, 1.2f, -0.3f, Float.NaN, 0.4f, 0.7f};
        float[] qc = {0, 0, 0, 0, Float.NaN, 1};
        assertArrayEquals(new boolean[] {true, false, false, false, false, false},
                decide("bits=0-1:0 range=-0.2:1", ndvi, qc));
        assertArrayEquals(new boolean[] {true, false, false, false, true, true}, decide("range=-0.2:1", ndvi, null),
                "without bit fields QC is not needed");
        assertArrayEquals(new boolean[] {true, false, false, false, true, false}, decide("range=-0.2:1 range=0:0.6",
                ndvi, null), "ranges combine by AND");
    }

    @Test
    void qcWordsMustBeIntegersBelow2To24() {
        for (float bad : new float[] {2.5f, -1f, 16_777_216f, Float.POSITIVE_INFINITY}) {
            ParameterException e = assertThrows(ParameterException.class,
                    () -> decide("bits=0:0", new float[] {1f, 1f}, new float[] {0f, bad}));
            assertEquals("qc", e.parameter());
            assertTrue(e.getMessage().contains("at cell 1") && e.getMessage().contains("integers 0 to 16777215"),
                    e.getMessage());
        }
        assertArrayEquals(new boolean[] {false}, decide("bits=0:0", new float[] {1f}, new float[] {16_777_215f}));
        assertEquals("qc", assertThrows(ParameterException.class, () -> decide("bits=0:0", new float[] {1f}, null))
                .parameter());
    }

    private static final GridGeometry GRID = new GridGeometry("EPSG:32633", 500_000, 5_300_000, 100, 100, 600, 520);
    private static final List<LocalDate> DATES = List.of(LocalDate.of(2021, 4, 1), LocalDate.of(2021, 4, 9));

    private static GridSeries[] randomInputs() {
        SplittableRandom rnd = new SplittableRandom(5);
        float[][] v = new float[2][GRID.size()];
        float[][] q = new float[2][GRID.size()];
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < GRID.size(); i++) {
                v[b][i] = rnd.nextInt(20) == 0 ? Float.NaN : (float) (260 + 80 * rnd.nextDouble());
                q[b][i] = rnd.nextInt(256);
            }
        }
        return new GridSeries[] {GridSeries.of(GRID, DATES, v), GridSeries.of(GRID, DATES, q)};
    }

    @Test
    void seriesAreMaskedTileByTileLikePixelByPixel() throws Exception {
        GridSeries[] in = randomInputs();
        QualityMask mask = new QualityMask(QualityRules.parse("rules", "bits=0-1:0,1;6-7:0 range=270:330"));
        SeriesBuffer masked = new SeriesBuffer(GRID, DATES, 2);
        SeriesBuffer flags = new SeriesBuffer(GRID, DATES, 2);
        List<QualityMask.DateCount> counts = mask.apply(in[0].reader(), in[1].reader(), masked, flags, Monitor.NONE);
        assertTrue(GRID.width() > QualityMask.TILE && GRID.height() > QualityMask.TILE, "several tiles");
        for (int b = 0; b < 2; b++) {
            boolean[] ok = mask.accepted(in[0].band(b), in[1].band(b));
            long valid = 0;
            long kept = 0;
            for (int i = 0; i < GRID.size(); i++) {
                float v = in[0].band(b)[i];
                float out = masked.toSeries().band(b)[i];
                float flag = flags.toSeries().band(b)[i];
                if (ok[i]) {
                    assertEquals(v, out, 0f);
                    assertEquals(QualityMask.KEPT, flag, 0f);
                    kept++;
                } else {
                    assertTrue(Float.isNaN(out));
                    assertEquals(Float.isNaN(v) ? Float.NaN : QualityMask.REJECTED, flag, 0f);
                }
                valid += Float.isNaN(v) ? 0 : 1;
            }
            assertEquals(new QualityMask.DateCount(DATES.get(b), valid, kept), counts.get(b));
            // Uniform QC bytes: bits 0-1 in {0,1} and bits 6-7 = 0 is 1/2 x 1/4; values uniform in
            // [260, 340] fall in [270, 330] with probability 3/4: 9.375 % of the valid pixels. Over
            // ~296,000 valid pixels the binomial standard error is 0.0005; 0.005 is ten of them.
            assertEquals(0.09375, counts.get(b).fractionKept(), 0.005);
        }
        String csv = QualityMask.csv(counts);
        assertTrue(csv.startsWith(QualityMask.CSV_HEADER + "\n2021-04-01," + counts.get(0).valid() + ","
                + counts.get(0).kept() + ","), csv);
    }

    @Test
    void badQcInASeriesIsReportedWithDateAndCell() {
        GridSeries[] in = randomInputs();
        float[] q = in[1].band(1).clone();
        q[3 * GRID.width() + 7] = 1.5f;
        GridSeries qc = GridSeries.of(GRID, DATES, new float[][] {in[1].band(0), q});
        QualityMask mask = new QualityMask(QualityRules.parse("rules", "bits=0-1:0"));
        ParameterException e = assertThrows(ParameterException.class, () -> mask.apply(in[0].reader(), qc.reader(),
                new SeriesBuffer(GRID, DATES, 2), null, Monitor.NONE));
        assertEquals("qc", e.parameter());
        assertTrue(e.getMessage().contains("1.5 at 2021-04-09, column 7, row 3"), e.getMessage());
    }

    @Test
    void qcMustMatchTheRulesAndTheSeries() {
        GridSeries[] in = randomInputs();
        QualityMask ranges = new QualityMask(QualityRules.parse("rules", "range=0:1"));
        ParameterException unused = assertThrows(ParameterException.class, () -> ranges.apply(in[0].reader(),
                in[1].reader(), new SeriesBuffer(GRID, DATES, 2), null, Monitor.NONE));
        assertEquals("qc", unused.parameter());
        assertTrue(unused.getMessage().contains("no bits= clause"), unused.getMessage());
        QualityMask bits = new QualityMask(QualityRules.parse("rules", "bits=0:0"));
        assertEquals("qc", assertThrows(ParameterException.class, () -> bits.apply(in[0].reader(), null,
                new SeriesBuffer(GRID, DATES, 2), null, Monitor.NONE)).parameter());
        GridSeries oneBand = GridSeries.of(GRID, DATES.subList(0, 1), new float[][] {in[1].band(0)});
        ParameterException dates = assertThrows(ParameterException.class, () -> bits.apply(in[0].reader(),
                oneBand.reader(), new SeriesBuffer(GRID, DATES, 2), null, Monitor.NONE));
        assertTrue(dates.getMessage().contains("expected the 2 band(s) of values"), dates.getMessage());
    }

    @Test
    void cancellationStopsTheRun() {
        GridSeries[] in = randomInputs();
        Monitor cancelled = new Monitor() {
            @Override
            public void progress(double fraction) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancelledException.class, () -> new QualityMask(QualityRules.parse("rules", "range=0:400"))
                .apply(in[0].reader(), null, new SeriesBuffer(GRID, DATES, 2), null, cancelled));
    }
}
