package org.ssm.host.wps;

import org.geotools.api.util.ProgressListener;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.ssm.core.CancelledException;

/** A test process that takes {@code steps} × 20 ms, reporting progress and honouring cancellation. */
@DescribeProcess(title = "Slow", description = "Sleeps in steps, for cancellation and limit tests")
public class SlowProcess {

    @DescribeResult(name = "result", description = "The number of steps done")
    public String execute(@DescribeParameter(name = "steps", description = "steps of 20 ms") Integer steps,
            ProgressListener monitor) throws InterruptedException {
        for (int i = 0; i < steps; i++) {
            if (monitor.isCanceled()) {
                throw new CancelledException();
            }
            monitor.progress(100f * i / steps);
            Thread.sleep(20);
        }
        return Integer.toString(steps);
    }
}
