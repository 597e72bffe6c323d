package org.ssm.host.wps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ssm.host.TestSupport.get;
import static org.ssm.host.TestSupport.post;
import static org.ssm.host.wps.WpsTestSupport.WPS;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;
import org.ssm.host.TestSupport;
import org.ssm.host.TestSupport.Response;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Text documents (CSV in, JSON out) and images (PNG out) as complex data. */
class WpsDocumentsTest {

    @TempDir
    Path dir;

    @Test
    void describedAsComplexDataWithTheirFormats() throws Exception {
        try (Host host = Host.start(HostConfig.defaults(0, dir), TestProcesses.registry())) {
            String xml = get(host.localBaseUrl() + "/wps?service=WPS&version=1.0.0&request=DescribeProcess"
                    + "&identifier=ssm:Table").text();
            assertTrue(xml.contains("<MimeType>text/csv</MimeType>"), xml);
            assertTrue(xml.contains("<MimeType>application/json</MimeType>"), xml);
            assertTrue(xml.contains("<MimeType>image/png</MimeType>"), xml);
        }
    }

    @Test
    void csvInJsonAndPngOut() throws Exception {
        try (Host host = Host.start(HostConfig.defaults(0, dir), TestProcesses.registry())) {
            Response r = post(host.localBaseUrl() + "/wps", TestSupport.template("wps/execute-table.xml", Map.of()));
            assertEquals(200, r.status(), r.text());
            Document d = r.xml();
            Element complex = (Element) d.getElementsByTagNameNS(WPS, "ComplexData").item(0);
            assertEquals("application/json", complex.getAttribute("mimeType"));
            assertEquals("{\"rows\":3,\"sum\":50.0}", complex.getTextContent().strip());
            Element ref = (Element) d.getElementsByTagNameNS(WPS, "Reference").item(0);
            assertEquals("image/png", ref.getAttribute("mimeType"));
            Response png = get(ref.getAttribute("href"));
            assertEquals("image/png", png.contentType());
            BufferedImage chart = ImageIO.read(new java.io.ByteArrayInputStream(png.body()));
            // The bar is 50 px long: pixel 49 is blue, pixel 50 transparent.
            assertEquals(0xff0000ff, chart.getRGB(49, 5));
            assertEquals(0, chart.getRGB(50, 5) >>> 24);
        }
    }
}
