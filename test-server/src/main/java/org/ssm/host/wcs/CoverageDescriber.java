package org.ssm.host.wcs;

import java.time.LocalDate;
import java.util.List;
import org.ssm.grid.GridGeometry;
import org.ssm.host.catalog.Layer;
import org.ssm.host.ows.XmlWriter;

/**
 * Writes the WCS 2.0.1 {@code wcs:CoverageDescriptions} document.
 *
 * <p>Each layer is a RectifiedGridCoverage in its native CRS. The envelope and positions follow
 * the CRS's EPSG axis order (Lat Long for EPSG:4326); the grid axes are {@code i} (columns,
 * eastwards) and {@code j} (rows, southwards), so the first offset vector is the column step and
 * the second the (negative) row step. A series is bounded by a {@code gml:EnvelopeWithTimePeriod}
 * whose axis labels end with {@code time}, as GeoServer describes time-enabled coverages, and its
 * dates are listed in a GeoServer-style {@code wcsgs:TimeDomain} under {@code gmlcov:metadata}.
 */
public final class CoverageDescriber {

    /** The name of the one range field. */
    public static final String FIELD = "value";

    private CoverageDescriber() {}

    /** The description of each layer, in order. */
    public static byte[] describe(List<Layer> layers) {
        XmlWriter w = WcsXml.writer();
        w.start("wcs:CoverageDescriptions").attr("xsi:schemaLocation", WcsXml.SCHEMA_LOCATION);
        for (Layer layer : layers) {
            write(w, layer);
        }
        w.end();
        return w.toBytes();
    }

    private static void write(XmlWriter w, Layer layer) {
        GridGeometry g = layer.grid();
        CoverageCrs crs = CoverageCrs.ofGrid(g.crs());
        String id = layer.name();
        w.start("wcs:CoverageDescription").attr("gml:id", id);
        w.element("gml:description", layer.description());
        writeBounds(w, layer, crs);
        w.element("wcs:CoverageId", id);
        w.start("gml:coverageFunction").start("gml:GridFunction")
                .start("gml:sequenceRule").attr("axisOrder", "+1 +2").text("Linear").end()
                .element("gml:startPoint", "0 0")
                .end().end();
        if (layer.isSeries()) {
            writeTimeDomain(w, layer);
        }
        writeDomainSet(w, id, g, crs);
        writeRangeType(w, layer);
        w.start("wcs:ServiceParameters")
                .element("wcs:CoverageSubtype", "RectifiedGridCoverage")
                .element("wcs:nativeFormat", GetCoverageRequest.GEOTIFF)
                .end();
        w.end();
    }

    private static void writeBounds(XmlWriter w, Layer layer, CoverageCrs crs) {
        GridGeometry g = layer.grid();
        String labels = String.join(" ", crs.axisLabels());
        String uoms = String.join(" ", crs.uomLabels());
        w.start("gml:boundedBy");
        if (layer.isSeries()) {
            w.start("gml:EnvelopeWithTimePeriod").attr("srsName", crs.uri())
                    .attr("axisLabels", labels + " " + CoverageSubsetter.TIME).attr("uomLabels", uoms + " s")
                    .attr("srsDimension", 2);
        } else {
            w.start("gml:Envelope").attr("srsName", crs.uri()).attr("axisLabels", labels).attr("uomLabels", uoms)
                    .attr("srsDimension", 2);
        }
        w.element("gml:lowerCorner", crs.position(g.minX(), g.minY()));
        w.element("gml:upperCorner", crs.position(g.maxX(), g.maxY()));
        if (layer.isSeries()) {
            List<LocalDate> dates = layer.dates();
            w.element("gml:beginPosition", WcsTime.format(dates.get(0)));
            w.element("gml:endPosition", WcsTime.format(dates.get(dates.size() - 1)));
        }
        w.end().end();
    }

    private static void writeTimeDomain(XmlWriter w, Layer layer) {
        List<LocalDate> dates = layer.dates();
        w.start("gmlcov:metadata").start("gmlcov:Extension");
        w.start("wcsgs:TimeDomain").attr("default", WcsTime.format(dates.get(dates.size() - 1)));
        for (int i = 0; i < dates.size(); i++) {
            w.start("gml:TimeInstant").attr("gml:id", layer.name() + "_td_" + i)
                    .element("gml:timePosition", WcsTime.format(dates.get(i)))
                    .end();
        }
        w.end().end().end();
    }

    private static void writeDomainSet(XmlWriter w, String id, GridGeometry g, CoverageCrs crs) {
        w.start("gml:domainSet");
        w.start("gml:RectifiedGrid").attr("gml:id", "grid_" + id).attr("dimension", 2);
        w.start("gml:limits").start("gml:GridEnvelope")
                .element("gml:low", "0 0")
                .element("gml:high", (g.width() - 1) + " " + (g.height() - 1))
                .end().end();
        w.element("gml:axisLabels", "i j");
        w.start("gml:origin").start("gml:Point").attr("gml:id", "origin_" + id).attr("srsName", crs.uri())
                .element("gml:pos", crs.position(g.centerX(0), g.centerY(0)))
                .end().end();
        w.start("gml:offsetVector").attr("srsName", crs.uri()).text(crs.position(g.cellWidth(), 0)).end();
        w.start("gml:offsetVector").attr("srsName", crs.uri()).text(crs.position(0, -g.cellHeight())).end();
        w.end();
        w.end();
    }

    private static void writeRangeType(XmlWriter w, Layer layer) {
        String units = layer.units() == null || layer.units().isBlank() ? "1" : layer.units();
        w.start("gmlcov:rangeType").start("swe:DataRecord");
        w.start("swe:field").attr("name", FIELD);
        w.start("swe:Quantity").attr("definition", "http://www.opengis.net/def/dataType/OGC/0/float32");
        w.element("swe:label", layer.title());
        w.element("swe:description", layer.title() == null ? layer.name() : layer.title() + " (" + units + ")");
        w.start("swe:nilValues").start("swe:NilValues")
                .start("swe:nilValue").attr("reason", "http://www.opengis.net/def/nil/OGC/0/unknown").text("NaN").end()
                .end().end();
        w.start("swe:uom").attr("code", units).end();
        if (!Double.isNaN(layer.min()) && !Double.isNaN(layer.max())) {
            w.start("swe:constraint").start("swe:AllowedValues")
                    .element("swe:interval", Numbers.format(layer.min()) + " " + Numbers.format(layer.max()))
                    .end().end();
        }
        w.end();
        w.end();
        w.end().end();
    }
}
