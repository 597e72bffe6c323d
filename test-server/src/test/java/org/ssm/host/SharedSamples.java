package org.ssm.host;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files the host tests read in place: the real ISMN samples of {@code ../shared/data/ismn-samples/}
 * (SPEC §7: their terms forbid copying them into the repository; the build passes the folder as
 * {@code ssm.shared.dir}) and the project's own small station files in the library's test resources.
 * A missing file fails the test with the path expected.
 */
public final class SharedSamples {

    private SharedSamples() {}

    /** The text of a file under {@code ismn-samples/}, line endings untouched. */
    public static String ismn(String relative) throws IOException {
        Path dir = Path.of(System.getProperty("ssm.shared.dir", "../../shared")).resolve("data/ismn-samples")
                .toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            fail("the ISMN samples are missing: expected the folder " + dir + " (the shared data of SPEC §7, read in"
                    + " place; set -Dssm.shared.dir to the folder holding data/ismn-samples)");
        }
        return read(dir.resolve(relative));
    }

    /** The text of one of the library's own station test files ({@code src/test/resources/org/ssm/io/stations/}). */
    public static String own(String name) throws IOException {
        return read(Path.of(System.getProperty("ssm.project.dir", ".."))
                .resolve("src/test/resources/org/ssm/io/stations").resolve(name).toAbsolutePath().normalize());
    }

    private static String read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            fail("missing test file " + file);
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
