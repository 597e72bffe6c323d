package org.ssm.io.stations;

import org.ssm.core.ParameterException;

/**
 * A station file that cannot be read: the message names the file, the line and the reason, as
 * {@code files: <file>:<line>: <reason>} (line 0 when the problem is not on one line), so that a WPS
 * client gets an InvalidParameterValue whose locator is the {@code files} input.
 */
public final class StationFileException extends ParameterException {

    private final String file;
    private final int line;
    private final String reason;

    public StationFileException(String file, int line, String reason) {
        super(StationFiles.PARAMETER, file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    /** The name of the file. */
    public String file() {
        return file;
    }

    /** The 1-based line number, or 0 when the problem is not on one line. */
    public int line() {
        return line;
    }

    /** Why the line cannot be read. */
    public String reason() {
        return reason;
    }
}
