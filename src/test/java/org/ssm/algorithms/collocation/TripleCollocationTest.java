package org.ssm.algorithms.collocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.ssm.core.ParameterException;

/** Classic and extended TC on analytic cases: exact recovery and recovery within the sampling error. */
class TripleCollocationTest {

    /**
     * Truth and errors that are exactly orthogonal in the sample: sinusoids of distinct whole
     * frequencies over whole periods have zero sample means and zero sample cross-products, so the
     * sample covariances are exactly those of the error model, with variance a²/2 · n/(n − 1) for an
     * amplitude a. TC must then recover every parameter up to round-off: 1e-12 relative (sums of 1000
     * products of O(1) terms carry errors of about 1e-15 that the closed forms amplify by at most
     * 1 / (1 − ρ²) ≈ 10 here).
     */
    @Test
    void recoversAnExactlyOrthogonalErrorModel() {
        int n = 1000;
        double amplitude = 0.08;
        double[] alpha = {0.02, 0.25, -0.05};
        double[] beta = {1.0, 0.6, 1.7};
        double[] errorAmplitude = {0.015, 0.03, 0.05};
        int[] errorFrequency = {7, 11, 13};
        double[][] xyz = new double[3][n];
        for (int t = 0; t < n; t++) {
            double truth = 0.25 + amplitude * Math.sin(2 * Math.PI * 3 * t / n);
            for (int m = 0; m < 3; m++) {
                xyz[m][t] = alpha[m] + beta[m] * truth + errorAmplitude[m] * Math.cos(2 * Math.PI * errorFrequency[m] * t / n);
            }
        }
        double variance = 0.5 * n / (n - 1);
        for (int reference = 0; reference < 3; reference++) {
            TcEstimate e = TripleCollocation.estimate(xyz[0], xyz[1], xyz[2], reference);
            assertEquals(TcValidity.VALID, e.validity());
            for (int m = 0; m < 3; m++) {
                double error = errorAmplitude[m] * errorAmplitude[m] * variance;
                double signal = beta[m] * beta[m] * amplitude * amplitude * variance;
                MemberEstimate est = e.member(m);
                assertEquals(error, est.errorVariance(), 1e-12 * error, "error variance " + m);
                assertEquals(signal, est.signalVariance(), 1e-12 * signal, "signal variance " + m);
                assertEquals(signal / (signal + error), est.rho2(), 1e-12, "rho2 " + m);
                assertEquals(10 * Math.log10(signal / error), est.snrDb(), 1e-10, "SNR dB " + m);
                double scaling = beta[reference] / beta[m];
                assertEquals(scaling, est.scaling(), 1e-12 * scaling, "scaling " + m + " to " + reference);
                assertEquals(Math.sqrt(error) * scaling, est.scaledErrorStd(), 1e-12 * Math.sqrt(error) * scaling,
                        "error std of " + m + " in the units of " + reference);
            }
        }
    }

