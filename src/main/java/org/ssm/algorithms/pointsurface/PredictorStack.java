package org.ssm.algorithms.pointsurface;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.ssm.algorithms.align.Resampler;
import org.ssm.algorithms.align.Resampling;
import org.ssm.algorithms.learning.Predictor;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.CoordinateMap;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;

/**
 * The predictors of paper B §3.4 eq. 7 on one fine grid and one list of dates: the columns of the
 * model {@code SSM = f(SMAP SSM, ERA-5 SSM, LST, NDVI, albedo, precipitation, DOY)}, read pixel by
 * pixel and date by date.
 *
 * <p>Alignment follows paper B §3.2: "precipitation, SMAP SSM, and ERA-5 SSM were resampled to
 * 30 m by a bilinear interpolation algorithm". The fine grid is the grid of the predictor with the
 * most cells (the finest over the area; the first one on a tie); every predictor on another grid is
 * resampled to it bilinearly between cell centres ({@link Resampling#BILINEAR}, NaN neighbours left
 * out and the weights renormalised, so a swath gap stays a gap except at its rim). The dates are
 * those of the first dated predictor (within the period); every other dated predictor must have a
 * band on each of them, and a single undated band is used on every date. The day of year
 * ({@link #DAY_OF_YEAR}, 1–366) is derived from the dates, as B's DOY predictor.
 *
 * <p>A column is either a predictor or the day of year, so that a stored model whose predictors are
 * in any order can be served ({@link #select}). Immutable; the bands are shared, not copied.
 */
public final class PredictorStack {

    /** Name of the derived day-of-year column (paper B eq. 7, "DOY"). */
    public static final String DAY_OF_YEAR = Predictor.DAY_OF_YEAR;

    /** Column source meaning the day of year rather than a predictor. */
    private static final int DOY_SOURCE = -1;

    private final GridGeometry geometry;
    private final List<LocalDate> dates;
    private final List<String> predictorNames;
    /** Per predictor, per date of the stack, the band (the same array on every date for a static one). */
    private final float[][][] values;
    private final List<String> columnNames;
    private final int[] columnSource;

    private PredictorStack(GridGeometry geometry, List<LocalDate> dates, List<String> predictorNames,
            float[][][] values, List<String> columnNames, int[] columnSource) {
        this.geometry = geometry;
        this.dates = List.copyOf(dates);
        this.predictorNames = List.copyOf(predictorNames);
        this.values = values;
        this.columnNames = List.copyOf(columnNames);
        this.columnSource = columnSource;
    }

