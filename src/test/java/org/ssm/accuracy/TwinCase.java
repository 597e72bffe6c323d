package org.ssm.accuracy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.ssm.algorithms.align.Resampler;
import org.ssm.algorithms.align.Resampling;
import org.ssm.algorithms.indices.FractionalVegetationCover;
import org.ssm.algorithms.indices.SoilEvaporativeEfficiency;
import org.ssm.algorithms.indices.SpectralIndices;
import org.ssm.algorithms.whittaker.LambdaSelection;
import org.ssm.algorithms.whittaker.WhittakerSmoother;
import org.ssm.core.Monitor;
import org.ssm.grid.CoordinateMap;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.scenario.Band;
import org.ssm.scenario.DateRange;
import org.ssm.scenario.FaultType;
import org.ssm.scenario.Scenario;
import org.ssm.scenario.ScenarioWriter;
import org.ssm.scenario.TwinExperiment;
import org.ssm.scenario.TwinExperimentConfig;
import org.ssm.stations.StationSeries;

/**
 * One twin experiment prepared for the accuracy table of {@code docs/accuracy.md}: the scenario, its
 * two seasons, and the inputs every downscaler draws from.
 *
 * <p>LST and NDVI are the scenario's clear-sky fields (noise included, clouds not): the table
 * measures the downscalers, not the gap filling that would precede them in production
 * ({@code ssm:GapFillLST} has its own checks). The scenario has no clear-sky reflectances, so albedo
 * (paper B eq. 4–5) and NMDI (D §2.2.2) are computed from the cloud-masked daily reflectances and
 * gap-filled per season by Whittaker smoothing with the V-curve, as {@code ssm:WhittakerSmooth} does
 * for vegetation indices. The coarse product is the passive-microwave one (25 km in the demo, 10 km
 * in the small scenario), with its swath gaps.
 */
public final class TwinCase {

    private final Scenario scenario;
    private final List<StationSeries> stations;
    private final List<StationSeries> healthyStations;

    private TwinCase(Scenario scenario) {
        this.scenario = scenario;
        this.stations = ScenarioWriter.stationSeries(scenario);
        this.healthyStations = stations.stream()
                .filter(s -> scenario.stations().stream()
                        .anyMatch(t -> t.id().equals(s.station().id()) && t.fault() == FaultType.NONE))
                .toList();
    }

    /** Generates the scenario of {@code config}. */
    public static TwinCase generate(TwinExperimentConfig config) {
        return new TwinCase(TwinExperiment.generate(config, Monitor.NONE));
    }

    public Scenario scenario() {
        return scenario;
    }

    public GridGeometry fineGrid() {
        return scenario.fineGrid();
    }

    public DateRange trainingSeason() {
        return scenario.config().training();
    }

    public DateRange validationSeason() {
        return scenario.config().validation();
    }

    /** Every in-situ station, faulty ones included (as a user would receive them). */
    public List<StationSeries> stations() {
        return stations;
    }

    /** The stations the scenario left without a fault: the reference the table scores against. */
    public List<StationSeries> healthyStations() {
        return healthyStations;
    }

    /** {@code series} restricted to {@code season}. */
    public static GridSeries in(GridSeries series, DateRange season) {
        return series.between(season.start(), season.end());
    }

    /** The fine truth over {@code season}. */
    public GridSeries truth(DateRange season) {
        return in(scenario.truthSsm(), season);
    }

    /** The coarse passive-microwave product over {@code season}, on its own grid. */
    public GridSeries coarse(DateRange season) {
        return in(scenario.pmSsm(), season);
    }

    /** {@code series} (on a grid in the fine grid's CRS) resampled to the fine grid by {@code method}. */
    public GridSeries onFineGrid(GridSeries series, Resampling method) {
        return new Resampler(fineGrid(), method, CoordinateMap.IDENTITY).resample(series, Monitor.NONE);
    }

    public GridSeries lst(DateRange season) {
        return in(scenario.lstClearSky(), season);
    }

