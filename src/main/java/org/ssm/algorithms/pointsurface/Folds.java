package org.ssm.algorithms.pointsurface;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.ssm.algorithms.learning.TrainingSet;
import org.ssm.core.ParameterException;

/**
 * The fold of every training row for the cross-validation of paper B §3.4 ({@link Split}). Random
 * assignments shuffle with a {@link SplittableRandom} of the given seed (Fisher–Yates) and deal the
 * shuffled items round robin, so fold sizes differ by at most one item and the same seed gives the
 * same folds.
 *
 * @param foldOfRow per row, its fold in [0, {@link #count()})
 * @param labels per fold, what it holds out ("2022", "stations TW01, TW07", "fold 3")
 */
public record Folds(int[] foldOfRow, List<String> labels) {

    public Folds {
        foldOfRow = foldOfRow.clone();
        labels = List.copyOf(labels);
    }

    /** Number of folds. */
    public int count() {
        return labels.size();
    }

    /** The rows of fold {@code k} ({@code held = true}) or of every other fold. */
    public int[] rows(int k, boolean held) {
        return java.util.stream.IntStream.range(0, foldOfRow.length).filter(r -> (foldOfRow[r] == k) == held).toArray();
    }

    /**
     * The folds of {@code set}'s rows.
     *
     * @param stationIds names of the station labels, for the fold labels
     * @throws ParameterException naming {@code split} when the rows cannot be split that way (one year,
     *     one station, fewer rows than folds)
     */
    public static Folds assign(TrainingSet set, List<String> stationIds, CrossValidationParameters p) {
        return switch (p.split()) {
            case YEAR -> byYear(set);
            case STATION -> byStation(set, stationIds, p);
            case KFOLD -> byRow(set, p);
        };
    }

    private static Folds byYear(TrainingSet set) {
        TreeSet<Integer> years = new TreeSet<>();
        for (int r = 0; r < set.rows(); r++) {
            years.add(set.year(r));
        }
        if (years.size() < 2) {
            throw new ParameterException("split", "year", "station data in at least two years (found only "
                    + years + "); use station or kfold");
        }
        List<Integer> list = new ArrayList<>(years);
        int[] fold = new int[set.rows()];
        for (int r = 0; r < fold.length; r++) {
            fold[r] = list.indexOf(set.year(r));
        }
        return new Folds(fold, list.stream().map(String::valueOf).toList());
    }

    private static Folds byStation(TrainingSet set, List<String> stationIds, CrossValidationParameters p) {
        int[] present = Arrays.stream(set.stations()).distinct().sorted().toArray();
        if (present.length < 2) {
            throw new ParameterException("split", "station", "rows from at least two stations (found "
                    + present.length + "); use year or kfold");
        }
        shuffle(present, p.seed());
        int k = Math.min(p.folds(), present.length);
        int[] foldOfStation = new int[stationIds.size()];
        List<List<String>> members = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < present.length; i++) {
            foldOfStation[present[i]] = i % k;
            members.get(i % k).add(stationIds.get(present[i]));
        }
        int[] fold = new int[set.rows()];
        for (int r = 0; r < fold.length; r++) {
            fold[r] = foldOfStation[set.stations()[r]];
        }
        return new Folds(fold, members.stream().map(m -> "stations " + String.join(" ", m)).toList());
    }

    private static Folds byRow(TrainingSet set, CrossValidationParameters p) {
        if (set.rows() < p.folds()) {
            throw new ParameterException("folds", p.folds(), "at most as many folds as station-days (" + set.rows()
                    + ")");
        }
        int[] order = java.util.stream.IntStream.range(0, set.rows()).toArray();
        shuffle(order, p.seed());
        int[] fold = new int[set.rows()];
        for (int i = 0; i < order.length; i++) {
            fold[order[i]] = i % p.folds();
        }
        List<String> labels = new ArrayList<>();
        for (int f = 0; f < p.folds(); f++) {
            labels.add("fold " + (f + 1));
        }
        return new Folds(fold, labels);
    }

    /** Fisher–Yates with a seeded generator. */
    private static void shuffle(int[] a, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
