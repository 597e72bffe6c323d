package org.ssm.algorithms.collocation;

/**
 * What triple collocation estimates for one of the three members (measurement systems) of a
 * triplet, under the error model X_i = α_i + β_i t + ε_i (McColl et al. 2014, eq. 1).
 *
 * <p>The values are the raw estimators: a negative error variance, a ρ² above 1 or an SNR of a
 * member whose covariances are not all positive are reported as computed, and
 * {@link TcEstimate#validity()} says whether they can be trusted.
 *
 * @param errorVariance σ²_ε,i = Q_ii − Q_ij Q_ik / Q_jk, in the member's own units squared
 *     (McColl et al. 2014, eq. 4; Gruber et al. 2016, covariance notation)
 * @param signalVariance β_i² σ_t² = Q_ij Q_ik / Q_jk, the variance of the member's share of the
 *     common signal, in its own units squared
 * @param scaling β*_i = Q_rk / Q_ik, the factor that rescales the member to the reference member r
 *     (k the third member; 1 for the reference itself), as pytesmo's {@code tcol_metrics}
 * @param scaledErrorStd √σ²_ε,i · β*_i: the error standard deviation in the reference's units, NaN
 *     when the error variance is negative (pytesmo's {@code err_std})
 * @param snrDb the signal-to-noise ratio in decibels, 10 log10(β_i² σ_t² / σ²_ε,i), computed as
 *     −10 log10 | |Q_ii Q_jk / (Q_ij Q_ik)| − 1 | (Gruber et al. 2016; absolute values as in
 *     Gruber et al. 2020, eq. 11, and pytesmo)
 * @param rho2 ρ²_t,i = Q_ij Q_ik / (Q_ii Q_jk), the squared correlation of the member with the
 *     unknown truth (McColl et al. 2014, eq. 9); equals SNR / (1 + SNR) in linear units
 */
public record MemberEstimate(double errorVariance, double signalVariance, double scaling, double scaledErrorStd,
        double snrDb, double rho2) {}
