package org.ssm.algorithms.nonlinear;

import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DiagonalMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.util.Pair;
import org.ssm.core.ParameterException;

/**
 * The weighted least-squares fit of the linking model (eq. 2) to coarse observations, paper D
 * §2.2.2, eq. 3: χ² = Σ_d Σ_i w_i · (SSM_ob,i,d − SSM_mod,i,d)², minimised by Levenberg–Marquardt
 * (Commons Math {@link LevenbergMarquardtOptimizer}, weights as a diagonal weight matrix).
 *
 * <p>Choices where the paper is silent:
 *
 * <ul>
 *   <li><b>Start:</b> b = 0, where eq. 2 is linear in L = ln(1 − SEE); a and c are then the weighted
 *       linear regression of SSM on L, in closed form. A sample set whose L has no spread gives
 *       {@link FitOutcome#FLAT_SEE}.
 *   <li><b>Pole:</b> b is kept where 1 − b·NMDI ≥ {@link #MIN_DENOMINATOR} for every sample (a
 *       parameter validator clamps it after each step).
 *   <li><b>Convergence:</b> the optimizer's defaults (relative cost, parameter and orthogonality
 *       tolerances 1e-10), at most {@link #MAX_ITERATIONS} iterations and {@link #MAX_EVALUATIONS}
 *       evaluations.
 *   <li><b>Identifiability:</b> when NMDI varies little over the window, the columns ∂/∂a and ∂/∂b of
 *       the Jacobian are nearly proportional and b is not determined. The fit then falls back to the
 *       nested model b = 0 (the start point, {@link FitOutcome#LINEAR}) whenever the condition number
 *       of the column-scaled weighted Jacobian at the optimum exceeds {@link #MAX_CONDITION}, the
 *       optimum lies on the pole bound, or the optimizer does not converge. On the twin experiment
 *       this is most fits (docs/algorithms/nonlinear-link.md), and it keeps those pixels downscaled
 *       by the SEE terms of eq. 5 instead of leaving them empty.
 * </ul>
 *
 * @param outcome how the fit ended
 * @param model the fitted model, or {@code null} unless {@code outcome} {@link FitOutcome#hasModel() has one}
 * @param samples number of samples used
 * @param evaluations model evaluations spent by Levenberg–Marquardt (0 when it did not run or failed)
 * @param rms weighted root-mean-square residual √(χ² / Σw), m³/m³; NaN without a model
 */
public record LinkFit(FitOutcome outcome, LinkingModel model, int samples, int evaluations, double rms) {

    /** Smallest 1 − b·NMDI allowed at any sample. */
    public static final double MIN_DENOMINATOR = 0.1;
    /** Largest condition number of the column-scaled weighted Jacobian at the optimum. */
    public static final double MAX_CONDITION = 1e8;
    /** Iteration limit of Levenberg–Marquardt. */
    public static final int MAX_ITERATIONS = 200;
    /** Evaluation limit of Levenberg–Marquardt. */
    public static final int MAX_EVALUATIONS = 1000;
    /** Parameters of eq. 2; a fit needs more samples than this. */
    public static final int PARAMETERS = 3;
    /** Smallest weighted standard deviation of ln(1 − SEE) that still determines a. */
    static final double MIN_LOG_SPREAD = 1e-6;

    public LinkFit {
        if (outcome.hasModel() != (model != null)) {
            throw new IllegalArgumentException("a model exactly when fitted, not " + outcome + " with " + model);
        }
    }

    /** Whether a model was fitted. */
    public boolean fitted() {
        return outcome.hasModel();
    }

