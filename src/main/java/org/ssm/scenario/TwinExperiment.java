package org.ssm.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ssm.core.Monitor;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.scenario.ScenarioLayer.Kind;

/**
 * Generates a twin experiment (an observing-system simulation): a fine-scale true SSM field that
 * evolves through a daily soil-water balance, and every observable derived from it with a known
 * error model. See {@code docs/scenario.md} for the model.
 *
 * <p>Each season is simulated on its own, after {@code spinUpDays} of spin-up from the soil's
 * baseline moisture. Random numbers come from streams keyed by component and day, so a change to
 * one component (say, the number of stations) leaves the others' numbers alone.
 */
public final class TwinExperiment {

    /** Standard deviation of the noise added to coarse daily LST, K. */
    static final double MODIS_LST_NOISE = 0.3;
    /** Standard deviation of the noise added to coarse daily reflectances. */
    static final double MODIS_REFLECTANCE_NOISE = 0.002;

    private final TwinExperimentConfig config;
    private final GridGeometry fine;
    private final GridGeometry pmGrid;
    private final GridGeometry reanalysisGrid;
    private final GridGeometry opticalGrid;
    private final RandomStreams streams;
    private final Landscape land;
    private final Vegetation vegetation;
    private final SurfaceRadiometry radiometry;
    private final StationNetwork network;
    private final int[] stationCells;
    private final BlockMean opticalMean;
    private final List<LocalDate> dates = new ArrayList<>();
    private final List<LocalDate> landsatDates = new ArrayList<>();
    /** Each daily variable's bands, indexed by the position of the day in {@link #dates}. */
    private final Map<String, float[][]> daily = new HashMap<>();
    /** Each fine clear-sky variable's bands, one per Landsat date. */
    private final Map<String, List<float[]>> revisits = new HashMap<>();
    private final float[][] stationTruth;

    private TwinExperiment(TwinExperimentConfig config) {
        this.config = config;
        this.fine = config.grid();
        this.pmGrid = fine.coarsen(config.pmFactor());
        this.reanalysisGrid = fine.coarsen(config.reanalysisFactor());
        this.opticalGrid = fine.coarsen(config.opticalCoarseFactor());
        this.streams = new RandomStreams(config.seed());
        this.land = Landscape.generate(fine, streams);
        this.vegetation = new Vegetation(land, fine.width(), fine.height(), fine.cellWidth() / 1000, streams);
        this.radiometry = new SurfaceRadiometry(land);
        this.network = new StationNetwork(fine, land, config.stationCount(), config.faultyStationCount(), streams);
        this.stationCells = network.cells();
        this.opticalMean = new BlockMean(fine, opticalGrid);
        for (DateRange season : config.seasons()) {
            dates.addAll(season.dates());
            for (LocalDate d = season.start(); !d.isAfter(season.end()); d = d.plusDays(config.landsatRevisitDays())) {
                landsatDates.add(d);
            }
        }
        this.stationTruth = new float[stationCells.length][dates.size()];
    }

    /**
     * Generates the scenario of {@code config}.
     *
     * @param monitor told the progress once per simulated day (spin-up included); cancelling it
     *     stops the run with a {@link org.ssm.core.CancelledException}
     */
    public static Scenario generate(TwinExperimentConfig config, Monitor monitor) {
        return new TwinExperiment(config).run(monitor);
    }

    private Scenario run(Monitor monitor) {
        int total = 0;
        for (DateRange season : config.seasons()) {
            total += config.spinUpDays() + season.days();
        }
        int done = 0;
        int t = 0;
        for (DateRange season : config.seasons()) {
            Weather weather = new Weather(fine, land, streams);
            SoilWaterBalance soil = new SoilWaterBalance(land);
            ReanalysisProduct reanalysis = new ReanalysisProduct(fine, reanalysisGrid, config.reanalysis());
            MicrowaveProduct pm = new MicrowaveProduct(fine, pmGrid, config.pm());
            for (LocalDate date = season.start().minusDays(config.spinUpDays()); !date.isAfter(season.end());
                    date = date.plusDays(1)) {
                monitor.checkpoint(done++, total);
                WeatherDay weatherDay = weather.next(date);
                float[] ndvi = vegetation.ndvi(date);
                soil.step(weatherDay.rain(), weatherDay.pet(), ndvi);
                float[] theta = soil.snapshot();
                // The reanalysis filter runs through the spin-up too, so it starts the season settled.
                float[] reanalysed = reanalysis.step(theta);
                if (!date.isBefore(season.start())) {
                    record(t, "reanalysis_ssm", reanalysed);
                    record(t, "pm_ssm", pm.observe(theta, date, streams.of("pm", date.toEpochDay())));
                    observe(t++, date, weatherDay, ndvi, theta);
                }
            }
        }
        monitor.checkpoint(total, total);
        return new Scenario(config, dates, landsatDates, layers(),
                network.observe(dates, config.seasons(), stationTruth));
    }

