package org.ssm.host.wps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ssm.host.ows.Kvp;
import org.ssm.host.ows.Namespaces;
import org.ssm.host.ows.OwsException;
import org.ssm.host.wps.ExecuteRequest.Complex;
import org.ssm.host.wps.ExecuteRequest.Input;
import org.ssm.host.wps.ExecuteRequest.Literal;
import org.ssm.host.wps.ExecuteRequest.OutputRequest;
import org.ssm.host.wps.ExecuteRequest.Reference;
import org.ssm.host.wps.ExecuteRequest.ResponseForm;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Parses WPS 1.0.0 Execute requests from their KVP and XML encodings. */
public final class ExecuteParser {

    private ExecuteParser() {}

    /**
     * The KVP form: {@code identifier}, {@code DataInputs=a=1;b=@xlink:href=...@mimeType=image/tiff},
     * {@code ResponseDocument=out@asReference=true;...} or {@code RawDataOutput=out@mimeType=...},
     * {@code storeExecuteResponse}, {@code status}, {@code lineage}.
     */
    public static ExecuteRequest fromKvp(Kvp kvp) {
        String identifier = kvp.require("identifier");
        List<Input> inputs = new ArrayList<>();
        String dataInputs = kvp.get("DataInputs");
        if (dataInputs != null) {
            for (String item : splitUnescaped(dataInputs, ';')) {
                if (!item.isBlank()) {
                    inputs.add(kvpInput(item));
                }
            }
        }
        OutputRequest raw = null;
        List<OutputRequest> outputs = new ArrayList<>();
        if (kvp.has("RawDataOutput")) {
            raw = kvpOutput(kvp.get("RawDataOutput"));
        } else if (kvp.has("ResponseDocument")) {
            for (String item : splitUnescaped(kvp.get("ResponseDocument"), ';')) {
                if (!item.isBlank()) {
                    outputs.add(kvpOutput(item));
                }
            }
        }
        return new ExecuteRequest(identifier, inputs, new ResponseForm(raw, bool(kvp, "storeExecuteResponse"),
                bool(kvp, "status"), bool(kvp, "lineage"), outputs));
    }

    private static Input kvpInput(String item) {
        int eq = item.indexOf('=');
        if (eq <= 0) {
            throw OwsException.invalid("DataInputs", "'" + item + "' is not of the form id=value");
        }
        String id = unescape(item.substring(0, eq)).strip();
        String rest = item.substring(eq + 1);
        List<String> parts = splitUnescaped(rest, '@');
        String value = unescape(parts.get(0));
        String href = null;
        String mimeType = null;
        String encoding = null;
        for (String attribute : parts.subList(1, parts.size())) {
            int aeq = attribute.indexOf('=');
            if (aeq <= 0) {
                continue;
            }
            String key = attribute.substring(0, aeq).strip().toLowerCase(Locale.ROOT);
            String v = unescape(attribute.substring(aeq + 1));
            switch (key) {
                case "xlink:href", "href" -> href = v;
                case "mimetype" -> mimeType = v;
                case "encoding" -> encoding = v;
                default -> { /* uom, schema: not needed by these processes */ }
            }
        }
        if (href != null) {
            return new Reference(id, href, "GET", mimeType, encoding, null, null);
        }
        if (mimeType != null) {
            return new Complex(id, mimeType, encoding, value, null);
        }
        return new Literal(id, value);
    }

    private static OutputRequest kvpOutput(String item) {
        List<String> parts = splitUnescaped(item, '@');
        String id = unescape(parts.get(0)).strip();
        boolean asReference = false;
        String mimeType = null;
        for (String attribute : parts.subList(1, parts.size())) {
            int aeq = attribute.indexOf('=');
            if (aeq <= 0) {
                continue;
            }
            String key = attribute.substring(0, aeq).strip().toLowerCase(Locale.ROOT);
            String v = unescape(attribute.substring(aeq + 1)).strip();
            if (key.equals("asreference")) {
                asReference = Boolean.parseBoolean(v);
            } else if (key.equals("mimetype")) {
                mimeType = v;
            }
        }
        return new OutputRequest(id, asReference, mimeType);
    }

