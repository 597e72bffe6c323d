package org.ssm.host.ows;

/** Namespace URIs of the OGC documents the host reads and writes. */
public final class Namespaces {
    public static final String OWS_11 = "http://www.opengis.net/ows/1.1";
    public static final String OWS_20 = "http://www.opengis.net/ows/2.0";
    public static final String WPS_10 = "http://www.opengis.net/wps/1.0.0";
    public static final String WCS_20 = "http://www.opengis.net/wcs/2.0";
    public static final String WMS_13 = "http://www.opengis.net/wms";
    public static final String OGC = "http://www.opengis.net/ogc";
    public static final String GML_32 = "http://www.opengis.net/gml/3.2";
    public static final String GMLCOV_10 = "http://www.opengis.net/gmlcov/1.0";
    public static final String SWE_20 = "http://www.opengis.net/swe/2.0";
    public static final String XLINK = "http://www.w3.org/1999/xlink";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String SLD = "http://www.opengis.net/sld";
    public static final String GMLRGRID = "http://www.opengis.net/gml/3.3/rgrid";

    private Namespaces() {}
}
