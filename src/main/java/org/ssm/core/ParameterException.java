package org.ssm.core;

/**
 * A parameter had a value that the operation cannot accept.
 *
 * <p>The message always names the parameter, the value received and what is allowed, so that an OGC
 * host can turn it into an {@code InvalidParameterValue} exception whose locator is {@link #parameter()}.
 */
public class ParameterException extends IllegalArgumentException {

    private final String parameter;

    /**
     * @param parameter the parameter's public name, as a client writes it
     * @param value the offending value, shown in the message ({@code null} for a missing value)
     * @param allowed what would have been accepted, e.g. "a number in (0, 1]"
     */
    public ParameterException(String parameter, Object value, String allowed) {
        super(parameter + " = " + describe(value) + ": expected " + allowed);
        this.parameter = parameter;
    }

    /** For a problem that is not a single bad value (e.g. two inputs that disagree), named by one parameter. */
    public static ParameterException because(String parameter, String reason) {
        return new ParameterException(parameter, reason);
    }

    /**
     * For subclasses whose message is a reason rather than a single value: the message reads
     * {@code parameter: reason}.
     */
    protected ParameterException(String parameter, String reason) {
        super(parameter + ": " + reason);
        this.parameter = parameter;
    }

    /** A required parameter was not given. */
    public static ParameterException missing(String parameter, String allowed) {
        return new ParameterException(parameter, "missing: expected " + allowed);
    }

    /** The public name of the offending parameter. */
    public String parameter() {
        return parameter;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "(none)";
        }
        String text = String.valueOf(value);
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }

    /** Fails unless {@code value} is finite and within [min, max]. */
    public static double requireInRange(String parameter, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new ParameterException(parameter, value, "a number in [" + min + ", " + max + "]");
        }
        return value;
    }

    /** Fails unless {@code value} is finite and strictly positive. */
    public static double requirePositive(String parameter, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ParameterException(parameter, value, "a finite number > 0");
        }
        return value;
    }

    /** Fails unless {@code value} is within [min, max]. */
    public static int requireInRange(String parameter, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(parameter, value, "an integer in [" + min + ", " + max + "]");
        }
        return value;
    }
}
