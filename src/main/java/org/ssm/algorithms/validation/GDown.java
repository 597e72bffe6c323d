package org.ssm.algorithms.validation;

/**
 * The downscaling gain G_down of Merlin et al. (2015) as written in paper E §3.4: whether a
 * high-resolution product (HR) agrees with in situ better than the low-resolution product it
 * comes from (LR), in slope (efficiency, E eq. 17), correlation (precision, eq. 18) and bias
 * (accuracy, eq. 19), and their mean (eq. 16):
 *
 * <pre>
 * G = (e_LR − e_HR) / (e_LR + e_HR)  with  e = |1 − slope|,  |1 − R|,  |bias|
 * G_down = (G_effi + G_prec + G_accu) / 3
 * </pre>
 *
 * Each term lies in [−1, 1]: 1 when the HR product is perfect in that respect and the LR product is
 * not, −1 the other way round, positive when downscaling improved it. When both errors are 0 (both
 * products perfect in that respect) the fraction is 0/0; the term is then 0, "no gain", the value
 * the fraction takes whenever the two errors are equal. A term is NaN when a metric it needs is NaN
 * (fewer than 2 pairs, a constant series), and G_down then too.
 *
 * @param effi G_effi, from the slopes (E eq. 17)
 * @param prec G_prec, from the correlations (E eq. 18)
 * @param accu G_accu, from the biases (E eq. 19)
 * @param down G_down, their mean (E eq. 16)
 */
public record GDown(double effi, double prec, double accu, double down) {

    /** The gains of {@code hr} over {@code lr}, both against the same in-situ pairs. */
    public static GDown of(Metrics lr, Metrics hr) {
        double effi = gain(Math.abs(1 - lr.slope()), Math.abs(1 - hr.slope()));
        double prec = gain(Math.abs(1 - lr.pcc()), Math.abs(1 - hr.pcc()));
        double accu = gain(Math.abs(lr.bias()), Math.abs(hr.bias()));
        return new GDown(effi, prec, accu, (effi + prec + accu) / 3);
    }

    /** (lrError − hrError) / (lrError + hrError) of two non-negative errors; 0 when both are 0. */
    public static double gain(double lrError, double hrError) {
        if (Double.isNaN(lrError) || Double.isNaN(hrError)) {
            return Double.NaN;
        }
        double sum = lrError + hrError;
        return sum == 0 ? 0 : (lrError - hrError) / sum;
    }
}
