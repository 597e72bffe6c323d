package org.ssm.algorithms.nonlinear;

import java.time.LocalDate;
import java.util.Arrays;
import org.ssm.algorithms.indices.FractionalVegetationCover;
import org.ssm.algorithms.indices.SoilEvaporativeEfficiency;
import org.ssm.algorithms.indices.SpectralIndices;
import org.ssm.algorithms.validation.Metrics;
import org.ssm.algorithms.validation.PairMoments;
import org.ssm.core.Monitor;
import org.ssm.grid.GridSeries;
import org.ssm.scenario.Band;
import org.ssm.scenario.DateRange;
import org.ssm.scenario.Scenario;

/**
 * Paper D's downscaling on a twin experiment, with the inputs the process gets from {@code
 * ssm:SpectralIndices}: the coarse PM product with its swath gaps, SEE from the cloud-masked fine LST
 * and NDVI (paper E eq. 1–3 with the elevation correction against each PM pixel's mean elevation and
 * f_v by the DisPATCh scaling), NMDI from the cloud-masked fine reflectances; planar distances (the
 * twin's grid is in metres).
 */
final class TwinLink {

    private TwinLink() {}

    /** Fine SEE per date, as {@code ssm:SpectralIndices} index=SEE with ndvi, dem and coarseGrid computes it. */
    static GridSeries see(Scenario s) {
        int[] cell = s.fineGrid().coarseCellIndex(s.pmGrid());
        GridSeries lst = s.lst();
        GridSeries ndvi = s.ndvi();
        float[][] bands = new float[lst.size()][];
        for (int t = 0; t < bands.length; t++) {
            float[] fvc = FractionalVegetationCover.DISPATCH.apply(ndvi.band(ndvi.isDated() ? t : 0));
            bands[t] = SoilEvaporativeEfficiency.PAPER_E.compute(lst.band(t), fvc, s.dem().values(), cell,
                    s.pmGrid().size()).see();
        }
        return GridSeries.of(s.fineGrid(), lst.dates(), bands);
    }

    /** Fine NMDI per date, as {@code ssm:SpectralIndices} index=NMDI computes it. */
    static GridSeries nmdi(Scenario s) {
        GridSeries nir = s.reflectance(Band.NIR);
        GridSeries swir1 = s.reflectance(Band.SWIR1);
        GridSeries swir2 = s.reflectance(Band.SWIR2);
        float[][] bands = new float[nir.size()][];
        for (int t = 0; t < bands.length; t++) {
            bands[t] = SpectralIndices.nmdi(nir.band(t), swir1.band(t), swir2.band(t));
        }
        return GridSeries.of(s.fineGrid(), nir.dates(), bands);
    }

    /** Runs the downscaler on the whole series of {@code s}. */
    static NonlinearLinkDownscaler.Result run(Scenario s, LinkParameters parameters, Monitor monitor) {
        return new NonlinearLinkDownscaler(parameters).downscale(s.pmSsm(), see(s), nmdi(s), monitor);
    }

    /**
     * Scores against the truth over {@code season}.
     *
     * @param downscaled the downscaled SSM where the PM product has a value
     * @param coarse the PM product resampled to the fine grid (each fine cell takes its PM pixel's
     *     value), over the same pairs as {@code downscaled}
     * @param gapFilled the downscaled SSM in swath gaps, where the PM product has nothing
     */
    record Scores(Metrics downscaled, Metrics coarse, Metrics gapFilled) {}

    static Scores score(Scenario s, GridSeries downscaled, DateRange season) {
        GridSeries truth = s.truthSsm();
        GridSeries pm = s.pmSsm();
        int[] cell = s.fineGrid().coarseCellIndex(s.pmGrid());
        PairMoments down = PairMoments.EMPTY;
        PairMoments coarse = PairMoments.EMPTY;
        PairMoments gaps = PairMoments.EMPTY;
        for (int t = 0; t < truth.size(); t++) {
            LocalDate date = truth.dates().get(t);
            if (date.isBefore(season.start()) || date.isAfter(season.end())) {
                continue;
            }
            float[] tr = truth.band(t);
            float[] ds = downscaled.band(t);
            float[] cs = pm.band(t);
            float[] resampled = new float[tr.length];
            float[] observedDown = new float[tr.length];
            float[] gapDown = new float[tr.length];
            Arrays.fill(observedDown, Float.NaN);
            Arrays.fill(gapDown, Float.NaN);
            for (int i = 0; i < tr.length; i++) {
                resampled[i] = cell[i] < 0 ? Float.NaN : cs[cell[i]];
                if (Float.isNaN(resampled[i])) {
                    gapDown[i] = ds[i];
                } else if (!Float.isNaN(ds[i])) {
                    observedDown[i] = ds[i];
                } else {
                    resampled[i] = Float.NaN;
                }
            }
            down = down.plus(PairMoments.of(observedDown, tr));
            coarse = coarse.plus(PairMoments.of(resampled, tr));
            gaps = gaps.plus(PairMoments.of(gapDown, tr));
        }
        return new Scores(down.metrics(), coarse.metrics(), gaps.metrics());
    }
}
