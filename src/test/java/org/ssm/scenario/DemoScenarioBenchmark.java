package org.ssm.scenario;

import java.nio.file.Path;
import org.ssm.core.Monitor;

/**
 * Times the generation and writing of the demo scenario (a benchmark, not a unit test).
 *
 * <p>Run from the project root (see {@code docs/scenario.md}):
 * <pre>
 * mvn -q -o -pl src test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp src/target/classes:src/target/test-classes:$(cat src/target/cp.txt) \
 *     org.ssm.scenario.DemoScenarioBenchmark /tmp/twin-demo
 * </pre>
 */
public final class DemoScenarioBenchmark {

    private DemoScenarioBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/twin-demo");
        long start = System.nanoTime();
        Scenario scenario = TwinExperiment.generate(TwinExperimentConfig.demo(), Monitor.NONE);
        long generated = System.nanoTime();
        ScenarioWriter.write(scenario, dir, Monitor.NONE);
        long written = System.nanoTime();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("demo: generate %.1f s, write %.1f s, total %.1f s on %d processors; heap used %d MB; %s%n",
                (generated - start) / 1e9, (written - generated) / 1e9, (written - start) / 1e9,
                rt.availableProcessors(), (rt.totalMemory() - rt.freeMemory()) >> 20, dir.toAbsolutePath());
    }
}
