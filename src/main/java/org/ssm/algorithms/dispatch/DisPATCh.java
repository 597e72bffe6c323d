package org.ssm.algorithms.dispatch;

import org.ssm.algorithms.indices.SoilEvaporativeEfficiency;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.Grid;
import org.ssm.grid.GridChecks;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;

/**
 * DisPATCh: Disaggregation based on Physical And Theoretical scale Change, paper E §3.2.2.
 *
 * <p>For each date, fine-scale SEE is computed from LST and f_v (paper E eq. 1–3, see {@link
 * SoilEvaporativeEfficiency}), and the coarse soil moisture is downscaled by the first-order Taylor
 * expansion of E eq. 5,
 *
 * <pre>SM_HR = SM_LR + SM'(SEE_LR) · (SEE_HR − SEE_LR),</pre>
 *
 * with the partial derivative of E eq. 6, SM'(SEE_LR) = SM_LR / SEE_LR (Malbêteau et al. 2016),
 * where SEE_LR is the mean of SEE_HR over the valid fine pixels of the coarse cell. Because both
 * equations are linear, the mean of SM_HR over those pixels equals SM_LR exactly.
 *
 * <p>Fine pixels are NaN where SEE is undefined (cloud, f_v above {@code maxFvc}) or the coarse
 * value is missing (swath gap). Where SEE_LR is below {@code minCoarseSee} the derivative is
 * ill-conditioned and the fine pixels take SM_LR unchanged, which still conserves the mean.
 *
 * @param see the SEE model (lapse rate, maximum f_v, vegetation temperature)
 * @param minCoarseSee smallest SEE_LR for which eq. 6 is applied, in [0, 1)
 */
public record DisPATCh(SoilEvaporativeEfficiency see, double minCoarseSee) {

    /** Default floor on SEE_LR below which eq. 6 is not applied. */
    public static final double DEFAULT_MIN_COARSE_SEE = 0.01;

    /** Paper E defaults: γ = 0.006 K/m, T_v from the trapezoid, SEE_LR floor 0.01. */
    public static final DisPATCh PAPER_E = new DisPATCh(SoilEvaporativeEfficiency.PAPER_E, DEFAULT_MIN_COARSE_SEE);

    public DisPATCh {
        if (see == null) {
            throw ParameterException.missing("see", "a SEE model");
        }
        if (!(minCoarseSee >= 0 && minCoarseSee < 1)) {
            throw new ParameterException("minCoarseSee", minCoarseSee, "a number in [0, 1)");
        }
    }

    /**
     * Downscales one image: E eq. 5–6 given fine SEE.
     *
     * @param coarseSm coarse soil moisture, one value per coarse cell
     * @param coarseCell for each fine pixel, the index of its coarse cell, or -1 outside
     * @param seeFine fine SEE
     * @return fine soil moisture
     */
    public float[] downscaleImage(float[] coarseSm, int[] coarseCell, float[] seeFine) {
        int cells = coarseSm.length;
        double[] sum = new double[cells];
        int[] count = new int[cells];
        for (int i = 0; i < seeFine.length; i++) {
            int c = coarseCell[i];
            if (c >= 0 && !Float.isNaN(seeFine[i])) {
                sum[c] += seeFine[i];
                count[c]++;
            }
        }
        double[] seeLr = new double[cells];
        double[] derivative = new double[cells];
        for (int c = 0; c < cells; c++) {
            seeLr[c] = count[c] == 0 ? Double.NaN : sum[c] / count[c];
            derivative[c] = seeLr[c] >= minCoarseSee && seeLr[c] > 0 ? coarseSm[c] / seeLr[c] : 0.0;
        }
        float[] out = new float[seeFine.length];
        for (int i = 0; i < out.length; i++) {
            int c = coarseCell[i];
            if (c < 0 || Float.isNaN(seeFine[i]) || Float.isNaN(coarseSm[c])) {
                out[i] = Float.NaN;
            } else {
                out[i] = (float) (coarseSm[c] + derivative[c] * (seeFine[i] - seeLr[c]));
            }
        }
        return out;
    }

    /**
     * Downscales a coarse soil-moisture series with fine LST and f_v series.
     *
     * @param coarseSm coarse soil moisture (m³/m³), dated
     * @param lst fine land-surface temperature (K), with the same dates
     * @param fvc fine vegetation cover, with the same dates, or one undated band used for every date
     * @param dem fine elevation (m), or {@code null} to skip the elevation correction
     * @param monitor progress and cancellation, checked once per date
     * @return fine soil moisture with the dates of {@code coarseSm}
     */
    public GridSeries downscale(GridSeries coarseSm, GridSeries lst, GridSeries fvc, Grid dem, Monitor monitor) {
        GridGeometry fine = lst.geometry();
        requireInputs(coarseSm, lst, fvc, dem);
        int[] coarseCell = fine.coarseCellIndex(coarseSm.geometry());
        int coarseCells = coarseSm.geometry().size();
        float[] elevation = dem == null ? null : dem.values();
        int dates = coarseSm.size();
        float[][] out = new float[dates][];
        for (int d = 0; d < dates; d++) {
            monitor.checkpoint(d, dates);
            float[] f = fvc.size() == 1 ? fvc.band(0) : fvc.band(d);
            float[] seeFine = see.compute(lst.band(d), f, elevation, coarseCell, coarseCells).see();
            out[d] = downscaleImage(coarseSm.band(d), coarseCell, seeFine);
        }
        monitor.checkpoint(dates, dates);
        return GridSeries.of(fine, coarseSm.dates(), out);
    }

    private static void requireInputs(GridSeries coarseSm, GridSeries lst, GridSeries fvc, Grid dem) {
        GridGeometry fine = lst.geometry();
        GridChecks.requireSameGrid("fvc", fvc.geometry(), "lst", fine);
        if (dem != null) {
            GridChecks.requireSameGrid("dem", dem.geometry(), "lst", fine);
        }
        GridChecks.requireNested("coarseSsm", coarseSm.geometry(), fine);
        if (!coarseSm.isDated()) {
            throw ParameterException.missing("dates", "one ISO date per band of coarseSsm");
        }
        GridChecks.requireSameDates("lst", lst, "coarseSsm", coarseSm, false);
        GridChecks.requireSameDates("fvc", fvc, "coarseSsm", coarseSm, true);
        GridChecks.requireData("coarseSsm", coarseSm);
        GridChecks.requireData("lst", lst);
        GridChecks.requireData("fvc", fvc);
        if (dem != null) {
            GridChecks.requireData("dem", dem);
        }
    }
}
