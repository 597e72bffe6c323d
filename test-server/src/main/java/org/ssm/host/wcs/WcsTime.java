package org.ssm.host.wcs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.ssm.host.ows.OwsException;

/**
 * Time positions on the WCS time axis. Layers hold one band per calendar day, so a time value is
 * reduced to its UTC calendar date; dates are written as midnight UTC instants, which is how
 * GeoServer writes daily time positions and what GDAL passes back in time subsets.
 */
final class WcsTime {

    private WcsTime() {}

    /** The UTC date of an ISO date ({@code 2021-04-01}) or date-time (with or without offset). */
    static LocalDate parse(String value) {
        String v = value.strip();
        try {
            if (v.length() <= 10) {
                return LocalDate.parse(v);
            }
            if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
            }
            return LocalDateTime.parse(v).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new OwsException(DimensionSubset.INVALID_SUBSETTING, "subset", "time value " + value
                    + " is not an ISO 8601 date (2021-04-01) or date-time (2021-04-01T00:00:00Z)");
        }
    }

    /** Midnight UTC of {@code date}, e.g. {@code 2021-04-01T00:00:00Z}. */
    static String format(LocalDate date) {
        return Instant.ofEpochSecond(date.toEpochDay() * 86400L).toString();
    }
}
