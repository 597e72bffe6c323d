package org.ssm.host.wcs;

import java.util.Locale;

/** The single byte range of an HTTP {@code Range} header (RFC 9110 §14.1.2). */
final class ByteRange {

    private ByteRange() {}

    /**
     * The inclusive range {first, last} asked for in a file of {@code size} bytes; null to send the
     * whole file (no header, several ranges, or a header this parser does not understand, which
     * the RFC allows a server to ignore); an empty array when the range cannot be satisfied.
     */
    static long[] parse(String header, long size) {
        if (header == null) {
            return null;
        }
        String h = header.strip().toLowerCase(Locale.ROOT);
        if (!h.startsWith("bytes=") || h.indexOf(',') >= 0) {
            return null;
        }
        String spec = h.substring(6).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).strip();
            String b = spec.substring(dash + 1).strip();
            if (a.isEmpty()) {
                long suffix = Long.parseLong(b);
                if (suffix <= 0 || size == 0) {
                    return new long[0];
                }
                return new long[] {Math.max(0, size - suffix), size - 1};
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
            if (first >= size) {
                return new long[0];
            }
            if (last < first) {
                return null;
            }
            return new long[] {first, last};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
