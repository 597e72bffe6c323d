package org.ssm.io.stations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The project's own small station files, in {@code src/test/resources/org/ssm/io/stations/}. */
final class TestFiles {

    static final String ALPHA = "TESTNET_TESTNET_Alpha-Field_sm_0.000000_0.050000_Probe-X_20210401_20210402.stm";

    private TestFiles() {}

    /** The bytes of a resource as text, line endings untouched. */
    static StationText file(String name) throws IOException {
        try (InputStream in = TestFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource org/ssm/io/stations/" + name);
            }
            String base = name.substring(name.lastIndexOf('/') + 1);
            return new StationText(base, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
