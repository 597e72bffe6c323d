package org.ssm.host.wms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.ssm.grid.GridGeometry;
import org.ssm.host.catalog.Catalog;
import org.ssm.host.catalog.Layer;

/**
 * Answers GetFeatureInfo: finds the cell of each queried layer under the requested pixel, the same
 * cell GetMap draws there (nearest neighbour at the pixel centre), and reads its value and its time
 * series, or for an undated layer of several bands the value of every band.
 *
 * <p>A series is read one value per band through {@link Catalog#band}, which decodes (and caches) the
 * whole band: a query over a long series of large grids costs one band decode per date on a cold cache.
 */
public final class FeatureInfoQuery {

    private static final String CRS84 = "CRS:84";

    private final Catalog catalog;

    public FeatureInfoQuery(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The point a request asks about.
     *
     * @param crs the request CRS as the client wrote it
     * @param i the pixel column
     * @param j the pixel row
     * @param x the pixel centre's x (easting or longitude) in the request CRS
     * @param y the pixel centre's y (northing or latitude) in the request CRS
     * @param lon its longitude (NaN when it cannot be transformed)
     * @param lat its latitude (NaN when it cannot be transformed)
     */
    public record QueryPoint(String crs, int i, int j, double x, double y, double lon, double lat) {}

    /**
     * What one layer holds at the point.
     *
     * @param layer the layer
     * @param crs the code of the layer's native CRS, or {@code null} when it has none
     * @param col the cell's column in the layer's grid
     * @param row the cell's row in the layer's grid
     * @param x the cell centre's x in the layer's CRS
     * @param y the cell centre's y in the layer's CRS
     * @param lon the cell centre's longitude (NaN when it cannot be transformed)
     * @param lat the cell centre's latitude (NaN when it cannot be transformed)
     * @param date the date of {@code value}, or {@code null} for an undated layer
     * @param value the value on that date (NaN for no data)
     * @param dates the dates of the series (empty for an undated layer)
     * @param values the series values, one per date (NaN for no data)
     * @param band the name of the band of {@code value} (DIM_BAND) for a layer with the band dimension,
     *     else {@code null}
     * @param bandValues the value of every band, in the order of the layer's band names, for a layer with
     *     the band dimension (NaN for no data); else empty
     */
    public record FeatureInfo(Layer layer, String crs, int col, int row, double x, double y, double lon, double lat,
            LocalDate date, float value, List<LocalDate> dates, float[] values, String band, float[] bandValues) {

        public FeatureInfo {
            dates = List.copyOf(dates);
        }
    }

    /** The point of {@code request} in the request CRS and in longitude/latitude. */
    public QueryPoint point(GetFeatureInfoRequest request) {
        GridGeometry map = request.map().grid();
        double x = map.centerX(request.i());
        double y = map.centerY(request.j());
        WmsCrs crs = request.map().crs();
        double[] lonLat = toLonLat(crs.xy(), key(crs), x, y);
        return new QueryPoint(crs.code(), request.i(), request.j(), x, y, lonLat[0], lonLat[1]);
    }

    /** The features at the point: one per queried layer that has a cell there, in QUERY_LAYERS order. */
    public List<FeatureInfo> query(GetFeatureInfoRequest request) {
        QueryPoint point = point(request);
        List<FeatureInfo> out = new ArrayList<>();
        for (Layer layer : request.queryLayers()) {
            FeatureInfo info = query(layer, request, point);
            if (info != null) {
                out.add(info);
            }
        }
        return out;
    }

    private FeatureInfo query(Layer layer, GetFeatureInfoRequest request, QueryPoint point) {
        GridGeometry grid = layer.grid();
        double[] p = toLayer(layer, request.map().crs(), point.x(), point.y());
        if (p == null) {
            return null;
        }
        double c = grid.colOf(p[0]);
        double r = grid.rowOf(p[1]);
        // The test and truncation of the Resampler's nearest neighbour, so the answer is the drawn cell.
        if (!(c >= 0 && c < grid.width() && r >= 0 && r < grid.height())) {
            return null;
        }
        int col = (int) c;
        int row = (int) r;
        int cell = row * grid.width() + col;
        GetFeatureInfoRequest.Bands bands = request.time().select(layer);
        List<LocalDate> dates = new ArrayList<>();
        float[] values = new float[bands.series().length];
        for (int k = 0; k < values.length; k++) {
            int band = bands.series()[k];
            dates.add(layer.dates().get(band));
            values[k] = catalog.band(layer, band)[cell];
        }
        // An undated layer reports the band the map draws: DIM_BAND's, read with the map part of the request.
        int valueBand = layer.hasBandDimension() ? drawnBand(request, layer) : bands.value();
        float value = catalog.band(layer, valueBand)[cell];
        LocalDate date = layer.isSeries() ? layer.dates().get(bands.value()) : null;
        float[] bandValues = new float[layer.hasBandDimension() ? layer.bands() : 0];
        for (int b = 0; b < bandValues.length; b++) {
            bandValues[b] = catalog.band(layer, b)[cell];
        }
        String band = layer.hasBandDimension() ? layer.bandNames().get(valueBand) : null;
        double cx = grid.centerX(col);
        double cy = grid.centerY(row);
        double[] lonLat = toLonLat(WmsCrs.ofGrid(grid), grid.crs(), cx, cy);
        return new FeatureInfo(layer, nativeCode(grid), col, row, cx, cy, lonLat[0], lonLat[1], date, value, dates,
                values, band, bandValues);
    }

    /** The band the map part of {@code request} draws of {@code layer} (a queried layer is always drawn). */
    private static int drawnBand(GetFeatureInfoRequest request, Layer layer) {
        for (GetMapRequest.Drawn drawn : request.map().layers()) {
            if (drawn instanceof GetMapRequest.MapLayer ml && ml.layer().name().equals(layer.name())) {
                return ml.band();
            }
        }
        return 0;
    }

    /**
     * The request point in the layer's CRS, or {@code null} when it is outside the layer's extent (as
     * projected into the request CRS, with the renderer's margin): far from its zone a projection can
     * fold distant points back onto the layer, and GetMap draws nothing there either.
     */
    private static double[] toLayer(Layer layer, WmsCrs crs, double x, double y) {
        GridGeometry grid = layer.grid();
        CoordinateReferenceSystem layerCrs = WmsCrs.ofGrid(grid);
        try {
            MathTransform mt = WmsCrs.transform(crs.xy(), key(crs), layerCrs, grid.crs());
            if (mt == null) {
                return new double[] {x, y};
            }
            ReferencedEnvelope extent = WmsCrs.extentIn(grid, crs.xy());
            if (extent != null) {
                double mx = 0.02 * extent.getWidth();
                double my = 0.02 * extent.getHeight();
                if (x < extent.getMinX() - mx || x > extent.getMaxX() + mx || y < extent.getMinY() - my
                        || y > extent.getMaxY() + my) {
                    return null;
                }
            }
            double[] p = {x, y};
            mt.transform(p, 0, p, 0, 1);
            return Double.isFinite(p[0]) && Double.isFinite(p[1]) ? p : null;
        } catch (FactoryException e) {
            throw WmsErrors.invalidCrs("crs", "layer " + layer.name() + " cannot be queried in " + crs.code() + ": "
                    + e.getMessage());
        } catch (TransformException e) {
            return null;
        }
    }

    /** Longitude and latitude of a point, NaN when the transform fails (a courtesy, never an error). */
    private static double[] toLonLat(CoordinateReferenceSystem from, String fromKey, double x, double y) {
        try {
            WmsCrs wgs84 = WmsCrs.parse(CRS84, "crs", true);
            MathTransform mt = WmsCrs.transform(from, fromKey, wgs84.xy(), CRS84);
            double[] p = {x, y};
            if (mt != null) {
                mt.transform(p, 0, p, 0, 1);
            }
            return p;
        } catch (FactoryException | TransformException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    private static String nativeCode(GridGeometry grid) {
        try {
            return WmsCrs.codeOfGrid(grid);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String key(WmsCrs crs) {
        return crs.code().toUpperCase(Locale.ROOT);
    }
}
