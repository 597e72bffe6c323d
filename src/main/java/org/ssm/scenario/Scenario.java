package org.ssm.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssm.core.ParameterException;
import org.ssm.grid.Grid;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;

/**
 * A generated twin experiment, held in memory: the truth, every simulated observation and the
 * stations. Immutable; the arrays inside its grids must not be modified.
 *
 * <p>Every raster is a {@link ScenarioLayer} reachable by its variable name through
 * {@link #layer(String)} (the names are those of the output files, see {@code docs/scenario.md});
 * the typed accessors below cover the common ones.
 */
public final class Scenario {

    private final TwinExperimentConfig config;
    private final List<LocalDate> dates;
    private final List<LocalDate> landsatDates;
    private final Map<String, ScenarioLayer> layers;
    private final List<TwinStation> stations;

    Scenario(TwinExperimentConfig config, List<LocalDate> dates, List<LocalDate> landsatDates,
            List<ScenarioLayer> layers, List<TwinStation> stations) {
        this.config = config;
        this.dates = List.copyOf(dates);
        this.landsatDates = List.copyOf(landsatDates);
        Map<String, ScenarioLayer> byName = new LinkedHashMap<>();
        for (ScenarioLayer layer : layers) {
            byName.put(layer.variable(), layer);
        }
        this.layers = byName;
        this.stations = List.copyOf(stations);
    }

    public TwinExperimentConfig config() {
        return config;
    }

    /** Every simulated day: the training season's, then the validation season's. */
    public List<LocalDate> dates() {
        return dates;
    }

    /** Days of the fine clear-sky ("Landsat-like") images. */
    public List<LocalDate> landsatDates() {
        return landsatDates;
    }

    /** The fine grid of the truth. */
    public GridGeometry fineGrid() {
        return config.grid();
    }

    /** The grid of the passive-microwave product. */
    public GridGeometry pmGrid() {
        return config.grid().coarsen(config.pmFactor());
    }

    /** The grid of the reanalysis-like product. */
    public GridGeometry reanalysisGrid() {
        return config.grid().coarsen(config.reanalysisFactor());
    }

    /** The grid of the coarse daily optical ("MODIS-like") images. */
    public GridGeometry opticalCoarseGrid() {
        return config.grid().coarsen(config.opticalCoarseFactor());
    }

    /** Every raster layer, static ones first, in output order. */
    public List<ScenarioLayer> layers() {
        return new ArrayList<>(layers.values());
    }

    /** The layer named {@code variable}, e.g. {@code truth_ssm} or {@code modis_swir1}. */
    public ScenarioLayer layer(String variable) {
        ScenarioLayer layer = layers.get(variable);
        if (layer == null) {
            throw new ParameterException("variable", variable, "one of " + layers.keySet());
        }
        return layer;
    }

    private GridSeries series(String variable) {
        return layer(variable).series();
    }

    private Grid grid(String variable) {
        return series(variable).grid(0);
    }

    /** Elevation, m. */
    public Grid dem() {
        return grid("dem");
    }

    /** Land-cover codes ({@link LandCover#code()}). */
    public Grid landCover() {
        return grid("landcover");
    }

    /** Porosity, m³/m³. */
    public Grid porosity() {
        return grid("porosity");
    }

    /** Field capacity, m³/m³. */
    public Grid fieldCapacity() {
        return grid("field_capacity");
    }

    /** Wilting point, m³/m³. */
    public Grid wiltingPoint() {
        return grid("wilting_point");
    }

    /** The lowest soil moisture the surface layer reaches, m³/m³. */
    public Grid residualMoisture() {
        return grid("residual_moisture");
    }

    /** Topographic wetness index ln(a / tan β). */
    public Grid wetnessIndex() {
        return grid("twi");
    }

    /** Daily rain, mm. */
    public GridSeries rain() {
        return series("rain");
    }

    /** Daily potential evapotranspiration, mm/day. */
    public GridSeries pet() {
        return series("pet");
    }

    /** The true surface soil moisture (0–5 cm), m³/m³, NaN on water. */
    public GridSeries truthSsm() {
        return series("truth_ssm");
    }

    /** Daily fine LST, K, NaN under clouds. */
    public GridSeries lst() {
        return series("lst");
    }

    /** Daily fine LST as it would be without clouds, K: the truth for gap filling. */
    public GridSeries lstClearSky() {
        return series("lst_clear");
    }

    /** Daily fine NDVI, NaN under clouds. */
    public GridSeries ndvi() {
        return series("ndvi");
    }

    /** Daily fine NDVI as it would be without clouds. */
    public GridSeries ndviClearSky() {
        return series("ndvi_clear");
    }

    /** Daily fine reflectance of {@code band}, NaN under clouds. */
    public GridSeries reflectance(Band band) {
        return series(band.fileName());
    }

    /** Fine clear-sky LST every {@code landsatRevisitDays}, K. */
    public GridSeries landsatLst() {
        return series("landsat_lst");
    }

    /** Fine clear-sky reflectance of {@code band} every {@code landsatRevisitDays}. */
    public GridSeries landsatReflectance(Band band) {
        return series("landsat_" + band.fileName());
    }

    /** Coarse daily gap-free LST, K. */
    public GridSeries modisLst() {
        return series("modis_lst");
    }

    /** Coarse daily gap-free reflectance of {@code band}. */
    public GridSeries modisReflectance(Band band) {
        return series("modis_" + band.fileName());
    }

    /** The coarse passive-microwave SSM, m³/m³, NaN in swath gaps. */
    public GridSeries pmSsm() {
        return series("pm_ssm");
    }

    /** The reanalysis-like SSM, m³/m³. */
    public GridSeries reanalysisSsm() {
        return series("reanalysis_ssm");
    }

    /** The stations, healthy and faulty, in id order. */
    public List<TwinStation> stations() {
        return stations;
    }
}
