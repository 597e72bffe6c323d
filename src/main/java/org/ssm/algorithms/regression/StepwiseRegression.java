package org.ssm.algorithms.regression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.FDistribution;
import org.ssm.algorithms.learning.RegressorTrainer;
import org.ssm.algorithms.learning.TrainerOptions;
import org.ssm.algorithms.learning.TrainingSet;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;

/**
 * Multivariate statistical regression (MSR) by stepwise selection, paper E §3.2.1 eq. 4: the
 * candidate terms are the predictors A_m and, with interactions, every product A_i·A_j with i ≥ j
 * (squares included); the selected terms are fitted by ordinary least squares.
 *
 * <p>Selection follows Efroymson's stepwise procedure with partial F-tests (the criterion of MATLAB's
 * {@code stepwiselm}, as used by Piles et al. 2016 whom paper E follows), with one rule of entry
 * from the hierarchy principle: a product A_i·A_j (or a square) is a candidate only while A_i and
 * A_j are in the model. Without it, products fitted on coarse averages of the predictors stand in
 * for main effects and extrapolate wildly at the fine scale, where the predictors range wider
 * ({@code docs/accuracy.md}: ubRMSE 0.059 without the rule, 0.055 with it, on the demo twin). The
 * rule applies at entry only: a factor may leave later when the product carries its effect
 * (enforcing the rule at removal too gave 0.059 again). Starting from the
 * intercept alone, the candidate whose addition reduces the residual sum of squares most enters if
 * the p-value of its partial F statistic F = (RSS_S − RSS_S+j) / (RSS_S+j / (n − |S| − 2)), with 1
 * and n − |S| − 2 degrees of freedom, is below {@code pEnter}; after each entry, the term whose
 * removal costs least leaves while its p-value exceeds {@code pRemove} (or, once the fit is exact,
 * while the fit stays exact without it). Selection stops when no
 * candidate qualifies, at {@code maxTerms} terms, when fewer than two residual degrees of freedom
 * would remain, or when the model already explains all but 10⁻¹² of the variance (further F-tests
 * would only compare rounding errors).
 *
 * <p>Every subset is solved from one pass over the data: the centred cross-products of all
 * candidate terms are accumulated once, and each trial fit is a Cholesky solve of the sub-matrix of
 * the selected terms. A candidate that is (numerically) a linear combination of the selected terms
 * — its residual variance below 10⁻¹⁰ of its variance — is skipped.
 */
public final class StepwiseRegression implements RegressorTrainer {

    /** Fraction of the variance below which a fit is taken as exact and selection stops. */
    static final double EXACT_FIT = 1e-12;
    /** Relative residual variance below which a candidate counts as collinear with the selection. */
    static final double COLLINEAR = 1e-10;

    private final StepwiseParameters parameters;

    public StepwiseRegression(StepwiseParameters parameters) {
        if (parameters == null) {
            throw ParameterException.missing("parameters", "stepwise regression parameters");
        }
        this.parameters = parameters;
    }

    @Override
    public String method() {
        return "MSR";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("criterion", "partial F-test");
        m.put("pEnter", parameters.pEnter());
        m.put("pRemove", parameters.pRemove());
        m.put("maxTerms", parameters.maxTerms());
        m.put("interactions", parameters.interactions());
        return m;
    }

    /**
     * Whether candidate {@code j} may enter under the hierarchy rule: a product A_i·A_j only once
     * A_i and A_j are in the model (linear candidates come first, so index m is A_m).
     */
    static boolean parentsIn(int[][] candidates, boolean[] in, int j) {
        for (int parent : candidates[j]) {
            if (candidates[j].length == 2 && !in[parent]) {
                return false;
            }
        }
        return true;
    }

