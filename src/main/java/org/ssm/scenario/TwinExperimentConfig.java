package org.ssm.scenario;

import java.util.List;
import java.util.Objects;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;

/**
 * Everything that defines a twin experiment; two runs with equal configurations produce identical
 * scenarios.
 *
 * <p>Start from {@link #demo()} or {@link #small()} and change fields with {@link #toBuilder()} or
 * the {@code with...} methods rather than calling the canonical constructor.
 *
 * @param seed seed of every random stream
 * @param grid the fine grid: square cells in a projected CRS, in metres, between 10 m and 10 km
 * @param pmFactor a passive-microwave cell is {@code pmFactor x pmFactor} fine cells
 * @param reanalysisFactor a reanalysis cell is {@code reanalysisFactor x reanalysisFactor} fine cells
 * @param opticalCoarseFactor a coarse daily optical ("MODIS-like") cell is this many fine cells across
 * @param training the training season
 * @param validation the validation season, after the training season
 * @param stationCount number of in-situ stations
 * @param faultyStationCount how many of them are faulty (drift, heavy noise, stuck values, in turn)
 * @param landsatRevisitDays days between fine clear-sky ("Landsat-like") images, counted from each
 *     season's start
 * @param spinUpDays days simulated before each season so that the soil water forgets its initial state
 * @param pm error model of the passive-microwave product
 * @param reanalysis error model of the reanalysis-like product
 */
