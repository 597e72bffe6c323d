package org.ssm.algorithms.regression;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * The lower Cholesky factor L (A = L·Lᵀ) of a symmetric positive-definite matrix, with the solves,
 * log-determinant and inverse that Gaussian process regression needs (Rasmussen and Williams 2006,
 * Algorithm 2.1 and eq. 5.9), on EJML (SPEC §2: EJML comes with the GeoTools wrapper, and with
 * GeoTools inside GeoServer).
 *
 * <p>Matrices are row-major {@code double[n·n]}. EJML's factory picks its blocked factorisation for
 * large n; both forms are single-threaded with a fixed order of operations, so the same matrix gives
 * the same factor bit for bit.
 */
final class Cholesky {

    /** Row-major lower factor; the strict upper triangle is zero. */
    private final double[] lower;
    private final int n;

    private Cholesky(double[] lower, int n) {
        this.lower = lower;
        this.n = n;
    }

    /**
     * The factor of the row-major n × n matrix {@code a} (left unchanged), or null when {@code a} is
     * not numerically positive definite.
     */
    static Cholesky of(double[] a, int n) {
        if (a.length != (long) n * n) {
            throw new IllegalArgumentException(a.length + " values for a " + n + " x " + n + " matrix");
        }
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        if (!chol.decompose(DMatrixRMaj.wrap(n, n, a.clone()))) {
            return null;
        }
        double[] l = chol.getT(null).data;
        for (int i = 0; i < n; i++) {
            if (!(l[i * n + i] > 0)) {
                return null;
            }
        }
        return new Cholesky(l, n);
    }

    /** Order n. */
    int size() {
        return n;
    }

    /** log det A = 2 Σ log L_ii. */
    double logDeterminant() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(lower[i * n + i]);
        }
        return 2 * s;
    }

    /** A⁻¹·b, in a new array: L·z = b forwards, then Lᵀ·x = z backwards. */
    double[] solve(double[] b) {
        double[] x = b.clone();
        TriangularSolver_DDRM.solveL(lower, x, n);
        TriangularSolver_DDRM.solveTranL(lower, x, n);
        return x;
    }

    /** L⁻¹·b, in place (forward substitution). */
    void solveLower(double[] b) {
        TriangularSolver_DDRM.solveL(lower, b, n);
    }

    /** A⁻¹ = L⁻ᵀ·L⁻¹, row-major n × n. */
    double[] inverse() {
        DMatrixRMaj inverseLower = new DMatrixRMaj(n, n);
        TriangularSolver_DDRM.invertLower(lower, inverseLower.data, n);
        DMatrixRMaj inverse = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(inverseLower, inverseLower, inverse);
        return inverse.data;
    }
}
