package org.ssm.host.wcs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ssm.host.ows.Namespaces;
import org.ssm.host.ows.XmlWriter;

/** Namespaces and writer set-up shared by the WCS documents. */
final class WcsXml {

    /**
     * GeoServer's WCS 2.0 namespace. Its {@code TimeDomain} element, listing the time positions of
     * a coverage, is the form GDAL's WCS client reads (as the TimeDomain metadata item).
     */
    static final String WCSGS = "http://www.geoserver.org/wcsgs/2.0";

    static final String SCHEMA_LOCATION = Namespaces.WCS_20 + " http://schemas.opengis.net/wcs/2.0/wcsAll.xsd";

    private WcsXml() {}

    /** A writer binding every prefix the WCS documents use. */
    static XmlWriter writer() {
        Map<String, String> ns = new LinkedHashMap<>();
        ns.put("wcs", Namespaces.WCS_20);
        ns.put("ows", Namespaces.OWS_20);
        ns.put("gml", Namespaces.GML_32);
        ns.put("gmlcov", Namespaces.GMLCOV_10);
        ns.put("swe", Namespaces.SWE_20);
        ns.put("crs", GetCoverageRequest.CRS_NS);
        ns.put("wcsgs", WCSGS);
        ns.put("xlink", Namespaces.XLINK);
        ns.put("xsi", Namespaces.XSI);
        return new XmlWriter(ns);
    }
}
