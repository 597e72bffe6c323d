package org.ssm.algorithms.kriging;

import java.util.ArrayList;
import java.util.List;
import org.ssm.algorithms.coarsetofine.CoarseToFine;
import org.ssm.algorithms.coarsetofine.CoarseToFineParameters;
import org.ssm.algorithms.learning.Predictor;
import org.ssm.algorithms.learning.RegressorTrainer;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;
import org.ssm.grid.Grid;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;

/**
 * Area-to-area regression kriging (ATARK), paper E §3.2.5 after Jin et al. (2018b): "i) building the
 * trend surface by MSR (EQ. (4)) and getting the residuals by removing trend surface from original
 * microwave SM, and ii) performing area-to-area Kriging interpolation to the residuals and then add
 * these fine resolution residuals to trend surface".
 *
 * <ol>
 *   <li>Trend: {@link CoarseToFine} with the given trainer (MSR, E eq. 4, by default in the process)
 *       fits coarse SM against the fine predictors area-averaged to the coarse grid and applies the
 *       fit at every fine pixel: T(u).</li>
 *   <li>Coarse residuals: r(v) = SM(v) − mean over the fine pixels u of v of T(u). The trend surface
 *       is removed at the coarse support by averaging it over each coarse pixel, i.e. by the same
 *       area averaging that links point and areal values in the kriging. For a linear trend this is
 *       the regression residual SM(v) − f(Ā(v)); for MSR's quadratic and interaction terms the two
 *       differ by the scale effect of E §5.1, and only this one makes the result coherent (next).</li>
 *   <li>Residual kriging: {@link AreaToPointKriging} (E eq. 10–11), per date, with its variogram
 *       deconvolved from that date's residuals.</li>
 *   <li>SM(u) = T(u) + r̂(u).</li>
 * </ol>
 *
 * <p>Consequence: where every fine pixel of a coarse pixel has a trend value and the kriging is
 * coherent (see {@link AreaToPointKriging}), the mean of the downscaled fine SM over the coarse
 * pixel equals the coarse SM: mean T + mean r̂ = mean T + r(v) = SM(v).
 */
public final class RegressionKriging {

    /**
     * Trend settings for ATARK: E §3.3 gives MSR and ATARK LST, FVC, LAI, albedo, SEE, lon, lat (no
     * DOY); one fit per date.
     */
    public static final CoarseToFineParameters DEFAULT_TREND = CoarseToFineParameters.defaults().withWindowDays(0)
            .withDayOfYear(false).withResidualCorrection(false);

    private final RegressorTrainer trainer;
    private final CoarseToFineParameters trend;
    private final AreaToPointKriging kriging;

    /**
     * @param trainer the trend method (MSR in paper E)
     * @param trend trend fitting settings; residual correction must be off, the kriging replaces it
     * @param kriging the residual kriging parameters
     */
    public RegressionKriging(RegressorTrainer trainer, CoarseToFineParameters trend, AtaParameters kriging) {
        if (trend == null) {
            throw ParameterException.missing("trend", "coarse-to-fine trend parameters");
        }
        if (trend.residualCorrection()) {
            throw new ParameterException("residualCorrection", true,
                    "false: ATARK corrects the trend by kriging its residuals instead");
        }
        this.trainer = trainer;
        this.trend = trend;
        this.kriging = new AreaToPointKriging(kriging);
    }

    /**
     * The downscaled series and its parts.
     *
     * @param ssm fine soil moisture T + r̂
     * @param trend the fine trend T and its models
     * @param coarseResiduals r(v) per date on the coarse grid
     * @param fineResiduals r̂(u) per date on the fine grid
     * @param variograms the deconvolved variogram of each date (null for a date without residuals)
     * @param systems distinct kriging systems solved, summed over dates
     */
    public record Result(GridSeries ssm, CoarseToFine.Result trend, GridSeries coarseResiduals,
            GridSeries fineResiduals, List<DeconvolvedVariogram> variograms, long systems) {}

    /**
     * Downscales {@code coarseSm}.
     *
     * @param coarseSm coarse soil moisture, dated, on a grid nesting the predictors' fine grid
     * @param predictors fine predictors (see {@link CoarseToFine#downscale})
     */
    public Result downscale(GridSeries coarseSm, List<Predictor> predictors, Monitor monitor) {
        CoarseToFine.Result trendResult = new CoarseToFine(trainer, trend)
                .downscale(coarseSm, predictors, monitor.stage(0, 0.3));
        GridSeries trendSeries = trendResult.ssm();
        GridGeometry fine = trendSeries.geometry();
        GridGeometry coarse = coarseSm.geometry();
        int[] cell = fine.coarseCellIndex(coarse);
        int dates = coarseSm.size();
        float[][] residualBands = new float[dates][];
        float[][] krigedBands = new float[dates][];
        float[][] ssmBands = new float[dates][];
        List<DeconvolvedVariogram> variograms = new ArrayList<>();
        long systems = 0;
        for (int d = 0; d < dates; d++) {
            Monitor date = monitor.stage(0.3 + 0.7 * d / dates, 0.7 / dates);
            date.checkpoint(0, 1);
            float[] t = trendSeries.band(d);
            float[] residual = coarseResiduals(coarseSm.band(d), t, cell);
            residualBands[d] = residual;
            float[] out = new float[t.length];
            java.util.Arrays.fill(out, Float.NaN);
            if (hasData(residual)) {
                KrigedResiduals k = kriging.krige(Grid.of(coarse, residual), fine, date);
                krigedBands[d] = k.fine().values();
                variograms.add(k.variogram());
                systems += k.systems();
                for (int i = 0; i < t.length; i++) {
                    out[i] = t[i] + krigedBands[d][i];
                }
            } else {
                krigedBands[d] = out.clone();
                variograms.add(null);
            }
            ssmBands[d] = out;
        }
        monitor.checkpoint(1, 1);
        return new Result(GridSeries.of(fine, coarseSm.dates(), ssmBands), trendResult,
                GridSeries.of(coarse, coarseSm.dates(), residualBands),
                GridSeries.of(fine, coarseSm.dates(), krigedBands), java.util.Collections.unmodifiableList(variograms),
                systems);
    }

    /** r(v) = SM(v) − mean of the valid trend values in v; NaN without coarse value or trend. */
    static float[] coarseResiduals(float[] coarse, float[] trend, int[] cell) {
        double[] sum = new double[coarse.length];
        int[] count = new int[coarse.length];
        for (int i = 0; i < trend.length; i++) {
            if (cell[i] >= 0 && !Float.isNaN(trend[i])) {
                sum[cell[i]] += trend[i];
                count[cell[i]]++;
            }
        }
        float[] r = new float[coarse.length];
        for (int c = 0; c < coarse.length; c++) {
            r[c] = count[c] == 0 || Float.isNaN(coarse[c]) ? Float.NaN : (float) (coarse[c] - sum[c] / count[c]);
        }
        return r;
    }

    private static boolean hasData(float[] values) {
        for (float v : values) {
            if (!Float.isNaN(v)) {
                return true;
            }
        }
        return false;
    }
}
