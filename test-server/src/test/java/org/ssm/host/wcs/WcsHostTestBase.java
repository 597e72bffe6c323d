package org.ssm.host.wcs;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Starts one {@link WcsFixture} host for all tests of a class. */
abstract class WcsHostTestBase {

    @TempDir
    static Path dir;

    static WcsFixture wcs;

    @BeforeAll
    static void start() throws Exception {
        wcs = new WcsFixture(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (wcs != null) {
            wcs.close();
            wcs = null;
        }
    }
}
