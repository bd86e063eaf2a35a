package org.pacarbon.gis.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Writes single-band Float32 GeoTIFF files (classic TIFF, little endian), tiled or stripped, with or
 * without DEFLATE compression, georeferenced by an EPSG code, an upper-left corner and a cell size
 * (PixelIsArea: the corner is the corner of the first cell, not its centre).
 *
 * <p>The file is written to a temporary sibling and renamed when complete, so a reader never sees a
 * half-written raster. Files larger than 4 GiB (BigTIFF) are not supported.</p>
 *
 * <p>Why not Apache SIS's GeoTIFF writer (which since 1.5 writes tiles with DEFLATE and a predictor): it writes a
 * {@code GridCoverage} whose image is computed before or while it is written, where the tools here produce their
 * outputs one row at a time in the same pass that reads their inputs (gap, synergy, vSOC and the trend raster never
 * hold a whole layer; a 300 m national raster is 16667 x 13334 cells); and the files must carry GDAL's nodata tag
 * (42113) so that QGIS and GDAL show the nodata cells as such, which SIS does not write. The CRS keys written here
 * (an EPSG code, PixelIsArea) are the ones SIS, GDAL and QGIS all read back; {@code GeoTiffVariantsTest} checks the
 * files through SIS.</p>
 */
public final class GeoTiffWriter {
    private final int width;
    private final int height;
    private int epsg = 4326;
    private boolean geographic = true;
    private double x0;
    private double y0;
    private double dx = 1;
    private double dy = 1;
    private @Nullable Float nodata;
    private int tileSize = 256;
    private int rowsPerStrip;
    private boolean deflate = true;

