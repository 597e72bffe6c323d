package org.ssm.host.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ssm.grid.GridGeometry;

/**
 * A published raster layer: one coverage, or one time-enabled series (band i = date i).
 *
 * @param name the layer and coverage identifier (an XML NCName)
 * @param title a human title
 * @param description what the layer holds and where it came from
 * @param style the style (an SLD in {@code styles/}) used by default, e.g. "ssm"
 * @param units the units of the values, e.g. "m3 m-3"
 * @param grid the grid
 * @param dates the dates, empty for an undated layer
 * @param bands number of bands (the number of dates for a series)
 * @param min smallest value over all bands (NaN if no data)
 * @param max largest value over all bands (NaN if no data)
 * @param origin what produced it: "scenario" or the process run, e.g. "ssm:DisPATCh run 1a2b3c4d"
 * @param created when it was published
 */
public record Layer(
        String name,
        String title,
        String description,
        String style,
        String units,
        GridGeometry grid,
        List<LocalDate> dates,
        int bands,
        double min,
        double max,
        String origin,
        Instant created) implements PublishedLayer {

    public Layer {
        dates = List.copyOf(dates);
    }

    public boolean isSeries() {
        return !dates.isEmpty();
    }

    /** The band index of {@code date}, or -1. */
    public int indexOf(LocalDate date) {
        return dates.indexOf(date);
    }
}
