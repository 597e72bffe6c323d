package org.ssm.algorithms.neural;

import org.ssm.core.Monitor;

/** Counts epochs across the stages of a training run and reports each to a {@link Monitor}. */
final class Progress {

    private final Monitor monitor;
    private final long total;
    private long done;

    Progress(Monitor monitor, long total) {
        this.monitor = monitor;
        this.total = total;
        monitor.checkpoint(0, total);
    }

    /** One more epoch done; throws {@link org.ssm.core.CancelledException} if cancelled. */
    void epochDone() {
        done++;
        monitor.checkpoint(done, total);
    }

    /** Epochs that will not be run (early stopping): counted as done. */
    void skip(long epochs) {
        done += epochs;
        monitor.checkpoint(done, total);
    }
}
