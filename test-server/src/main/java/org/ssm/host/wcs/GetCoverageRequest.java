package org.ssm.host.wcs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ssm.host.ows.Kvp;
import org.ssm.host.ows.Namespaces;
import org.ssm.host.ows.OwsException;
import org.w3c.dom.Element;

/**
 * A validated WCS 2.0.1 GetCoverage request, from KVP or from an XML document.
 *
 * @param coverageId the coverage (a catalogue layer name)
 * @param subsets the dimension subsets in request order
 * @param subsettingCrs CRS identifier of the subset coordinates (CRS extension), or null for the
 *     native CRS
 * @param outputCrs CRS identifier of the result (CRS extension), or null for the native CRS
 * @param format the normalised output format ({@value #GEOTIFF})
 * @param scaling the scaling (Scaling extension), {@link Scaling#NONE} when absent
 */
public record GetCoverageRequest(String coverageId, List<DimensionSubset> subsets, String subsettingCrs,
        String outputCrs, String format, Scaling scaling) {

    /** The one output format. */
    public static final String GEOTIFF = "image/tiff";

    /** Namespace of the WCS 2.0 CRS extension. */
    public static final String CRS_NS = "http://www.opengis.net/wcs/crs/1.0";
    /** Namespace of the WCS 2.0 Scaling extension. */
    public static final String SCALING_NS = "http://www.opengis.net/wcs/scaling/1.0";

    /** GDAL numbers the subsets of extra dimensions SUBSET0, SUBSET1, ...; this many are looked at. */
    private static final int NUMBERED_SUBSETS = 100;

    public GetCoverageRequest {
        if (coverageId == null || coverageId.isBlank()) {
            throw OwsException.missing("coverageId");
        }
        subsets = List.copyOf(subsets);
        format = normaliseFormat(format);
        scaling = scaling == null ? Scaling.NONE : scaling;
    }

    /** From KVP parameters (keys in any case). */
    public static GetCoverageRequest fromKvp(Kvp kvp) {
        String id = kvp.require("coverageId");
        List<DimensionSubset> subsets = new ArrayList<>();
        for (String s : kvp.all("subset")) {
            if (!s.isBlank()) {
                subsets.add(DimensionSubset.parse(s));
            }
        }
        // The KVP binding wants plain SUBSET keys, but GDAL sends extra dimensions as SUBSET<n>;
        // Kvp cannot list its keys, so the numbered forms are looked up one by one.
        for (int i = 0; i < NUMBERED_SUBSETS; i++) {
            for (String s : kvp.all("subset" + i)) {
                if (!s.isBlank()) {
                    subsets.add(DimensionSubset.parse(s));
                }
            }
        }
        checkMediaType(kvp.get("mediaType"));
        checkRangeSubset(kvp.get("rangeSubset"));
        return new GetCoverageRequest(id, subsets, kvp.get("subsettingCrs"), kvp.get("outputCrs"), kvp.get("format"),
                scalingOf(kvp));
    }

    private static Scaling scalingOf(Kvp kvp) {
        List<Scaling> found = new ArrayList<>();
        if (kvp.has("scaleFactor")) {
            found.add(Scaling.byFactor("scaleFactor", kvp.get("scaleFactor")));
        }
        if (kvp.has("scaleAxes")) {
            found.add(Scaling.byAxisFactors("scaleAxes", kvp.get("scaleAxes")));
        }
        if (kvp.has("scaleSize")) {
            found.add(Scaling.toSize("scaleSize", kvp.get("scaleSize")));
        }
        if (kvp.has("scaleExtent")) {
            found.add(Scaling.toExtent("scaleExtent", kvp.get("scaleExtent")));
        }
        if (found.size() > 1) {
            throw OwsException.invalid("scaleFactor", "give at most one of scaleFactor, scaleAxes, scaleSize and"
                    + " scaleExtent");
        }
        return found.isEmpty() ? Scaling.NONE : found.get(0);
    }

    /** From a {@code wcs:GetCoverage} element. */
    public static GetCoverageRequest fromXml(Element root) {
        String id = text(first(root, Namespaces.WCS_20, "CoverageId"));
        if (id == null) {
            throw OwsException.missing("coverageId");
        }
        List<DimensionSubset> subsets = new ArrayList<>();
        for (Element e : children(root)) {
            if (!Namespaces.WCS_20.equals(e.getNamespaceURI())) {
                continue;
            }
            switch (e.getLocalName()) {
                case "DimensionTrim" -> subsets.add(DimensionSubset.trim(requireText(e, "Dimension"),
                        text(first(e, Namespaces.WCS_20, "TrimLow")), text(first(e, Namespaces.WCS_20, "TrimHigh"))));
                case "DimensionSlice" -> subsets.add(DimensionSubset.slice(requireText(e, "Dimension"),
                        requireText(e, "SlicePoint")));
                default -> {
                    // CoverageId, format, mediaType and Extension are read below.
                }
            }
        }
        checkMediaType(text(first(root, Namespaces.WCS_20, "mediaType")));
        String subsettingCrs = null;
        String outputCrs = null;
        Scaling scaling = Scaling.NONE;
        Element extension = first(root, Namespaces.WCS_20, "Extension");
        if (extension != null) {
            subsettingCrs = text(descendant(extension, CRS_NS, "subsettingCrs"));
            outputCrs = text(descendant(extension, CRS_NS, "outputCrs"));
            scaling = scalingOf(extension);
        }
        return new GetCoverageRequest(id, subsets, subsettingCrs, outputCrs,
                text(first(root, Namespaces.WCS_20, "format")), scaling);
    }

    private static Scaling scalingOf(Element extension) {
        Element byFactor = descendant(extension, SCALING_NS, "ScaleByFactor");
        if (byFactor != null) {
            return Scaling.byFactor("scaleFactor", requireText(byFactor, SCALING_NS, "scaleFactor"));
        }
        StringBuilder kvp = new StringBuilder();
        Element axes = descendant(extension, SCALING_NS, "ScaleAxesByFactor");
        if (axes != null) {
            for (Element a : children(axes)) {
                append(kvp, requireText(a, SCALING_NS, "axis"), requireText(a, SCALING_NS, "scaleFactor"));
            }
            return Scaling.byAxisFactors("scaleAxes", kvp.toString());
        }
        Element size = descendant(extension, SCALING_NS, "ScaleToSize");
        if (size != null) {
            for (Element a : children(size)) {
                append(kvp, requireText(a, SCALING_NS, "axis"), requireText(a, SCALING_NS, "targetSize"));
            }
            return Scaling.toSize("scaleSize", kvp.toString());
        }
        Element extent = descendant(extension, SCALING_NS, "ScaleToExtent");
        if (extent != null) {
            for (Element a : children(extent)) {
                append(kvp, requireText(a, SCALING_NS, "axis"),
                        requireText(a, SCALING_NS, "low") + ":" + requireText(a, SCALING_NS, "high"));
            }
            return Scaling.toExtent("scaleExtent", kvp.toString());
        }
        return Scaling.NONE;
    }

    private static void append(StringBuilder kvp, String axis, String value) {
        if (kvp.length() > 0) {
            kvp.append(',');
        }
        kvp.append(axis).append('(').append(value).append(')');
    }

    private static String normaliseFormat(String format) {
        if (format == null || format.isBlank()) {
            return GEOTIFF;
        }
        String f = format.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        return switch (f) {
            case "image/tiff", "image/geotiff", "application/geotiff", "image/tiff;application=geotiff",
                    "image/tiff;subtype=geotiff" -> GEOTIFF;
            default -> throw OwsException.invalid("format", "format=" + format + " is not offered; use image/tiff"
                    + " (also accepted: image/geotiff, application/geotiff)");
        };
    }

    private static void checkMediaType(String mediaType) {
        if (mediaType != null && !mediaType.isBlank()) {
            throw OwsException.invalid("mediaType", "mediaType=" + mediaType + " is not offered: the coverage is"
                    + " returned as the bare GeoTIFF; leave mediaType out");
        }
    }

    private static void checkRangeSubset(String rangeSubset) {
        if (rangeSubset != null && !rangeSubset.strip().equals(CoverageDescriber.FIELD)
                && !rangeSubset.strip().equals("*")) {
            throw OwsException.invalid("rangeSubset", "rangeSubset=" + rangeSubset + ": the coverage has one field, "
                    + CoverageDescriber.FIELD);
        }
    }

    // Small DOM helpers: the request documents are shallow, so plain child walks suffice.

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static Element first(Element parent, String ns, String local) {
        for (Element e : children(parent)) {
            if (ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static Element descendant(Element parent, String ns, String local) {
        org.w3c.dom.NodeList list = parent.getElementsByTagNameNS(ns, local);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    static String text(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().strip();
        return t.isEmpty() ? null : t;
    }

    private static String requireText(Element parent, String local) {
        return requireText(parent, Namespaces.WCS_20, local);
    }

    private static String requireText(Element parent, String ns, String local) {
        String t = text(first(parent, ns, local));
        if (t == null) {
            throw OwsException.missing(local);
        }
        return t;
    }
}
