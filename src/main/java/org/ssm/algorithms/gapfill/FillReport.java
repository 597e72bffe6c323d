package org.ssm.algorithms.gapfill;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What a run of {@link StdfGapFill} did: the normalisation bounds, one row per date (how much was
 * valid before, how much was filled, from how many neighbouring dates) and one row per fit of eq. 1.
 *
 * @param lst normalisation bounds of LST (K) over the domain and every date
 * @param ndvi normalisation bounds of NDVI over the domain and every date
 * @param dem normalisation bounds of the elevation over the domain
 * @param dates one entry per date of the series, in order
 * @param fits every fit applied, by target date then in the order the neighbours were tried
 */
public record FillReport(MinMax lst, MinMax ndvi, MinMax dem, List<DateFill> dates, List<FitRecord> fits) {

    public FillReport {
        dates = List.copyOf(dates);
        fits = List.copyOf(fits);
    }

    /**
     * The fill of one date.
     *
     * @param date the target date t1
     * @param domainPixels pixels of the domain (finite elevation); fractions are of this count
     * @param validBefore domain pixels with an observed LST
     * @param filled domain pixels filled by eq. 1
     * @param neighbours neighbouring dates whose fit was applied
     * @param farthestDays |t0 − t1| of the farthest neighbour applied, 0 when none
     */
    public record DateFill(LocalDate date, int domainPixels, int validBefore, int filled, int neighbours,
            int farthestDays) {

        /** Domain pixels with a value after filling. */
        public int validAfter() {
            return validBefore + filled;
        }

        /** Fraction of the domain observed. */
        public double fractionBefore() {
            return domainPixels == 0 ? 0 : (double) validBefore / domainPixels;
        }

        /** Fraction of the domain filled. */
        public double fractionFilled() {
            return domainPixels == 0 ? 0 : (double) filled / domainPixels;
        }

        /** Fraction of the domain with a value after filling. */
        public double fractionAfter() {
            return domainPixels == 0 ? 0 : (double) validAfter() / domainPixels;
        }
    }

    /**
     * One fit of eq. 1 that was applied.
     *
     * @param target t1
     * @param neighbour t0
     * @param fit the coefficients, normalised units
     * @param filled cloudy pixels of t1 that received an estimate from this fit
     */
    public record FitRecord(LocalDate target, LocalDate neighbour, StdfFit fit, int filled) {}

    /** Header of {@link #datesCsv()}. */
    public static final String DATES_HEADER = "date,domain_pixels,valid_before,filled,valid_after,fraction_before,"
            + "fraction_filled,fraction_after,neighbours,farthest_days";

    /** Header of {@link #fitsCsv()}. */
    public static final String FITS_HEADER = "target,neighbour,days,pairs,a,b,c,d,residual_rms_k,filled";

    /** One line per date: {@link #DATES_HEADER}; fractions of the domain with 6 decimals. */
    public String datesCsv() {
        StringBuilder sb = new StringBuilder(DATES_HEADER).append('\n');
        for (DateFill d : dates) {
            sb.append(d.date()).append(',').append(d.domainPixels()).append(',').append(d.validBefore()).append(',')
                    .append(d.filled()).append(',').append(d.validAfter()).append(',')
                    .append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f", d.fractionBefore(), d.fractionFilled(),
                            d.fractionAfter()))
                    .append(',').append(d.neighbours()).append(',').append(d.farthestDays()).append('\n');
        }
        return sb.toString();
    }

    /**
     * One line per applied fit: {@link #FITS_HEADER}; a–d in normalised units (eq. 1), the residual
     * RMS converted to kelvin.
     */
    public String fitsCsv() {
        StringBuilder sb = new StringBuilder(FITS_HEADER).append('\n');
        for (FitRecord f : fits) {
            StdfFit c = f.fit();
            long days = Math.abs(f.neighbour().toEpochDay() - f.target().toEpochDay());
            sb.append(f.target()).append(',').append(f.neighbour()).append(',').append(days).append(',')
                    .append(c.pairs()).append(',')
                    .append(String.format(Locale.ROOT, "%.6g,%.6g,%.6g,%.6g,%.4f", c.a(), c.b(), c.c(), c.d(),
                            c.residualRms() * lst.range()))
                    .append(',').append(f.filled()).append('\n');
        }
        return sb.toString();
    }
}
