package org.ssm.grid;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.ssm.core.ParameterException;

/** A {@link SeriesWriter} that fills an in-memory series (NaN where nothing was written). */
public final class SeriesBuffer implements SeriesWriter {

    private final GridGeometry geometry;
    private final List<LocalDate> dates;
    private final float[][] bands;

    public SeriesBuffer(GridGeometry geometry, List<LocalDate> dates, int bandCount) {
        if (!dates.isEmpty() && dates.size() != bandCount) {
            throw new ParameterException("dates", dates.size() + " dates", "one per band (" + bandCount + ")");
        }
        this.geometry = geometry;
        this.dates = List.copyOf(dates);
        this.bands = new float[bandCount][];
    }

    @Override
    public GridGeometry geometry() {
        return geometry;
    }

    @Override
    public int bands() {
        return bands.length;
    }

    @Override
    public synchronized void write(int band, Window window, float[] values) {
        if (window.size() != values.length || !window.within(geometry)) {
            throw new IllegalArgumentException("window " + window + " does not fit " + values.length + " values in "
                    + geometry.describe());
        }
        if (bands[band] == null) {
            if (window.size() == geometry.size()) {
                bands[band] = values.clone();
                return;
            }
            bands[band] = new float[geometry.size()];
            Arrays.fill(bands[band], Float.NaN);
        }
        window.copyInto(values, bands[band], geometry.width());
    }

    /** The series written so far; bands never written are NaN. */
    public synchronized GridSeries toSeries() {
        for (int b = 0; b < bands.length; b++) {
            if (bands[b] == null) {
                bands[b] = new float[geometry.size()];
                Arrays.fill(bands[b], Float.NaN);
            }
        }
        return GridSeries.of(geometry, dates, bands);
    }
}
