package org.ssm.host.ows;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * XML parsing with DTDs, external entities and XInclude disabled, so that a request body cannot
 * read local files or reach other hosts (XXE). A document that declares a DTD is rejected.
 */
public final class SafeXml {

    private SafeXml() {}

    /** Parses a namespace-aware DOM from {@code in}; malformed or DTD-bearing input is an OWS error. */
    public static Document parse(InputStream in, String what) {
        try {
            return builder().parse(in);
        } catch (SAXException e) {
            throw new OwsException(OwsException.INVALID_PARAMETER_VALUE, what,
                    "the XML " + what + " could not be parsed: " + e.getMessage());
        } catch (IOException e) {
            throw new OwsException(OwsException.NO_APPLICABLE_CODE, what, "the XML " + what + " could not be read: "
                    + e.getMessage());
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        }
    }

    /** A StAX input factory with DTD support and external entities off. */
    public static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }
}
