package org.ssm.algorithms.collocation;

import java.util.List;
import org.ssm.core.Monitor;
import org.ssm.io.CrsTransforms;
import org.ssm.scenario.FaultType;
import org.ssm.scenario.Scenario;
import org.ssm.scenario.ScenarioWriter;
import org.ssm.stations.StationSeries;

/** Station screening of a twin experiment: the stations, the PM product as satellite, the reanalysis as model. */
final class TwinScreening {

    private final Scenario scenario;
    private final List<StationSeries> stations;
    private final CoarseProduct satellite;
    private final CoarseProduct model;

    TwinScreening(Scenario scenario) {
        this.scenario = scenario;
        this.stations = ScenarioWriter.stationSeries(scenario);
        this.satellite = new CoarseProduct("satellite", scenario.pmSsm(),
                CrsTransforms.between("stations", "EPSG:4326", scenario.pmGrid().crs()));
        this.model = new CoarseProduct("model", scenario.reanalysisSsm(),
                CrsTransforms.between("stations", "EPSG:4326", scenario.reanalysisGrid().crs()));
    }

    List<StationSeries> stations() {
        return stations;
    }

    CoarseProduct satellite() {
        return satellite;
    }

    CoarseProduct model() {
        return model;
    }

    ScreeningResult screen(ScreeningParameters parameters) {
        return new StationScreening(parameters).screen(stations, satellite, model, Monitor.NONE);
    }

    /** Whether station {@code s} was made faulty by the scenario. */
    boolean faulty(int s) {
        return scenario.stations().get(s).fault() != FaultType.NONE;
    }

    FaultType fault(int s) {
        return scenario.stations().get(s).fault();
    }

    /** The confusion counts {faulty flagged, faulty kept, healthy flagged, healthy kept}. */
    int[] confusion(ScreeningResult result) {
        int[] c = new int[4];
        for (int s = 0; s < stations.size(); s++) {
            boolean flagged = !result.stations().get(s).kept();
            c[(faulty(s) ? 0 : 2) + (flagged ? 0 : 1)]++;
        }
        return c;
    }
}
