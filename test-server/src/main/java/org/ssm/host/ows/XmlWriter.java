package org.ssm.host.ows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A fluent writer for OGC XML documents over StAX, which escapes all text and attribute values.
 * Elements are written as {@code prefix:local}, or unqualified when there is no prefix and no
 * default namespace; prefixes are bound once on the root element.
 */
public final class XmlWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final XMLStreamWriter xml;
    private final Map<String, String> namespaces;
    private boolean rootOpen;

    /** A writer whose root element declares every prefix of {@code namespaces} (prefix to URI). */
    public XmlWriter(Map<String, String> namespaces) {
        this.namespaces = namespaces;
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens element {@code qname} ("prefix:local"). */
    public XmlWriter start(String qname) {
        try {
            int colon = qname.indexOf(':');
            String prefix = colon < 0 ? "" : qname.substring(0, colon);
            String local = colon < 0 ? qname : qname.substring(colon + 1);
            String uri = namespaces.get(prefix);
            if (uri == null && colon < 0) {
                // An unqualified element, as some OGC schemas declare for local elements.
                xml.writeStartElement(local);
            } else if (uri == null) {
                throw new IllegalArgumentException("unbound prefix in " + qname);
            } else {
                xml.writeStartElement(prefix, local, uri);
            }
            if (!rootOpen) {
                rootOpen = true;
                for (Map.Entry<String, String> ns : namespaces.entrySet()) {
                    if (ns.getKey().isEmpty()) {
                        xml.writeDefaultNamespace(ns.getValue());
                    } else {
                        xml.writeNamespace(ns.getKey(), ns.getValue());
                    }
                }
            }
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds an attribute ("name" or "prefix:name") to the open element; null values are skipped. */
    public XmlWriter attr(String qname, Object value) {
        if (value == null) {
            return this;
        }
        try {
            int colon = qname.indexOf(':');
            if (colon < 0) {
                xml.writeAttribute(qname, value.toString());
            } else {
                String prefix = qname.substring(0, colon);
                String uri = prefix.equals("xml") ? javax.xml.XMLConstants.XML_NS_URI : namespaces.get(prefix);
                if (uri == null) {
                    throw new IllegalArgumentException("unbound prefix in " + qname);
                }
                xml.writeAttribute(prefix, uri, qname.substring(colon + 1), value.toString());
            }
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    public XmlWriter text(Object value) {
        try {
            if (value != null) {
                xml.writeCharacters(value.toString());
            }
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code <qname>text</qname>}; nothing when {@code value} is null. */
    public XmlWriter element(String qname, Object value) {
        if (value == null) {
            return this;
        }
        return start(qname).text(value).end();
    }

    public XmlWriter end() {
        try {
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes every open element and returns the UTF-8 document. */
    public byte[] toBytes() {
        try {
            xml.writeEndDocument();
            xml.close();
            return out.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return new String(toBytes(), StandardCharsets.UTF_8);
    }
}
