package org.ssm.host.wps;

import org.geotools.data.util.NullProgressListener;

/**
 * The GeoTools progress listener of one execution: records the percentage that the status
 * document reports and carries cancellation (dismiss, time limit, or a cancelled parent run) into
 * the process. Fields are volatile: the process thread reports while HTTP and timer threads read
 * and cancel.
 */
final class RunProgress extends NullProgressListener {

    private final RunProgress parent;
    private volatile float percent;
    private volatile boolean cancelled;
    private volatile String cancelReason;

    /** A listener whose cancellation also follows {@code parent} (may be null). */
    RunProgress(RunProgress parent) {
        this.parent = parent;
    }

    @Override
    public void started() {
        percent = 0;
    }

    @Override
    public void progress(float value) {
        percent = Math.max(0, Math.min(100, value));
    }

    @Override
    public float getProgress() {
        return percent;
    }

    @Override
    public void complete() {
        percent = 100;
    }

    @Override
    public boolean isCanceled() {
        return cancelled || (parent != null && parent.isCanceled());
    }

    @Override
    public void setCanceled(boolean cancel) {
        cancelled = cancel;
    }

    /** Cancels with a reason that the failure report gives. */
    void cancel(String reason) {
        cancelReason = reason;
        cancelled = true;
    }

    String cancelReason() {
        return cancelReason != null ? cancelReason : parent != null ? parent.cancelReason() : null;
    }
}
