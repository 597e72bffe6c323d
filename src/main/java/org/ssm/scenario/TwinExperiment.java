package org.ssm.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
    private final RandomStreams streams;
    private final Landscape land;
    private final Vegetation vegetation;
    private final SurfaceRadiometry radiometry;
    private final StationNetwork network;
    private final BlockMean opticalMean;
    private final List<LocalDate> dates = new ArrayList<>();
    private final List<LocalDate> landsatDates = new ArrayList<>();

    private TwinExperiment(TwinExperimentConfig config) {
        this.config = config;
        this.fine = config.grid();
        this.streams = new RandomStreams(config.seed());
        this.land = Landscape.generate(fine, streams);
        this.vegetation = new Vegetation(land, fine.width(), fine.height(), fine.cellWidth() / 1000, streams);
        this.radiometry = new SurfaceRadiometry(land);
        this.network = new StationNetwork(fine, land, config.stationCount(), config.faultyStationCount(), streams);
        this.opticalMean = new BlockMean(fine, fine.coarsen(config.opticalCoarseFactor()));
        for (DateRange season : config.seasons()) {
            dates.addAll(season.dates());
            for (LocalDate d = season.start(); !d.isAfter(season.end()); d = d.plusDays(config.landsatRevisitDays())) {
                landsatDates.add(d);
            }
        }
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
        int n = dates.size();
        int bands = Band.values().length;
        float[][] rain = new float[n][];
        float[][] pet = new float[n][];
        float[][] truth = new float[n][];
        float[][] lstClear = new float[n][];
        float[][] lst = new float[n][];
        float[][] ndviClear = new float[n][];
        float[][] ndvi = new float[n][];
        float[][][] reflectance = new float[bands][n][];
        float[][] modisLst = new float[n][];
        float[][][] modisReflectance = new float[bands][n][];
        float[][] pm = new float[n][];
        float[][] reanalysis = new float[n][];
        List<float[]> landsatLst = new ArrayList<>();
        List<List<float[]>> landsatReflectance = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            landsatReflectance.add(new ArrayList<>());
        }
        int[] stationCells = network.cells();
        float[][] stationTruth = new float[stationCells.length][n];

        GridGeometry pmGrid = fine.coarsen(config.pmFactor());
        int total = 0;
        for (DateRange season : config.seasons()) {
            total += config.spinUpDays() + season.days();
        }
        int done = 0;
        int t = 0;
        for (DateRange season : config.seasons()) {
            Weather weather = new Weather(fine, land, streams);
            SoilWaterBalance soil = new SoilWaterBalance(land);
            ReanalysisProduct reanalysisProduct =
                    new ReanalysisProduct(fine, fine.coarsen(config.reanalysisFactor()), config.reanalysis());
            MicrowaveProduct pmProduct = new MicrowaveProduct(fine, pmGrid, config.pm());
            for (LocalDate date = season.start().minusDays(config.spinUpDays()); !date.isAfter(season.end());
                    date = date.plusDays(1)) {
                monitor.checkpoint(done++, total);
                WeatherDay weatherDay = weather.next(date);
                float[] green = vegetation.ndvi(date);
                soil.step(weatherDay.rain(), weatherDay.pet(), green);
                float[] theta = soil.snapshot();
                float[] reanalysed = reanalysisProduct.step(theta);
                if (date.isBefore(season.start())) {
                    continue;
                }
                long day = date.toEpochDay();
                rain[t] = weatherDay.rain();
                pet[t] = weatherDay.pet();
                truth[t] = theta;
                reanalysis[t] = reanalysed;
                ndviClear[t] = green;
                ndvi[t] = clouded(green, weatherDay.cloud());
                lstClear[t] = radiometry.lst(theta, green, weatherDay, streams.of("lst", day));
                lst[t] = clouded(lstClear[t], weatherDay.cloud());
                float[][] clearReflectance = radiometry.reflectance(theta, green, streams.of("reflectance", day));
                SplittableRandom modisRng = streams.of("modis", day);
                modisLst[t] = coarse(lstClear[t], MODIS_LST_NOISE, modisRng);
                boolean landsatDay = landsatDates.contains(date);
                if (landsatDay) {
                    landsatLst.add(lstClear[t]);
                }
                for (int b = 0; b < bands; b++) {
                    reflectance[b][t] = clouded(clearReflectance[b], weatherDay.cloud());
                    modisReflectance[b][t] = coarse(clearReflectance[b], MODIS_REFLECTANCE_NOISE, modisRng);
                    if (landsatDay) {
                        landsatReflectance.get(b).add(clearReflectance[b]);
                    }
                }
                pm[t] = pmProduct.observe(theta, date, streams.of("pm", day));
                for (int s = 0; s < stationCells.length; s++) {
                    stationTruth[s][t] = theta[stationCells[s]];
                }
                t++;
            }
        }
        monitor.checkpoint(total, total);

        List<ScenarioLayer> layers = new ArrayList<>(staticLayers());
        layers.add(daily("rain", "Daily rain", "mm", rain, fine));
        layers.add(daily("pet", "Potential evapotranspiration", "mm/day", pet, fine));
        layers.add(daily("truth_ssm", "True surface soil moisture (0-5 cm)", "m3/m3", truth, fine));
        layers.add(daily("lst", "Land surface temperature, cloud-masked", "K", lst, fine));
        layers.add(daily("lst_clear", "Land surface temperature without clouds", "K", lstClear, fine));
        layers.add(daily("ndvi", "NDVI, cloud-masked", "1", ndvi, fine));
        layers.add(daily("ndvi_clear", "NDVI without clouds", "1", ndviClear, fine));
        for (Band band : Band.values()) {
            layers.add(daily(band.fileName(), "Fine " + title(band) + ", cloud-masked", "1",
                    reflectance[band.ordinal()], fine));
        }
        layers.add(revisit("landsat_lst", "Fine clear-sky LST", "K", landsatLst));
        for (Band band : Band.values()) {
            layers.add(revisit("landsat_" + band.fileName(), "Fine clear-sky " + title(band), "1",
                    landsatReflectance.get(band.ordinal())));
        }
        GridGeometry optical = fine.coarsen(config.opticalCoarseFactor());
        layers.add(daily("modis_lst", "Coarse daily LST", "K", modisLst, optical));
        for (Band band : Band.values()) {
            layers.add(daily("modis_" + band.fileName(), "Coarse daily " + title(band), "1",
                    modisReflectance[band.ordinal()], optical));
        }
        layers.add(daily("pm_ssm", "Passive-microwave SSM with swath gaps", "m3/m3", pm, pmGrid));
        layers.add(daily("reanalysis_ssm", "Reanalysis-like SSM", "m3/m3", reanalysis,
                fine.coarsen(config.reanalysisFactor())));
        List<TwinStation> stations = network.observe(dates, config.seasons(), stationTruth);
        return new Scenario(config, dates, landsatDates, layers, stations);
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

    private ScenarioLayer daily(String variable, String title, String units, float[][] bands, GridGeometry grid) {
        return new ScenarioLayer(variable, title, units, Kind.DAILY, GridSeries.of(grid, dates, bands));
    }

    private ScenarioLayer revisit(String variable, String title, String units, List<float[]> bands) {
        return new ScenarioLayer(variable, title, units, Kind.REVISIT,
                GridSeries.of(fine, landsatDates, bands.toArray(new float[0][])));
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
