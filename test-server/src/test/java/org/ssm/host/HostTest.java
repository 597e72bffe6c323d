package org.ssm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostTest {

    @TempDir
    Path dir;

    @Test
    void startsOnAFreePortAndAnswersUnknownServicesWithAnExceptionReport() throws Exception {
        try (Host host = Host.start(HostConfig.defaults(0, dir))) {
            assertTrue(host.port() > 0);
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(host.localBaseUrl() + "/ows?service=XYZ&request=GetCapabilities"))
                            .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode());
            assertTrue(r.body().contains("exceptionCode=\"InvalidParameterValue\""), r.body());
            assertTrue(r.body().contains("locator=\"service\""), r.body());
        }
    }
}
