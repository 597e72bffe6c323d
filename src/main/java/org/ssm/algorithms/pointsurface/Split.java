package org.ssm.algorithms.pointsurface;

import java.util.Locale;
import org.ssm.core.ParameterException;

/**
 * How the station-days are split for cross-validation (paper B §3.4).
 *
 * <ul>
 *   <li>{@link #YEAR}: one fold per calendar year, trained on the other years; with two seasons this
 *       is B's design (trained on April–October 2018, validated on April–October 2017) in both
 *       directions;</li>
 *   <li>{@link #STATION}: stations are held out, several per fold (leave-one-station-out when the
 *       folds are as many as the stations): the accuracy at sites the model never saw, which is
 *       what matters for pixels without a sensor;</li>
 *   <li>{@link #KFOLD}: station-days assigned to k folds at random (seeded).</li>
 * </ul>
 */
public enum Split {
    YEAR,
    STATION,
    KFOLD;

    /** The split named by {@code text} (case-insensitive); errors name {@code parameter}. */
    public static Split parse(String parameter, String text) {
        if (text != null) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // Reported below with the value received.
            }
        }
        throw new ParameterException(parameter, text, "one of year, station, kfold");
    }

    /** The name clients use. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
