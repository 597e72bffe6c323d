package org.ssm.algorithms.gapfill;

import org.ssm.core.ParameterException;

/**
 * The normal equations XᵀX β = Xᵀy of an ordinary least-squares fit, accumulated row by row so that
 * a fit over millions of pixels needs only O(p²) memory, and merged from partial sums so that
 * blocks of rows can be summed in parallel (merged in a fixed order, the result is deterministic).
 *
 * <p>{@link #solve()} is a Cholesky factorisation that drops a column which is, to within
 * {@link #DEPENDENCE_TOLERANCE}, a linear combination of the columns before it (for instance a
 * constant DEM beside the intercept): its coefficient is set to 0 and the others are the least-squares
 * solution on the remaining columns, which gives the same fitted values.
 */
public final class NormalEquations {

    /**
     * A column is dropped when the part of its squared norm not explained by the previous columns is
     * below this fraction of its squared norm. Sums of a few million terms in double precision
     * carry relative errors far below 1e-9, so a residual that small is indistinguishable from
     * exact dependence.
     */
    public static final double DEPENDENCE_TOLERANCE = 1e-9;

    private final int unknowns;
    /** Upper triangle of XᵀX, row-major. */
    private final double[] xtx;
    private final double[] xty;
    private double yty;
    private long rows;

    /** Empty equations for {@code unknowns} coefficients. */
    public NormalEquations(int unknowns) {
        ParameterException.requireInRange("unknowns", unknowns, 1, 64);
        this.unknowns = unknowns;
        this.xtx = new double[unknowns * (unknowns + 1) / 2];
        this.xty = new double[unknowns];
    }

    /** Adds one observation: regressors {@code x} (length {@link #unknowns()}) and response {@code y}. */
    public void add(double[] x, double y) {
        int k = 0;
        for (int i = 0; i < unknowns; i++) {
            double xi = x[i];
            for (int j = i; j < unknowns; j++) {
                xtx[k++] += xi * x[j];
            }
            xty[i] += xi * y;
        }
        yty += y * y;
        rows++;
    }

    /**
     * Adds sums accumulated elsewhere (by a caller that keeps them in local variables for speed).
     *
     * @param upper the upper triangle of XᵀX, row-major ({@code unknowns·(unknowns+1)/2} values)
     * @param xtyPart Xᵀy
     */
    void addSums(double[] upper, double[] xtyPart, double ytyPart, long rowCount) {
        for (int k = 0; k < xtx.length; k++) {
            xtx[k] += upper[k];
        }
        for (int i = 0; i < unknowns; i++) {
            xty[i] += xtyPart[i];
        }
        yty += ytyPart;
        rows += rowCount;
    }

    /** Adds the sums of {@code other}. */
    public void add(NormalEquations other) {
        if (other.unknowns != unknowns) {
            throw new IllegalArgumentException(other.unknowns + " unknowns added to " + unknowns);
        }
        for (int k = 0; k < xtx.length; k++) {
            xtx[k] += other.xtx[k];
        }
        for (int i = 0; i < unknowns; i++) {
            xty[i] += other.xty[i];
        }
        yty += other.yty;
        rows += other.rows;
    }

    public int unknowns() {
        return unknowns;
    }

    /** Number of observations added. */
    public long rows() {
        return rows;
    }

    private double a(int i, int j) {
        int r = Math.min(i, j);
        int c = Math.max(i, j);
        return xtx[r * unknowns - r * (r - 1) / 2 + (c - r)];
    }

    /**
     * The least-squares coefficients, 0 for columns dropped as dependent.
     *
     * @return β, of length {@link #unknowns()}; all 0 when no observation was added
     */
    public double[] solve() {
        int p = unknowns;
        double[][] l = new double[p][p];
        boolean[] kept = new boolean[p];
        for (int j = 0; j < p; j++) {
            double diagonal = a(j, j);
            double residual = diagonal;
            for (int k = 0; k < j; k++) {
                residual -= l[j][k] * l[j][k];
            }
            if (!(diagonal > 0) || residual <= DEPENDENCE_TOLERANCE * diagonal) {
                continue;
            }
            kept[j] = true;
            l[j][j] = Math.sqrt(residual);
            for (int i = j + 1; i < p; i++) {
                double s = a(i, j);
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / l[j][j];
            }
        }
        // Forward then back substitution over the kept columns (dropped rows and columns of L are 0).
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            if (kept[i]) {
                double s = xty[i];
                for (int k = 0; k < i; k++) {
                    s -= l[i][k] * z[k];
                }
                z[i] = s / l[i][i];
            }
        }
        double[] beta = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            if (kept[i]) {
                double s = z[i];
                for (int k = i + 1; k < p; k++) {
                    s -= l[k][i] * beta[k];
                }
                beta[i] = s / l[i][i];
            }
        }
        return beta;
    }

    /**
     * The residual sum of squares of coefficients {@code beta}: yᵀy − 2βᵀXᵀy + βᵀXᵀXβ, clamped at 0
     * against rounding.
     */
    public double residualSumOfSquares(double[] beta) {
        double quadratic = 0;
        double linear = 0;
        for (int i = 0; i < unknowns; i++) {
            linear += beta[i] * xty[i];
            for (int j = 0; j < unknowns; j++) {
                quadratic += beta[i] * a(i, j) * beta[j];
            }
        }
        return Math.max(0, yty - 2 * linear + quadratic);
    }
}
