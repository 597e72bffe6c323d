package org.ssm.host.wps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.host.Host;
import org.ssm.host.HostConfig;
import org.ssm.host.TestSupport;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Each document in {@code wps-descriptors/} matches what the running host describes, and every
 * offered process has one. Regenerate with {@code test-server/ssm describe ID --xml}.
 */
class DescriptorsTest {

    @TempDir
    Path dir;

    private static Path descriptorsDir() {
        return Path.of(System.getProperty("ssm.project.dir", "..")).resolve("wps-descriptors").toAbsolutePath();
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml));
        stripBlankText(d.getDocumentElement());
        d.normalizeDocument();
        return d;
    }

    /** Indentation is not content. */
    private static void stripBlankText(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.TEXT_NODE && child.getTextContent().isBlank()) {
                node.removeChild(child);
            } else {
                stripBlankText(child);
            }
            child = next;
        }
    }

    @Test
    void everyDescriptorMatchesTheLiveDescribeProcess() throws Exception {
        Set<String> described = new TreeSet<>();
        try (Host host = Host.start(HostConfig.defaults(0, dir)); Stream<Path> files = Files.list(descriptorsDir())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                Document expected = parse(Files.readAllBytes(file));
                String id = expected.getElementsByTagNameNS("http://www.opengis.net/ows/1.1", "Identifier").item(0)
                        .getTextContent();
                TestSupport.Response live = TestSupport.get(host.localBaseUrl()
                        + "/wps?service=WPS&version=1.0.0&request=DescribeProcess&identifier=" + id);
                assertEquals(200, live.status(), live.text());
                assertTrue(expected.isEqualNode(parse(live.body())), file.getFileName() + " differs from the live"
                        + " DescribeProcess; regenerate it with test-server/ssm describe " + id + " --xml\nlive:\n"
                        + live.text());
                described.add(id);
            }
            Set<String> offered = new TreeSet<>();
            host.wps().registry().all().forEach(p -> offered.add(p.identifier()));
            assertEquals(offered, described, "every offered process has a descriptor file and no other file exists");
        }
    }
}
