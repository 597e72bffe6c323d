package org.ssm.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.core.ParameterException;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;

class GeoTiffTest {

    @TempDir
    Path dir;

    private static GridSeries sample(GridGeometry g, int bands) {
        float[][] data = new float[bands][g.size()];
        for (int b = 0; b < bands; b++) {
            for (int i = 0; i < g.size(); i++) {
                data[b][i] = (i % 7 == 3) ? Float.NaN : 0.1f * b + i * 1.0e-3f - 0.25f;
            }
        }
        List<LocalDate> dates = new java.util.ArrayList<>();
        for (int b = 0; b < bands; b++) {
            dates.add(LocalDate.of(2021, 4, 1).plusDays(3L * b));
        }
        return GridSeries.of(g, dates, data);
    }

    private static void assertSameSeries(GridSeries expected, GridSeries actual) {
        assertTrue(expected.geometry().sameAs(actual.geometry()),
                expected.geometry().describe() + " vs " + actual.geometry().describe());
        assertEquals(expected.geometry().crs(), actual.geometry().crs());
        // Transform values are written as doubles; 1e-9 of a cell covers decimal round-off only.
        assertEquals(expected.geometry().originX(), actual.geometry().originX(), 1e-9 * expected.geometry().cellWidth());
        assertEquals(expected.geometry().originY(), actual.geometry().originY(), 1e-9 * expected.geometry().cellHeight());
        assertEquals(expected.dates(), actual.dates());
        for (int b = 0; b < expected.size(); b++) {
            // float32 values must survive bit for bit, NaN included.
            assertArrayEquals(expected.band(b), actual.band(b), 0f);
        }
    }

    @Test
    void roundTripKeepsValuesNoDataCrsTransformAndDates() throws Exception {
        GridGeometry utm = new GridGeometry("EPSG:32633", 500_000, 5_350_000, 1000, 1000, 300, 270);
        GridSeries series = sample(utm, 5);
        Path file = dir.resolve("series.tif");
        GeoTiff.write(file, series);
        assertSameSeries(series, GeoTiff.read(file));
    }

    @Test
    void roundTripInGeographicCrsKeepsLongitudeFirst() throws Exception {
        GridGeometry geo = new GridGeometry("EPSG:4326", 14.5, 48.5, 0.01, 0.01, 40, 30);
        GridSeries series = sample(geo, 1);
        Path file = dir.resolve("geo.tif");
        GeoTiff.write(file, series);
        GridSeries back = GeoTiff.read(file);
        assertSameSeries(series, back);
        assertEquals(14.5, back.geometry().minX(), 1e-12);
        assertEquals(48.2, back.geometry().minY(), 1e-9);
    }

    @Test
    void undatedGridRoundTrips() throws Exception {
        GridGeometry g = new GridGeometry("EPSG:3035", 4_000_000, 3_000_000, 30, 30, 17, 9);
        GridSeries series = GridSeries.undated(g, new float[][] {sample(g, 1).band(0)});
        Path file = dir.resolve("static.tif");
        GeoTiff.write(file, series);
        GridSeries back = GeoTiff.read(file);
        assertTrue(back.dates().isEmpty());
        assertSameSeries(series, back);
    }

    @Test
    void writeLeavesNoPartialFileBehindOnFailure() throws Exception {
        Path file = dir.resolve("bad.tif");
        // A CRS that cannot be decoded fails before anything is written.
        GridGeometry bogus = new GridGeometry("EPSG:999999", 0, 0, 1, 1, 4, 4);
        assertThrows(ParameterException.class, () -> GeoTiff.write(file, sample(bogus, 1)));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void wrongDateCountNamesTheDatesParameter() throws Exception {
        GridGeometry g = new GridGeometry("EPSG:32633", 0, 100, 10, 10, 5, 5);
        Path file = dir.resolve("three.tif");
        GeoTiff.write(file, sample(g, 3));
        ParameterException e = assertThrows(ParameterException.class,
                () -> GeoTiff.read("lst", file, List.of(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 1, 2))));
        assertEquals("dates", e.parameter());
        assertTrue(e.getMessage().contains("3 bands"), e.getMessage());
    }
}
