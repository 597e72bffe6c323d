package org.ssm.io.stations;

/**
 * The lines of a text with their 1-based numbers, whatever the line endings: LF, CRLF and CR alone (old
 * Mac files; several ISMN files end their lines with CR only). A byte-order mark at the start is
 * dropped. The numbering is the one of any editor that knows the three endings, so that an error's line
 * number points at the line a user sees.
 */
final class TextLines {

    private final String text;
    private int position;
    private int number;
    private String line;

    TextLines(String text) {
        String t = text == null ? "" : text;
        this.text = t;
        this.position = t.startsWith("\uFEFF") ? 1 : 0;
    }

    /** Moves to the next line; false at the end of the text. */
    boolean next() {
        int length = text.length();
        if (position >= length) {
            return false;
        }
        int end = position;
        while (end < length) {
            char c = text.charAt(end);
            if (c == '\n' || c == '\r') {
                break;
            }
            end++;
        }
        line = text.substring(position, end);
        number++;
        if (end < length && text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n') {
            position = end + 2;
        } else {
            position = end + 1;
        }
        return true;
    }

    /** Moves to the next line that is not blank; false at the end of the text. */
    boolean nextNonBlank() {
        while (next()) {
            if (!line.isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** The current line, without its ending. */
    String line() {
        return line;
    }

    /** The current line's number, 1 for the first. */
    int number() {
        return number;
    }
}
