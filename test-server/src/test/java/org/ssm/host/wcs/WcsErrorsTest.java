package org.ssm.host.wcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.ssm.host.wcs.WcsFixture.assertException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ssm.host.HostConfig;
import org.ssm.host.ows.Kvp;
import org.ssm.host.ows.OwsException;

/** Every refused request gets an OWS 2.0 exception report with the right code, locator and status. */
class WcsErrorsTest extends WcsHostTestBase {


    static Stream<Arguments> kvpErrors() {
        String get = "service=WCS&version=2.0.1&request=GetCoverage&coverageId=";
        return Stream.of(
                Arguments.of(get + "nope", 404, "NoSuchCoverage", "coverageId"),
                Arguments.of("service=WCS&version=2.0.1&request=DescribeCoverage&coverageId=nope", 404,
                        "NoSuchCoverage", "coverageId"),
                Arguments.of(get + "utm&subset=height(0,10)", 400, "InvalidAxisLabel", "subset"),
                Arguments.of(get + "dem&subset=time(\"2021-04-01\")", 400, "InvalidAxisLabel", "subset"),
                Arguments.of(get + "geo&subset=E(10,11)", 400, "InvalidAxisLabel", "subset"),
                Arguments.of(get + "utm&subset=E(0,1000)", 400, "InvalidSubsetting", "subset"),
                Arguments.of(get + "utm&subset=E(504000,505000)", 400, "InvalidSubsetting", "subset"),
                Arguments.of(get + "utm&subset=E(501000,500000)", 400, "InvalidSubsetting", "subset"),
                Arguments.of(get + "utm&subset=E(abc,500100)", 400, "InvalidSubsetting", "subset"),
                Arguments.of(get + "utm&subset=Lat(10,11)", 400, "InvalidSubsetting", "subset"),
                Arguments.of(get + "utm&subset=time(\"2021-05-01\")", 400, "InvalidSubsetting", "subset"),
                Arguments.of(get + "utm&subset=time(\"2021-05-01\",\"2021-06-01\")", 400, "InvalidSubsetting", "subset"),
                Arguments.of(get + "utm&subset=time(\"2021-04-03\",\"2021-04-01\")", 400, "InvalidSubsetting", "subset"),
                Arguments.of(get + "utm&subset=time(April)", 400, "InvalidSubsetting", "subset"),
                Arguments.of(get + "utm&subset=E(500000,500100)&subset=x(500000,500200)", 400, "InvalidSubsetting",
                        "subset"),
                Arguments.of(get + "utm&subset=E(500000,500100)&subset=Lat(45.13,45.14)", 400, "InvalidSubsetting",
                        "subset"),
                Arguments.of(get + "utm&subset=E(500000,500100", 400, "InvalidParameterValue", "subset"),
                Arguments.of(get + "utm&subset=E(1,2,3)", 400, "InvalidParameterValue", "subset"),
                Arguments.of(get + "utm&format=image/png", 400, "InvalidParameterValue", "format"),
                Arguments.of(get + "utm&mediaType=multipart/related", 400, "InvalidParameterValue", "mediaType"),
                Arguments.of(get + "utm&scaleSize=i(0)", 400, "InvalidParameterValue", "scaleSize"),
                Arguments.of(get + "utm&scaleSize=k(10)", 400, "InvalidAxisLabel", "scaleSize"),
                Arguments.of(get + "utm&outputCrs=EPSG:999999", 400, "OutputCrs-NotSupported", "outputCrs"),
                Arguments.of(get + "utm&subsettingCrs=urn:ogc:def:crs:FOO::1&subset=x(1,2)", 400,
                        "SubsettingCrs-NotSupported", "subsettingCrs"),
                Arguments.of("service=WCS&version=2.0.1&request=GetCoverage", 400, "MissingParameterValue",
                        "coverageId"),
                Arguments.of("service=WCS&version=2.0.1&request=DescribeCoverage", 400, "MissingParameterValue",
                        "coverageId"),
                Arguments.of("service=WCS&version=2.0.1", 400, "MissingParameterValue", "request"),
                Arguments.of("service=WCS&version=2.0.1&request=GetCoverageX", 400, "OperationNotSupported", "request"),
                Arguments.of("service=WCS&version=1.0.0&request=GetCoverage&coverageId=utm", 400,
                        "InvalidParameterValue", "version"),
                Arguments.of("service=WMS&request=GetCapabilities", 400, "InvalidParameterValue", "service"),
                Arguments.of("service=WCS&request=GetCapabilities&acceptVersions=1.1.1,1.0.0", 400,
                        "VersionNegotiationFailed", "acceptVersions"),
                Arguments.of("service=WCS&request=GetCapabilities&sections=Everything", 400, "InvalidParameterValue",
                        "sections"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("kvpErrors")
    void kvpRequestIsRefusedWithAReport(String query, int status, String code, String locator) throws Exception {
        assertException(wcs.get(encode(query)), status, code, locator);
    }

    static Stream<Arguments> xmlErrors() {
        return Stream.of(
                Arguments.of("GetCoverage-noSuchCoverage.xml", 404, "NoSuchCoverage", "coverageId"),
                Arguments.of("GetCoverage-badAxis.xml", 400, "InvalidAxisLabel", "subset"),
                Arguments.of("GetCoverage-wrongFormat.xml", 400, "InvalidParameterValue", "format"),
                Arguments.of("GetCoverage-externalEntity.xml", 400, "InvalidParameterValue", "request"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("xmlErrors")
    void xmlRequestIsRefusedWithAReport(String resource, int status, String code, String locator) throws Exception {
        assertException(wcs.postResource("/wcs", resource), status, code, locator);
    }

    @Test
    void anExternalEntityIsNeverExpanded() throws Exception {
        String body = new String(wcs.postResource("/wcs", "GetCoverage-externalEntity.xml").body(),
                StandardCharsets.UTF_8);
        assertFalse(body.contains("root:"), body);
    }

    @Test
    void theInProcessCallRaisesTheSameErrors() {
        WcsServlet servlet = new WcsServlet(wcs.host.catalog(), wcs.host.config());
        OwsException e = org.junit.jupiter.api.Assertions.assertThrows(OwsException.class,
                () -> servlet.getCoverage(Kvp.parseQuery("request=GetCoverage&coverageId=nope")));
        assertEquals("NoSuchCoverage", e.code());
        assertEquals(404, e.httpStatus());
        OwsException notCoverage = org.junit.jupiter.api.Assertions.assertThrows(OwsException.class,
                () -> servlet.getCoverage(Kvp.parseQuery("request=DescribeCoverage&coverageId=utm")));
        assertEquals("request", notCoverage.locator());
    }

    @Test
    void theHostPixelLimitIsEnforcedBeforeReading(@TempDir Path small) throws Exception {
        // 1000 pixels: one 40 × 30 band (1200) is too many, and so is a 10 × 10 window scaled up 4 times
        // (1600); a 20 × 10 window of three dates (600) is not.
        HostConfig config = HostConfig.defaults(0, small.resolve("data")).withLimits(1 << 30, 1000, 3600);
        Files.createDirectories(small);
        try (WcsFixture limited = new WcsFixture(small, config)) {
            assertException(limited.get("service=WCS&request=GetCoverage&coverageId=dem"), 400,
                    "InvalidParameterValue", "subset");
            assertException(limited.get(encode("service=WCS&request=GetCoverage&coverageId=dem&scaleFactor=0.25"
                    + "&subset=E(500000,501000)&subset=N(4999000,5000000)")), 400, "InvalidParameterValue", "subset");
            assertEquals(200, limited.get(encode("service=WCS&request=GetCoverage&coverageId=utm"
                    + "&subset=E(500000,502000)&subset=N(4999000,5000000)")).statusCode());
        }
    }

    private static String encode(String query) {
        StringBuilder out = new StringBuilder();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(pair, 0, eq + 1).append(URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out.toString();
    }
}
