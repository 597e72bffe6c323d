package org.ssm.accuracy;

import java.util.List;
import org.ssm.algorithms.align.Resampling;
import org.ssm.algorithms.coarsetofine.CoarseToFine;
import org.ssm.algorithms.coarsetofine.CoarseToFineParameters;
import org.ssm.algorithms.dispatch.DisPATCh;
import org.ssm.algorithms.kriging.AtaParameters;
import org.ssm.algorithms.kriging.RegressionKriging;
import org.ssm.algorithms.learning.RegressorTrainer;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.algorithms.methods.Trainers;
import org.ssm.algorithms.pointsurface.FusionParameters;
import org.ssm.algorithms.pointsurface.PointSurfaceFusion;
import org.ssm.algorithms.learning.Predictor;
import org.ssm.algorithms.pointsurface.PredictorStack;
import org.ssm.core.Monitor;
import org.ssm.grid.CoordinateMap;
import org.ssm.grid.GridSeries;
import org.ssm.io.CrsTransforms;
import org.ssm.algorithms.nonlinear.LinkParameters;
import org.ssm.algorithms.nonlinear.NonlinearLinkDownscaler;
import org.ssm.scenario.DateRange;

/** The methods of the accuracy table, in its order: the baselines first. */
public final class TwinMethods {

    private TwinMethods() {}

    /** The coarse product resampled to the fine grid: what every downscaler has to beat. */
    public static final TwinMethod COARSE_BILINEAR = TwinMethod.of("coarse product, bilinear",
            (tc, m) -> tc.onFineGrid(tc.coarse(tc.validationSeason()), Resampling.BILINEAR));

    /** The coarse value repeated in its fine pixels: conserves the coarse means by construction. */
    public static final TwinMethod COARSE_NEAREST = TwinMethod.of("coarse product, nearest",
            (tc, m) -> tc.onFineGrid(tc.coarse(tc.validationSeason()), Resampling.NEAREST));

    /** DisPATCh with paper E's settings (E eq. 5–6). */
    public static final TwinMethod DISPATCH = TwinMethod.of("DisPATCh", (tc, m) -> {
        DateRange v = tc.validationSeason();
        return DisPATCh.PAPER_E.downscale(tc.coarse(v), tc.lst(v), tc.fvc(v), tc.scenario().dem(), m);
    });

    /** The SEE/NMDI linking model of paper D (eq. 2–6) with its defaults; swath gaps filled by eq. 6. */
    public static final TwinMethod NONLINEAR_LINK = TwinMethod.of("non-linear link (SEE, NMDI)", (tc, m) -> {
        DateRange v = tc.validationSeason();
        return new NonlinearLinkDownscaler(LinkParameters.PAPER_D).downscale(tc.coarse(v), tc.see(v), tc.nmdi(v), m)
                .ssm();
    });

    /**
     * Coarse-to-fine regression (papers C and E §3.2) by {@code method} with the trainer's defaults, on
     * E's predictors that the scenario has (LST, FVC, albedo, SEE; lon, lat and DOY added by the
     * algorithm; no LAI), one model pooled over the season.
     */
    public static TwinMethod coarseToFine(String method, boolean residualCorrection) {
        return coarseToFine(method, TrainerOptions.DEFAULTS, residualCorrection, "");
    }

    /** {@link #coarseToFine(String, boolean)} with trainer options, named with {@code suffix}. */
    public static TwinMethod coarseToFine(String method, TrainerOptions options, boolean residualCorrection,
            String suffix) {
        String name = method + " coarse-to-fine" + suffix + (residualCorrection ? " + residual correction" : "");
        return TwinMethod.of(name, (tc, m) -> {
            DateRange v = tc.validationSeason();
            CoarseToFineParameters parameters = CoarseToFineParameters.defaults()
                    .withResidualCorrection(residualCorrection);
            return new CoarseToFine(Trainers.create("method", method, options), parameters)
                    .downscale(tc.coarse(v), paperEPredictors(tc, v), m).ssm();
        });
    }

    /** ATARK (E §3.2.5): a per-date MSR trend (E §3.3) plus area-to-point kriging of the coarse residuals. */
    public static final TwinMethod ATARK = atark("ATARK", RegressionKriging.DEFAULT_TREND);