    /** Splits on {@code sep} except where escaped as in WPS KVP (the separator percent-encoded stays). */
    private static List<String> splitUnescaped(String s, char sep) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == sep) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** WPS KVP values may keep '%40' or '%3B' for '@' and ';' inside values after the query decoding. */
    private static String unescape(String s) {
        return s.replace("%40", "@").replace("%3B", ";").replace("%3b", ";").replace("%3D", "=").replace("%3d", "=");
    }

    private static boolean bool(Kvp kvp, String key) {
        String v = kvp.get(key);
        if (v == null) {
            return false;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw OwsException.invalid(key, key + "=" + v + ": expected true or false");
    }

    /** The XML form: a {@code wps:Execute} element. */
    public static ExecuteRequest fromXml(Element execute) {
        if (!Namespaces.WPS_10.equals(execute.getNamespaceURI()) || !"Execute".equals(execute.getLocalName())) {
            throw OwsException.invalid("request", "expected a wps:Execute document (namespace " + Namespaces.WPS_10
                    + "), got " + execute.getNodeName());
        }
        String version = execute.getAttribute("version");
        if (!version.isEmpty() && !version.equals("1.0.0")) {
            throw new OwsException(OwsException.VERSION_NEGOTIATION_FAILED, "version",
                    "version " + version + " is not supported; use 1.0.0");
        }
        Element identifier = child(execute, Namespaces.OWS_11, "Identifier");
        if (identifier == null || identifier.getTextContent().isBlank()) {
            throw OwsException.missing("Identifier");
        }
        List<Input> inputs = new ArrayList<>();
        Element dataInputs = child(execute, Namespaces.WPS_10, "DataInputs");
        if (dataInputs != null) {
            for (Element input : children(dataInputs, Namespaces.WPS_10, "Input")) {
                inputs.add(xmlInput(input));
            }
        }
        return new ExecuteRequest(identifier.getTextContent().strip(), inputs, xmlResponseForm(execute));
    }

    private static Input xmlInput(Element input) {
        Element idElement = child(input, Namespaces.OWS_11, "Identifier");
        if (idElement == null) {
            throw OwsException.missing("Identifier");
        }
        String id = idElement.getTextContent().strip();
        Element reference = child(input, Namespaces.WPS_10, "Reference");
        if (reference != null) {
            String href = reference.getAttributeNS(Namespaces.XLINK, "href");
            if (href.isEmpty()) {
                href = reference.getAttribute("href");
            }
            if (href.isEmpty()) {
                throw OwsException.invalid(id, "input " + id + ": wps:Reference needs an xlink:href");
            }
            String method = reference.getAttribute("method").isEmpty() ? "GET" : reference.getAttribute("method");
            Element body = child(reference, Namespaces.WPS_10, "Body");
            Element bodyXml = body == null ? null : firstElement(body);
            String bodyText = body != null && bodyXml == null ? body.getTextContent() : null;
            if (child(reference, Namespaces.WPS_10, "BodyReference") != null) {
                throw OwsException.invalid(id, "input " + id + ": wps:BodyReference is not supported; inline the body"
                        + " in wps:Body");
            }
            return new Reference(id, href.strip(), method.toUpperCase(Locale.ROOT), attr(reference, "mimeType"),
                    attr(reference, "encoding"), bodyXml, bodyText);
        }
        Element data = child(input, Namespaces.WPS_10, "Data");
        if (data == null) {
            throw OwsException.invalid(id, "input " + id + " has neither wps:Data nor wps:Reference");
        }
        Element literal = child(data, Namespaces.WPS_10, "LiteralData");
        if (literal != null) {
            return new Literal(id, literal.getTextContent());
        }
        Element complex = child(data, Namespaces.WPS_10, "ComplexData");
        if (complex != null) {
            return new Complex(id, attr(complex, "mimeType"), attr(complex, "encoding"), complex.getTextContent(),
                    firstElement(complex));
        }
        if (child(data, Namespaces.WPS_10, "BoundingBoxData") != null) {
            throw OwsException.invalid(id, "input " + id + ": bounding-box data is not used by these processes");
        }
        throw OwsException.invalid(id, "input " + id + ": wps:Data holds no LiteralData or ComplexData");
    }

    private static ResponseForm xmlResponseForm(Element execute) {
        Element form = child(execute, Namespaces.WPS_10, "ResponseForm");
        if (form == null) {
            return ResponseForm.document();
        }
        Element raw = child(form, Namespaces.WPS_10, "RawDataOutput");
        if (raw != null) {
            return new ResponseForm(outputOf(raw), false, false, false, List.of());
        }
        Element doc = child(form, Namespaces.WPS_10, "ResponseDocument");
        if (doc == null) {
            return ResponseForm.document();
        }
        List<OutputRequest> outputs = new ArrayList<>();
        for (Element output : children(doc, Namespaces.WPS_10, "Output")) {
            outputs.add(outputOf(output));
        }
        return new ResponseForm(null, xmlBool(doc, "storeExecuteResponse"), xmlBool(doc, "status"),
                xmlBool(doc, "lineage"), outputs);
    }

    private static OutputRequest outputOf(Element output) {
        Element id = child(output, Namespaces.OWS_11, "Identifier");
        if (id == null) {
            throw OwsException.missing("Identifier");
        }
        return new OutputRequest(id.getTextContent().strip(), "true".equalsIgnoreCase(output.getAttribute("asReference")),
                attr(output, "mimeType"));
    }

    private static boolean xmlBool(Element e, String name) {
        String v = e.getAttribute(name);
        if (v.isEmpty() || v.equalsIgnoreCase("false")) {
            return false;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        throw OwsException.invalid(name, name + "=\"" + v + "\": expected true or false");
    }

    private static String attr(Element e, String name) {
        String v = e.getAttribute(name);
        return v.isEmpty() ? null : v;
    }

    static Element child(Element parent, String ns, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String ns, String local) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                list.add(e);
            }
        }
        return list;
    }

    static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }
}
