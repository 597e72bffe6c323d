package org.ssm.host.wps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.ssm.grid.GridSeries;
import org.ssm.host.TestSupport;
import org.ssm.host.TestSupport.Response;
import org.ssm.io.GeoTiff;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Plumbing shared by the host's WPS tests: posting Execute resources and taking their responses apart. */
final class WpsTestSupport {

    static final String WPS = "http://www.opengis.net/wps/1.0.0";
    static final String OWS = "http://www.opengis.net/ows/1.1";

    private WpsTestSupport() {}

    /** Posts the Execute document of a test resource, its {@code ${key}}s filled in, to the host's WPS. */
    static Response execute(String base, String resource, Map<String, String> values)
            throws IOException, InterruptedException {
        return TestSupport.post(base + "/wps", TestSupport.template(resource, values));
    }

    /** The outputs of an ExecuteResponse by their identifiers. */
    static Map<String, Element> outputs(Document d) {
        Map<String, Element> outputs = new HashMap<>();
        var list = d.getElementsByTagNameNS(WPS, "Output");
        for (int i = 0; i < list.getLength(); i++) {
            Element out = (Element) list.item(i);
            outputs.put(out.getElementsByTagNameNS(OWS, "Identifier").item(0).getTextContent(), out);
        }
        return outputs;
    }

    /** The first ows:Exception of an exception report. */
    static Element exception(Response r) throws Exception {
        return (Element) r.xml().getElementsByTagNameNS(OWS, "Exception").item(0);
    }

    /** Writes a GeoTIFF body to {@code dir/fileName} and decodes it with the project's own reader. */
    static GridSeries geoTiff(Path dir, String fileName, byte[] body) throws IOException {
        Path file = dir.resolve(fileName);
        Files.write(file, body);
        return GeoTiff.read(file);
    }
}
