package org.ssm.grid;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ssm.core.ParameterException;

/**
 * Grids on one {@link GridGeometry}, one per date: band {@code i} holds date {@code i}.
 *
 * <p>A series without dates (an undated single image or a stack of static layers) has an empty
 * date list. Bands are owned by the series and must not be modified by callers.
 */
public final class GridSeries {

    private final GridGeometry geometry;
    private final List<LocalDate> dates;
    private final float[][] bands;

    private GridSeries(GridGeometry geometry, List<LocalDate> dates, float[][] bands) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.dates = List.copyOf(dates);
        this.bands = bands;
        if (bands.length == 0) {
            throw new ParameterException("bands", 0, "at least one band");
        }
        if (!dates.isEmpty()) {
            if (dates.size() != bands.length) {
                throw new ParameterException("dates", dates.size() + " dates",
                        "one date per band (" + bands.length + " bands)");
            }
            SeriesDates.requireIncreasing("dates", dates);
        }
        for (float[] band : bands) {
            if (band.length != geometry.size()) {
                throw new ParameterException("bands", band.length + " values per band",
                        geometry.size() + " values per band for a " + geometry.width() + "x" + geometry.height() + " grid");
            }
        }
    }

    /** A dated series; {@code dates.size()} must equal {@code bands.length}. */
    public static GridSeries of(GridGeometry geometry, List<LocalDate> dates, float[][] bands) {
        return new GridSeries(geometry, dates, bands);
    }

    /** Bands without dates. */
    public static GridSeries undated(GridGeometry geometry, float[][] bands) {
        return new GridSeries(geometry, List.of(), bands);
    }

    /** One undated grid as a series of one band. */
    public static GridSeries of(Grid grid) {
        return new GridSeries(grid.geometry(), List.of(), new float[][] {grid.values()});
    }

    public GridGeometry geometry() {
        return geometry;
    }

    /** The dates, one per band, or empty for an undated series. */
    public List<LocalDate> dates() {
        return dates;
    }

    public boolean isDated() {
        return !dates.isEmpty();
    }

    /** Number of bands. */
    public int size() {
        return bands.length;
    }

    /** The values of band {@code i}, row-major. Do not modify. */
    public float[] band(int i) {
        return bands[i];
    }

    /** Band {@code i} as a grid. */
    public Grid grid(int i) {
        return Grid.of(geometry, bands[i]);
    }

    /** The same bands with the given dates. */
    public GridSeries withDates(List<LocalDate> newDates) {
        return new GridSeries(geometry, newDates, bands);
    }

    /** The bands whose dates lie in [from, to]; an undated series is returned whole. */
    public GridSeries between(LocalDate from, LocalDate to) {
        if (!isDated()) {
            return this;
        }
        List<LocalDate> kept = new ArrayList<>();
        List<float[]> keptBands = new ArrayList<>();
        for (int i = 0; i < bands.length; i++) {
            LocalDate d = dates.get(i);
            if ((from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to))) {
                kept.add(d);
                keptBands.add(bands[i]);
            }
        }
        if (kept.isEmpty()) {
            throw new ParameterException("time", from + "/" + to,
                    "a range overlapping the series " + dates.get(0) + "/" + dates.get(dates.size() - 1));
        }
        return new GridSeries(geometry, kept, keptBands.toArray(new float[0][]));
    }

    /** A reader over this series (windows are copied out of the bands). */
    public SeriesReader reader() {
        GridSeries series = this;
        return new SeriesReader() {
            @Override
            public GridGeometry geometry() {
                return geometry;
            }

            @Override
            public List<LocalDate> dates() {
                return dates;
            }

            @Override
            public int bands() {
                return bands.length;
            }

            @Override
            public float[] read(int band, Window window) {
                if (!window.within(geometry)) {
                    throw new IllegalArgumentException("window " + window + " outside " + geometry.describe());
                }
                return window.size() == geometry.size() ? series.bands[band].clone()
                        : window.copyFrom(series.bands[band], geometry.width());
            }
        };
    }

    /** Whether any band holds at least one value that is not NaN. */
    public boolean hasData() {
        for (float[] band : bands) {
            for (float v : band) {
                if (!Float.isNaN(v)) {
                    return true;
                }
            }
        }
        return false;
    }
}
