package org.ssm.host.wms;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.referencing.CRS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.SeriesDates;
import org.ssm.host.catalog.Layer;
import org.ssm.host.catalog.StationLayer;
import org.ssm.host.ows.Namespaces;
import org.ssm.host.ows.XmlWriter;

/**
 * Writes the WMS 1.3.0 capabilities document: the service, the operations, and every catalogue layer
 * under one root layer, with its extents in each offered CRS, its TIME dimension when it is a series,
 * its {@code band} dimension when it is undated with several bands, and its default style with a legend URL. Station layers follow the rasters, marked by the keyword
 * {@value #STATIONS_KEYWORD}, with the dates of their readings as TIME dimension.
 */
public final class WmsCapabilities {

    /** Series of up to this many dates list every date; longer regular ones are written as an interval. */
    public static final int MAX_LISTED_DATES = 100;
    /** The CRSs every layer is offered in, besides its own. */
    public static final List<String> COMMON_CRS = List.of("EPSG:4326", "CRS:84", "EPSG:3857");

    /** The name of the sample dimension of an undated multi-band layer: its bands, by name. */
    public static final String BAND_DIMENSION = "band";

    /** The keyword that marks a station layer (points) among the raster layers. */
    public static final String STATIONS_KEYWORD = "stations";
    /** A station layer's box reaches this far beyond its outer stations, as a fraction of its span. */
    private static final double STATION_MARGIN = 0.05;
    /** ... and at least this far, in degrees, so that one station still has a box around it. */
    private static final double STATION_MIN_MARGIN_DEG = 0.01;

    private static final Logger LOG = LoggerFactory.getLogger(WmsCapabilities.class);
    private static final double MERCATOR_MAX_LAT = 85.0511287798066;
    private static final MathContext DIGITS = new MathContext(12);

    private final String serviceUrl;
    private final StyleLibrary styles;

    /**
     * @param serviceUrl the URL of the WMS endpoint, e.g. http://localhost:8080/wms
     * @param styles the style library
     */
    public WmsCapabilities(String serviceUrl, StyleLibrary styles) {
        this.serviceUrl = serviceUrl;
        this.styles = styles;
    }

    /** The capabilities document listing {@code layers}. */
    public byte[] write(List<Layer> layers) {
        return write(layers, List.of());
    }

    /** The capabilities document listing the raster {@code layers} and then the {@code stations} layers. */
    public byte[] write(List<Layer> layers, List<StationLayer> stations) {
        Map<String, String> ns = new LinkedHashMap<>();
        ns.put("", Namespaces.WMS_13);
        ns.put("xlink", Namespaces.XLINK);
        ns.put("xsi", Namespaces.XSI);
        ns.put("sld", Namespaces.SLD);
        XmlWriter w = new XmlWriter(ns);
        w.start("WMS_Capabilities").attr("version", "1.3.0")
                .attr("xsi:schemaLocation", Namespaces.WMS_13 + " http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd "
                        + Namespaces.SLD + " http://schemas.opengis.net/sld/1.1.0/sld_capabilities.xsd");
        service(w);
        w.start("Capability");
        request(w);
        w.start("Exception").element("Format", "XML").end();
        layers(w, layers, stations);
        w.end();
        w.end();
        return w.toBytes();
    }

    private void service(XmlWriter w) {
        w.start("Service")
                .element("Name", "WMS")
                .element("Title", "High-resolution surface soil moisture maps")
                .element("Abstract", "Maps of the soil-moisture products and their inputs published by the SSM host:"
                        + " every process output is a layer, and every daily series has a TIME dimension.")
                .start("KeywordList")
                .element("Keyword", "soil moisture").element("Keyword", "downscaling").element("Keyword", "WMS")
                .end();
        onlineResource(w, serviceUrl);
        w.element("Fees", "none")
                .element("AccessConstraints", "none")
                .element("LayerLimit", GetMapRequest.MAX_LAYERS)
                .element("MaxWidth", GetMapRequest.MAX_SIZE)
                .element("MaxHeight", GetMapRequest.MAX_SIZE)
                .end();
    }

