package org.ssm.algorithms.quality;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridChecks;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.SeriesDates;
import org.ssm.grid.SeriesReader;
import org.ssm.grid.SeriesWriter;
import org.ssm.grid.Window;

/**
 * Masks a series by {@link QualityRules}: the quality screening of MODIS pixels by their QC bit
 * fields before use (paper B §2.2.1: MOD11A1 and MOD09GA pixels affected by cloud or of poor
 * quality are excluded; paper D §2.1.2: pixels not classed "good quality" by the QA field are
 * screened out), generalised to any bit fields and value ranges.
 *
 * <p>A pixel is kept when its value is finite, within every value range, and, when the rules have
 * bit fields, its QC word is given (not NaN) and every bit field accepts it. QC words travel as
 * float32 and must be integers in [0, 2^24); anything else is an error, since it would mean the QC
 * band was scaled or resampled and its bits no longer mean anything.
 *
 * <p>Instances are immutable and thread-safe; the bit fields are compiled into lookup tables.
 */
public final class QualityMask {

    /** QC words must be below this (float32 holds integers exactly up to 2^24). */
    public static final int QC_LIMIT = 1 << 24;

    /** Tile side for window-by-window processing. */
    static final int TILE = 512;

    /** Mask value of a kept pixel. */
    public static final float KEPT = 1f;
    /** Mask value of a pixel rejected by the rules. */
    public static final float REJECTED = 0f;

    private final QualityRules rules;
    private final int[] shifts;
    private final int[] masks;
    private final boolean[][] tables;

    public QualityMask(QualityRules rules) {
        if (rules == null) {
            throw ParameterException.missing("rules", "quality rules");
        }
        this.rules = rules;
        int n = rules.bitFields().size();
        shifts = new int[n];
        masks = new int[n];
        tables = new boolean[n][];
        for (int k = 0; k < n; k++) {
            BitField f = rules.bitFields().get(k);
            shifts[k] = f.first();
            masks[k] = (1 << f.width()) - 1;
            tables[k] = new boolean[1 << f.width()];
            for (int v : f.accepted()) {
                tables[k][v] = true;
            }
        }
    }

    public QualityRules rules() {
        return rules;
    }

