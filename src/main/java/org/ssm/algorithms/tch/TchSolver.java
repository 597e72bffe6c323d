package org.ssm.algorithms.tch;

import java.util.Arrays;

/**
 * The constrained minimisation of paper E §3.5 (eq. 22–25, after Galindo and Palacio 1999) for one
 * pixel: from the (N−1)×(N−1) covariance S of the differences to the reference product N, the N×N
 * error covariance R of the products.
 *
 * <p>The free unknowns are the last column of R, x = (R_1N, …, R_N−1,N, R_NN). Eq. 22, S = J R Jᵀ
 * with J = [I −U], reads S_ij = R_ij − R_iN − R_jN + R_NN, so the rest of R follows:
 *
 * <pre>R_ij = S_ij − R_NN + R_iN + R_jN   (i, j &lt; N)</pre>
 *
 * <p>Every R_ij is affine in x, so the objective of eq. 23, F = (1/K²) Σ_{i&lt;j} R_ij² with
 * K = |S|^{1/(N−1)}, is a convex quadratic ½xᵀAx + gᵀx + c (up to the factor 2/K²), with A fixed by N.
 * The constraint of eq. 24, G = −|R| / (|S|·K) &lt; 0, is the positive definiteness of R (Tavella and
 * Premoli 1994): congruence by [[I, −U], [0, 1]] (determinant 1) turns R into
 * [[S, w], [wᵀ, R_NN]] with w_i = R_iN − R_NN, hence
 *
 * <pre>|R| = |S| · H(x),   H(x) = R_NN − wᵀ S⁻¹ w,   G = −H / K</pre>
 *
 * <p>and, S being positive definite, R is positive definite exactly when H &gt; 0. H is concave, so the
 * problem is convex with a unique minimum, which the solver finds as follows:
 *
 * <ol>
 *   <li>Start at the initial value of eq. 25, R_iN = 0 (i &lt; N), R_NN = 1/(2 S*), S* = Uᵀ S⁻¹ U, which
 *       is strictly feasible: there H = 1/(4 S*) &gt; 0.
 *   <li>Take a Newton step on F. F being quadratic, the step lands on its unconstrained minimum. If
 *       that point has G &lt; 0 it is the solution (the Kuhn–Tucker multiplier is 0).
 *   <li>Otherwise the minimum lies on the boundary G = 0 and satisfies the Kuhn–Tucker conditions
 *       ∇F = μ ∇H with μ &gt; 0: x(μ) solves (A + μB) x = −g + μ e_N, where ∇H = e_N − Bx, and
 *       H(x(μ)) increases with μ (its derivative is ∇Hᵀ(A + μB)⁻¹∇H), so a safeguarded Newton search on
 *       H(x(μ)) = 0 finds μ ({@link #kuhnTucker}) until |G| ≤ {@code tolerance}.
 * </ol>
 *
 * <p>The work is done on S/K (determinant 1), so the tolerance on G is free of units. One solver holds
 * the workspace of one thread; it is not thread-safe.
 */
final class TchSolver {

    /**
     * Relative size of a Cholesky pivot of S below which S counts as singular: differences that are
     * linearly dependent to within float rounding of the inputs (identical products).
     */
    static final double SINGULAR_PIVOT = 1e-10;

    /** Least growth of μ per step while no feasible μ is known. */
    static final double EXPANSION = 8;

    /**
     * Relative width of the bracket on μ at which rounding, not the iteration, limits G; x then moves
     * by about this fraction of itself.
     */
    static final double PINNED = 1e-10;

    private final int products;
    private final int n;
    private final int maxIterations;
    private final double tolerance;
    /** A of eq. 23 as a quadratic (N×N, row-major), which depends only on N, and its Cholesky factor. */
    private final double[] hessian;
    private final double[] hessianLower;

    private final double[] sHat;
    private final double[] lower;
    private final double[] sInverse;
    /** B = 2 Pᵀ Ŝ⁻¹ P, the Hessian of −H. */
    private final double[] bMatrix;
    private final double[] g;
    private final double[] x;
    private final double[] gradient;
    private final double[] work;
    private final double[] system;
    private final double[] systemLower;
    private final double[] rhs;
    /** x and H at the feasible end of the bracket on μ. */
    private final double[] feasible;
    private double feasibleH;

