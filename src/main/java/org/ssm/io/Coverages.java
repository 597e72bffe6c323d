package org.ssm.io;

import java.awt.geom.AffineTransform;
import java.awt.image.BandedSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferFloat;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.awt.image.WritableRaster;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.geotools.api.coverage.SampleDimension;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.datum.PixelInCell;
import org.geotools.coverage.GridSampleDimension;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridCoverageFactory;
import org.geotools.coverage.grid.GridEnvelope2D;
import org.geotools.coverage.grid.GridGeometry2D;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.referencing.operation.transform.AffineTransform2D;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesReader;

/**
 * Adapts between GeoTools {@link GridCoverage2D} and the grid model.
 *
 * <p>A series travels as a multiband float32 coverage whose band {@code i} is date {@code i}; the
 * band descriptions carry the ISO dates so that a coverage passed between processes in one JVM
 * keeps its dates.
 */
public final class Coverages {

    private static final GridCoverageFactory FACTORY = new GridCoverageFactory();

    private Coverages() {}

    /** A float32 coverage holding every band of {@code series}, without copying the values. */
    public static GridCoverage2D toCoverage(String name, GridSeries series) {
        GridGeometry g = series.geometry();
        int bands = series.size();
        float[][] data = new float[bands][];
        for (int b = 0; b < bands; b++) {
            data[b] = series.band(b);
        }
        DataBufferFloat buffer = new DataBufferFloat(data, g.size());
        BandedSampleModel model = new BandedSampleModel(DataBuffer.TYPE_FLOAT, g.width(), g.height(), bands);
        WritableRaster raster = Raster.createWritableRaster(model, buffer, null);
        CoordinateReferenceSystem crs = Crs.decode("crs", g.crs());
        ReferencedEnvelope envelope = new ReferencedEnvelope(g.minX(), g.maxX(), g.minY(), g.maxY(), crs);
        GridCoverage2D plain = FACTORY.create(name, raster, envelope);
        GridSampleDimension[] dims = new GridSampleDimension[bands];
        for (int b = 0; b < bands; b++) {
            String description = series.isDated() ? series.dates().get(b).toString() : name + "_" + (b + 1);
            GridSampleDimension source = plain.getSampleDimension(b);
            dims[b] = new GridSampleDimension(description, source.getCategories().toArray(new org.geotools.coverage.Category[0]), source.getUnits());
        }
        return FACTORY.create(name, plain.getRenderedImage(), plain.getGridGeometry(), dims, null, null);
    }

    /**
     * A coverage whose values are read from {@code reader} tile by tile when they are needed (for
     * instance while a GeoTIFF writer pulls them), so that a series larger than the heap can travel
     * as a coverage. The reader must stay open while the coverage is used.
     */
    public static GridCoverage2D toCoverage(String name, SeriesReader reader) {
        return toCoverage(name, reader, null);
    }

    /**
     * {@link #toCoverage(String, SeriesReader)} with band descriptions: {@code bandNames} (one per band)
     * tell apart the bands of an undated stack, such as one map per input product.
     *
     * @param bandNames the descriptions, or {@code null} for dates (name_1, … when undated)
     */
    public static GridCoverage2D toCoverage(String name, SeriesReader reader, List<String> bandNames) {
        if (bandNames != null && bandNames.size() != reader.bands()) {
            throw new IllegalArgumentException(bandNames.size() + " band names for " + reader.bands() + " bands");
        }
        GridSeries oneCell = GridSeries.of(new GridGeometry(reader.geometry().crs(), 0, 1, 1, 1, 1, 1),
                reader.dates(), new float[reader.bands()][1]);
        // The colour model and categories GeoTools chooses for an in-memory raster of these bands.
        GridCoverage2D template = toCoverage(name, oneCell);
        SeriesImage image = new SeriesImage(reader, template.getRenderedImage().getColorModel());
        GridSampleDimension[] dims = new GridSampleDimension[reader.bands()];
        for (int b = 0; b < dims.length; b++) {
            GridSampleDimension source = template.getSampleDimension(b);
            dims[b] = bandNames == null ? source : new GridSampleDimension(bandNames.get(b),
                    source.getCategories().toArray(new org.geotools.coverage.Category[0]), source.getUnits());
        }
        return FACTORY.create(name, image, toGridGeometry2D(reader.geometry()), dims, null, null);
    }