    /**
     * Whether each pixel is kept: the per-pixel decision, for callers that turn it into weights.
     *
     * @param values the data values
     * @param qc the QC words (ignored when the rules have no bit field), or {@code null} when the
     *     rules have no bit field
     * @throws ParameterException ({@code qc}) if a QC word is not an integer in [0, 2^24), or QC is
     *     missing while the rules need it
     */
    public boolean[] accepted(float[] values, float[] qc) {
        if (rules.needsQc() && qc == null) {
            throw ParameterException.missing("qc", "a QC series for the bit rules " + rules.text());
        }
        if (qc != null && qc.length != values.length) {
            throw new ParameterException("qc", qc.length + " values", values.length + " values, like the data");
        }
        boolean[] out = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = accepts(values[i], qc == null ? Float.NaN : qc[i], i, null);
        }
        return out;
    }

    private boolean accepts(float value, float qcWord, int cell, String where) {
        boolean valueOk = rules.acceptsValue(value);
        if (tables.length == 0) {
            return valueOk;
        }
        if (Float.isNaN(qcWord)) {
            return false;
        }
        int word = (int) qcWord;
        if (word != qcWord || word < 0 || word >= QC_LIMIT) {
            throw new ParameterException("qc", qcWord + (where == null ? " at cell " + cell : " at " + where),
                    "integers 0 to " + (QC_LIMIT - 1) + " (QC bit words stored as float32, not scaled or resampled)");
        }
        if (!valueOk) {
            return false;
        }
        for (int k = 0; k < tables.length; k++) {
            if (!tables[k][(word >>> shifts[k]) & masks[k]]) {
                return false;
            }
        }
        return true;
    }

    private void requireQc(boolean given) {
        if (rules.needsQc() && !given) {
            throw ParameterException.missing("qc", "a QC series for the bit rules " + rules.text());
        }
        if (!rules.needsQc() && given) {
            throw ParameterException.because("qc", "it is given but the rules (" + rules.text()
                    + ") have no bits= clause to apply to it");
        }
    }

    /**
     * Per-date counts of a masking run.
     *
     * @param date the band's date, or {@code null} for an undated series
     * @param valid pixels with a finite value
     * @param kept pixels kept
     */
    public record DateCount(LocalDate date, long valid, long kept) {

        /** Fraction of the valid pixels kept, 0 when none is valid. */
        public double fractionKept() {
            return valid == 0 ? 0 : (double) kept / valid;
        }
    }

    /** Header of {@link #csv}. */
    public static final String CSV_HEADER = "date,valid,kept,rejected,fraction_kept";

    /** The counts as CSV ({@link #CSV_HEADER}); an undated band is named by its number from 1. */
    public static String csv(List<DateCount> counts) {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (int b = 0; b < counts.size(); b++) {
            DateCount c = counts.get(b);
            sb.append(c.date() == null ? "band " + (b + 1) : c.date().toString()).append(',').append(c.valid())
                    .append(',').append(c.kept()).append(',').append(c.valid() - c.kept()).append(',')
                    .append(String.format(Locale.ROOT, "%.6f", c.fractionKept())).append('\n');
        }
        return sb.toString();
    }

    /**
     * Masks a series window by window.
     *
     * @param values the data series
     * @param qc QC words with the grid, bands and dates of {@code values}, or {@code null} when the
     *     rules have no bit field
     * @param masked receives the values, NaN where rejected
     * @param mask receives {@link #KEPT}, {@link #REJECTED}, or NaN where the value is missing; or
     *     {@code null}
     * @param monitor progress and cancellation, checked once per band
     * @return per-band counts
     */
    public List<DateCount> apply(SeriesReader values, SeriesReader qc, SeriesWriter masked, SeriesWriter mask,
            Monitor monitor) throws IOException {
        requireQc(qc != null);
        GridGeometry grid = values.geometry();
        if (qc != null) {
            GridChecks.requireSameGrid("qc", qc.geometry(), "values", grid);
            if (qc.bands() != values.bands() || !qc.dates().equals(values.dates())) {
                throw ParameterException.because("qc", "it has " + qc.bands() + " band(s)"
                        + (qc.dates().isEmpty() ? "" : " dated " + SeriesDates.format(qc.dates())) + "; expected the "
                        + values.bands() + " band(s) of values"
                        + (values.dates().isEmpty() ? "" : ", dated " + SeriesDates.format(values.dates())));
            }
        }
        requireOutput(masked, values);
        if (mask != null) {
            requireOutput(mask, values);
        }
        List<Window> tiles = Window.tiles(grid, TILE);
        List<DateCount> counts = new ArrayList<>();
        int bands = values.bands();
        for (int b = 0; b < bands; b++) {
            monitor.checkpoint(b, bands);
            LocalDate date = values.dates().isEmpty() ? null : values.dates().get(b);
            long valid = 0;
            long kept = 0;
            for (Window w : tiles) {
                float[] v = values.read(b, w);
                float[] q = qc == null ? null : qc.read(b, w);
                float[] m = new float[v.length];
                for (int i = 0; i < v.length; i++) {
                    String where = null;
                    if (q != null && !isQcWord(q[i])) {
                        where = (date == null ? "band " + (b + 1) : date.toString()) + ", column "
                                + (w.col() + i % w.width()) + ", row " + (w.row() + i / w.width());
                    }
                    boolean ok = accepts(v[i], q == null ? Float.NaN : q[i], i, where);
                    if (Float.isFinite(v[i])) {
                        valid++;
                        m[i] = ok ? KEPT : REJECTED;
                    } else {
                        m[i] = Float.NaN;
                    }
                    if (ok) {
                        kept++;
                    } else {
                        v[i] = Float.NaN;
                    }
                }
                masked.write(b, w, v);
                if (mask != null) {
                    mask.write(b, w, m);
                }
            }
            counts.add(new DateCount(date, valid, kept));
        }
        monitor.checkpoint(bands, bands);
        return counts;
    }

    private static boolean isQcWord(float q) {
        return Float.isNaN(q) || (q >= 0 && q < QC_LIMIT && q == Math.rint(q));
    }

    private static void requireOutput(SeriesWriter out, SeriesReader values) {
        if (!out.geometry().sameAs(values.geometry()) || out.bands() != values.bands()) {
            throw new IllegalArgumentException("an output of " + out.bands() + " bands on " + out.geometry().describe()
                    + " cannot hold the " + values.bands() + " bands of " + values.geometry().describe());
        }
    }
}
