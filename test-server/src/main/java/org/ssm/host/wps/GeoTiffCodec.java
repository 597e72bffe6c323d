package org.ssm.host.wps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geotools.coverage.grid.GridCoverage2D;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridSeries;
import org.ssm.grid.SeriesDates;
import org.ssm.host.ows.OwsException;
import org.ssm.io.Coverages;
import org.ssm.io.GeoTiff;

/**
 * GeoTIFF to and from coverages for WPS inputs and outputs. A series keeps its dates in the
 * ImageDescription tag and in the coverage's band descriptions.
 */
final class GeoTiffCodec {

    private final Path scratch;
    private final long maxPixels;

    GeoTiffCodec(Path scratch, long maxPixels) {
        this.scratch = scratch;
        this.maxPixels = maxPixels;
    }

    /** Decodes a GeoTIFF given for input {@code input}. */
    GridCoverage2D decode(String input, byte[] bytes) throws IOException {
        Files.createDirectories(scratch);
        Path tmp = Files.createTempFile(scratch, "in-", ".tif");
        try {
            Files.write(tmp, bytes);
            long pixels;
            try {
                pixels = GeoTiff.pixelCount(input, tmp);
            } catch (IOException | RuntimeException e) {
                throw OwsException.invalid(input, "input " + input + " is not a readable GeoTIFF: " + e.getMessage());
            }
            if (pixels > maxPixels) {
                throw new OwsException(OwsException.FILE_SIZE_EXCEEDED, input, "input " + input + " has " + pixels
                        + " pixel values; the limit is " + maxPixels);
            }
            GridSeries series = GeoTiff.read(input, tmp, null);
            return Coverages.toCoverage(input, series);
        } catch (ParameterException e) {
            throw OwsException.invalid(input, "input " + input + ": " + e.getMessage());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Encodes a coverage as a tiled, deflated GeoTIFF with its dates. */
    byte[] encode(GridCoverage2D coverage) throws IOException {
        Files.createDirectories(scratch);
        Path tmp = Files.createTempFile(scratch, "out-", ".tif");
        try {
            write(coverage, tmp);
            return Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes a coverage to {@code file}. */
    static void write(GridCoverage2D coverage, Path file) throws IOException {
        List<java.time.LocalDate> dates = Coverages.datesFromDescriptions(coverage);
        GeoTiff.write(file, coverage, dates.isEmpty() ? null : SeriesDates.format(dates));
    }
}