    private void request(XmlWriter w) {
        w.start("Request");
        operation(w, "GetCapabilities", List.of("text/xml"));
        operation(w, "GetMap", List.of(GetMapRequest.ImageFormat.PNG.mimeType(),
                GetMapRequest.ImageFormat.JPEG.mimeType()));
        List<String> infoFormats = new ArrayList<>();
        for (GetFeatureInfoRequest.InfoFormat f : GetFeatureInfoRequest.InfoFormat.values()) {
            infoFormats.add(f.mimeType());
        }
        operation(w, "GetFeatureInfo", infoFormats);
        // GetLegendGraphic is the SLD profile's extension of WMS, declared in the sld namespace as GeoServer does.
        operation(w, "sld:GetLegendGraphic", List.of("image/png"));
        w.end();
    }

    private void operation(XmlWriter w, String name, List<String> formats) {
        w.start(name);
        for (String f : formats) {
            w.element("Format", f);
        }
        w.start("DCPType").start("HTTP").start("Get");
        onlineResource(w, serviceUrl + "?");
        w.end().end().end();
        w.end();
    }

    private static void onlineResource(XmlWriter w, String href) {
        w.start("OnlineResource").attr("xlink:type", "simple").attr("xlink:href", href).end();
    }

    private void layers(XmlWriter w, List<Layer> layers, List<StationLayer> stations) {
        List<LayerExtent> extents = layers.stream().map(WmsCapabilities::extent).toList();
        List<LayerExtent> stationExtents = stations.stream().map(WmsCapabilities::extent).toList();
        double west = 180;
        double south = 90;
        double east = -180;
        double north = -90;
        for (List<LayerExtent> list : List.of(extents, stationExtents)) {
            for (LayerExtent e : list) {
                west = Math.min(west, e.west);
                south = Math.min(south, e.south);
                east = Math.max(east, e.east);
                north = Math.max(north, e.north);
            }
        }
        if (layers.isEmpty() && stations.isEmpty()) {
            west = -180;
            south = -90;
            east = 180;
            north = 90;
        }
        w.start("Layer")
                .element("Title", "Soil moisture products")
                .element("Abstract", "Every layer published by the host.");
        for (String crs : COMMON_CRS) {
            w.element("CRS", crs);
        }
        geographicBox(w, west, south, east, north);
        box(w, "CRS:84", west, south, east, north);
        box(w, "EPSG:4326", south, west, north, east);
        for (int i = 0; i < layers.size(); i++) {
            layer(w, layers.get(i), extents.get(i));
        }
        for (int i = 0; i < stations.size(); i++) {
            stationLayer(w, stations.get(i), stationExtents.get(i));
        }
        w.end();
    }

    private void stationLayer(XmlWriter w, StationLayer layer, LayerExtent e) {
        w.start("Layer").attr("queryable", "1").attr("opaque", "0")
                .element("Name", layer.name())
                .element("Title", layer.title() == null || layer.title().isBlank() ? layer.name() : layer.title())
                .element("Abstract", abstractOf(layer))
                .start("KeywordList").element("Keyword", STATIONS_KEYWORD).end();
        geographicBox(w, e.west, e.south, e.east, e.north);
        box(w, "CRS:84", e.west, e.south, e.east, e.north);
        box(w, "EPSG:4326", e.south, e.west, e.north, e.east);
        if (e.mercator != null) {
            box(w, "EPSG:3857", e.mercator[0], e.mercator[1], e.mercator[2], e.mercator[3]);
        }
        if (layer.isSeries()) {
            w.start("Dimension").attr("name", "time").attr("units", "ISO8601").attr("multipleValues", "0")
                    .attr("nearestValue", "0").attr("current", "0").text(timeExtent(layer.dates())).end();
        }
        int[] legend = StationStyle.legendSize(layer);
        w.start("Style").element("Name", StationStyle.NAME).element("Title", StationStyle.TITLE)
                .start("LegendURL").attr("width", legend[0]).attr("height", legend[1])
                .element("Format", "image/png");
        onlineResource(w, serviceUrl + "?service=WMS&version=1.3.0&request=GetLegendGraphic&format=image/png&layer="
                + layer.name() + "&style=" + StationStyle.NAME);
        w.end().end();
        w.end();
    }

