package org.ssm.algorithms.neural;

import org.ssm.core.ParameterException;

/**
 * The non-linearity of the hidden units of a network. The output unit is always linear (paper B
 * §3.4: the DBN's last layer is a back-propagation layer producing SSM, a real value).
 *
 * <p>A DBN's hidden units are {@link #SIGMOID}: each is the hidden unit of a restricted Boltzmann
 * machine, a Bernoulli unit whose probability of being on is the logistic function of its input
 * (Hinton 2010, "A practical guide to training RBMs", §2), so a pre-trained layer computes exactly
 * the logistic function. A BPNN may use either; Rumelhart, Hinton &amp; Williams (1986), the BPNN
 * reference of paper B, use the logistic function.
 */
public enum Activation {
    /** σ(z) = 1 / (1 + e^−z), with σ' = σ (1 − σ). */
    SIGMOID("sigmoid"),
    /** tanh(z), with tanh' = 1 − tanh². */
    TANH("tanh");

    private final String label;

    Activation(String label) {
        this.label = label;
    }

    /** The name used in JSON documents and process inputs. */
    public String label() {
        return label;
    }

    /** The activation named {@code label}; errors name {@code parameter}. */
    public static Activation of(String parameter, String label) {
        for (Activation a : values()) {
            if (a.label.equals(label)) {
                return a;
            }
        }
        throw new ParameterException(parameter, label, "\"sigmoid\" or \"tanh\"");
    }

    /** The activation of every value of {@code z[from, to)}, in place. */
    void applyInPlace(double[] z, int from, int to) {
        if (this == SIGMOID) {
            for (int i = from; i < to; i++) {
                z[i] = 1.0 / (1.0 + Math.exp(-z[i]));
            }
        } else {
            for (int i = from; i < to; i++) {
                z[i] = Math.tanh(z[i]);
            }
        }
    }

    /** The derivative at the pre-activation whose activation is {@code a}. */
    double slope(double a) {
        return this == SIGMOID ? a * (1 - a) : 1 - a * a;
    }
}
