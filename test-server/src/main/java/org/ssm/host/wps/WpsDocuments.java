package org.ssm.host.wps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotools.api.data.Parameter;
import org.ssm.host.ows.Namespaces;
import org.ssm.host.ows.XmlWriter;
import org.ssm.host.wps.ProcessRegistry.ProcessInfo;

/** Writes the WPS 1.0.0 GetCapabilities and DescribeProcess documents. */
public final class WpsDocuments {

    private WpsDocuments() {}

    static Map<String, String> namespaces() {
        Map<String, String> ns = new LinkedHashMap<>();
        ns.put("wps", Namespaces.WPS_10);
        ns.put("ows", Namespaces.OWS_11);
        ns.put("xlink", Namespaces.XLINK);
        ns.put("xsi", Namespaces.XSI);
        return ns;
    }

    /** The capabilities document; {@code endpoint} is the URL of {@code /wps}. */
    public static byte[] capabilities(List<ProcessInfo> processes, String endpoint) {
        XmlWriter w = new XmlWriter(namespaces());
        w.start("wps:Capabilities").attr("service", "WPS").attr("version", "1.0.0").attr("xml:lang", "en-US")
                .attr("xsi:schemaLocation", Namespaces.WPS_10
                        + " http://schemas.opengis.net/wps/1.0.0/wpsGetCapabilities_response.xsd");
        w.start("ows:ServiceIdentification")
                .element("ows:Title", "High-resolution soil moisture processes")
                .element("ows:Abstract", "Soil-moisture downscaling, fusion, gap filling and validation methods as WPS"
                        + " processes; every output is published at once as a WMS and WCS layer.")
                .start("ows:Keywords").element("ows:Keyword", "soil moisture").element("ows:Keyword", "downscaling")
                .end()
                .element("ows:ServiceType", "WPS")
                .element("ows:ServiceTypeVersion", "1.0.0")
                .element("ows:Fees", "NONE")
                .element("ows:AccessConstraints", "NONE")
                .end();
        w.start("ows:ServiceProvider").element("ows:ProviderName", "ssm test server")
                .start("ows:ServiceContact").end().end();
        w.start("ows:OperationsMetadata");
        for (String op : List.of("GetCapabilities", "DescribeProcess", "Execute")) {
            w.start("ows:Operation").attr("name", op).start("ows:DCP").start("ows:HTTP")
                    .start("ows:Get").attr("xlink:href", endpoint + "?").end()
                    .start("ows:Post").attr("xlink:href", endpoint).end()
                    .end().end().end();
        }
        w.end();
        w.start("wps:ProcessOfferings");
        for (ProcessInfo p : processes) {
            w.start("wps:Process").attr("wps:processVersion", "1.0.0")
                    .element("ows:Identifier", p.identifier())
                    .element("ows:Title", p.title())
                    .element("ows:Abstract", p.description())
                    .end();
        }
        w.end();
        w.start("wps:Languages")
                .start("wps:Default").element("ows:Language", "en-US").end()
                .start("wps:Supported").element("ows:Language", "en-US").end()
                .end();
        w.end();
        return w.toBytes();
    }

    /** The DescribeProcess document for {@code processes}. */
    public static byte[] describe(List<ProcessInfo> processes, long maxInputBytes) {
        XmlWriter w = new XmlWriter(namespaces());
        w.start("wps:ProcessDescriptions").attr("service", "WPS").attr("version", "1.0.0").attr("xml:lang", "en-US")
                .attr("xsi:schemaLocation", Namespaces.WPS_10
                        + " http://schemas.opengis.net/wps/1.0.0/wpsDescribeProcess_response.xsd");
        for (ProcessInfo p : processes) {
            describeProcess(w, p, maxInputBytes);
        }
        w.end();
        return w.toBytes();
    }

    private static void describeProcess(XmlWriter w, ProcessInfo p, long maxInputBytes) {
        // WPS 1.0.0 declares ProcessDescription and its children unqualified (local elements).
        w.start("ProcessDescription").attr("wps:processVersion", "1.0.0").attr("storeSupported", "true")
                .attr("statusSupported", "true");
        w.element("ows:Identifier", p.identifier()).element("ows:Title", p.title()).element("ows:Abstract",
                p.description());
        w.start("DataInputs");
        for (Parameter<?> in : p.inputs().values()) {
            w.start("Input").attr("minOccurs", in.minOccurs).attr("maxOccurs", in.maxOccurs)
                    .element("ows:Identifier", in.key).element("ows:Title", text(in.title, in.key))
                    .element("ows:Abstract", text(in.description, null));
            if (WpsTypes.isComplex(in)) {
                w.start("ComplexData").attr("maximumMegabytes", Math.max(1, maxInputBytes >> 20));
                formats(w, WpsTypes.inputFormats(in));
                w.end();
            } else {
                literal(w, in);
            }
            w.end();
        }
        w.end();
        w.start("ProcessOutputs");
        for (Parameter<?> out : p.outputs().values()) {
            w.start("Output").element("ows:Identifier", out.key).element("ows:Title", text(out.title, out.key))
                    .element("ows:Abstract", text(out.description, null));
            if (WpsTypes.isComplex(out)) {
                w.start("ComplexOutput");
                formats(w, WpsTypes.formats(out));
                w.end();
            } else {
                w.start("LiteralOutput").start("ows:DataType").attr("ows:reference", WpsTypes.dataTypeReference(out.type))
                        .text(WpsTypes.dataType(out.type)).end().end();
            }
            w.end();
        }
        w.end();
        w.end();
    }

    private static void formats(XmlWriter w, List<String> formats) {
        w.start("Default").start("Format").element("MimeType", formats.get(0)).end().end();
        w.start("Supported");
        for (String f : formats) {
            w.start("Format").element("MimeType", f).end();
        }
        w.end();
    }

    private static void literal(XmlWriter w, Parameter<?> in) {
        w.start("LiteralData");
        w.start("ows:DataType").attr("ows:reference", WpsTypes.dataTypeReference(in.type))
                .text(WpsTypes.dataType(in.type)).end();
        Object[] constants = in.type.isEnum() ? in.type.getEnumConstants() : null;
        Object min = in.metadata == null ? null : in.metadata.get(Parameter.MIN);
        Object max = in.metadata == null ? null : in.metadata.get(Parameter.MAX);
        if (constants != null) {
            w.start("ows:AllowedValues");
            for (Object c : constants) {
                w.element("ows:Value", ((Enum<?>) c).name());
            }
            w.end();
        } else if (min != null || max != null) {
            w.start("ows:AllowedValues").start("ows:Range").attr("ows:rangeClosure", "closed")
                    .element("ows:MinimumValue", number(min)).element("ows:MaximumValue", number(max)).end().end();
        } else {
            w.start("ows:AnyValue").end();
        }
        Object def = in.getDefaultValue();
        if (def != null) {
            w.element("DefaultValue", def instanceof Enum<?> e ? e.name() : def instanceof Number n ? number(n) : def);
        }
        w.end();
    }

    /** Numbers without a spurious ".0" on whole values. */
    static String number(Object n) {
        if (n == null) {
            return null;
        }
        double d = ((Number) n).doubleValue();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static String text(Object international, String fallback) {
        return international == null ? fallback : international.toString();
    }
}
