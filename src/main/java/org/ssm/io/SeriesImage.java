package org.ssm.io;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BandedSampleModel;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferFloat;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.awt.image.SampleModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Vector;
import org.ssm.grid.SeriesReader;
import org.ssm.grid.Window;

/**
 * A float32 image whose tiles are read from a {@link SeriesReader} when asked for, so that a
 * GeoTools coverage over a series larger than the heap can be written (GeoTIFF pulls tile by tile)
 * or rendered without loading it.
 */
final class SeriesImage implements RenderedImage {

    static final int TILE = 256;

    private final SeriesReader reader;
    private final int width;
    private final int height;
    private final int tileWidth;
    private final int tileHeight;
    private final SampleModel sampleModel;
    private final ColorModel colorModel;

    SeriesImage(SeriesReader reader, ColorModel colorModel) {
        this.reader = reader;
        this.width = reader.geometry().width();
        this.height = reader.geometry().height();
        this.tileWidth = Math.min(TILE, width);
        this.tileHeight = Math.min(TILE, height);
        this.sampleModel = new BandedSampleModel(DataBuffer.TYPE_FLOAT, tileWidth, tileHeight, reader.bands());
        this.colorModel = colorModel;
    }

    @Override
    public Raster getTile(int tileX, int tileY) {
        int x = tileX * tileWidth;
        int y = tileY * tileHeight;
        Window window = new Window(x, y, Math.min(tileWidth, width - x), Math.min(tileHeight, height - y));
        float[][] data;
        try {
            data = reader.readAllBands(window);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        float[][] banks = new float[data.length][];
        for (int b = 0; b < data.length; b++) {
            if (window.width() == tileWidth && window.height() == tileHeight) {
                banks[b] = data[b];
            } else {
                // Edge tiles are padded to the tile size with NaN.
                banks[b] = new float[tileWidth * tileHeight];
                java.util.Arrays.fill(banks[b], Float.NaN);
                for (int r = 0; r < window.height(); r++) {
                    System.arraycopy(data[b], r * window.width(), banks[b], r * tileWidth, window.width());
                }
            }
        }
        return Raster.createRaster(sampleModel, new DataBufferFloat(banks, tileWidth * tileHeight), new Point(x, y));
    }

    @Override
    public Raster getData() {
        return getData(new Rectangle(0, 0, width, height));
    }

    @Override
    public Raster getData(Rectangle rect) {
        WritableRaster out = Raster.createWritableRaster(
                sampleModel.createCompatibleSampleModel(rect.width, rect.height), new Point(rect.x, rect.y));
        return copyData(out);
    }

    @Override
    public WritableRaster copyData(WritableRaster raster) {
        WritableRaster out = raster != null ? raster
                : Raster.createWritableRaster(sampleModel.createCompatibleSampleModel(width, height), null);
        Rectangle want = out.getBounds().intersection(new Rectangle(0, 0, width, height));
        if (want.isEmpty()) {
            return out;
        }
        int tx0 = want.x / tileWidth;
        int ty0 = want.y / tileHeight;
        int tx1 = (want.x + want.width - 1) / tileWidth;
        int ty1 = (want.y + want.height - 1) / tileHeight;
        for (int ty = ty0; ty <= ty1; ty++) {
            for (int tx = tx0; tx <= tx1; tx++) {
                Raster tile = getTile(tx, ty);
                Rectangle part = tile.getBounds().intersection(want);
                out.setRect(tile.createChild(part.x, part.y, part.width, part.height, part.x, part.y, null));
            }
        }
        return out;
    }

    @Override
    public Vector<RenderedImage> getSources() {
        return null;
    }

    @Override
    public Object getProperty(String name) {
        return java.awt.Image.UndefinedProperty;
    }

    @Override
    public String[] getPropertyNames() {
        return null;
    }

    @Override
    public ColorModel getColorModel() {
        return colorModel;
    }

    @Override
    public SampleModel getSampleModel() {
        return sampleModel;
    }

    @Override
    public int getWidth() {
        return width;
    }

    @Override
    public int getHeight() {
        return height;
    }

    @Override
    public int getMinX() {
        return 0;
    }

    @Override
    public int getMinY() {
        return 0;
    }

    @Override
    public int getNumXTiles() {
        return (width + tileWidth - 1) / tileWidth;
    }

    @Override
    public int getNumYTiles() {
        return (height + tileHeight - 1) / tileHeight;
    }

    @Override
    public int getMinTileX() {
        return 0;
    }

    @Override
    public int getMinTileY() {
        return 0;
    }

    @Override
    public int getTileWidth() {
        return tileWidth;
    }

    @Override
    public int getTileHeight() {
        return tileHeight;
    }

    @Override
    public int getTileGridXOffset() {
        return 0;
    }

    @Override
    public int getTileGridYOffset() {
        return 0;
    }
}
