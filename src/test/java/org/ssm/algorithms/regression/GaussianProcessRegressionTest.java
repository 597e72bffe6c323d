package org.ssm.algorithms.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ssm.algorithms.model.FittedModel;
import org.ssm.algorithms.model.Models;
import org.ssm.algorithms.model.Normalization;
import org.ssm.core.Json;
import org.ssm.core.Monitor;
import org.ssm.core.ParameterException;

class GaussianProcessRegressionTest {

    private static double field(double a, double b) {
        return Math.sin(2 * a) + 0.5 * b * b;
    }

    private static double[][] sample(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = 2 * rnd.nextDouble() - 1;
            x[2 * i + 1] = 2 * rnd.nextDouble() - 1;
            y[i] = field(x[2 * i], x[2 * i + 1]);
        }
        return new double[][] {x, y};
    }

    @Test
    void interpolatesNoiseFreeTrainingPointsAndVarianceGrowsAwayFromThem() {
        double[][] d = sample(30, 1);
        GaussianProcessRegressor gp = GaussianProcessRegression.withHyperparameters(d[0], 2, d[1],
                new GpHyperparameters(new double[] {0.5, 0.5}, 1.0, 1e-10));
        for (int i = 0; i < 30; i++) {
            double[] xi = {d[0][2 * i], d[0][2 * i + 1]};
            // With sigma_n^2 = 1e-10 the mean misses y_i by about sigma_n^2 |alpha_i|; alpha is O(1e3) at most here.
            assertEquals(d[1][i], gp.predict(xi), 1e-6, "training point " + i);
            assertTrue(gp.variance(xi) < 1e-8, "variance at a training point " + gp.variance(xi));
        }
        // Walking away from the corner-most training point, outwards, the variance grows to sigma_f^2 = 1.
        int corner = 0;
        for (int i = 1; i < 30; i++) {
            if (d[0][2 * i] + d[0][2 * i + 1] > d[0][2 * corner] + d[0][2 * corner + 1]) {
                corner = i;
            }
        }
        double previous = -1;
        for (int s = 0; s <= 40; s++) {
            double t = 0.05 * s;
            double v = gp.variance(new double[] {d[0][2 * corner] + t, d[0][2 * corner + 1] + t});
            assertTrue(v >= previous, "variance grows away from the data: step " + s);
            previous = v;
        }
        // At distance 2 * sqrt(2) = 5.7 length scales the correlation is exp(-16) = 1e-7: the prior variance is back.
        assertEquals(1.0, previous, 1e-5);
        assertTrue(gp.variance(new double[] {0.05, 0.05}) < 0.1, "between training points the variance stays small");
    }

    @Test
    void logMarginalLikelihoodOfTwoPointsMatchesTheClosedForm() {
        // K = [[a, b], [b, a]] with a = sf2 + sn2, b = sf2 exp(-(x1 - x2)^2 / (2 l^2)).
        double l = 0.7;
        double sf2 = 1.3;
        double sn2 = 0.2;
        double[] x = {0.1, 0.6};
        double[] y = {0.4, -0.3};
        double a = sf2 + sn2;
        double b = sf2 * Math.exp(-0.25 / (2 * l * l));
        double det = a * a - b * b;
        double quad = (a * y[0] * y[0] - 2 * b * y[0] * y[1] + a * y[1] * y[1]) / det;
        double expected = 0.5 * quad + 0.5 * Math.log(det) + Math.log(2 * Math.PI);
        MarginalLikelihood ml = new MarginalLikelihood(x, 1, y, true, 0);
        double value = ml.value(new double[] {Math.log(l), Math.log(sf2), Math.log(sn2)}, new double[3]);
        assertEquals(expected, value, 1e-13);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        double[][] d = sample(25, 2);
        for (boolean ard : new boolean[] {true, false}) {
            MarginalLikelihood ml = new MarginalLikelihood(d[0], 2, d[1], ard, 1e-6);
            double[] theta = ard ? new double[] {Math.log(0.6), Math.log(1.4), Math.log(0.9), Math.log(0.05)}
                    : new double[] {Math.log(0.8), Math.log(0.9), Math.log(0.05)};
            double[] g = new double[theta.length];
            ml.value(theta, g);
            for (int k = 0; k < theta.length; k++) {
                double h = 1e-5;
                double[] up = theta.clone();
                double[] down = theta.clone();
                up[k] += h;
                down[k] -= h;
                double fd = (ml.value(up, new double[theta.length]) - ml.value(down, new double[theta.length])) / (2 * h);
                // Central differences err by O(h^2 f''') ~ 1e-9 plus rounding 1e-16 |f| / h ~ 1e-10.
                assertEquals(fd, g[k], 1e-6 * Math.max(1, Math.abs(fd)), (ard ? "ARD" : "isotropic") + " theta " + k);
            }
        }
    }

    @Test
    void fittedHyperparametersReproduceASmoothField() {
        double[][] train = sample(150, 3);
        GaussianProcessRegression gpr = new GaussianProcessRegression(GprParameters.DEFAULTS);
        GaussianProcessRegressor gp = gpr.fit(train[0], 2, train[1], Monitor.NONE);
        // Noise-free data: the likelihood drives the noise to its floor (1e-6 of var y, which is about 0.35).
        assertTrue(gp.noiseVariance() < 1e-4, "noise variance " + gp.noiseVariance());
        double maxTrain = 0;
        for (int i = 0; i < 150; i++) {
            maxTrain = Math.max(maxTrain, Math.abs(gp.predict(new double[] {train[0][2 * i], train[0][2 * i + 1]})
                    - train[1][i]));
        }
        assertTrue(maxTrain < 1e-3, "training points interpolated to " + maxTrain);
        double[][] test = sample(200, 4);
        double sq = 0;
        for (int i = 0; i < 200; i++) {
            sq += Math.pow(gp.predict(new double[] {test[0][2 * i], test[0][2 * i + 1]}) - test[1][i], 2);
        }
        // 150 samples of a smooth field on [-1, 1]^2 (spacing about 0.16, length scales about 0.5 or more):
        // held-out error well under 1 % of the field's spread (about 1.5).
        assertTrue(Math.sqrt(sq / 200) < 0.01, "held-out RMSE " + Math.sqrt(sq / 200));
    }

    @Test
    void sameSeedSameModelAndJsonRoundTripIsBitIdentical() {
        double[][] d = sample(80, 5);
        for (int i = 0; i < d[1].length; i++) {
            d[1][i] += 0.05 * Math.sin(37 * i);
        }
        GprParameters p = new GprParameters(GprParameters.Kernel.ISOTROPIC, 2, 30, 60, 40, 1e-6, 11);
        GaussianProcessRegressor a = new GaussianProcessRegression(p).fit(d[0], 2, d[1], Monitor.NONE);
        GaussianProcessRegressor b = new GaussianProcessRegression(p).fit(d[0], 2, d[1], Monitor.NONE);
        assertEquals(60, a.samples(), "the posterior keeps maxSamples of the 80 samples");
        assertEquals(Json.write(a.toJson()), Json.write(b.toJson()));
        double[] l = a.lengthScales();
        assertEquals(l[0], l[1], 0, "one length scale for the isotropic kernel");
        FittedModel model = new FittedModel("GPR", List.of("a", "b"), Normalization.identity(2),
                Normalization.identity(1), a, Map.of("seed", 11));
        FittedModel back = FittedModel.fromJson("model", model.toJson());
        GaussianProcessRegressor gp = (GaussianProcessRegressor) back.regressor();
        SplittableRandom rnd = new SplittableRandom(6);
        for (int i = 0; i < 100; i++) {
            double[] z = {rnd.nextDouble() * 3 - 1.5, rnd.nextDouble() * 3 - 1.5};
            assertEquals(Double.doubleToLongBits(a.predict(z)), Double.doubleToLongBits(gp.predict(z)));
            assertEquals(Double.doubleToLongBits(a.variance(z)), Double.doubleToLongBits(gp.variance(z)));
        }
    }

    @Test
    void badParametersNameThemselves() {
        assertEquals("hyperSamples", assertThrows(ParameterException.class, () -> new GprParameters(
                GprParameters.Kernel.ARD, 3, 50, 100, 200, 1e-6, 1)).parameter());
        assertEquals("restarts", assertThrows(ParameterException.class, () -> new GprParameters(
                GprParameters.Kernel.ARD, 0, 50, 100, 50, 1e-6, 1)).parameter());
        assertEquals("maxSamples", assertThrows(ParameterException.class, () -> new GprParameters(
                GprParameters.Kernel.ARD, 1, 50, 20_000, 50, 1e-6, 1)).parameter());
        assertEquals("model", assertThrows(ParameterException.class, () -> Models.regressor("model",
                Map.of("type", "gpr", "inputs", 1))).parameter());
    }
}