    private GeoTiffWriter(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("raster size must be positive: " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
    }

    /** Starts a writer for a raster of {@code width} columns and {@code height} rows. */
    public static GeoTiffWriter of(int width, int height) {
        return new GeoTiffWriter(width, height);
    }

    /**
     * Sets the CRS by EPSG code.
     *
     * @param  code        the EPSG code
     * @param  isGeographic {@code true} for a geographic CRS (lon/lat degrees), {@code false} for a projected one
     */
    public GeoTiffWriter crs(int code, boolean isGeographic) {
        this.epsg = code;
        this.geographic = isGeographic;
        return this;
    }

    /** Sets the upper-left corner of the first cell (x = easting or longitude, y = northing or latitude). */
    public GeoTiffWriter upperLeft(double x, double y) {
        this.x0 = x;
        this.y0 = y;
        return this;
    }

    /** Sets the cell size in CRS units: {@code cellWidth} eastwards, {@code cellHeight} southwards (both positive). */
    public GeoTiffWriter cellSize(double cellWidth, double cellHeight) {
        if (!(cellWidth > 0 && cellHeight > 0)) {
            throw new IllegalArgumentException("cell size must be positive");
        }
        this.dx = cellWidth;
        this.dy = cellHeight;
        return this;
    }

    /** Sets the nodata value written in the GDAL_NODATA tag, or {@code null} for none. */
    public GeoTiffWriter nodata(Float value) {
        this.nodata = value;
        return this;
    }

    /** Writes square tiles of the given size (a multiple of 16). */
    public GeoTiffWriter tiled(int size) {
        if (size <= 0 || size % 16 != 0) {
            throw new IllegalArgumentException("tile size must be a positive multiple of 16: " + size);
        }
        this.tileSize = size;
        this.rowsPerStrip = 0;
        return this;
    }

    /** Writes strips of {@code rows} rows instead of tiles. */
    public GeoTiffWriter stripped(int rows) {
        this.rowsPerStrip = Math.max(1, rows);
        this.tileSize = 0;
        return this;
    }

    /** Compresses blocks with DEFLATE (TIFF compression 8) or leaves them raw (1). */
    public GeoTiffWriter deflate(boolean on) {
        this.deflate = on;
        return this;
    }

    /** Writes the file from the rows supplied, atomically (temporary file, then rename). */
    public void write(Path file, RowSource rows) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.position(8);
            boolean tiles = tileSize > 0;
            int bw = tiles ? tileSize : width;
            int bh = tiles ? tileSize : rowsPerStrip;
            int across = tiles ? (width + bw - 1) / bw : 1;
            int down = (height + bh - 1) / bh;
            long[] offsets = new long[across * down];
            long[] counts = new long[across * down];
            float[] row = new float[width];
            float[][] band = new float[bh][width];
            Deflater deflater = new Deflater(6);
            ByteBuffer raw = ByteBuffer.allocate(bw * bh * 4).order(ByteOrder.LITTLE_ENDIAN);
            byte[] packed = new byte[bw * bh * 4 + 1024];
            for (int by = 0; by < down; by++) {
                int rowsHere = Math.min(bh, height - by * bh);
                for (int r = 0; r < bh; r++) {
                    if (r < rowsHere) {
                        rows.fill(by * bh + r, row);
                        System.arraycopy(row, 0, band[r], 0, width);
                    } else {
                        java.util.Arrays.fill(band[r], nodata != null ? nodata : 0f);
                    }
                }
                for (int bx = 0; bx < across; bx++) {
                    raw.clear();
                    int blockRows = tiles ? bh : rowsHere; // strips are cut at the last row; tiles are padded
                    for (int r = 0; r < blockRows; r++) {
                        for (int c = 0; c < bw; c++) {
                            int x = bx * bw + c;
                            raw.putFloat(x < width ? band[r][x] : (nodata != null ? nodata : 0f));
                        }
                    }
                    raw.flip();
                    int index = by * across + bx;
                    offsets[index] = ch.position();
                    if (deflate) {
                        deflater.reset();
                        deflater.setInput(raw.array(), 0, raw.limit());
                        deflater.finish();
                        int n = 0;
                        while (!deflater.finished()) {
                            if (n == packed.length) {
                                packed = java.util.Arrays.copyOf(packed, packed.length * 2);
                            }
                            n += deflater.deflate(packed, n, packed.length - n);
                        }
                        ch.write(ByteBuffer.wrap(packed, 0, n));
                        counts[index] = n;
                    } else {
                        ch.write(raw);
                        counts[index] = raw.limit();
                    }
                }
            }
            deflater.end();
            if (ch.position() > 0xFFFF_FFF0L) {
                throw new IOException(file + ": larger than 4 GiB; BigTIFF is not supported by this writer");
            }
            writeDirectory(ch, tiles, bw, bh, offsets, counts);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private record Entry(int tag, int type, int count, byte[] data) {
    }

    private void writeDirectory(FileChannel ch, boolean tiles, int bw, int bh, long[] offsets, long[] counts)
            throws IOException {
        List<Entry> entries = new ArrayList<>();
        entries.add(longs(256, width));
        entries.add(longs(257, height));
        entries.add(shorts(258, 32));
        entries.add(shorts(259, deflate ? 8 : 1));
        entries.add(shorts(262, 1));
        if (!tiles) {
            entries.add(longs(273, offsets));
        }
        entries.add(shorts(277, 1));
        if (!tiles) {
            entries.add(longs(278, bh));
            entries.add(longs(279, counts));
        }
        entries.add(shorts(284, 1));
        if (tiles) {
            entries.add(longs(322, bw));
            entries.add(longs(323, bh));
            entries.add(longs(324, offsets));
            entries.add(longs(325, counts));
        }
        entries.add(shorts(339, 3));
        entries.add(doubles(33550, dx, dy, 0));
        entries.add(doubles(33922, 0, 0, 0, x0, y0, 0));
        int[] keys = geographic
                ? new int[] {1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, epsg}
                : new int[] {1, 1, 0, 3, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, epsg};
        entries.add(shorts(34735, keys));
        Float nd = nodata;
        if (nd != null) {
            String text = (nd == Math.rint(nd) && !Float.isInfinite(nd)) ? Long.toString((long) (float) nd) : Float.toString(nd);
            byte[] ascii = (text + '\0').getBytes(StandardCharsets.US_ASCII);
            entries.add(new Entry(42113, 2, ascii.length, ascii));
        }
        // data of entries that do not fit in 4 bytes goes before the directory
        long ifd = ch.position();
        long dataStart = ifd + 2 + entries.size() * 12L + 4;
        ByteBuffer dir = ByteBuffer.allocate(2 + entries.size() * 12 + 4).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> extra = new ArrayList<>();
        long cursor = dataStart;
        dir.putShort((short) entries.size());
        for (Entry e : entries) {
            dir.putShort((short) e.tag).putShort((short) e.type).putInt(e.count);
            if (e.data.length <= 4) {
                byte[] four = java.util.Arrays.copyOf(e.data, 4);
                dir.put(four);
            } else {
                dir.putInt((int) cursor);
                extra.add(e.data);
                cursor += e.data.length + (e.data.length & 1);
            }
        }
        dir.putInt(0);
        dir.flip();
        ch.write(dir);
        for (byte[] d : extra) {
            ch.write(ByteBuffer.wrap(d));
            if ((d.length & 1) != 0) {
                ch.write(ByteBuffer.wrap(new byte[1]));
            }
        }
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt((int) ifd).flip();
        ch.write(header, 0);
    }

    private static Entry shorts(int tag, int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putShort((short) v);
        }
        return new Entry(tag, 3, values.length, b.array());
    }

    private static Entry longs(int tag, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putInt((int) v);
        }
        return new Entry(tag, 4, values.length, b.array());
    }

    private static Entry doubles(int tag, double... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return new Entry(tag, 12, values.length, b.array());
    }
}