    private static String abstractOf(StationLayer layer) {
        StringBuilder sb = new StringBuilder();
        if (layer.description() != null && !layer.description().isBlank()) {
            sb.append(layer.description().strip()).append(' ');
        }
        sb.append(layer.stations()).append(layer.stations() == 1 ? " station, " : " stations, ")
                .append(layer.readings()).append(" readings; networks: ").append(String.join(", ", layer.networks()))
                .append('.');
        sb.append(" Units: ").append(StationLayer.UNITS).append('.');
        if (layer.origin() != null && !layer.origin().isBlank()) {
            sb.append(" Produced by ").append(layer.origin()).append('.');
        }
        return sb.toString();
    }

    /** The box of a station layer: its stations and a margin, so that no station sits on the edge. */
    private static LayerExtent extent(StationLayer layer) {
        StationLayer.Extent x = layer.extent();
        double margin = Math.max(STATION_MARGIN * Math.max(x.east() - x.west(), x.north() - x.south()),
                STATION_MIN_MARGIN_DEG);
        double west = clamp(x.west() - margin, -180, 180);
        double east = clamp(x.east() + margin, -180, 180);
        double south = clamp(x.south() - margin, -90, 90);
        double north = clamp(x.north() + margin, -90, 90);
        return new LayerExtent(west, south, east, north, mercator(west, south, east, north), null, null);
    }

    private void layer(XmlWriter w, Layer layer, LayerExtent e) {
        w.start("Layer").attr("queryable", "1").attr("opaque", "0")
                .element("Name", layer.name())
                .element("Title", layer.title() == null || layer.title().isBlank() ? layer.name() : layer.title())
                .element("Abstract", abstractOf(layer));
        if (e.nativeCode != null && !COMMON_CRS.contains(e.nativeCode)) {
            w.element("CRS", e.nativeCode);
        }
        geographicBox(w, e.west, e.south, e.east, e.north);
        box(w, "CRS:84", e.west, e.south, e.east, e.north);
        box(w, "EPSG:4326", e.south, e.west, e.north, e.east);
        if (e.mercator != null) {
            box(w, "EPSG:3857", e.mercator[0], e.mercator[1], e.mercator[2], e.mercator[3]);
        }
        if (e.nativeCode != null && !COMMON_CRS.contains(e.nativeCode)) {
            double[] n = e.nativeBox;
            box(w, e.nativeCode, n[0], n[1], n[2], n[3]);
        }
        if (layer.isSeries()) {
            List<LocalDate> dates = layer.dates();
            w.start("Dimension").attr("name", "time").attr("units", "ISO8601")
                    .attr("default", dates.get(dates.size() - 1)).attr("multipleValues", "0")
                    .attr("nearestValue", "0").attr("current", "0")
                    .text(timeExtent(dates)).end();
        }
        if (layer.hasBandDimension()) {
            // A sample dimension (WMS 1.3.0 §6.7.7, Annex C): the bands by name, requested as DIM_BAND.
            w.start("Dimension").attr("name", BAND_DIMENSION).attr("units", "")
                    .attr("default", layer.bandNames().get(0)).attr("multipleValues", "0")
                    .attr("nearestValue", "0").text(String.join(",", layer.bandNames())).end();
        }
        ColorMapStyle style = styles.defaultStyle(layer);
        int[] legend = LegendRenderer.size(style, LegendRenderer.DEFAULT_SWATCH, LegendRenderer.DEFAULT_SWATCH);
        w.start("Style").element("Name", style.name()).element("Title", style.title())
                .start("LegendURL").attr("width", legend[0]).attr("height", legend[1])
                .element("Format", "image/png");
        onlineResource(w, serviceUrl + "?service=WMS&version=1.3.0&request=GetLegendGraphic&format=image/png&layer="
                + layer.name() + "&style=" + style.name());
        w.end().end();
        w.end();
    }

    private static String abstractOf(Layer layer) {
        StringBuilder sb = new StringBuilder();
        if (layer.description() != null && !layer.description().isBlank()) {
            sb.append(layer.description().strip());
        }
        if (layer.units() != null && !layer.units().isBlank()) {
            sb.append(sb.length() > 0 ? " " : "").append("Units: ").append(layer.units()).append('.');
        }
        if (layer.origin() != null && !layer.origin().isBlank()) {
            sb.append(sb.length() > 0 ? " " : "").append("Produced by ").append(layer.origin()).append('.');
        }
        return sb.toString();
    }

