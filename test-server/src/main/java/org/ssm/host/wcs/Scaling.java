package org.ssm.host.wcs;

import java.util.Locale;
import org.ssm.host.ows.OwsException;

/**
 * A request of the WCS 2.0 Scaling Extension, reduced to what it does to a grid: a new number of
 * columns and rows over the same extent.
 *
 * <p>Axes are the grid axes {@code i} (columns) and {@code j} (rows), also accepted as their OGC
 * URIs ({@code http://www.opengis.net/def/axis/OGC/1/i}) or as the CRS labels x/E/Long and
 * y/N/Lat. A scale factor divides the number of cells, as GDAL's WCS client expects: factor 2
 * halves the columns and rows.
 *
 * @param factorX divisor of the number of columns (1 = unchanged)
 * @param factorY divisor of the number of rows
 * @param sizeX target number of columns, or 0 to use the factor
 * @param sizeY target number of rows, or 0 to use the factor
 */
public record Scaling(double factorX, double factorY, int sizeX, int sizeY) {

    /** No scaling. */
    public static final Scaling NONE = new Scaling(1, 1, 0, 0);

    public Scaling {
        if (!(factorX > 0) || !(factorY > 0) || Double.isInfinite(factorX) || Double.isInfinite(factorY)) {
            throw OwsException.invalid("scaleFactor", "scale factors must be positive numbers");
        }
        if (sizeX < 0 || sizeY < 0) {
            throw OwsException.invalid("scaleSize", "target sizes must be positive integers");
        }
    }

    public boolean isNone() {
        return sizeX == 0 && sizeY == 0 && factorX == 1 && factorY == 1;
    }

    /** The scaled {columns, rows} of a {@code width} × {@code height} grid (at least 1 × 1). */
    public int[] apply(int width, int height) {
        int w = sizeX > 0 ? sizeX : (int) Math.max(1, Math.round(width / factorX));
        int h = sizeY > 0 ? sizeY : (int) Math.max(1, Math.round(height / factorY));
        return new int[] {w, h};
    }

    /** SCALEFACTOR=f. */
    public static Scaling byFactor(String parameter, String value) {
        double f = number(parameter, value);
        return new Scaling(f, f, 0, 0);
    }

    /** SCALEAXES=i(f),j(f). */
    public static Scaling byAxisFactors(String parameter, String value) {
        double[] f = {1, 1};
        for (String[] item : items(parameter, value)) {
            f[axisIndex(parameter, item[0])] = number(parameter, item[1]);
        }
        return new Scaling(f[0], f[1], 0, 0);
    }

    /** SCALESIZE=i(n),j(n). */
    public static Scaling toSize(String parameter, String value) {
        int[] n = {0, 0};
        for (String[] item : items(parameter, value)) {
            n[axisIndex(parameter, item[0])] = size(parameter, item[1]);
        }
        return new Scaling(1, 1, n[0], n[1]);
    }

    /** SCALEEXTENT=i(lo:hi),j(lo:hi): the target grid limits, so size = hi − lo + 1. */
    public static Scaling toExtent(String parameter, String value) {
        int[] n = {0, 0};
        for (String[] item : items(parameter, value)) {
            String[] limits = item[1].split(":");
            if (limits.length != 2) {
                throw OwsException.invalid(parameter, parameter + "=" + value + ": expected axis(low:high),...");
            }
            int lo = integer(parameter, limits[0]);
            int hi = integer(parameter, limits[1]);
            if (hi < lo) {
                throw OwsException.invalid(parameter, parameter + "=" + value + ": high below low");
            }
            n[axisIndex(parameter, item[0])] = size(parameter, Integer.toString(hi - lo + 1));
        }
        return new Scaling(1, 1, n[0], n[1]);
    }

    /** Splits {@code a(1),b(2)} into {a, 1}, {b, 2}. */
    private static java.util.List<String[]> items(String parameter, String value) {
        java.util.List<String[]> out = new java.util.ArrayList<>();
        String rest = value.strip();
        while (!rest.isEmpty()) {
            int open = rest.indexOf('(');
            int close = rest.indexOf(')', open + 1);
            if (open <= 0 || close < 0) {
                throw OwsException.invalid(parameter, parameter + "=" + value + ": expected axis(value),axis(value)");
            }
            out.add(new String[] {rest.substring(0, open).strip(), rest.substring(open + 1, close).strip()});
            rest = rest.substring(close + 1).strip();
            if (rest.startsWith(",")) {
                rest = rest.substring(1).strip();
            } else if (!rest.isEmpty()) {
                throw OwsException.invalid(parameter, parameter + "=" + value + ": expected axis(value),axis(value)");
            }
        }
        if (out.isEmpty()) {
            throw OwsException.invalid(parameter, parameter + " is empty");
        }
        return out;
    }

    /** 0 for columns, 1 for rows. */
    static int axisIndex(String parameter, String axis) {
        String a = axis.strip();
        int slash = a.lastIndexOf('/');
        if (slash >= 0) {
            a = a.substring(slash + 1);
        }
        a = a.toLowerCase(Locale.ROOT);
        if (a.equals("i") || a.equals("x") || a.equals("e") || CoverageCrs.isLongitude(a)) {
            return 0;
        }
        if (a.equals("j") || a.equals("y") || a.equals("n") || CoverageCrs.isLatitude(a)) {
            return 1;
        }
        throw new OwsException(DimensionSubset.INVALID_AXIS_LABEL, parameter, parameter + ": no grid axis " + axis
                + " (the grid axes are i and j)");
    }

    private static double number(String parameter, String v) {
        try {
            double d = Double.parseDouble(v.strip());
            if (d > 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw OwsException.invalid(parameter, parameter + ": " + v + " is not a positive number");
    }

    private static int integer(String parameter, String v) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw OwsException.invalid(parameter, parameter + ": " + v + " is not an integer");
        }
    }

    private static int size(String parameter, String v) {
        int n = integer(parameter, v);
        if (n <= 0) {
            throw OwsException.invalid(parameter, parameter + ": " + v + " is not a positive size");
        }
        return n;
    }
}
