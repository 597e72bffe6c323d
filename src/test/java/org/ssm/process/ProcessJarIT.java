package org.ssm.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The packaged jar can sit beside GeoServer's own GeoTools: it holds none of its classes. */
class ProcessJarIT {

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches("ssm-processes-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().contains("sources")).toList();
            assertEquals(1, jars.size(), "one process jar in target/: " + jars);
            return jars.get(0);
        }
    }

    @Test
    void jarRegistersTheFactoryAndHoldsNoGeoToolsClasses() throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            assertFalse(jar.stream().anyMatch(e -> e.getName().startsWith("org/geotools/")),
                    "GeoTools classes in the process jar");
            var services = jar.getEntry("META-INF/services/org.geotools.process.ProcessFactory");
            assertTrue(services != null, "the ProcessFactory service file is missing");
            String text = new String(jar.getInputStream(services).readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals("org.ssm.process.SsmProcessFactory", text);
            assertTrue(jar.getEntry("org/ssm/process/SsmProcessFactory.class") != null);
        }
    }

    @Test
    void geoserverLibHoldsTheJarAndItsOwnDependenciesOnly() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target/geoserver-lib"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("ssm-processes-")), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.startsWith("geotools-wrapper") || n.startsWith("gt-")
                    || n.startsWith("jts-") || n.startsWith("slf4j")), "GeoServer provides these: " + names);
        }
    }
}
