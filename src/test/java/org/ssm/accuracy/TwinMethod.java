package org.ssm.accuracy;

import org.ssm.core.Monitor;
import org.ssm.grid.GridSeries;

/**
 * A downscaling method as the accuracy table runs it: from the inputs of a {@link TwinCase} to fine
 * soil moisture over its validation season. Learned methods train on the training season (the
 * split of paper B); the others fit each date of the validation season on its own.
 */
public interface TwinMethod {

    /** The name in the table. */
    String name();

    /** Fine soil moisture on {@code tc}'s fine grid, one band per date of the validation season. */
    GridSeries run(TwinCase tc, Monitor monitor);

    /** A method from a name and a function. */
    static TwinMethod of(String name, java.util.function.BiFunction<TwinCase, Monitor, GridSeries> run) {
        return new TwinMethod() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public GridSeries run(TwinCase tc, Monitor monitor) {
                return run.apply(tc, monitor);
            }
        };
    }
}
