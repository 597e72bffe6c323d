package org.ssm.algorithms.nonlinear;

import java.util.Arrays;

/**
 * The weighted observations of one fit of eq. 3: coarse SEE and NMDI (spatial means of the fine
 * values), the coarse SSM observed with them, and the weight w_i of eq. 4.
 */
public final class LinkSamples {

    private double[] see = new double[64];
    private double[] nmdi = new double[64];
    private double[] ssm = new double[64];
    private double[] weight = new double[64];
    private int size;

    /**
     * Adds one observation.
     *
     * @param seeValue coarse SEE, &lt; 1
     * @param nmdiValue coarse NMDI
     * @param ssmValue observed coarse SSM, m³/m³
     * @param weightValue weight w_i &gt; 0
     */
    public void add(double seeValue, double nmdiValue, double ssmValue, double weightValue) {
        if (size == see.length) {
            int n = 2 * size;
            see = Arrays.copyOf(see, n);
            nmdi = Arrays.copyOf(nmdi, n);
            ssm = Arrays.copyOf(ssm, n);
            weight = Arrays.copyOf(weight, n);
        }
        see[size] = seeValue;
        nmdi[size] = nmdiValue;
        ssm[size] = ssmValue;
        weight[size] = weightValue;
        size++;
    }

    public int size() {
        return size;
    }

    public double see(int i) {
        return see[i];
    }

    public double nmdi(int i) {
        return nmdi[i];
    }

    public double ssm(int i) {
        return ssm[i];
    }

    public double weight(int i) {
        return weight[i];
    }
}
