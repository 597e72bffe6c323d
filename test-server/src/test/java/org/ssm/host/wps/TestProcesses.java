package org.ssm.host.wps;

import java.util.List;
import org.geotools.process.factory.AnnotatedBeanProcessFactory;
import org.geotools.text.Text;
import org.ssm.process.SsmProcessFactory;

/** The ssm processes plus the test processes {@code ssm:Slow} and {@code ssm:Table}. */
final class TestProcesses {

    private TestProcesses() {}

    static ProcessRegistry registry() {
        return ProcessRegistry.of(List.of(new SsmProcessFactory(),
                new AnnotatedBeanProcessFactory(Text.text("test"), "ssm", SlowProcess.class, TableProcess.class)));
    }
}
