package org.ssm.host.wcs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssm.grid.GridGeometry;
import org.ssm.host.catalog.Layer;
import org.ssm.host.ows.OwsException;
import org.ssm.host.ows.XmlWriter;

/**
 * Writes the WCS 2.0.1 {@code wcs:Capabilities} document: the service and its extension
 * profiles, the operations with their GET and POST endpoints, the output format and CRSs, and one
 * {@code wcs:CoverageSummary} per layer with its WGS 84 and native bounding boxes.
 */
public final class WcsCapabilities {

    /** The WCS versions served. 2.0.0 requests are answered as 2.0.1, which only corrected errata. */
    public static final List<String> VERSIONS = List.of("2.0.1", "2.0.0");

    /** The conformance classes implemented, announced as ows:Profile. */
    public static final List<String> PROFILES = List.of(
            "http://www.opengis.net/spec/WCS/2.0/conf/core",
            "http://www.opengis.net/spec/WCS_protocol-binding_get-kvp/1.0/conf/get-kvp",
            "http://www.opengis.net/spec/WCS_protocol-binding_post-xml/1.0/conf/post-xml",
            "http://www.opengis.net/spec/WCS_coverage-encoding_geotiff/1.0/conf/geotiff-coverage",
            "http://www.opengis.net/spec/WCS_service-extension_crs/1.0/conf/crs",
            "http://www.opengis.net/spec/WCS_service-extension_crs/1.0/conf/crs-gridded-coverage",
            "http://www.opengis.net/spec/WCS_service-extension_scaling/1.0/conf/scaling");

    /** The sections a client may ask for. */
    public static final List<String> SECTIONS = List.of("ServiceIdentification", "ServiceProvider",
            "OperationsMetadata", "ServiceMetadata", "Contents");

    /** CRSs always offered for subsetting and output, besides every layer's native CRS. */
    private static final List<Integer> COMMON_CRS = List.of(4326, 3857);

    private static final Logger LOG = LoggerFactory.getLogger(WcsCapabilities.class);

    private WcsCapabilities() {}

    /**
     * The capabilities document.
     *
     * @param endpoint the URL of the WCS endpoint as the client reached the host, e.g.
     *     http://host:8080/wcs
     * @param sections the sections to write (null or empty for all)
     */
    public static byte[] write(String endpoint, List<Layer> layers, List<String> sections) {
        Set<String> wanted = wantedSections(sections);
        XmlWriter w = WcsXml.writer();
        w.start("wcs:Capabilities").attr("version", VERSIONS.get(0)).attr("xsi:schemaLocation", WcsXml.SCHEMA_LOCATION);
        if (wanted.contains("ServiceIdentification")) {
            writeIdentification(w);
        }
        if (wanted.contains("ServiceProvider")) {
            w.start("ows:ServiceProvider")
                    .element("ows:ProviderName", "SSM high-resolution soil moisture host")
                    .start("ows:ServiceContact").element("ows:PositionName", "operator").end()
                    .end();
        }
        if (wanted.contains("OperationsMetadata")) {
            writeOperations(w, endpoint);
        }
        if (wanted.contains("ServiceMetadata")) {
            writeServiceMetadata(w, layers);
        }
        if (wanted.contains("Contents")) {
            writeContents(w, layers);
        }
        w.end();
        return w.toBytes();
    }

    private static Set<String> wantedSections(List<String> sections) {
        Set<String> wanted = new LinkedHashSet<>();
        if (sections == null || sections.isEmpty()) {
            wanted.addAll(SECTIONS);
            return wanted;
        }
        for (String s : sections) {
            String name = s.strip();
            if (name.equalsIgnoreCase("All")) {
                wanted.addAll(SECTIONS);
                continue;
            }
            String match = SECTIONS.stream().filter(x -> x.equalsIgnoreCase(name)).findFirst().orElseThrow(
                    () -> OwsException.invalid("sections", "unknown section " + name + "; expected All or one of "
                            + String.join(", ", SECTIONS)));
            wanted.add(match);
        }
        return wanted;
    }