public record TwinExperimentConfig(
        long seed,
        GridGeometry grid,
        int pmFactor,
        int reanalysisFactor,
        int opticalCoarseFactor,
        DateRange training,
        DateRange validation,
        int stationCount,
        int faultyStationCount,
        int landsatRevisitDays,
        int spinUpDays,
        PmErrorModel pm,
        ReanalysisModel reanalysis) {

    /** Stations need room to be spread out: at most one per this many fine cells. */
    static final int CELLS_PER_STATION = 16;

    public TwinExperimentConfig {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(pm, "pm");
        Objects.requireNonNull(reanalysis, "reanalysis");
        if (grid.cellWidth() != grid.cellHeight() || grid.cellWidth() < 10 || grid.cellWidth() > 10_000) {
            throw new ParameterException("grid", grid.describe(),
                    "square cells of 10 m to 10 km in a projected CRS with metre units");
        }
        requireDivisor("pmFactor", pmFactor, grid);
        requireDivisor("reanalysisFactor", reanalysisFactor, grid);
        requireDivisor("opticalCoarseFactor", opticalCoarseFactor, grid);
        if (training == null || validation == null || !validation.start().isAfter(training.end())) {
            throw new ParameterException("validation", validation,
                    "a season starting after the training season " + training);
        }
        ParameterException.requireInRange("stationCount", stationCount, 1, Math.max(1, grid.size() / CELLS_PER_STATION));
        ParameterException.requireInRange("faultyStationCount", faultyStationCount, 0, stationCount);
        ParameterException.requireInRange("landsatRevisitDays", landsatRevisitDays, 1, 366);
        ParameterException.requireInRange("spinUpDays", spinUpDays, 0, 365);
    }

    private static void requireDivisor(String name, int factor, GridGeometry grid) {
        if (factor < 2 || grid.width() % factor != 0 || grid.height() % factor != 0) {
            throw new ParameterException(name, factor, "an integer >= 2 that divides the grid width "
                    + grid.width() + " and height " + grid.height());
        }
    }

    /**
     * The embedded demo: 200 x 150 cells of 1 km in UTM 33N over Lower Austria, 8 x 6 PM cells of
     * 25 km, 20 x 15 reanalysis cells of 10 km, 5 km daily optical images, the 2021 growing season
     * for training and 2022 for validation, 24 stations of which 3 are faulty.
     */
    public static TwinExperimentConfig demo() {
        return new TwinExperimentConfig(20211, new GridGeometry("EPSG:32633", 520_000, 5_360_000, 1000, 1000, 200, 150),
                25, 10, 5, DateRange.of("2021-04-01", "2021-09-30"), DateRange.of("2022-04-01", "2022-09-30"),
                24, 3, 16, 30, PmErrorModel.DEFAULT, ReanalysisModel.DEFAULT);
    }

    /**
     * A small experiment for tests: 40 x 30 cells of 1 km, PM cells of 10 km, reanalysis and
     * optical cells of 5 km, two 21-day spring periods (at green-up, so bare and vegetated soil
     * both occur), 12 stations of which 2 are faulty.
     */
    public static TwinExperimentConfig small() {
        return new TwinExperimentConfig(7, new GridGeometry("EPSG:32633", 560_000, 5_340_000, 1000, 1000, 40, 30),
                10, 5, 5, DateRange.of("2021-04-10", "2021-04-30"), DateRange.of("2022-04-10", "2022-04-30"),
                12, 2, 16, 30, PmErrorModel.DEFAULT, ReanalysisModel.DEFAULT);
    }

    /** This configuration with another seed. */
    public TwinExperimentConfig withSeed(long newSeed) {
        return toBuilder().seed(newSeed).build();
    }

    /** This configuration with other seasons. */
    public TwinExperimentConfig withPeriods(DateRange newTraining, DateRange newValidation) {
        return toBuilder().training(newTraining).validation(newValidation).build();
    }

    /** Both seasons, training first. */
    public List<DateRange> seasons() {
        return List.of(training, validation);
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some fields of a configuration; {@link #build()} validates the result. */
    public static final class Builder {
        private long seed;
        private GridGeometry grid;
        private int pmFactor;
        private int reanalysisFactor;
        private int opticalCoarseFactor;
        private DateRange training;
        private DateRange validation;
        private int stationCount;
        private int faultyStationCount;
        private int landsatRevisitDays;
        private int spinUpDays;
        private PmErrorModel pm;
        private ReanalysisModel reanalysis;

        private Builder(TwinExperimentConfig c) {
            seed = c.seed;
            grid = c.grid;
            pmFactor = c.pmFactor;
            reanalysisFactor = c.reanalysisFactor;
            opticalCoarseFactor = c.opticalCoarseFactor;
            training = c.training;
            validation = c.validation;
            stationCount = c.stationCount;
            faultyStationCount = c.faultyStationCount;
            landsatRevisitDays = c.landsatRevisitDays;
            spinUpDays = c.spinUpDays;
            pm = c.pm;
            reanalysis = c.reanalysis;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder grid(GridGeometry value) {
            grid = value;
            return this;
        }

        public Builder pmFactor(int value) {
            pmFactor = value;
            return this;
        }

        public Builder reanalysisFactor(int value) {
            reanalysisFactor = value;
            return this;
        }

        public Builder opticalCoarseFactor(int value) {
            opticalCoarseFactor = value;
            return this;
        }

        public Builder training(DateRange value) {
            training = value;
            return this;
        }

        public Builder validation(DateRange value) {
            validation = value;
            return this;
        }

        public Builder stationCount(int value) {
            stationCount = value;
            return this;
        }

        public Builder faultyStationCount(int value) {
            faultyStationCount = value;
            return this;
        }

        public Builder landsatRevisitDays(int value) {
            landsatRevisitDays = value;
            return this;
        }

        public Builder spinUpDays(int value) {
            spinUpDays = value;
            return this;
        }

        public Builder pm(PmErrorModel value) {
            pm = value;
            return this;
        }

        public Builder reanalysis(ReanalysisModel value) {
            reanalysis = value;
            return this;
        }

        /** The configuration; fails with a {@link ParameterException} naming the first bad field. */
        public TwinExperimentConfig build() {
            return new TwinExperimentConfig(seed, grid, pmFactor, reanalysisFactor, opticalCoarseFactor, training,
                    validation, stationCount, faultyStationCount, landsatRevisitDays, spinUpDays, pm, reanalysis);
        }
    }
}