    /**
     * A reader of {@code coverage}'s bands window by window through its rendered image: a coverage
     * from a GeoTIFF reader is then decoded tile by tile, never whole.
     *
     * @param dates the band dates, or {@code null} to take them from the band descriptions
     */
    public static SeriesReader reader(String parameter, GridCoverage2D coverage, List<LocalDate> dates) {
        GridGeometry g = geometry(parameter, coverage);
        RenderedImage image = coverage.getRenderedImage();
        int bands = image.getSampleModel().getNumBands();
        List<LocalDate> bandDates = dates != null ? dates : datesFromDescriptions(coverage);
        if (!bandDates.isEmpty() && bandDates.size() != bands) {
            throw new ParameterException(dates != null ? "dates" : parameter, bandDates.size() + " dates",
                    "one date per band of " + parameter + " (" + bands + " bands)");
        }
        List<LocalDate> fixedDates = List.copyOf(bandDates);
        return new SeriesReader() {
            @Override
            public GridGeometry geometry() {
                return g;
            }

            @Override
            public List<LocalDate> dates() {
                return fixedDates;
            }

            @Override
            public int bands() {
                return bands;
            }

            @Override
            public float[] read(int band, org.ssm.grid.Window window) {
                return window(window).getSamples(image.getMinX() + window.col(), image.getMinY() + window.row(),
                        window.width(), window.height(), band, new float[window.size()]);
            }

            @Override
            public float[][] readAllBands(org.ssm.grid.Window window) {
                Raster raster = window(window);
                float[][] out = new float[bands][];
                for (int b = 0; b < bands; b++) {
                    out[b] = raster.getSamples(image.getMinX() + window.col(), image.getMinY() + window.row(),
                            window.width(), window.height(), b, new float[window.size()]);
                }
                return out;
            }

            private Raster window(org.ssm.grid.Window window) {
                return image.getData(new java.awt.Rectangle(image.getMinX() + window.col(),
                        image.getMinY() + window.row(), window.width(), window.height()));
            }
        };
    }

    /** The grid geometry of a coverage; fails for rotated or non-affine grids. */
    public static GridGeometry geometry(String parameter, GridCoverage2D coverage) {
        GridGeometry2D gg = coverage.getGridGeometry();
        if (!(gg.getGridToCRS2D(org.geotools.api.metadata.spatial.PixelOrientation.UPPER_LEFT) instanceof AffineTransform at)) {
            throw ParameterException.because(parameter, "the grid-to-map transform is not affine");
        }
        if (Math.abs(at.getShearX()) > 1e-12 * Math.abs(at.getScaleX())
                || Math.abs(at.getShearY()) > 1e-12 * Math.abs(at.getScaleY())
                || at.getScaleX() <= 0 || at.getScaleY() >= 0) {
            throw ParameterException.because(parameter,
                    "the grid is rotated or not north-up (" + at + "); reproject it with ssm:Align first");
        }
        GridEnvelope2D range = gg.getGridRange2D();
        double originX = at.getTranslateX() + range.x * at.getScaleX();
        double originY = at.getTranslateY() + range.y * at.getScaleY();
        String crs = Crs.encode(coverage.getCoordinateReferenceSystem2D());
        return new GridGeometry(crs, originX, originY, at.getScaleX(), -at.getScaleY(), range.width, range.height);
    }

    /**
     * The series held by {@code coverage}.
     *
     * @param parameter the input's name, used in error messages
     * @param dates the dates of the bands; if {@code null}, they are taken from the band descriptions
     *     when those are ISO dates, else the series is undated
     * @param noData a value to treat as no data besides NaN, or NaN for none
     */
    public static GridSeries fromCoverage(String parameter, GridCoverage2D coverage, List<LocalDate> dates, double noData) {
        GridGeometry g = geometry(parameter, coverage);
        RenderedImage image = coverage.getRenderedImage();
        Raster raster = image.getData();
        int bands = raster.getNumBands();
        int x0 = raster.getMinX();
        int y0 = raster.getMinY();
        float[][] data = new float[bands][];
        float nd = (float) noData;
        for (int b = 0; b < bands; b++) {
            float[] values = raster.getSamples(x0, y0, g.width(), g.height(), b, new float[g.size()]);
            if (!Double.isNaN(noData)) {
                for (int i = 0; i < values.length; i++) {
                    if (values[i] == nd) {
                        values[i] = Float.NaN;
                    }
                }
            }
            data[b] = values;
        }
        List<LocalDate> bandDates = dates != null ? dates : datesFromDescriptions(coverage);
        if (!bandDates.isEmpty() && bandDates.size() != bands) {
            throw new ParameterException(dates != null ? "dates" : parameter, bandDates.size() + " dates",
                    "one date per band of " + parameter + " (" + bands + " bands)");
        }
        return GridSeries.of(g, bandDates, data);
    }

    /** The band descriptions as dates, or an empty list if any is not an ISO date. */
    public static List<LocalDate> datesFromDescriptions(GridCoverage2D coverage) {
        List<LocalDate> dates = new ArrayList<>();
        for (int b = 0; b < coverage.getNumSampleDimensions(); b++) {
            SampleDimension dim = coverage.getSampleDimension(b);
            if (dim.getDescription() == null) {
                return List.of();
            }
            try {
                dates.add(LocalDate.parse(dim.getDescription().toString()));
            } catch (DateTimeParseException e) {
                return List.of();
            }
        }
        for (int i = 1; i < dates.size(); i++) {
            if (!dates.get(i).isAfter(dates.get(i - 1))) {
                return List.of();
            }
        }
        return dates;
    }

    /** A GeoTools grid geometry for the model's geometry. */
    public static GridGeometry2D toGridGeometry2D(GridGeometry g) {
        AffineTransform at = new AffineTransform(g.cellWidth(), 0, 0, -g.cellHeight(), g.originX(), g.originY());
        return new GridGeometry2D(new GridEnvelope2D(0, 0, g.width(), g.height()), PixelInCell.CELL_CORNER,
                new AffineTransform2D(at), Crs.decode("crs", g.crs()), null);
    }
}
