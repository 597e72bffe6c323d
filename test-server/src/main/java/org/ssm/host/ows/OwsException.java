package org.ssm.host.ows;

/**
 * An error to report to an OGC client as an exception report: an exception code from the OWS
 * Common / service specification, the locator naming the offending parameter, and a message.
 */
public class OwsException extends RuntimeException {

    public static final String OPERATION_NOT_SUPPORTED = "OperationNotSupported";
    public static final String MISSING_PARAMETER_VALUE = "MissingParameterValue";
    public static final String INVALID_PARAMETER_VALUE = "InvalidParameterValue";
    public static final String VERSION_NEGOTIATION_FAILED = "VersionNegotiationFailed";
    public static final String NO_APPLICABLE_CODE = "NoApplicableCode";
    public static final String SERVER_BUSY = "ServerBusy";
    public static final String FILE_SIZE_EXCEEDED = "FileSizeExceeded";

    private final String code;
    private final String locator;
    private final int httpStatus;

    public OwsException(String code, String locator, String message) {
        this(code, locator, message, defaultStatus(code), null);
    }

    public OwsException(String code, String locator, String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.locator = locator;
        this.httpStatus = httpStatus;
    }

    public static OwsException missing(String parameter) {
        return new OwsException(MISSING_PARAMETER_VALUE, parameter, "missing parameter '" + parameter + "'");
    }

    public static OwsException invalid(String parameter, String message) {
        return new OwsException(INVALID_PARAMETER_VALUE, parameter, message);
    }

    public String code() {
        return code;
    }

    /** The parameter the error is about, or {@code null}. */
    public String locator() {
        return locator;
    }

    public int httpStatus() {
        return httpStatus;
    }

    private static int defaultStatus(String code) {
        return switch (code) {
            case NO_APPLICABLE_CODE -> 500;
            case SERVER_BUSY -> 503;
            case FILE_SIZE_EXCEEDED -> 413;
            case "NoSuchCoverage", "NoSuchProcess", "LayerNotDefined" -> 404;
            default -> 400;
        };
    }
}