    /** The candidate terms of eq. 4 for {@code columns} predictors: linear first, then products i ≥ j. */
    static int[][] candidates(int columns, boolean interactions) {
        List<int[]> terms = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            terms.add(new int[] {i});
        }
        if (interactions) {
            for (int i = 0; i < columns; i++) {
                for (int j = 0; j <= i; j++) {
                    terms.add(new int[] {i, j});
                }
            }
        }
        return terms.toArray(new int[0][]);
    }

    /**
     * The trainer configured by a client's options (names as in {@link StepwiseParameters#fromOptions}),
     * registered as method "MSR" in {@link org.ssm.algorithms.methods.Trainers}.
     */
    public static StepwiseRegression of(TrainerOptions options) {
        return new StepwiseRegression(StepwiseParameters.fromOptions(options));
    }

    @Override
    public PolynomialRegressor fit(TrainingSet data, Monitor monitor) {
        return fit(data.features(), data.columns(), data.targets(), monitor);
    }

    /** Fits eq. 4 to row-major predictors {@code x} ({@code y.length} rows of {@code columns}) and targets {@code y}. */
    public PolynomialRegressor fit(double[] x, int columns, double[] y, Monitor monitor) {
        int n = y.length;
        if (columns < 1 || x.length != (long) n * columns) {
            throw new IllegalArgumentException(x.length + " predictor values for " + n + " rows of " + columns);
        }
        if (n < 3) {
            throw ParameterException.because("samples", n + " sample(s); a regression needs at least 3");
        }
        int[][] candidates = candidates(columns, parameters.interactions());
        CrossProducts sums = CrossProducts.of(x, columns, y, candidates);
        List<Integer> selected = new ArrayList<>();
        boolean[] in = new boolean[candidates.length];
        double rss = sums.syy();
        int maxTerms = Math.min(parameters.maxTerms(), n - 2);
        int maxSteps = 4 * candidates.length + 4;
        for (int step = 0; step < maxSteps; step++) {
            monitor.checkpoint(step, maxSteps);
            if (selected.size() >= maxTerms || rss <= EXACT_FIT * sums.syy()) {
                break;
            }
            int best = -1;
            double bestRss = rss;
            for (int j = 0; j < candidates.length; j++) {
                if (!in[j] && parentsIn(candidates, in, j)) {
                    selected.add(j);
                    double trial = sums.rss(selected);
                    selected.remove(selected.size() - 1);
                    if (trial < bestRss) {
                        bestRss = trial;
                        best = j;
                    }
                }
            }
            int df = n - selected.size() - 2;
            if (best < 0 || df < 1 || pValue((rss - bestRss) / (bestRss / df), df) >= parameters.pEnter()) {
                break;
            }
            selected.add(best);
            in[best] = true;
            rss = bestRss;
            rss = removeWeakTerms(sums, selected, in, rss, n);
        }
        monitor.checkpoint(maxSteps, maxSteps);
        return sums.polynomial(columns, candidates, selected);
    }

    /** Removes, one at a time, the term whose removal costs least while its p-value exceeds pRemove. */
    private double removeWeakTerms(CrossProducts sums, List<Integer> selected, boolean[] in, double rss, int n) {
        while (selected.size() > 1) {
            int worst = -1;
            double worstRss = Double.POSITIVE_INFINITY;
            for (int k = 0; k < selected.size(); k++) {
                List<Integer> without = new ArrayList<>(selected);
                without.remove(k);
                double trial = sums.rss(without);
                if (trial < worstRss) {
                    worstRss = trial;
                    worst = k;
                }
            }
            int df = n - selected.size() - 1;
            boolean exact = rss <= EXACT_FIT * sums.syy();
            // Once the fit is exact F compares rounding errors: a term leaves only if the fit stays exact without it.
            boolean weak = exact ? worstRss <= EXACT_FIT * sums.syy()
                    : pValue((worstRss - rss) / (rss / df), df) > parameters.pRemove();
            if (worst < 0 || !weak) {
                return rss;
            }
            in[selected.remove(worst)] = false;
            rss = worstRss;
        }
        return rss;
    }

    /** Upper-tail probability of F(1, df) at {@code f}. */
    static double pValue(double f, int df) {
        if (!(f > 0)) {
            return 1;
        }
        if (Double.isInfinite(f)) {
            return 0;
        }
        return 1 - new FDistribution(null, 1, df).cumulativeProbability(f);
    }

    /**
     * Centred sums of squares and cross-products of every candidate term and the target, from which
     * any subset is fitted without another pass over the data.
     */
    private record CrossProducts(double[] termMean, double yMean, double[][] gram, double[] xty, double syy) {

        static CrossProducts of(double[] x, int columns, double[] y, int[][] candidates) {
            int n = y.length;
            int t = candidates.length;
            double[] mean = new double[t];
            double yMean = 0;
            for (int r = 0; r < n; r++) {
                int offset = r * columns;
                for (int j = 0; j < t; j++) {
                    mean[j] += PolynomialRegressor.termValue(candidates[j], x, offset);
                }
                yMean += y[r];
            }
            for (int j = 0; j < t; j++) {
                mean[j] /= n;
            }
            yMean /= n;
            double[][] gram = new double[t][t];
            double[] xty = new double[t];
            double syy = 0;
            double[] z = new double[t];
            for (int r = 0; r < n; r++) {
                int offset = r * columns;
                for (int j = 0; j < t; j++) {
                    z[j] = PolynomialRegressor.termValue(candidates[j], x, offset) - mean[j];
                }
                double dy = y[r] - yMean;
                syy += dy * dy;
                for (int j = 0; j < t; j++) {
                    double zj = z[j];
                    xty[j] += zj * dy;
                    double[] row = gram[j];
                    for (int k = 0; k <= j; k++) {
                        row[k] += zj * z[k];
                    }
                }
            }
            for (int j = 0; j < t; j++) {
                for (int k = 0; k < j; k++) {
                    gram[k][j] = gram[j][k];
                }
            }
            return new CrossProducts(mean, yMean, gram, xty, syy);
        }

        /** RSS of the least-squares fit on {@code terms}; +∞ when a term is collinear with the others. */
        double rss(List<Integer> terms) {
            double[] b = solve(terms);
            if (b == null) {
                return Double.POSITIVE_INFINITY;
            }
            double explained = 0;
            for (int k = 0; k < b.length; k++) {
                explained += b[k] * xty[terms.get(k)];
            }
            return Math.max(0, syy - explained);
        }

        /** Least-squares coefficients on the centred terms, or null when the sub-matrix is singular. */
        double[] solve(List<Integer> terms) {
            int m = terms.size();
            double[][] l = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = gram[terms.get(i)][terms.get(j)];
                    for (int k = 0; k < j; k++) {
                        s -= l[i][k] * l[j][k];
                    }
                    if (i == j) {
                        double diag = gram[terms.get(i)][terms.get(i)];
                        if (!(s > COLLINEAR * diag) || !(diag > 0)) {
                            return null;
                        }
                        l[i][i] = Math.sqrt(s);
                    } else {
                        l[i][j] = s / l[j][j];
                    }
                }
            }
            double[] b = new double[m];
            for (int i = 0; i < m; i++) {
                double s = xty[terms.get(i)];
                for (int k = 0; k < i; k++) {
                    s -= l[i][k] * b[k];
                }
                b[i] = s / l[i][i];
            }
            for (int i = m - 1; i >= 0; i--) {
                double s = b[i];
                for (int k = i + 1; k < m; k++) {
                    s -= l[k][i] * b[k];
                }
                b[i] = s / l[i][i];
            }
            return b;
        }

        PolynomialRegressor polynomial(int columns, int[][] candidates, List<Integer> selected) {
            double[] b = selected.isEmpty() ? new double[0] : solve(selected);
            int[][] terms = new int[selected.size()][];
            double intercept = yMean;
            for (int k = 0; k < terms.length; k++) {
                int j = selected.get(k);
                terms[k] = candidates[j];
                intercept -= b[k] * termMean[j];
            }
            return new PolynomialRegressor(columns, terms, b, intercept);
        }
    }
}
