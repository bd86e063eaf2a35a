package org.pacarbon.gis.core.raster;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.eclipse.jdt.annotation.Nullable;

/**
 * JPEG-compressed TIFF chunks (compression 7) through the JDK's JPEG decoder: the shared JPEGTables are put in front
 * of each chunk's abbreviated stream, the components are read raw, and YCbCr is turned into RGB (JFIF equations, as
 * libtiff's JPEGCOLORMODE_RGB does). Gray (one sample) and three samples per pixel.
 */
final class TiffJpeg {
    private TiffJpeg() {
    }

    /**
     * Decodes one chunk into {@code out}: {@code h} rows of {@code w} pixels of {@code spp} interleaved bytes.
     *
     * @return the bytes written
     */
    static int decode(byte[] in, int n, byte @Nullable [] tables, boolean ycbcr, int w, int h, int spp, byte[] out) throws IOException {
        byte[] stream;
        if (tables != null && tables.length > 4 && n > 2) {
            // tables: SOI ... EOI; chunk: SOI ... EOI -> SOI tables... chunk-without-SOI
            stream = new byte[tables.length - 2 + n - 2];
            System.arraycopy(tables, 0, stream, 0, tables.length - 2);
            System.arraycopy(in, 2, stream, tables.length - 2, n - 2);
        } else {
            stream = java.util.Arrays.copyOf(in, n);
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            throw new IOException("no JPEG decoder in this Java runtime");
        }
        ImageReader r = readers.next();
        Raster raster;
        try (ImageInputStream iis = ImageIO.createImageInputStream(new ByteArrayInputStream(stream))) {
            r.setInput(iis);
            raster = r.readRaster(0, null);
        } catch (RuntimeException e) {
            throw new IOException("a JPEG tile or strip cannot be decoded (" + e.getMessage() + "): the file is damaged", e);
        } finally {
            r.dispose();
        }
        int rw = Math.min(w, raster.getWidth()), rh = Math.min(h, raster.getHeight());
        int bands = Math.min(spp, raster.getNumBands());
        int[] px = new int[raster.getNumBands()];
        for (int y = 0; y < rh; y++) {
            for (int x = 0; x < rw; x++) {
                raster.getPixel(x + raster.getMinX(), y + raster.getMinY(), px);
                int o = (y * w + x) * spp;
                if (ycbcr && bands == 3) {
                    double yy = px[0], cb = px[1] - 128, cr = px[2] - 128;
                    out[o] = clamp(yy + 1.402 * cr);
                    out[o + 1] = clamp(yy - 0.344136 * cb - 0.714136 * cr);
                    out[o + 2] = clamp(yy + 1.772 * cb);
                } else {
                    for (int b = 0; b < bands; b++) {
                        out[o + b] = (byte) px[b];
                    }
                }
            }
        }
        return w * h * spp;
    }

    private static byte clamp(double v) {
        return (byte) Math.max(0, Math.min(255, Math.round(v)));
    }
}
