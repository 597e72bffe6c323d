package org.ssm.algorithms.pointsurface;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssm.algorithms.learning.RegressorTrainer;
import org.ssm.algorithms.learning.TrainingSet;
import org.ssm.algorithms.model.Models;
import org.ssm.algorithms.model.Normalization;
import org.ssm.algorithms.model.Regressor;
import org.ssm.core.Monitor;

/**
 * Test-only learner: ordinary least squares y = b + Σ w_i x_i by the normal equations (Gaussian
 * elimination with partial pivoting), so that the assembly, splits and cross-validation can be
 * checked against exact linear answers without depending on the tree or network learners.
 */
final class LeastSquaresTrainer implements RegressorTrainer {

    /** The fitted plane; registered with {@link Models} so a JSON round trip can be tested. */
    record Plane(double[] weights, double bias) implements Regressor {
        static final String TYPE = "test-least-squares";

        static {
            Models.register(TYPE, m -> new Plane(Normalization.numbers((List<Object>) m.get("weights")),
                    ((Number) m.get("bias")).doubleValue()));
        }

        @Override
        public int inputs() {
            return weights.length;
        }

        @Override
        public double predict(double[] x) {
            double y = bias;
            for (int i = 0; i < weights.length; i++) {
                y += weights[i] * x[i];
            }
            return y;
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", TYPE);
            m.put("weights", weights);
            m.put("bias", bias);
            return m;
        }
    }

    /** Number of fits made, to check how often cross-validation fits. */
    int fits;

    @Override
    public String method() {
        return "OLS";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of();
    }

    @Override
    public Regressor fit(TrainingSet data, Monitor monitor) {
        fits++;
        int p = data.columns() + 1;
        double[][] a = new double[p][p + 1];
        double[] row = new double[p];
        for (int r = 0; r < data.rows(); r++) {
            monitor.checkpoint(r, data.rows());
            row[0] = 1;
            for (int c = 1; c < p; c++) {
                row[c] = data.feature(r, c - 1);
            }
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    a[i][j] += row[i] * row[j];
                }
                a[i][p] += row[i] * data.targets()[r];
            }
        }
        for (int i = 0; i < p; i++) {
            // A tiny ridge keeps a constant column (e.g. one year's DOY range) solvable.
            a[i][i] += 1e-9;
        }
        for (int col = 0; col < p; col++) {
            int pivot = col;
            for (int r = col + 1; r < p; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < p; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c <= p; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] w = new double[p - 1];
        for (int i = 1; i < p; i++) {
            w[i - 1] = a[i][p] / a[i][i];
        }
        return new Plane(w, a[0][p] / a[0][0]);
    }
}
