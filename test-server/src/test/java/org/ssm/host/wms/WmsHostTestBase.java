package org.ssm.host.wms;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;

/** Starts one host on a free port with the {@link WmsFixture} layers for all tests of a class. */
abstract class WmsHostTestBase {

    @TempDir
    static Path dataDir;

    static Host host;

    @BeforeAll
    static void startHost() throws Exception {
        host = Host.start(HostConfig.defaults(0, dataDir));
        WmsFixture.publish(host);
    }

    @AfterAll
    static void stopHost() throws Exception {
        if (host != null) {
            host.close();
            host = null;
        }
    }
}