    /**
     * ATARK with one MSR trend pooled over the season, day of year included: with 30-48 coarse cells
     * a date, a per-date stepwise polynomial has almost as many candidate terms as samples.
     */
    public static final TwinMethod ATARK_POOLED = atark("ATARK, pooled MSR trend",
            RegressionKriging.DEFAULT_TREND.withWindowDays(CoarseToFineParameters.POOLED).withDayOfYear(true));

    private static TwinMethod atark(String name, CoarseToFineParameters trend) {
        return TwinMethod.of(name, (tc, m) -> {
            DateRange v = tc.validationSeason();
            return new RegressionKriging(trainer("MSR"), trend, AtaParameters.defaults())
                    .downscale(tc.coarse(v), paperEPredictors(tc, v), m).ssm();
        });
    }

    /**
     * Point-surface fusion (papers A and B §3.4, eq. 7) by {@code method} with the trainer's defaults:
     * trained on the training season at the station pixels, applied to the validation season (B's
     * split). Predictors as in B: the gap-free reanalysis product (resampled bilinearly by the
     * predictor stack; the PM product's swath gaps would leave every gap pixel without a value), LST,
     * NDVI, albedo, precipitation and day of year.
     *
     * @param screened train on the stations the scenario left healthy (what ETC screening keeps, paper
     *     A) rather than on all of them
     */
    public static TwinMethod pointSurface(String method, boolean screened) {
        String name = method + " point-surface" + (screened ? "" : ", unscreened stations");
        return TwinMethod.of(name, (tc, m) -> {
            List<Predictor> predictors = List.of(new Predictor("reanalysis_ssm", tc.bothSeasons(tc::reanalysis)),
                    new Predictor("lst", tc.bothSeasons(tc::lst)), new Predictor("ndvi", tc.bothSeasons(tc::ndvi)),
                    new Predictor("albedo", tc.bothSeasons(tc::albedo)),
                    new Predictor("rain", tc.bothSeasons(tc::rain)));
            PredictorStack stack = PredictorStack.align(predictors, true, null, null, (a, b) -> CoordinateMap.IDENTITY,
                    Monitor.NONE);
            DateRange training = tc.trainingSeason();
            FusionParameters parameters = FusionParameters.defaults().withTrainingPeriod(training.start(),
                    training.end());
            GridSeries ssm = new PointSurfaceFusion(parameters).run(stack, screened ? tc.healthyStations()
                    : tc.stations(), CrsTransforms.between("stations", "EPSG:4326", tc.fineGrid().crs()),
                    trainer(method), m).ssm();
            return TwinCase.in(ssm, tc.validationSeason());
        });
    }

    private static RegressorTrainer trainer(String method) {
        return Trainers.create("method", method, TrainerOptions.DEFAULTS);
    }

    private static List<Predictor> paperEPredictors(TwinCase tc, DateRange v) {
        return List.of(new Predictor("lst", tc.lst(v)), new Predictor("fvc", tc.fvc(v)),
                new Predictor("albedo", tc.albedo(v)), new Predictor("see", tc.see(v)));
    }

    /** The reanalysis-like product resampled bilinearly: the coarse predictor of the point-surface methods. */
    public static final TwinMethod REANALYSIS_BILINEAR = TwinMethod.of("reanalysis product, bilinear",
            (tc, m) -> tc.onFineGrid(tc.reanalysis(tc.validationSeason()), Resampling.BILINEAR));

    /** Every method, in table order. */
    public static List<TwinMethod> all() {
        return List.of(COARSE_BILINEAR, COARSE_NEAREST, REANALYSIS_BILINEAR, pointSurface("RF", true),
                pointSurface("GBDT", true), pointSurface("DBN", true), pointSurface("BPNN", true),
                pointSurface("DBN", false), DISPATCH, NONLINEAR_LINK, coarseToFine("MSR", false),
                coarseToFine("MSR", true),
                coarseToFine("MSR", TrainerOptions.DEFAULTS.with("interactions", false), false, ", no interactions"),
                coarseToFine("GPR", false), coarseToFine("RF", false),
                coarseToFine("GBDT", false), coarseToFine("RF", true), ATARK, ATARK_POOLED);
    }
}