    public GridSeries ndvi(DateRange season) {
        return in(scenario.ndviClearSky(), season);
    }

    /** Fractional vegetation cover from the clear-sky NDVI with DisPATCh's scaling. */
    public GridSeries fvc(DateRange season) {
        GridSeries ndvi = ndvi(season);
        float[][] bands = new float[ndvi.size()][];
        for (int d = 0; d < bands.length; d++) {
            bands[d] = FractionalVegetationCover.of(ndvi.band(d));
        }
        return GridSeries.of(fineGrid(), ndvi.dates(), bands);
    }

    /** Fine SEE (paper E eq. 1–3, with the elevation correction against each PM cell's mean). */
    public GridSeries see(DateRange season) {
        GridSeries lst = lst(season);
        GridSeries fvc = fvc(season);
        int[] cell = fineGrid().coarseCellIndex(scenario.pmGrid());
        float[][] bands = new float[lst.size()][];
        for (int d = 0; d < bands.length; d++) {
            bands[d] = SoilEvaporativeEfficiency.PAPER_E.compute(lst.band(d), fvc.band(d), scenario.dem().values(),
                    cell, scenario.pmGrid().size()).see();
        }
        return GridSeries.of(fineGrid(), lst.dates(), bands);
    }

    /** Broadband albedo (paper B eq. 4–5), gap-filled. */
    public GridSeries albedo(DateRange season) {
        GridSeries[] r = reflectances(season, Band.BLUE, Band.RED, Band.NIR, Band.SWIR1, Band.SWIR2);
        float[][] bands = new float[r[0].size()][];
        for (int d = 0; d < bands.length; d++) {
            bands[d] = SpectralIndices.albedo(r[0].band(d), r[1].band(d), r[2].band(d), r[3].band(d), r[4].band(d));
        }
        return gapFilled(GridSeries.of(fineGrid(), r[0].dates(), bands));
    }

    /** NMDI (paper D §2.2.2), gap-filled. */
    public GridSeries nmdi(DateRange season) {
        GridSeries[] r = reflectances(season, Band.NIR, Band.SWIR1, Band.SWIR2);
        float[][] bands = new float[r[0].size()][];
        for (int d = 0; d < bands.length; d++) {
            bands[d] = SpectralIndices.nmdi(r[0].band(d), r[1].band(d), r[2].band(d));
        }
        return gapFilled(GridSeries.of(fineGrid(), r[0].dates(), bands));
    }

    private GridSeries[] reflectances(DateRange season, Band... bands) {
        GridSeries[] out = new GridSeries[bands.length];
        for (int b = 0; b < bands.length; b++) {
            out[b] = in(scenario.reflectance(bands[b]), season);
        }
        return out;
    }

    /** Cloud gaps filled by the Whittaker smoother with the MODIS tools' V-curve (paper D §2.2.1). */
    private static GridSeries gapFilled(GridSeries cloudy) {
        return WhittakerSmoother.of(LambdaSelection.VCurve.MODIS).smooth(cloudy, null, Monitor.NONE).values();
    }

    /** {@code input} over both seasons, computed per season (gap filling must not bridge the winter). */
    public GridSeries bothSeasons(Function<DateRange, GridSeries> input) {
        GridSeries training = input.apply(trainingSeason());
        GridSeries validation = input.apply(validationSeason());
        float[][] bands = new float[training.size() + validation.size()][];
        List<LocalDate> dates = new ArrayList<>(training.dates());
        dates.addAll(validation.dates());
        for (int d = 0; d < bands.length; d++) {
            bands[d] = d < training.size() ? training.band(d) : validation.band(d - training.size());
        }
        return GridSeries.of(validation.geometry(), dates, bands);
    }

    /** The reanalysis-like product over {@code season}, on its own grid (gap-free, biased, smooth). */
    public GridSeries reanalysis(DateRange season) {
        return in(scenario.reanalysisSsm(), season);
    }

    /** Precipitation (mm/day). */
    public GridSeries rain(DateRange season) {
        return in(scenario.rain(), season);
    }
}
