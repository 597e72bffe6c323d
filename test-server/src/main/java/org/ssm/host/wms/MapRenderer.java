package org.ssm.host.wms;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.ssm.algorithms.align.Resampler;
import org.ssm.algorithms.align.Resampling;
import org.ssm.core.Monitor;
import org.ssm.grid.CoordinateMap;
import org.ssm.io.CrsTransforms;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.host.catalog.Catalog;
import org.ssm.host.catalog.Layer;
import org.ssm.stations.Observation;
import org.ssm.stations.StationSeries;

/**
 * Draws GetMap images: each layer's band is resampled (nearest neighbour, so that every pixel shows
 * a real value) onto the output grid in the request CRS, coloured by its style, and drawn over the
 * layers before it. Station layers are drawn as circles at their stations ({@link StationStyle}).
 */
public final class MapRenderer {

    private static final float JPEG_QUALITY = 0.9f;

    private final Catalog catalog;

    public MapRenderer(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The image of {@code request}, not yet encoded. */
    public BufferedImage render(GetMapRequest request) {
        GridGeometry grid = request.grid();
        boolean alpha = request.format() == GetMapRequest.ImageFormat.PNG && request.transparent();
        BufferedImage canvas = new BufferedImage(grid.width(), grid.height(),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            if (!alpha) {
                g.setColor(new Color(request.background()));
                g.fillRect(0, 0, grid.width(), grid.height());
            }
            g.setComposite(AlphaComposite.SrcOver);
            boolean empty = true;
            for (GetMapRequest.Drawn drawn : request.layers()) {
                if (drawn instanceof GetMapRequest.StationMapLayer stations) {
                    drawStations(g, stations, request);
                    empty = false;
                    continue;
                }
                GetMapRequest.MapLayer ml = (GetMapRequest.MapLayer) drawn;
                float[] values = sample(ml.layer(), ml.band(), request.crs(), grid);
                if (values == null) {
                    continue;
                }
                if (alpha && empty) {
                    // Straight into a clear canvas: compositing would round semi-transparent colours.
                    ml.style().colour(values, pixels(canvas));
                } else {
                    BufferedImage layerImage = new BufferedImage(grid.width(), grid.height(),
                            BufferedImage.TYPE_INT_ARGB);
                    ml.style().colour(values, pixels(layerImage));
                    g.drawImage(layerImage, 0, 0, null);
                }
                empty = false;
            }
        } finally {
            g.dispose();
        }
        return canvas;
    }

    /**
     * The stations of a layer as circles, rings first so that the stations that reported on the date
     * stay on top where circles overlap.
     */
    private void drawStations(Graphics2D g, GetMapRequest.StationMapLayer layer, GetMapRequest request) {
        List<StationSeries> stations = catalog.stations(layer.layer());
        double[] px = StationPositions.of(stations, request.crs(), request.grid());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double margin = StationStyle.RADIUS + 2;
        for (boolean filled : new boolean[] {false, true}) {
            for (int s = 0; s < stations.size(); s++) {
                double x = px[2 * s];
                double y = px[2 * s + 1];
                if (!(x > -margin && x < request.grid().width() + margin && y > -margin
                        && y < request.grid().height() + margin)) {
                    continue;
                }
                StationSeries station = stations.get(s);
                if (reported(station, layer.date()) == filled) {
                    StationStyle.draw(g, x, y, StationStyle.colour(layer.layer(), station.station().network()),
                            filled);
                }
            }
        }
    }

    /** Whether a station has a reading with a value on {@code date} (UTC); every station when no date. */
    static boolean reported(StationSeries station, LocalDate date) {
        if (date == null) {
            return true;
        }
        for (Observation o : station.observations()) {
            if (!Double.isNaN(o.sm()) && LocalDate.ofInstant(o.time(), ZoneOffset.UTC).equals(date)) {
                return true;
            }
        }
        return false;
    }

    private static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    /**
     * The values of {@code band} of {@code layer} at the centre of each cell of {@code target}
     * (row-major, NaN where the layer has no data), or {@code null} when the layer lies wholly outside.
     */
    float[] sample(Layer layer, int band, WmsCrs crs, GridGeometry target) {
        GridGeometry source = layer.grid();
        CoordinateReferenceSystem sourceCrs = WmsCrs.ofGrid(source);
        MathTransform toSource;
        try {
            toSource = WmsCrs.transform(crs.xy(), crs.code().toUpperCase(Locale.ROOT), sourceCrs,
                    source.crs());
        } catch (FactoryException e) {
            throw WmsErrors.invalidCrs("crs", "layer " + layer.name() + " cannot be drawn in " + crs.code() + ": "
                    + e.getMessage());
        }
        ReferencedEnvelope extent = WmsCrs.extentIn(source, crs.xy());
        if (extent != null && !intersects(extent, target)) {
            return null;
        }
        float[] values = catalog.band(layer, band);
        if (!hasData(values)) {
            return null;
        }
        CoordinateMap map = toSource == null ? CoordinateMap.IDENTITY
                : new TransformMap(toSource, extent);
        return new Resampler(target, Resampling.NEAREST, map)
                .resample(GridSeries.of(source, List.of(), new float[][] {values}), Monitor.NONE).band(0);
    }

    private static boolean intersects(ReferencedEnvelope extent, GridGeometry target) {
        return extent.getMinX() < target.maxX() && extent.getMaxX() > target.minX()
                && extent.getMinY() < target.maxY() && extent.getMaxY() > target.minY();
    }

    private static boolean hasData(float[] values) {
        for (float v : values) {
            if (!Float.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    /** Encodes an image rendered for {@code format}. */
    public static byte[] encode(BufferedImage image, GetMapRequest.ImageFormat format) throws IOException {
        ImageWriter writer = writer(format.imageIoName());
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == GetMapRequest.ImageFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * The JDK's own writer for {@code formatName}: the class path also carries JAI Image I/O writers
     * that depend on native libraries which may be absent.
     */
    private static ImageWriter writer(String formatName) {
        ImageWriter fallback = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(formatName); it.hasNext(); ) {
            ImageWriter w = it.next();
            if (w.getOriginatingProvider() != null
                    && w.getOriginatingProvider().getClass().getName().startsWith("com.sun.imageio.")) {
                return w;
            }
            if (fallback == null) {
                fallback = w;
            }
        }
        if (fallback == null) {
            throw new IllegalStateException("no ImageIO writer for " + formatName);
        }
        return fallback;
    }

    /**
     * Request CRS to layer CRS through a GeoTools transform. Points outside the layer's extent (as
     * projected into the request CRS) are sent to NaN untransformed: far from its zone a projection can
     * fold distant points back onto the layer and draw it twice.
     */
    private static final class TransformMap implements CoordinateMap {
        private final CoordinateMap transform;
        private final double minX;
        private final double maxX;
        private final double minY;
        private final double maxY;

        TransformMap(MathTransform transform, ReferencedEnvelope extent) {
            this.transform = CrsTransforms.of(transform);
            if (extent == null) {
                minX = Double.NEGATIVE_INFINITY;
                maxX = Double.POSITIVE_INFINITY;
                minY = Double.NEGATIVE_INFINITY;
                maxY = Double.POSITIVE_INFINITY;
            } else {
                // The extent is densified, not exact: a margin keeps edge cells between its sample points.
                double mx = 0.02 * extent.getWidth();
                double my = 0.02 * extent.getHeight();
                minX = extent.getMinX() - mx;
                maxX = extent.getMaxX() + mx;
                minY = extent.getMinY() - my;
                maxY = extent.getMaxY() + my;
            }
        }

        @Override
        public void apply(double[] xy, int count) {
            // Only points over the layer are transformed: the rest of a zoomed-out map costs nothing, and
            // points far outside a projection's domain never reach it.
            double[] in = new double[2 * count];
            int[] index = new int[count];
            int n = 0;
            for (int i = 0; i < count; i++) {
                double x = xy[2 * i];
                double y = xy[2 * i + 1];
                if (x >= minX && x <= maxX && y >= minY && y <= maxY) {
                    in[2 * n] = x;
                    in[2 * n + 1] = y;
                    index[n++] = i;
                }
                xy[2 * i] = Double.NaN;
                xy[2 * i + 1] = Double.NaN;
            }
            double[] out = java.util.Arrays.copyOf(in, 2 * n);
            transform.apply(out, n);
            for (int k = 0; k < n; k++) {
                xy[2 * index[k]] = out[2 * k];
                xy[2 * index[k] + 1] = out[2 * k + 1];
            }
        }
    }
}
