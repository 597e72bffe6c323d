package org.ssm.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Declares the bands of a multiband float GeoTIFF as what they are: data, not colour.
 *
 * <p>The GeoTools/ImageIO-Ext writer marks a 3-band image as RGB and writes no {@code ExtraSamples}
 * tag for other band counts, so GDAL warns on every read and viewers show a series as a colour
 * picture. This rewrites the first image directory with {@code PhotometricInterpretation =
 * BlackIsZero}, {@code ExtraSamples} = unspecified for every band after the first, and the GDAL
 * no-data tag {@code nan}. The new directory is appended to the file and the header pointed at it;
 * pixel data are untouched. Classic (not Big) TIFF only, which is what the writer produces below 4 GB.
 */
final class TiffSampleTags {

    private static final int PHOTOMETRIC = 262;
    private static final int EXTRA_SAMPLES = 338;
    private static final int GDAL_NODATA = 42113;
    private static final int SHORT = 3;
    private static final int ASCII = 2;

    private record Entry(int tag, int type, long count, byte[] value) {}

    private TiffSampleTags() {}

    /** Rewrites the tags of {@code file}'s first image; does nothing for a BigTIFF. */
    static void declareDataBands(Path file, int bands) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer header = read(ch, 0, 8, ByteOrder.LITTLE_ENDIAN);
            ByteOrder order = header.get(0) == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            header.order(order);
            if ((header.getShort(2) & 0xffff) != 42) {
                return;
            }
            long ifd = header.getInt(4) & 0xffffffffL;
            int count = read(ch, ifd, 2, order).getShort(0) & 0xffff;
            ByteBuffer raw = read(ch, ifd + 2, 12 * count + 4, order);
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int tag = raw.getShort(12 * i) & 0xffff;
                if (tag == PHOTOMETRIC || tag == EXTRA_SAMPLES || tag == GDAL_NODATA) {
                    continue;
                }
                byte[] value = new byte[4];
                raw.position(12 * i + 8);
                raw.get(value);
                entries.add(new Entry(tag, raw.getShort(12 * i + 2) & 0xffff, raw.getInt(12 * i + 4) & 0xffffffffL,
                        value));
            }
            long nextIfd = raw.getInt(12 * count) & 0xffffffffL;

            long end = ch.size();
            entries.add(new Entry(PHOTOMETRIC, SHORT, 1, shortValue(1, order)));
            if (bands > 1) {
                // Values too large for the entry are stored after the current end of file.
                end = addArray(ch, entries, EXTRA_SAMPLES, SHORT, bands - 1, new byte[2 * (bands - 1)], end, order);
            }
            byte[] nan = "nan\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            entries.add(new Entry(GDAL_NODATA, ASCII, nan.length, nan));
            entries.sort(Comparator.comparingInt(Entry::tag));

            long newIfd = end + (end & 1);
            ByteBuffer out = ByteBuffer.allocate(2 + 12 * entries.size() + 4).order(order);
            out.putShort((short) entries.size());
            for (Entry e : entries) {
                out.putShort((short) e.tag()).putShort((short) e.type()).putInt((int) e.count()).put(e.value());
            }
            out.putInt((int) nextIfd).flip();
            ch.write(out, newIfd);
            ByteBuffer pointer = ByteBuffer.allocate(4).order(order).putInt((int) newIfd);
            pointer.flip();
            ch.write(pointer, 4);
        }
    }

    private static long addArray(FileChannel ch, List<Entry> entries, int tag, int type, int count, byte[] data,
            long end, ByteOrder order) throws IOException {
        if (data.length <= 4) {
            entries.add(new Entry(tag, type, count, java.util.Arrays.copyOf(data, 4)));
            return end;
        }
        long at = end + (end & 1);
        ch.write(ByteBuffer.wrap(data), at);
        entries.add(new Entry(tag, type, count, ByteBuffer.allocate(4).order(order).putInt((int) at).array()));
        return at + data.length;
    }

    private static byte[] shortValue(int v, ByteOrder order) {
        return ByteBuffer.allocate(4).order(order).putShort((short) v).array();
    }

    private static ByteBuffer read(FileChannel ch, long position, int length, ByteOrder order) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(order);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                throw new IOException("truncated TIFF");
            }
        }
        return b.flip();
    }
}
