package org.ssm.host.wcs;

import java.math.BigDecimal;

/** Number formatting for the XML documents. */
final class Numbers {

    private Numbers() {}

    /**
     * The shortest decimal that reads back as {@code v}, without an exponent: GML allows
     * exponents, but plain decimals are easier on the eye and on clients that parse by hand.
     */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