    /**
     * Gaussian truth and errors: the estimates must lie within four standard errors of the true
     * parameters. The standard errors come from the delta method: for Gaussian data the sample
     * covariances have Cov(S_ab, S_cd) = (Σ_ac Σ_bd + Σ_ad Σ_bc) / (n − 1), propagated through the
     * gradient of each estimator at the population covariance Σ (by central differences). A
     * correct estimator leaves four standard errors with probability 6e-5 per quantity.
     */
    @Test
    void recoversGaussianErrorsWithinTheirSamplingError() {
        int n = 20_000;
        double sigmaTruth = 0.06;
        double[] beta = {1.0, 0.8, 1.4};
        double[] sigmaError = {0.02, 0.035, 0.05};
        SplittableRandom rnd = new SplittableRandom(42);
        double[][] xyz = new double[3][n];
        for (int t = 0; t < n; t++) {
            double truth = 0.25 + sigmaTruth * rnd.nextGaussian();
            for (int m = 0; m < 3; m++) {
                xyz[m][t] = 0.1 * m + beta[m] * truth + sigmaError[m] * rnd.nextGaussian();
            }
        }
        double[][] sigma = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                sigma[i][j] = beta[i] * beta[j] * sigmaTruth * sigmaTruth + (i == j ? sigmaError[i] * sigmaError[i] : 0);
            }
        }
        TcEstimate e = TripleCollocation.estimate(xyz[0], xyz[1], xyz[2], 0);
        assertEquals(TcValidity.VALID, e.validity());
        for (int m = 0; m < 3; m++) {
            int member = m;
            double error = sigmaError[m] * sigmaError[m];
            double signal = beta[m] * beta[m] * sigmaTruth * sigmaTruth;
            assertWithin(error, e.member(m).errorVariance(), sigma, n, est -> est.member(member).errorVariance(),
                    "error variance " + m);
            assertWithin(signal / (signal + error), e.member(m).rho2(), sigma, n, est -> est.member(member).rho2(),
                    "rho2 " + m);
            if (m == 0) {
                assertEquals(1.0, e.member(0).scaling(), 0.0, "the reference is not rescaled");
            } else {
                assertWithin(beta[0] / beta[m], e.member(m).scaling(), sigma, n, est -> est.member(member).scaling(),
                        "scaling " + m);
            }
            assertWithin(10 * Math.log10(signal / error), e.member(m).snrDb(), sigma, n,
                    est -> est.member(member).snrDb(), "SNR dB " + m);
        }
    }

    private static void assertWithin(double expected, double actual, double[][] sigma, int n,
            ToDoubleFunction<TcEstimate> quantity, String what) {
        double se = standardError(sigma, n, quantity);
        assertTrue(se > 0 && se < 0.05 * Math.abs(expected), what + ": standard error " + se + " is informative");
        assertEquals(expected, actual, 4 * se, what + " (4 standard errors = " + 4 * se + ")");
    }

    /** Delta-method standard error of {@code quantity} for n Gaussian triplets of covariance sigma. */
    static double standardError(double[][] sigma, int n, ToDoubleFunction<TcEstimate> quantity) {
        int[][] pairs = {{0, 0}, {1, 1}, {2, 2}, {0, 1}, {0, 2}, {1, 2}};
        double[] gradient = new double[pairs.length];
        for (int p = 0; p < pairs.length; p++) {
            double h = 1e-6 * sigma[pairs[p][0]][pairs[p][1]];
            gradient[p] = (quantity.applyAsDouble(estimate(sigma, pairs[p], h, n))
                    - quantity.applyAsDouble(estimate(sigma, pairs[p], -h, n))) / (2 * h);
        }
        double variance = 0;
        for (int p = 0; p < pairs.length; p++) {
            for (int r = 0; r < pairs.length; r++) {
                int a = pairs[p][0];
                int b = pairs[p][1];
                int c = pairs[r][0];
                int d = pairs[r][1];
                double cov = (sigma[a][c] * sigma[b][d] + sigma[a][d] * sigma[b][c]) / (n - 1);
                variance += gradient[p] * gradient[r] * cov;
            }
        }
        return Math.sqrt(variance);
    }

    private static TcEstimate estimate(double[][] sigma, int[] pair, double delta, int n) {
        double[][] q = {sigma[0].clone(), sigma[1].clone(), sigma[2].clone()};
        q[pair[0]][pair[1]] += delta;
        if (pair[0] != pair[1]) {
            q[pair[1]][pair[0]] += delta;
        }
        return TripleCollocation.estimate(CovarianceMatrix.of(n, q), 0);
    }

    @Test
    void rho2IsTheSignalShareAndSnrItsOddsInDecibels() {
        // McColl et al. 2014: rho2 = 1 / (1 + 1/SNR), for any valid covariance matrix.
        CovarianceMatrix q = CovarianceMatrix.of(100, new double[][] {{4, 1.5, 2}, {1.5, 3, 1.2}, {2, 1.2, 5}});
        TcEstimate e = TripleCollocation.estimate(q, 1);
        assertEquals(TcValidity.VALID, e.validity());
        for (int m = 0; m < 3; m++) {
            MemberEstimate est = e.member(m);
            double snr = Math.pow(10, est.snrDb() / 10);
            assertEquals(snr / (1 + snr), est.rho2(), 1e-14);
            assertEquals(est.signalVariance() / (est.signalVariance() + est.errorVariance()), est.rho2(), 1e-14);
        }
        // Hand-computed: Q00 − Q01 Q02 / Q12 = 4 − 1.5·2/1.2 = 1.5; beta of member 0 to member 1 = Q12 / Q02 = 0.6.
        assertEquals(1.5, e.member(0).errorVariance(), 1e-14);
        assertEquals(0.6, e.member(0).scaling(), 1e-14);
        assertEquals(1.0, e.member(1).scaling(), 0.0);
        assertEquals(Math.sqrt(1.5) * 0.6, e.member(0).scaledErrorStd(), 1e-14);
    }

    @Test
    void aNegativeErrorVarianceIsReportedAsComputedAndMarkedInvalid() {
        // Q00 = 1 < Q01 Q02 / Q12 = 1.6: member 0's error variance is −0.6 and its rho2 1.6.
        CovarianceMatrix q = CovarianceMatrix.of(100, new double[][] {{1, 0.8, 1}, {0.8, 2, 0.5}, {1, 0.5, 3}});
        TcEstimate e = TripleCollocation.estimate(q, 0);
        assertEquals(TcValidity.NEGATIVE_ERROR_VARIANCE, e.validity());
        assertEquals(-0.6, e.member(0).errorVariance(), 1e-14);
        assertEquals(1.6, e.member(0).rho2(), 1e-14);
        assertTrue(Double.isNaN(e.member(0).scaledErrorStd()), "no standard deviation of a negative variance");
        // Gruber et al. 2020 eq. 11: SNR = −10 log10 | |1 / rho2| − 1 | stays finite: −10 log10(0.375).
        assertEquals(-10 * Math.log10(0.375), e.member(0).snrDb(), 1e-12);
    }

    @Test
    void covariancesThatAreNotAllPositiveAreInvalid() {
        CovarianceMatrix inverted = CovarianceMatrix.of(100, new double[][] {{1, -0.5, 0.5}, {-0.5, 1, 0.5}, {0.5, 0.5, 1}});
        TcEstimate e = TripleCollocation.estimate(inverted, 0);
        assertEquals(TcValidity.NON_POSITIVE_COVARIANCE, e.validity());
        assertTrue(e.member(0).rho2() < 0, "one negative covariance makes every signal variance negative");
        double[] stuck = new double[50];
        java.util.Arrays.fill(stuck, 0.3);
        double[] y = new double[50];
        double[] z = new double[50];
        for (int t = 0; t < 50; t++) {
            y[t] = Math.sin(t);
            z[t] = Math.sin(t) + 0.1 * Math.cos(3 * t);
        }
        TcEstimate constant = TripleCollocation.estimate(stuck, y, z, 1);
        assertEquals(TcValidity.NON_POSITIVE_COVARIANCE, constant.validity(), "a constant sensor shares no signal");
    }

    @Test
    void badInputNamesTheParameter() {
        double[] three = {1, 2, 3};
        ParameterException e = assertThrows(ParameterException.class,
                () -> TripleCollocation.estimate(three, new double[] {1, 2}, three, 0));
        assertEquals("triplets", e.parameter());
        e = assertThrows(ParameterException.class,
                () -> TripleCollocation.estimate(new double[] {1, 2}, new double[] {1, 2}, new double[] {1, 2}, 0));
        assertTrue(e.getMessage().contains("at least 3"), e.getMessage());
        e = assertThrows(ParameterException.class,
                () -> TripleCollocation.estimate(new double[] {1, Double.NaN, 3}, three, three, 0));
        assertEquals("triplets", e.parameter());
        e = assertThrows(ParameterException.class, () -> TripleCollocation.estimate(three, three, three, 3));
        assertEquals("reference", e.parameter());
        e = assertThrows(ParameterException.class,
                () -> CovarianceMatrix.of(10, new double[][] {{1, 0.5, 0}, {0.4, 1, 0}, {0, 0, 1}}));
        assertEquals("covariance", e.parameter());
    }
}
