package org.ssm.core;

/** Thrown by {@link Monitor#checkpoint} when the caller cancelled the computation. */
public class CancelledException extends RuntimeException {
    public CancelledException() {
        super("the computation was cancelled");
    }
}