    /**
     * The TIME dimension's value: the dates as a comma list, or as {@code start/end/PnD} when there are
     * more than {@link #MAX_LISTED_DATES} evenly spaced ones.
     */
    public static String timeExtent(List<LocalDate> dates) {
        if (dates.size() > MAX_LISTED_DATES) {
            return SeriesDates.format(dates);
        }
        StringBuilder sb = new StringBuilder();
        for (LocalDate d : dates) {
            sb.append(sb.length() > 0 ? "," : "").append(d);
        }
        return sb.toString();
    }

    private static void geographicBox(XmlWriter w, double west, double south, double east, double north) {
        w.start("EX_GeographicBoundingBox")
                .element("westBoundLongitude", num(west))
                .element("eastBoundLongitude", num(east))
                .element("southBoundLatitude", num(south))
                .element("northBoundLatitude", num(north))
                .end();
    }

    private static void box(XmlWriter w, String crs, double minx, double miny, double maxx, double maxy) {
        w.start("BoundingBox").attr("CRS", crs).attr("minx", num(minx)).attr("miny", num(miny))
                .attr("maxx", num(maxx)).attr("maxy", num(maxy)).end();
    }

    static String num(double v) {
        return new BigDecimal(v).round(DIGITS).stripTrailingZeros().toPlainString();
    }

    /** A layer's extents: geographic (clamped to the globe), Web Mercator, and native in its axis order. */
    private record LayerExtent(double west, double south, double east, double north, double[] mercator,
            String nativeCode, double[] nativeBox) {}

    private static LayerExtent extent(Layer layer) {
        CoordinateReferenceSystem wgs84 = WmsCrs.parse("CRS:84", "crs", true).xy();
        ReferencedEnvelope geo = WmsCrs.extentIn(layer.grid(), wgs84);
        double west = -180;
        double south = -90;
        double east = 180;
        double north = 90;
        if (geo != null) {
            west = clamp(geo.getMinX(), -180, 180);
            east = clamp(geo.getMaxX(), -180, 180);
            south = clamp(geo.getMinY(), -90, 90);
            north = clamp(geo.getMaxY(), -90, 90);
        } else {
            LOG.warn("the extent of layer {} could not be transformed to WGS 84; advertising the whole globe",
                    layer.name());
        }
        double[] mercator = mercator(west, south, east, north);
        String code = null;
        double[] nativeBox = null;
        try {
            code = WmsCrs.codeOfGrid(layer.grid());
            if (code != null) {
                boolean yx = WmsCrs.parse(code, "crs", true).yx();
                GridGeometry g = layer.grid();
                nativeBox = yx ? new double[] {g.minY(), g.minX(), g.maxY(), g.maxX()}
                        : new double[] {g.minX(), g.minY(), g.maxX(), g.maxY()};
            }
        } catch (RuntimeException e) {
            // One odd layer must not take the whole document down; it is still offered in the common CRSs.
            LOG.warn("layer {}: no EPSG code for its CRS ({}); offered in the common CRSs only", layer.name(),
                    e.getMessage());
            code = null;
            nativeBox = null;
        }
        return new LayerExtent(west, south, east, north, mercator, code, nativeBox);
    }

    /** Web Mercator corners of a geographic box; exact, since Mercator maps meridians and parallels to lines. */
    private static double[] mercator(double west, double south, double east, double north) {
        try {
            CoordinateReferenceSystem wgs84 = WmsCrs.parse("CRS:84", "crs", true).xy();
            CoordinateReferenceSystem merc = WmsCrs.parse("EPSG:3857", "crs", true).xy();
            MathTransform mt = CRS.findMathTransform(wgs84, merc, true);
            double[] pts = {west, clamp(south, -MERCATOR_MAX_LAT, MERCATOR_MAX_LAT), east,
                clamp(north, -MERCATOR_MAX_LAT, MERCATOR_MAX_LAT)};
            mt.transform(pts, 0, pts, 0, 2);
            return pts;
        } catch (Exception e) {
            return null;
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
