package org.ssm.scenario;

import java.time.LocalDate;

/** The annual cycle shared by the weather and the vegetation. */
final class Seasonality {

    /** Day of year of the warmest, brightest time in central Europe (mid-July). */
    private static final double PEAK_DAY = 200;

    private Seasonality() {}

    /** +1 in mid-July, -1 in mid-January, about -0.3 on 1 April and +0.3 on 30 September. */
    static double cycle(LocalDate date) {
        return Math.cos(2 * Math.PI * (date.getDayOfYear() - PEAK_DAY) / 365.25);
    }
}
