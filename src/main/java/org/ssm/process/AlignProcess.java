package org.ssm.process;

import java.util.Map;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.api.util.ProgressListener;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;
import org.ssm.algorithms.align.Resampler;
import org.ssm.algorithms.align.Resampling;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;
import org.ssm.io.Coverages;
import org.ssm.io.Crs;
import org.ssm.io.CrsTransforms;

/** The {@code ssm:Align} process: reprojects and resamples a series onto a target grid. */
@DescribeProcess(title = "Align",
        description = "Reprojects and resamples a series onto a target grid (papers B section 3.2 and D section"
                + " 2.1.2): nearest neighbour, bilinear, or area average for upscaling and aggregating fine to coarse."
                + " The target grid is that of a template coverage, or a CRS and cell size covering the source.")
public class AlignProcess {

    @DescribeResults({
        @DescribeResult(name = "result", type = GridCoverage2D.class, primary = true,
                description = "The source on the target grid"),
        @DescribeResult(name = "dates", type = String.class, description = "Dates of the bands of result")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "source", description = "The series or image to resample") GridCoverage2D source,
            @DescribeParameter(name = ProcessSupport.DATES, min = 0, description = ProcessSupport.DATES_DESCRIPTION)
                    String dates,
            @DescribeParameter(name = "target", min = 0, description = "A coverage whose grid is the target;"
                    + " its values are not used") GridCoverage2D target,
            @DescribeParameter(name = "crs", min = 0, description = "Target CRS (e.g. EPSG:4326) when no target"
                    + " coverage is given; defaults to the source CRS") String crs,
            @DescribeParameter(name = "cellSize", min = 0, minValue = 0, description = "Target cell size in target"
                    + " CRS units when no target coverage is given; defaults to the source cell size carried over"
                    + " to the target CRS") Double cellSize,
            @DescribeParameter(name = "method", min = 0, defaultValue = "NEAREST", description = "NEAREST, BILINEAR"
                    + " or AREA_AVERAGE") Resampling method,
            ProgressListener monitor) {
        GridSeries series = ProcessSupport.series("source", source, ProcessSupport.dates(dates));
        GridGeometry targetGrid = target != null
                ? Coverages.geometry("target", target)
                : gridFor(series.geometry(), crs, cellSize);
        Resampler resampler = new Resampler(targetGrid, method == null ? Resampling.NEAREST : method,
                CrsTransforms.between("crs", targetGrid.crs(), series.geometry().crs()));
        GridSeries result = resampler.resample(series, ProcessSupport.monitor(monitor));
        return ProcessSupport.seriesResult("result", source.getName().toString(), result);
    }

    /** A grid in {@code crs} covering the source extent, with the given or an equivalent cell size. */
    static GridGeometry gridFor(GridGeometry source, String crs, Double cellSize) {
        if (crs == null && cellSize == null) {
            throw ParameterException.missing("target", "a target coverage, or crs and/or cellSize");
        }
        if (cellSize != null) {
            ParameterException.requirePositive("cellSize", cellSize);
        }
        String targetCrs = crs == null ? source.crs() : crs;
        CoordinateReferenceSystem from = Crs.decode("source", source.crs());
        CoordinateReferenceSystem to = Crs.decode("crs", targetCrs);
        ReferencedEnvelope extent;
        try {
            extent = new ReferencedEnvelope(source.minX(), source.maxX(), source.minY(), source.maxY(), from)
                    .transform(to, true);
        } catch (TransformException | FactoryException e) {
            throw new ParameterException("crs", crs, "a CRS into which the source extent can be transformed ("
                    + e.getMessage() + ")");
        }
        double size = cellSize != null ? cellSize : Math.sqrt(extent.getWidth() * extent.getHeight()
                / ((double) source.width() * source.height()));
        int width = (int) Math.max(1, Math.ceil(extent.getWidth() / size - 1e-9));
        int height = (int) Math.max(1, Math.ceil(extent.getHeight() / size - 1e-9));
        if ((long) width * height > 400_000_000L) {
            throw new ParameterException("cellSize", size, "a cell size giving fewer than 4e8 cells (" + width + "x"
                    + height + " requested)");
        }
        return new GridGeometry(Crs.encode(to), extent.getMinX(), extent.getMaxY(), size, size, width, height);
    }
}