    /**
     * Aligns {@code predictors} on the finest grid among them.
     *
     * @param predictors the predictors, at least one dated; names unique
     * @param dayOfYear whether to add the day-of-year column after them
     * @param from first date kept, or {@code null}
     * @param to last date kept, or {@code null}
     * @param crsMaps the coordinate map from one CRS (the fine grid's) to another (a source grid's);
     *     only asked for grids in another CRS
     * @param monitor progress of the resampling, and cancellation
     */
    public static PredictorStack align(List<Predictor> predictors, boolean dayOfYear, LocalDate from, LocalDate to,
            BiFunction<String, String, CoordinateMap> crsMaps, Monitor monitor) {
        if (predictors == null || predictors.isEmpty()) {
            throw ParameterException.missing("predictors", "at least one predictor series");
        }
        Set<String> seen = new HashSet<>();
        Predictor reference = null;
        Predictor finest = predictors.get(0);
        for (Predictor p : predictors) {
            if (!seen.add(p.name())) {
                throw new ParameterException("names", p.name(), "distinct predictor names");
            }
            if (reference == null && p.series().isDated()) {
                reference = p;
            }
            if (p.series().geometry().size() > finest.series().geometry().size()) {
                finest = p;
            }
        }
        if (reference == null) {
            throw ParameterException.because("predictors", "no predictor is dated: give the dates of the series");
        }
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d : reference.series().dates()) {
            if ((from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to))) {
                dates.add(d);
            }
        }
        if (dates.isEmpty()) {
            throw new ParameterException("period", from + "/" + to, "a period overlapping the dates of "
                    + reference.name());
        }
        GridGeometry fine = finest.series().geometry();
        float[][][] values = new float[predictors.size()][][];
        for (int k = 0; k < predictors.size(); k++) {
            monitor.checkpoint(k, predictors.size());
            GridSeries selected = bandsOn(predictors.get(k), dates, reference.name());
            if (!selected.geometry().sameAs(fine)) {
                // Paper B §3.2: coarse fields are brought to the fine grid by bilinear interpolation.
                CoordinateMap toSource = fine.sameCrs(selected.geometry()) ? CoordinateMap.IDENTITY
                        : crsMaps.apply(fine.crs(), selected.geometry().crs());
                selected = new Resampler(fine, Resampling.BILINEAR, toSource).resample(selected, Monitor.NONE);
            }
            float[][] perDate = new float[dates.size()][];
            for (int t = 0; t < dates.size(); t++) {
                perDate[t] = selected.band(selected.isDated() ? t : 0);
            }
            values[k] = perDate;
        }
        monitor.checkpoint(predictors.size(), predictors.size());
        List<String> names = predictors.stream().map(Predictor::name).toList();
        List<String> columns = new ArrayList<>(names);
        int[] source = new int[names.size() + (dayOfYear ? 1 : 0)];
        for (int k = 0; k < names.size(); k++) {
            source[k] = k;
        }
        if (dayOfYear) {
            columns.add(DAY_OF_YEAR);
            source[names.size()] = DOY_SOURCE;
        }
        return new PredictorStack(fine, dates, names, values, columns, source);
    }

    /** {@code p}'s bands on {@code dates}, or its single static band. */
    private static GridSeries bandsOn(Predictor p, List<LocalDate> dates, String referenceName) {
        GridSeries s = p.series();
        if (!s.isDated()) {
            return s;
        }
        Map<LocalDate, Integer> index = new HashMap<>();
        for (int b = 0; b < s.size(); b++) {
            index.put(s.dates().get(b), b);
        }
        float[][] bands = new float[dates.size()][];
        for (int t = 0; t < dates.size(); t++) {
            Integer b = index.get(dates.get(t));
            if (b == null) {
                throw new ParameterException("predictors", p.name() + " has no band for " + dates.get(t),
                        "a band on every date of " + referenceName + " within the period");
            }
            bands[t] = s.band(b);
        }
        return GridSeries.of(s.geometry(), dates, bands);
    }

    /**
     * The same data with the columns {@code names}, in that order: the predictors a stored model
     * needs. A name that is neither a predictor nor the day of year fails naming {@code parameter}.
     */
    public PredictorStack select(String parameter, List<String> names) {
        int[] source = new int[names.size()];
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            if (DAY_OF_YEAR.equals(name)) {
                source[c] = DOY_SOURCE;
                continue;
            }
            int k = predictorNames.indexOf(name);
            if (k < 0) {
                throw new ParameterException(parameter, "no predictor named " + name,
                        "a predictor named " + name + ": the model needs " + names + ", given " + predictorNames);
            }
            source[c] = k;
        }
        return new PredictorStack(geometry, dates, predictorNames, values, names, source);
    }

    /** The fine grid. */
    public GridGeometry geometry() {
        return geometry;
    }

    /** The dates, one per band of the output. */
    public List<LocalDate> dates() {
        return dates;
    }

    /** The column names in order: the model's predictor names. */
    public List<String> names() {
        return columnNames;
    }

    /** Number of columns. */
    public int columns() {
        return columnSource.length;
    }

    /**
     * Writes the columns of {@code pixel} on date index {@code t} into {@code row} from
     * {@code offset}; returns whether every one is finite.
     */
    public boolean fill(int t, int pixel, double[] row, int offset) {
        double doy = dates.get(t).getDayOfYear();
        boolean finite = true;
        for (int c = 0; c < columnSource.length; c++) {
            int k = columnSource[c];
            double v = k == DOY_SOURCE ? doy : values[k][t][pixel];
            row[offset + c] = v;
            finite &= Double.isFinite(v);
        }
        return finite;
    }
}