    /** Derives and records day {@code t}'s truth and optical observations. */
    private void observe(int t, LocalDate date, WeatherDay weather, float[] ndvi, float[] theta) {
        long day = date.toEpochDay();
        boolean[] cloud = weather.cloud();
        boolean landsatDay = landsatDates.contains(date);
        record(t, "rain", weather.rain());
        record(t, "pet", weather.pet());
        record(t, "truth_ssm", theta);
        record(t, "ndvi_clear", ndvi);
        record(t, "ndvi", clouded(ndvi, cloud));
        float[] lst = radiometry.lst(theta, ndvi, weather, streams.of("lst", day));
        record(t, "lst_clear", lst);
        record(t, "lst", clouded(lst, cloud));
        SplittableRandom modisRng = streams.of("modis", day);
        record(t, "modis_lst", coarse(lst, MODIS_LST_NOISE, modisRng));
        if (landsatDay) {
            revisit("landsat_lst", lst);
        }
        float[][] reflectance = radiometry.reflectance(theta, ndvi, streams.of("reflectance", day));
        for (Band band : Band.values()) {
            float[] clear = reflectance[band.ordinal()];
            record(t, band.fileName(), clouded(clear, cloud));
            record(t, "modis_" + band.fileName(), coarse(clear, MODIS_REFLECTANCE_NOISE, modisRng));
            if (landsatDay) {
                revisit("landsat_" + band.fileName(), clear);
            }
        }
        for (int s = 0; s < stationCells.length; s++) {
            stationTruth[s][t] = theta[stationCells[s]];
        }
    }

    private void record(int t, String variable, float[] values) {
        daily.computeIfAbsent(variable, v -> new float[dates.size()][])[t] = values;
    }

    private void revisit(String variable, float[] values) {
        revisits.computeIfAbsent(variable, v -> new ArrayList<>()).add(values);
    }

    /** Every output in its published order, with its title and units. */
    private List<ScenarioLayer> layers() {
        List<ScenarioLayer> layers = new ArrayList<>(staticLayers());
        layers.add(daily("rain", "Daily rain", "mm", fine));
        layers.add(daily("pet", "Potential evapotranspiration", "mm/day", fine));
        layers.add(daily("truth_ssm", "True surface soil moisture (0-5 cm)", "m3/m3", fine));
        layers.add(daily("lst", "Land surface temperature, cloud-masked", "K", fine));
        layers.add(daily("lst_clear", "Land surface temperature without clouds", "K", fine));
        layers.add(daily("ndvi", "NDVI, cloud-masked", "1", fine));
        layers.add(daily("ndvi_clear", "NDVI without clouds", "1", fine));
        for (Band band : Band.values()) {
            layers.add(daily(band.fileName(), "Fine " + title(band) + ", cloud-masked", "1", fine));
        }
        layers.add(revisit("landsat_lst", "Fine clear-sky LST", "K"));
        for (Band band : Band.values()) {
            layers.add(revisit("landsat_" + band.fileName(), "Fine clear-sky " + title(band), "1"));
        }
        layers.add(daily("modis_lst", "Coarse daily LST", "K", opticalGrid));
        for (Band band : Band.values()) {
            layers.add(daily("modis_" + band.fileName(), "Coarse daily " + title(band), "1", opticalGrid));
        }
        layers.add(daily("pm_ssm", "Passive-microwave SSM with swath gaps", "m3/m3", pmGrid));
        layers.add(daily("reanalysis_ssm", "Reanalysis-like SSM", "m3/m3", reanalysisGrid));
        return layers;
    }

    private List<ScenarioLayer> staticLayers() {
        float[] cover = new float[land.cover().length];
        for (int i = 0; i < cover.length; i++) {
            cover[i] = land.cover()[i];
        }
        return List.of(
                fixed("dem", "Elevation", "m", land.dem()),
                fixed("landcover", "Land cover (1 crop, 2 grass, 3 forest, 4 urban, 5 water)", "class", cover),
                fixed("porosity", "Porosity", "m3/m3", land.porosity()),
                fixed("field_capacity", "Field capacity", "m3/m3", land.fieldCapacity()),
                fixed("wilting_point", "Wilting point", "m3/m3", land.wiltingPoint()),
                fixed("residual_moisture", "Residual surface soil moisture", "m3/m3", land.residual()),
                fixed("twi", "Topographic wetness index ln(a/tan b)", "ln(m)", land.twi()));
    }

    private ScenarioLayer fixed(String variable, String title, String units, float[] values) {
        return new ScenarioLayer(variable, title, units, Kind.STATIC, GridSeries.undated(fine, new float[][] {values}));
    }

    private ScenarioLayer daily(String variable, String title, String units, GridGeometry grid) {
        return new ScenarioLayer(variable, title, units, Kind.DAILY, GridSeries.of(grid, dates, daily.get(variable)));
    }

    private ScenarioLayer revisit(String variable, String title, String units) {
        return new ScenarioLayer(variable, title, units, Kind.REVISIT,
                GridSeries.of(fine, landsatDates, revisits.get(variable).toArray(new float[0][])));
    }

    private static String title(Band band) {
        return "reflectance " + band.fileName() + " (" + band.wavelengthNm() + " nm)";
    }

    /** A copy of {@code clear} with NaN under clouds. */
    private static float[] clouded(float[] clear, boolean[] cloud) {
        float[] out = clear.clone();
        for (int i = 0; i < out.length; i++) {
            if (cloud[i]) {
                out[i] = Float.NaN;
            }
        }
        return out;
    }

    /** The block mean on the coarse optical grid, with sensor noise. */
    private float[] coarse(float[] clear, double noise, SplittableRandom rng) {
        float[] mean = opticalMean.apply(clear);
        for (int k = 0; k < mean.length; k++) {
            mean[k] += (float) (noise * rng.nextGaussian());
        }
        return mean;
    }
}