    private double scale;
    private double h;
    private int iterations;

    TchSolver(int products, int maxIterations, double tolerance) {
        this.products = products;
        this.n = products - 1;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.hessian = hessian(products);
        this.hessianLower = new double[products * products];
        if (!cholesky(hessian, products, hessianLower)) {
            throw new IllegalStateException("the Hessian of eq. 23 is not positive definite for N = " + products);
        }
        sHat = new double[n * n];
        lower = new double[n * n];
        sInverse = new double[n * n];
        bMatrix = new double[products * products];
        g = new double[products];
        x = new double[products];
        gradient = new double[products];
        work = new double[products];
        system = new double[products * products];
        systemLower = new double[products * products];
        rhs = new double[products];
        feasible = new double[products];
    }

    /**
     * A of F·K² = xᵀAx + 2gᵀx + c: the terms R_iN² (i &lt; N) give the identity on the first N−1
     * unknowns; each pair i &lt; j &lt; N gives (e_i + e_j − e_N)(e_i + e_j − e_N)ᵀ.
     */
    static double[] hessian(int products) {
        int m = products - 1;
        double[] a = new double[products * products];
        for (int i = 0; i < m; i++) {
            a[i * products + i] += 1;
        }
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                int[] idx = {i, j, m};
                double[] coef = {1, 1, -1};
                for (int u = 0; u < 3; u++) {
                    for (int v = 0; v < 3; v++) {
                        a[idx[u] * products + idx[v]] += coef[u] * coef[v];
                    }
                }
            }
        }
        return a;
    }

    /**
     * Solves for the covariance {@code s} of the differences ((N−1)×(N−1), row-major, symmetric).
     *
     * @param variances receives the diagonal of R (N values) when solved
     */
    TchOutcome solve(double[] s, double[] variances) {
        iterations = 0;
        if (!factorS(s)) {
            return TchOutcome.SINGULAR_DIFFERENCES;
        }
        // g of F·K²: pair (i, j) contributes S_ij (e_i + e_j − e_N).
        Arrays.fill(g, 0);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double sij = sHat[i * n + j];
                g[i] += sij;
                g[j] += sij;
                g[n] -= sij;
            }
        }
        initialValue(x);
        // Newton step from eq. 25: x ← x − A⁻¹(Ax + g), exact for a quadratic.
        for (int i = 0; i < products; i++) {
            double ax = 0;
            for (int j = 0; j < products; j++) {
                ax += hessian[i * products + j] * x[j];
            }
            work[i] = ax + g[i];
        }
        solveCholesky(hessianLower, products, work);
        for (int i = 0; i < products; i++) {
            x[i] -= work[i];
        }
        iterations = 1;
        h = constraintH(x);
        TchOutcome outcome = TchOutcome.SOLVED;
        if (!(h > 0)) {
            outcome = kuhnTucker();
            if (outcome != TchOutcome.SOLVED_ON_BOUNDARY) {
                return outcome;
            }
        }
        for (int i = 0; i < n; i++) {
            variances[i] = scale * (sHat[i * n + i] - x[n] + 2 * x[i]);
        }
        variances[n] = scale * x[n];
        return outcome;
    }

    /** Eq. 25 in the scaled unknowns: R_iN = 0 (i &lt; N), R_NN = 1/(2 S*), S* = Uᵀ Ŝ⁻¹ U. */
    void initialValue(double[] out) {
        Arrays.fill(out, 0);
        for (int i = 0; i < n; i++) {
            work[i] = 1;
        }
        forward(lower, n, work);
        double sStar = 0;
        for (int i = 0; i < n; i++) {
            sStar += work[i] * work[i];
        }
        out[n] = 1 / (2 * sStar);
    }

    /** Cholesky of S with the singularity test; fills {@link #scale} = K and the scaled Ŝ = S/K and its factor. */
    private boolean factorS(double[] s) {
        double logDet = 0;
        for (int j = 0; j < n; j++) {
            double diagonal = s[j * n + j];
            double d = diagonal;
            for (int k = 0; k < j; k++) {
                d -= lower[j * n + k] * lower[j * n + k];
            }
            if (!(diagonal > 0) || !(d > SINGULAR_PIVOT * diagonal) || Double.isInfinite(d)) {
                return false;
            }
            double ljj = Math.sqrt(d);
            lower[j * n + j] = ljj;
            logDet += 2 * Math.log(ljj);
            for (int i = j + 1; i < n; i++) {
                double v = s[i * n + j];
                for (int k = 0; k < j; k++) {
                    v -= lower[i * n + k] * lower[j * n + k];
                }
                lower[i * n + j] = v / ljj;
            }
        }
        scale = Math.exp(logDet / n);
        if (!(scale > 0) || Double.isInfinite(scale)) {
            return false;
        }
        double rootScale = Math.sqrt(scale);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sHat[i * n + j] = s[i * n + j] / scale;
                lower[i * n + j] = j <= i ? lower[i * n + j] / rootScale : 0;
            }
        }
        return true;
    }

    /** H(x) = x_N − wᵀŜ⁻¹w with w_i = x_i − x_N; −H is G of eq. 24 in the scaled unknowns. */
    private double constraintH(double[] at) {
        for (int i = 0; i < n; i++) {
            work[i] = at[i] - at[n];
        }
        forward(lower, n, work);
        double q = 0;
        for (int i = 0; i < n; i++) {
            q += work[i] * work[i];
        }
        return at[n] - q;
    }

    /**
     * The boundary case: the Kuhn–Tucker multiplier μ &gt; 0 with H(x(μ)) = 0. Far below the root H(x(μ))
     * often rises like −1/μ², where a Newton step only multiplies μ by 1.5, so until a feasible μ is
     * found each step multiplies μ by at least {@link #EXPANSION}. Then Newton's method runs inside the bracket, with
     * bisection whenever a step would leave it or shrink it too slowly (rtsafe of Press et al.). It
     * stops when |G| ≤ tolerance, or when the bracket has shrunk to rounding (an ill-conditioned S
     * can keep |G| a little above a tight tolerance), then on its feasible end.
     */
    private TchOutcome kuhnTucker() {
        invertS();
        double low = 0;
        double high = Double.NaN;
        double mu = 0;
        if (!solveAt(mu)) {
            return TchOutcome.NOT_CONVERGED;
        }
        double value = constraintH(x);
        double slope = slope();
        double step = Double.POSITIVE_INFINITY;
        double lastStep = Double.POSITIVE_INFINITY;
        while (iterations < maxIterations) {
            double newton = mu - value / slope;
            double next;
            if (Double.isNaN(high)) {
                next = Math.max(Double.isFinite(newton) ? newton : 0, EXPANSION * low);
                if (!(next > low)) {
                    next = low > 0 ? EXPANSION * low : 1;
                }
            } else if (!(newton > low && newton < high) || Math.abs(2 * value) > Math.abs(lastStep * slope)) {
                lastStep = step;
                step = 0.5 * (high - low);
                next = low + step;
            } else {
                lastStep = step;
                step = Math.abs(newton - mu);
                next = newton;
            }
            mu = next;
            iterations++;
            if (!Double.isFinite(mu) || !solveAt(mu)) {
                return TchOutcome.NOT_CONVERGED;
            }
            value = constraintH(x);
            h = value;
            if (Math.abs(value) <= tolerance) {
                return TchOutcome.SOLVED_ON_BOUNDARY;
            }
            if (value < 0) {
                low = mu;
            } else {
                high = mu;
                System.arraycopy(x, 0, feasible, 0, products);
                feasibleH = value;
            }
            if (!Double.isNaN(high) && high - low <= PINNED * high) {
                System.arraycopy(feasible, 0, x, 0, products);
                h = feasibleH;
                return TchOutcome.SOLVED_ON_BOUNDARY;
            }
            slope = slope();
        }
        return TchOutcome.NOT_CONVERGED;
    }

    /** Ŝ⁻¹ from its Cholesky factor, for B = 2 Pᵀ Ŝ⁻¹ P with P = [I −U]. */
    private void invertS() {
        for (int c = 0; c < n; c++) {
            Arrays.fill(work, 0);
            work[c] = 1;
            forward(lower, n, work);
            backward(lower, n, work);
            for (int r = 0; r < n; r++) {
                sInverse[r * n + c] = work[r];
            }
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            double rowSum = 0;
            for (int j = 0; j < n; j++) {
                bMatrix[i * products + j] = 2 * sInverse[i * n + j];
                rowSum += sInverse[i * n + j];
            }
            bMatrix[i * products + n] = -2 * rowSum;
            bMatrix[n * products + i] = -2 * rowSum;
            total += rowSum;
        }
        bMatrix[n * products + n] = 2 * total;
    }

    /** Factors A + μB into {@link #systemLower} and sets x = (A + μB)⁻¹(−g + μ e_N). */
    private boolean solveAt(double mu) {
        for (int i = 0; i < products; i++) {
            for (int j = 0; j < products; j++) {
                system[i * products + j] = hessian[i * products + j] + mu * bMatrix[i * products + j];
            }
        }
        if (!cholesky(system, products, systemLower)) {
            return false;
        }
        for (int i = 0; i < products; i++) {
            rhs[i] = -g[i];
        }
        rhs[n] += mu;
        System.arraycopy(rhs, 0, x, 0, products);
        solveCholesky(systemLower, products, x);
        return true;
    }

    /** dH(x(μ))/dμ = ∇Hᵀ (A + μB)⁻¹ ∇H with ∇H = e_N − Bx, at the μ and x of the last {@link #solveAt}. */
    private double slope() {
        for (int i = 0; i < products; i++) {
            double bx = 0;
            for (int j = 0; j < products; j++) {
                bx += bMatrix[i * products + j] * x[j];
            }
            gradient[i] = (i == n ? 1 : 0) - bx;
        }
        System.arraycopy(gradient, 0, rhs, 0, products);
        solveCholesky(systemLower, products, rhs);
        double slope = 0;
        for (int i = 0; i < products; i++) {
            slope += gradient[i] * rhs[i];
        }
        return slope;
    }

    /** K = |S|^{1/(N−1)} of the last solve. */
    double scale() {
        return scale;
    }

    /** G of eq. 24 at the last solution. */
    double constraint() {
        return -h;
    }

    /** Newton steps taken: 1 for the step on F, plus those on the Kuhn–Tucker multiplier. */
    int iterations() {
        return iterations;
    }

    /** The full R (N×N, row-major) of the last solution, in the units of S. */
    double[] covariance() {
        double[] r = new double[products * products];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                r[i * products + j] = scale * (sHat[i * n + j] - x[n] + x[i] + x[j]);
            }
            r[i * products + n] = scale * x[i];
            r[n * products + i] = scale * x[i];
        }
        r[n * products + n] = scale * x[n];
        return r;
    }

    /** F of eq. 23 at the last solution. */
    double objective() {
        double f = 0;
        for (int i = 0; i < n; i++) {
            f += x[i] * x[i];
            for (int j = i + 1; j < n; j++) {
                double rij = sHat[i * n + j] - x[n] + x[i] + x[j];
                f += rij * rij;
            }
        }
        return f;
    }

    /** Lower Cholesky factor of the symmetric {@code a} (m×m) into {@code l}; false unless positive definite. */
    static boolean cholesky(double[] a, int m, double[] l) {
        Arrays.fill(l, 0);
        for (int j = 0; j < m; j++) {
            double d = a[j * m + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * m + k] * l[j * m + k];
            }
            if (!(d > 0)) {
                return false;
            }
            double ljj = Math.sqrt(d);
            l[j * m + j] = ljj;
            for (int i = j + 1; i < m; i++) {
                double v = a[i * m + j];
                for (int k = 0; k < j; k++) {
                    v -= l[i * m + k] * l[j * m + k];
                }
                l[i * m + j] = v / ljj;
            }
        }
        return true;
    }

    /** Solves L Lᵀ y = b in place. */
    static void solveCholesky(double[] l, int m, double[] b) {
        forward(l, m, b);
        backward(l, m, b);
    }

    /** Solves L y = b in place. */
    static void forward(double[] l, int m, double[] b) {
        for (int i = 0; i < m; i++) {
            double v = b[i];
            for (int k = 0; k < i; k++) {
                v -= l[i * m + k] * b[k];
            }
            b[i] = v / l[i * m + i];
        }
    }

    /** Solves Lᵀ y = b in place. */
    static void backward(double[] l, int m, double[] b) {
        for (int i = m - 1; i >= 0; i--) {
            double v = b[i];
            for (int k = i + 1; k < m; k++) {
                v -= l[k * m + i] * b[k];
            }
            b[i] = v / l[i * m + i];
        }
    }
}