    /**
     * Fits eq. 2 to {@code samples} by minimising eq. 3.
     *
     * @param samples the weighted coarse observations; each SEE must be below 1
     * @param minSamples fewest samples for a fit, more than {@link #PARAMETERS}
     */
    public static LinkFit of(LinkSamples samples, int minSamples) {
        ParameterException.requireInRange("minSamples", minSamples, PARAMETERS + 1, Integer.MAX_VALUE);
        int n = samples.size();
        if (n < minSamples) {
            return failed(FitOutcome.TOO_FEW_SAMPLES, n);
        }
        double[] log = new double[n];
        double[] nmdi = new double[n];
        double[] target = new double[n];
        double[] weight = new double[n];
        double nmdiMin = Double.POSITIVE_INFINITY;
        double nmdiMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            log[i] = Math.log1p(-samples.see(i));
            nmdi[i] = samples.nmdi(i);
            target[i] = samples.ssm(i);
            weight[i] = samples.weight(i);
            nmdiMin = Math.min(nmdiMin, nmdi[i]);
            nmdiMax = Math.max(nmdiMax, nmdi[i]);
        }
        double[] start = linearStart(log, target, weight);
        if (start == null) {
            return failed(FitOutcome.FLAT_SEE, n);
        }
        LinkFit linear = linear(start, log, target, weight, n);
        double bMax = nmdiMax > 0 ? (1 - MIN_DENOMINATOR) / nmdiMax : Double.POSITIVE_INFINITY;
        double bMin = nmdiMin < 0 ? (1 - MIN_DENOMINATOR) / nmdiMin : Double.NEGATIVE_INFINITY;
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(new double[] {start[0], 0, start[1]})
                .model(model(log, nmdi))
                .target(target)
                .weight(new DiagonalMatrix(weight))
                .parameterValidator(p -> {
                    RealVector v = p.copy();
                    v.setEntry(1, Math.max(bMin, Math.min(bMax, p.getEntry(1))));
                    return v;
                })
                .maxIterations(MAX_ITERATIONS)
                .maxEvaluations(MAX_EVALUATIONS)
                .lazyEvaluation(false)
                .build();
        LeastSquaresOptimizer.Optimum optimum;
        try {
            optimum = new LevenbergMarquardtOptimizer().optimize(problem);
        } catch (TooManyEvaluationsException | TooManyIterationsException | ConvergenceException e) {
            return linear;
        }
        double[] p = optimum.getPoint().toArray();
        if (!(Double.isFinite(p[0]) && Double.isFinite(p[1]) && Double.isFinite(p[2]))
                || atBound(p[1], bMax) || atBound(p[1], bMin)
                || !(scaledCondition(optimum.getJacobian()) < MAX_CONDITION)) {
            return linear;
        }
        // getCost() is the weighted residual norm √χ².
        double rms = Math.sqrt(optimum.getCost() * optimum.getCost() / sum(weight));
        return new LinkFit(FitOutcome.NONLINEAR, new LinkingModel(p[0], p[1], p[2]), n, optimum.getEvaluations(),
                rms);
    }

    /** The fit with b = 0, from the closed-form start (a, c). */
    private static LinkFit linear(double[] start, double[] log, double[] target, double[] weight, int n) {
        double chi2 = 0;
        for (int i = 0; i < n; i++) {
            double r = target[i] - (start[0] * log[i] + start[1]);
            chi2 += weight[i] * r * r;
        }
        return new LinkFit(FitOutcome.LINEAR, new LinkingModel(start[0], 0, start[1]), n, 0,
                Math.sqrt(chi2 / sum(weight)));
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static LinkFit failed(FitOutcome outcome, int samples) {
        return new LinkFit(outcome, null, samples, 0, Double.NaN);
    }

    /** Values of eq. 2 at the samples and the Jacobian with respect to (a, b, c). */
    private static MultivariateJacobianFunction model(double[] log, double[] nmdi) {
        return point -> {
            double a = point.getEntry(0);
            double b = point.getEntry(1);
            double c = point.getEntry(2);
            int n = log.length;
            double[] value = new double[n];
            double[][] jacobian = new double[n][PARAMETERS];
            for (int i = 0; i < n; i++) {
                double d = 1 - b * nmdi[i];
                double term = log[i] / d;
                value[i] = a * term + c;
                jacobian[i][0] = term;
                jacobian[i][1] = a * term * nmdi[i] / d;
                jacobian[i][2] = 1;
            }
            return new Pair<RealVector, RealMatrix>(new ArrayRealVector(value, false),
                    new Array2DRowRealMatrix(jacobian, false));
        };
    }

    /** (a, c) of the weighted regression of SSM on L = ln(1 − SEE), or {@code null} when L is flat. */
    static double[] linearStart(double[] log, double[] target, double[] weight) {
        double sw = 0;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < log.length; i++) {
            sw += weight[i];
            mx += weight[i] * log[i];
            my += weight[i] * target[i];
        }
        mx /= sw;
        my /= sw;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < log.length; i++) {
            double dx = log[i] - mx;
            sxx += weight[i] * dx * dx;
            sxy += weight[i] * dx * (target[i] - my);
        }
        if (!(Math.sqrt(sxx / sw) > MIN_LOG_SPREAD)) {
            return null;
        }
        double a = sxy / sxx;
        return new double[] {a, my - a * mx};
    }

    private static boolean atBound(double b, double bound) {
        return Double.isFinite(bound) && Math.abs(b - bound) <= 1e-9 * Math.max(1, Math.abs(bound));
    }

    /** Condition number of {@code jacobian} after scaling each column to unit Euclidean length. */
    static double scaledCondition(RealMatrix jacobian) {
        RealMatrix scaled = jacobian.copy();
        for (int j = 0; j < scaled.getColumnDimension(); j++) {
            double norm = scaled.getColumnVector(j).getNorm();
            if (!(norm > 0) || !Double.isFinite(norm)) {
                return Double.POSITIVE_INFINITY;
            }
            for (int i = 0; i < scaled.getRowDimension(); i++) {
                scaled.multiplyEntry(i, j, 1 / norm);
            }
        }
        return new SingularValueDecomposition(scaled).getConditionNumber();
    }
}
