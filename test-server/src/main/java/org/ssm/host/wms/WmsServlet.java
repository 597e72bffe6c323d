package org.ssm.host.wms;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.ssm.host.catalog.Catalog;
import org.ssm.host.catalog.Layer;
import org.ssm.host.catalog.StationLayer;
import org.ssm.host.ows.ExceptionReport;
import org.ssm.host.ows.Kvp;
import org.ssm.host.ows.OwsServlet;

/**
 * The WMS 1.3.0 endpoint ({@code /wms}, and {@code /ows?service=WMS}): GetCapabilities, GetMap,
 * GetFeatureInfo (with the time series at the point) and GetLegendGraphic over the layer catalogue,
 * with the styles of {@code styles/} for rasters and {@link StationStyle} for station layers. Errors are
 * WMS 1.3.0 ServiceExceptionReports.
 */
public final class WmsServlet extends OwsServlet {

    private final Catalog catalog;
    private final StyleLibrary styles;
    private final MapRenderer renderer;
    private final FeatureInfoQuery featureInfo;
    private final StationInfoQuery stationInfo;

    public WmsServlet(Catalog catalog) {
        this(catalog, StyleLibrary.fromClasspath());
    }

    public WmsServlet(Catalog catalog, StyleLibrary styles) {
        super(ExceptionReport.WMS_13);
        this.catalog = catalog;
        this.styles = styles;
        this.renderer = new MapRenderer(catalog);
        this.featureInfo = new FeatureInfoQuery(catalog);
        this.stationInfo = new StationInfoQuery(catalog);
    }

    /** The styles this endpoint draws with. */
    public StyleLibrary styles() {
        return styles;
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Kvp kvp = Kvp.of(request);
        requireService(kvp, "WMS");
        String operation = kvp.require("request");
        switch (operation.toLowerCase(Locale.ROOT)) {
            case "getcapabilities", "capabilities" -> getCapabilities(request, response);
            case "getmap", "map" -> getMap(kvp, response);
            case "getfeatureinfo", "feature_info" -> getFeatureInfo(kvp, response);
            case "getlegendgraphic" -> getLegendGraphic(kvp, response);
            default -> throw WmsErrors.operationNotSupported("REQUEST=" + operation
                    + " is not offered: use GetCapabilities, GetMap, GetFeatureInfo or GetLegendGraphic");
        }
    }

    private void getCapabilities(HttpServletRequest request, HttpServletResponse response) throws Exception {
        byte[] doc = new WmsCapabilities(baseUrl(request) + "/wms", styles).write(catalog.layers(),
                catalog.stationLayers());
        sendXml(response, doc, "text/xml");
    }

    private void getMap(Kvp kvp, HttpServletResponse response) throws Exception {
        GetMapRequest request = GetMapRequest.parse(kvp, catalog, styles);
        BufferedImage image = renderer.render(request);
        sendBytes(response, MapRenderer.encode(image, request.format()), request.format().mimeType());
    }

    private void getFeatureInfo(Kvp kvp, HttpServletResponse response) throws Exception {
        GetFeatureInfoRequest request = GetFeatureInfoRequest.parse(kvp, catalog, styles);
        byte[] body = FeatureInfoWriter.write(request.infoFormat(), featureInfo.point(request),
                featureInfo.query(request), stationInfo.query(request));
        response.setCharacterEncoding("UTF-8");
        sendBytes(response, body, request.infoFormat().mimeType() + ";charset=UTF-8");
    }

    private void getLegendGraphic(Kvp kvp, HttpServletResponse response) throws Exception {
        String name = kvp.require("layer");
        StationLayer stations = catalog.findStations(name).orElse(null);
        if (stations != null) {
            StationStyle.requireKnown(stations, kvp.get("style"), "style");
            requirePngLegend(kvp);
            sendBytes(response, MapRenderer.encode(StationStyle.legend(stations), GetMapRequest.ImageFormat.PNG),
                    "image/png");
            return;
        }
        Layer layer = catalog.find(name).orElseThrow(() -> WmsErrors.layerNotDefined("layer",
                "layer '" + name + "' is not defined; GetCapabilities lists the layers"));
        ColorMapStyle style = styles.resolve(layer, kvp.get("style"), "style");
        requirePngLegend(kvp);
        int width = kvp.intValue("width", LegendRenderer.DEFAULT_SWATCH, 4, LegendRenderer.MAX_SWATCH);
        int height = kvp.intValue("height", LegendRenderer.DEFAULT_SWATCH, 4, LegendRenderer.MAX_SWATCH);
        BufferedImage image = LegendRenderer.render(style, width, height);
        sendBytes(response, MapRenderer.encode(image, GetMapRequest.ImageFormat.PNG), "image/png");
    }

    private static void requirePngLegend(Kvp kvp) {
        String format = kvp.getOrDefault("format", "image/png");
        if (GetMapRequest.ImageFormat.of(format) != GetMapRequest.ImageFormat.PNG) {
            throw WmsErrors.invalidFormat("format", "FORMAT=" + format + ": legends are offered as image/png");
        }
    }
}
