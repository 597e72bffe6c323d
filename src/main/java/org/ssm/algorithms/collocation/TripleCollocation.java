package org.ssm.algorithms.collocation;

import java.util.ArrayList;
import java.util.List;
import org.ssm.core.ParameterException;

/**
 * Classic and extended triple collocation (TC, ETC) of three collocated series with mutually
 * independent errors.
 *
 * <p>Error model (McColl et al. 2014, eq. 1; Gruber et al. 2016): X_i = α_i + β_i t + ε_i, with the
 * errors ε_i zero-mean, independent of each other and of the truth t. The covariances are then
 * Q_ij = θ_i θ_j + δ_ij σ²_ε,i with θ_i = β_i σ_t (McColl et al. 2014, eq. 3), whose solution for
 * member i with the other two j, k is
 *
 * <pre>
 *   σ²_ε,i  = Q_ii − Q_ij Q_ik / Q_jk                    error variance (McColl eq. 4; Stoffelen 1998)
 *   θ_i²    = Q_ij Q_ik / Q_jk                           signal variance
 *   ρ²_t,i  = Q_ij Q_ik / (Q_ii Q_jk)                    squared correlation with the truth (McColl eq. 9)
 *   SNR_i   = θ_i² / σ²_ε,i = ρ² / (1 − ρ²),  in dB  10 log10 SNR_i   (Gruber et al. 2016)
 *   β*_i    = Q_rk / Q_ik                                 scaling to the reference member r (k ≠ i, r)
 * </pre>
 *
 * <p>The conventions are those of TU Wien's pytesmo ({@code pytesmo.metrics.tcol_metrics}): covariance
 * divisor n − 1, scaling factors that multiply member i onto the reference, scaled error standard
 * deviations √σ²_ε,i · β*_i, and SNR computed as −10 log10 | |Q_ii Q_jk / (Q_ij Q_ik)| − 1 | so
 * that it stays finite when sampling makes an estimate negative (Gruber et al. 2020, eq. 11). The
 * raw values are kept; {@link TcValidity} says when they break the model.
 */
public final class TripleCollocation {

    private TripleCollocation() {}

    /**
     * TC and ETC of the complete triplets {@code (x[t], y[t], z[t])}, scaled to member
     * {@code reference}.
     */
    public static TcEstimate estimate(double[] x, double[] y, double[] z, int reference) {
        return estimate(CovarianceMatrix.of(x, y, z), reference);
    }

    /** TC and ETC from the covariances, scaled to member {@code reference} (0, 1 or 2). */
    public static TcEstimate estimate(CovarianceMatrix q, int reference) {
        ParameterException.requireInRange("reference", reference, 0, 2);
        List<MemberEstimate> members = new ArrayList<>(3);
        boolean covariancesPositive = q.q(0, 1) > 0 && q.q(0, 2) > 0 && q.q(1, 2) > 0;
        boolean errorsNonNegative = true;
        for (int i = 0; i < 3; i++) {
            int j = i == 0 ? 1 : 0;
            int k = i == 2 ? 1 : 2;
            double signal = q.q(i, j) * q.q(i, k) / q.q(j, k);
            double error = q.q(i, i) - signal;
            double rho2 = q.q(i, j) * q.q(i, k) / (q.q(i, i) * q.q(j, k));
            double snrDb = -10 * Math.log10(Math.abs(Math.abs(q.q(i, i) * q.q(j, k) / (q.q(i, j) * q.q(i, k))) - 1));
            double scaling = i == reference ? 1 : q.q(reference, 3 - i - reference) / q.q(i, 3 - i - reference);
            double scaledErrorStd = error >= 0 ? Math.sqrt(error) * scaling : Double.NaN;
            errorsNonNegative &= error >= 0;
            members.add(new MemberEstimate(error, signal, scaling, scaledErrorStd, snrDb, rho2));
        }
        TcValidity validity = !covariancesPositive ? TcValidity.NON_POSITIVE_COVARIANCE
                : !errorsNonNegative ? TcValidity.NEGATIVE_ERROR_VARIANCE : TcValidity.VALID;
        return new TcEstimate(q.n(), reference, members, validity);
    }
}
