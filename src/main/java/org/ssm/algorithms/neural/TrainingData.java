package org.ssm.algorithms.neural;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ssm.algorithms.learning.TrainingSet;

/**
 * The rows a network is trained on and the rows held out to decide early stopping. The set arrives
 * normalised by {@link org.ssm.algorithms.learning.ModelFitting} (z-scores of the predictors and the
 * target over all training rows, held-out ones included: Gaussian visible units assume unit variance,
 * Hinton 2010 §13.2, and back-propagation converges faster on centred inputs of similar scale, LeCun
 * et al. 1998 §4.3). The held-out rows are drawn at random from the seed.
 */
final class TrainingData {

    final Samples train;
    /** Null when nothing is held out. */
    final Samples validation;

    private TrainingData(Samples train, Samples validation) {
        this.train = train;
        this.validation = validation;
    }

    static TrainingData split(TrainingSet data, BackpropParameters p, SplittableRandom rnd) {
        int rows = data.rows();
        if (rows < 1) {
            throw new IllegalArgumentException("no training rows");
        }
        int held = p.stopsEarly() && rows >= 2
                ? (int) Math.min(rows - 1, Math.max(1, Math.round(p.holdOut() * rows))) : 0;
        if (held == 0) {
            return new TrainingData(new Samples(data.features(), rows, data.columns(), data.targets()), null);
        }
        int[] order = Shuffle.identity(rows);
        Shuffle.permute(order, rnd);
        return new TrainingData(rows(data, order, held, rows), rows(data, order, 0, held));
    }

    /** Rows {@code order[from .. to)} of {@code s}, in increasing row order (the split, not the shuffle, decides). */
    private static Samples rows(TrainingSet s, int[] order, int from, int to) {
        int[] picked = Arrays.copyOfRange(order, from, to);
        Arrays.sort(picked);
        TrainingSet sub = s.subset(picked);
        return new Samples(sub.features(), sub.rows(), sub.columns(), sub.targets());
    }
}
