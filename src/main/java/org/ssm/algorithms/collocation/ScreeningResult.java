package org.ssm.algorithms.collocation;

import java.util.List;
import org.ssm.stations.StationSeries;

/**
 * The outcome of {@link StationScreening#screen}: one assessment per station, in input order.
 *
 * @param parameters the options used
 * @param stations the assessments
 */
public record ScreeningResult(ScreeningParameters parameters, List<StationAssessment> stations) {

    public ScreeningResult {
        stations = List.copyOf(stations);
    }

    /** The stations kept as reliable, with all their readings, in input order. */
    public List<StationSeries> kept() {
        return stations.stream().filter(StationAssessment::kept).map(StationAssessment::station).toList();
    }

    /** Number of stations flagged. */
    public int flaggedCount() {
        return (int) stations.stream().filter(a -> !a.kept()).count();
    }

    /** The per-station table, see {@link ScreeningTable}. */
    public String csv() {
        return ScreeningTable.csv(this);
    }
}
