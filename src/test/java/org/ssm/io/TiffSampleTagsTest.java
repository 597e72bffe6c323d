package org.ssm.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssm.grid.GridGeometry;
import org.ssm.grid.GridSeries;

/** Written series declare data bands (not RGB) with ExtraSamples and a NaN no-data tag, values unchanged. */
class TiffSampleTagsTest {

    @TempDir
    Path dir;

    /** Tag number to its raw entry (type, count, value-or-offset, position of the value field) in the first directory. */
    private static Map<Integer, long[]> tags(byte[] tiff) {
        ByteBuffer b = ByteBuffer.wrap(tiff).order(tiff[0] == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int ifd = b.getInt(4);
        int n = b.getShort(ifd) & 0xffff;
        Map<Integer, long[]> tags = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int at = ifd + 2 + 12 * i;
            int type = b.getShort(at + 2) & 0xffff;
            long value = type == 3 ? b.getShort(at + 8) & 0xffff : b.getInt(at + 8) & 0xffffffffL;
            tags.put(b.getShort(at) & 0xffff, new long[] {type, b.getInt(at + 4), value, at + 8});
        }
        return tags;
    }

    @Test
    void threeDatesAreNotRgbAndValuesSurvive() throws Exception {
        for (int bands : new int[] {1, 2, 3, 7}) {
            GridGeometry g = new GridGeometry("EPSG:32633", 0, 1000, 10, 10, 20, 10);
            float[][] v = new float[bands][g.size()];
            List<LocalDate> dates = new ArrayList<>();
            for (int b = 0; b < bands; b++) {
                dates.add(LocalDate.of(2021, 1, 1).plusDays(b));
                for (int i = 0; i < g.size(); i++) {
                    v[b][i] = i % 5 == 0 ? Float.NaN : b + i / 100f;
                }
            }
            Path file = dir.resolve("b" + bands + ".tif");
            GeoTiff.write(file, GridSeries.of(g, dates, v));
            byte[] tiff = Files.readAllBytes(file);
            Map<Integer, long[]> tags = tags(tiff);
            assertEquals(1, tags.get(262)[2], "PhotometricInterpretation BlackIsZero for " + bands + " bands");
            if (bands > 1) {
                assertEquals(bands - 1, tags.get(338)[1], "one ExtraSamples value per band after the first");
            }
            long[] nodata = tags.get(42113);
            assertEquals(4, nodata[1], "\"nan\" and its terminator fit in the entry");
            assertEquals("nan", new String(tiff, (int) nodata[3], 3, java.nio.charset.StandardCharsets.US_ASCII));
            GridSeries back = GeoTiff.read(file);
            for (int b = 0; b < bands; b++) {
                assertArrayEquals(v[b], back.band(b), 0f);
            }
        }
    }
}