    private static void writeIdentification(XmlWriter w) {
        w.start("ows:ServiceIdentification")
                .element("ows:Title", "High-resolution soil moisture coverages")
                .element("ows:Abstract", "Daily surface soil moisture and related products published by the SSM"
                        + " processes, as GeoTIFF coverages; series layers have a time axis (one band per date).")
                .start("ows:Keywords")
                .element("ows:Keyword", "soil moisture")
                .element("ows:Keyword", "WCS")
                .element("ows:Keyword", "GeoTIFF")
                .end();
        w.start("ows:ServiceType").attr("codeSpace", "OGC").text("OGC WCS").end();
        for (String v : VERSIONS) {
            w.element("ows:ServiceTypeVersion", v);
        }
        for (String p : PROFILES) {
            w.element("ows:Profile", p);
        }
        w.element("ows:Fees", "NONE").element("ows:AccessConstraints", "NONE").end();
    }

    private static void writeOperations(XmlWriter w, String endpoint) {
        w.start("ows:OperationsMetadata");
        for (String op : List.of("GetCapabilities", "DescribeCoverage", "GetCoverage")) {
            w.start("ows:Operation").attr("name", op).start("ows:DCP").start("ows:HTTP");
            w.start("ows:Get").attr("xlink:type", "simple").attr("xlink:href", endpoint + "?").end();
            w.start("ows:Post").attr("xlink:type", "simple").attr("xlink:href", endpoint)
                    .start("ows:Constraint").attr("name", "PostEncoding")
                    .start("ows:AllowedValues").element("ows:Value", "XML").end()
                    .end()
                    .end();
            w.end().end().end();
        }
        w.end();
    }

    private static void writeServiceMetadata(XmlWriter w, List<Layer> layers) {
        w.start("wcs:ServiceMetadata").element("wcs:formatSupported", GetCoverageRequest.GEOTIFF);
        w.start("wcs:Extension").start("crs:CrsMetadata");
        for (String uri : offeredCrs(layers)) {
            w.element("crs:crsSupported", uri);
        }
        w.end().end().end();
    }

    /** The CRS URIs announced: the common ones and each layer's native CRS. Any EPSG code works. */
    private static List<String> offeredCrs(List<Layer> layers) {
        Set<Integer> codes = new LinkedHashSet<>(COMMON_CRS);
        for (Layer layer : layers) {
            CoverageCrs crs = crsOf(layer);
            if (crs != null && crs.epsg() > 0) {
                codes.add(crs.epsg());
            }
        }
        List<String> uris = new ArrayList<>();
        for (int code : codes) {
            uris.add(CoverageCrs.EPSG_URI + code);
        }
        return uris;
    }

    private static void writeContents(XmlWriter w, List<Layer> layers) {
        w.start("wcs:Contents");
        for (Layer layer : layers) {
            CoverageCrs crs = crsOf(layer);
            if (crs == null) {
                continue;
            }
            GridGeometry g = layer.grid();
            double[] nativeBox = {g.minX(), g.minY(), g.maxX(), g.maxY()};
            double[] wgs84 = crs.transformBox(nativeBox, CoverageCrs.WGS84);
            w.start("wcs:CoverageSummary");
            w.element("ows:Title", layer.title());
            w.element("ows:Abstract", layer.description());
            if (wgs84 != null) {
                w.start("ows:WGS84BoundingBox")
                        .element("ows:LowerCorner", Numbers.format(wgs84[0]) + " " + Numbers.format(wgs84[1]))
                        .element("ows:UpperCorner", Numbers.format(wgs84[2]) + " " + Numbers.format(wgs84[3]))
                        .end();
            }
            w.element("wcs:CoverageId", layer.name());
            w.element("wcs:CoverageSubtype", "RectifiedGridCoverage");
            if (crs.uri() != null) {
                w.start("ows:BoundingBox").attr("crs", crs.uri()).attr("dimensions", 2)
                        .element("ows:LowerCorner", crs.position(g.minX(), g.minY()))
                        .element("ows:UpperCorner", crs.position(g.maxX(), g.maxY()))
                        .end();
            }
            w.end();
        }
        w.end();
    }

    /** The layer's CRS, or null (logged) for a layer whose CRS cannot be decoded: it is then not offered. */
    private static CoverageCrs crsOf(Layer layer) {
        try {
            return CoverageCrs.ofGrid(layer.grid().crs());
        } catch (RuntimeException e) {
            LOG.warn("layer {} is not offered by WCS: its CRS cannot be decoded ({})", layer.name(), e.getMessage());
            return null;
        }
    }

    /** Whether a client's AcceptVersions list allows a version served here. */
    static boolean acceptsServedVersion(String acceptVersions) {
        for (String v : acceptVersions.split(",")) {
            if (VERSIONS.contains(v.strip().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
