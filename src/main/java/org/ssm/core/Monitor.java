package org.ssm.core;

/**
 * Progress and cancellation for long computations, free of any host or GeoTools type.
 *
 * <p>Algorithms call {@link #checkpoint} once per row, date or epoch: it reports the fraction done
 * and throws {@link CancelledException} if the caller asked to stop. Process adapters bridge this to
 * the GeoTools {@code ProgressListener}.
 */
public interface Monitor {

    /** A monitor that ignores progress and is never cancelled. */
    Monitor NONE = new Monitor() {
        @Override
        public void progress(double fraction) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Reports the fraction of work done, in [0, 1]. */
    void progress(double fraction);

    /** Whether the caller wants the computation to stop. */
    boolean isCancelled();

    /** Reports {@code done / total} and stops the computation if it was cancelled. */
    default void checkpoint(long done, long total) {
        if (isCancelled()) {
            throw new CancelledException();
        }
        progress(total <= 0 ? 1.0 : Math.min(1.0, (double) done / total));
    }

    /**
     * A monitor for one stage of a larger job: its fractions map onto [start, start + share] of this
     * monitor.
     */
    default Monitor stage(double start, double share) {
        Monitor parent = this;
        return new Monitor() {
            @Override
            public void progress(double fraction) {
                parent.progress(start + share * Math.max(0, Math.min(1, fraction)));
            }

            @Override
            public boolean isCancelled() {
                return parent.isCancelled();
            }
        };
    }
}
