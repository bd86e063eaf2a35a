package org.pacarbon.gis.core.raster;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The cells of one band of a GeoTIFF's first image, decoded straight from the file on the hot path of the engine:
 * tiled or stripped, classic TIFF or BigTIFF, either byte order, no compression, DEFLATE, LZW, PackBits or ZSTD,
 * predictor none, horizontal (2) or floating point (3), samples of UInt8/Int8/UInt16/Int16/UInt32/Int32/Float16/
 * Float32/Float64 or 1- to 31-bit unsigned integers, one or several per pixel (interleaved or in separate planes).
 * Chunks are read with positional reads and decoded in parallel (DEFLATE by {@link Inflate}: libdeflate when the system has it), each once per
 * request. The GDAL nodata value becomes NaN. Georeferencing is read by Apache SIS or {@link GeoTiffGeo}; SIS reads
 * the files this class declines ({@link #open} says why).
 */
public final class TiffTiles implements Closeable {
    private static final int COMP_NONE = 1, COMP_LZW = 5, COMP_JPEG = 7, COMP_DEFLATE = 8, COMP_DEFLATE_OLD = 32946,
            COMP_PACKBITS = 32773, COMP_ZSTD = 50000;

    private final Path file;
    private final FileChannel channel;
    private final ByteOrder order;
    private final int width, height;
    private final int chunkW, chunkH; // tile size, or (width, rows per strip)
    private final int across;          // chunks per row of chunks
    private final long[] offsets, counts;
    private final int bytesPerSample;   // 0 for samples of a bit depth that is not a whole number of bytes
    private final int bits;             // bits per sample
    private final int spp;              // samples per pixel in a chunk (1 when planes are separate)
    private final int sample;           // the sample (band) read, 0-based, within a pixel
    private final int chunkBase;        // first chunk of the band read (separate planes), else 0
    private final int rowBytes;         // bytes of one decoded row of a chunk
    private int bands = 1;              // samples per pixel of the image (bands)
    private boolean tiled;              // tiles (always whole) rather than strips (the last may be short)
    private byte @Nullable [] jpegTables;          // JPEGTables (347) shared by all JPEG chunks, or null
    private boolean ycbcr;              // JPEG chunks hold YCbCr, turned into RGB
    private final int format;          // 1 unsigned, 2 signed, 3 float
    private final int compression;
    private final int predictor;
    private final double nodata;       // NaN when none
    private final ThreadLocal<Scratch> scratch;

    /** The outcome of {@link #open}: the decoder, or why the file is left to SIS. */
    public record Opened(@Nullable TiffTiles tiles, @Nullable String declined) {
    }

    private TiffTiles(Path file, FileChannel channel, ByteOrder order, int width, int height, int chunkW, int chunkH,
            long[] offsets, long[] counts, int bits, int spp, int sample, int chunkBase, int format, int compression, int predictor,
            double nodata) {
        this.file = file;
        this.channel = channel;
        this.order = order;
        this.width = width;
        this.height = height;
        this.chunkW = chunkW;
        this.chunkH = chunkH;
        this.across = (width + chunkW - 1) / chunkW;
        this.offsets = offsets;
        this.counts = counts;
        this.bits = bits;
        this.bytesPerSample = bits % 8 == 0 ? bits / 8 : 0;
        this.spp = spp;
        this.sample = sample;
        this.chunkBase = chunkBase;
        this.rowBytes = (chunkW * spp * bits + 7) / 8;
        this.format = format;
        this.compression = compression;
        this.predictor = predictor;
        this.nodata = nodata;
        int raw = rowBytes * chunkH;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(raw));
    }

    /** Opens a TIFF file's first image, or says (in {@link Opened#declined()}) why this decoder does not read it. */
    public static Opened open(Path file) throws IOException {
        return open(file, 0);
    }

    /**
     * Opens one band of a TIFF file's first image (0-based; pixels of several samples, interleaved or in separate
     * planes), or says why this decoder does not read it.
     */
    public static Opened open(Path file, int band) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            Opened o = parse(file, ch, band);
            if (o.tiles() == null) {
                ch.close();
            }
            return o;
        } catch (IOException | RuntimeException e) {
            ch.close();
            return new Opened(null, "its TIFF directory cannot be parsed (" + e.getMessage() + ")");
        }
    }

    private static Opened parse(Path file, FileChannel ch, int band) throws IOException {
        long size = ch.size();
        ByteBuffer h = TiffProbe.read(ch, 0, 16);
        ByteOrder order;
        if (h.get(0) == 'I' && h.get(1) == 'I') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (h.get(0) == 'M' && h.get(1) == 'M') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            return new Opened(null, "not a TIFF file");
        }
        h.order(order);
        int magic = h.getShort(2) & 0xffff;
        boolean big = magic == 43;
        if (magic != 42 && !big) {
            return new Opened(null, "not a TIFF file");
        }
        long ifd = big ? h.getLong(8) : h.getInt(4) & 0xffffffffL;
        ByteBuffer nb = TiffProbe.read(ch, ifd, big ? 8 : 2).order(order);
        long n = big ? nb.getLong(0) : nb.getShort(0) & 0xffff;
        if (n <= 0 || n > 10_000) {
            return new Opened(null, "its first directory has " + n + " entries");
        }
        int entry = big ? 20 : 12;
        ByteBuffer d = TiffProbe.read(ch, ifd + (big ? 8 : 2), (int) n * entry).order(order);
        long w = -1, hgt = -1, spp = 1, planar = 1, rowsPerStrip = Long.MAX_VALUE, tw = -1, th = -1;
        long bps = 1, compression = 1, predictor = 1, format = 1;
        long[] offs = null, cnts = null;
        double nodata = Double.NaN;
        long photometric = 1;
        byte[] jpegTables = null;
        for (int i = 0; i < n; i++) {
            int p = i * entry;
            int tag = d.getShort(p) & 0xffff;
            int type = d.getShort(p + 2) & 0xffff;
            long count = big ? d.getLong(p + 4) : d.getInt(p + 4) & 0xffffffffL;
            int valuePos = p + (big ? 12 : 8);
            switch (tag) {
                case 256 -> w = TiffProbe.values(ch, d, order, big, type, count, valuePos)[0];
                case 257 -> hgt = TiffProbe.values(ch, d, order, big, type, count, valuePos)[0];
                case 258 -> {
                    long[] b = TiffProbe.values(ch, d, order, big, type, count, valuePos);
                    bps = b[0];
                    for (long x : b) {
                        if (x != bps) {
                            return new Opened(null, "its samples have different sizes");
                        }
                    }
                }
                case 259 -> compression = TiffProbe.values(ch, d, order, big, type, count, valuePos)[0];
                case 273, 324 -> offs = TiffProbe.values(ch, d, order, big, type, count, valuePos);
                case 277 -> spp = TiffProbe.values(ch, d, order, big, type, count, valuePos)[0];
                case 278 -> rowsPerStrip = TiffProbe.values(ch, d, order, big, type, count, valuePos)[0];
                case 279, 325 -> cnts = TiffProbe.values(ch, d, order, big, type, count, valuePos);
                case 284 -> planar = TiffProbe.values(ch, d, order, big, type, count, valuePos)[0];
                case 317 -> predictor = TiffProbe.values(ch, d, order, big, type, count, valuePos)[0];
                case 322 -> tw = TiffProbe.values(ch, d, order, big, type, count, valuePos)[0];
                case 323 -> th = TiffProbe.values(ch, d, order, big, type, count, valuePos)[0];
                case 339 -> format = TiffProbe.values(ch, d, order, big, type, count, valuePos)[0];
                case 262 -> photometric = TiffProbe.values(ch, d, order, big, type, count, valuePos)[0];
                case 347 -> {
                    long[] t = TiffProbe.values(ch, d, order, big, type, count, valuePos);
                    jpegTables = new byte[t.length];
                    for (int k = 0; k < t.length; k++) {
                        jpegTables[k] = (byte) t[k];
                    }
                }
                case 42113 -> {
                    String s = TiffProbe.ascii(ch, d, big, count, valuePos).trim();
                    try {
                        nodata = s.isEmpty() ? Double.NaN : Double.parseDouble(s);
                    } catch (NumberFormatException e) {
                        return new Opened(null, "its GDAL nodata value '" + s + "' is not a number");
                    }
                }
                default -> {
                    // not needed to decode the cells
                }
            }
        }
        if (w <= 0 || hgt <= 0 || w > Integer.MAX_VALUE || hgt > Integer.MAX_VALUE || offs == null || cnts == null) {
            return new Opened(null, "its first directory lacks the size or the data offsets");
        }
        if (band < 0 || band >= spp) {
            return new Opened(null, "it has " + spp + " samples per pixel, not a band " + (band + 1));
        }
        if (format == 5 || format == 6) {
            return new Opened(null, "complex samples (SampleFormat " + format + ")");
        }
        if (compression == COMP_JPEG && (bps != 8 || format != 1 || (spp != 1 && spp != 3) || (spp == 3 && planar == 2))) {
            return new Opened(null, "JPEG compression of " + spp + " samples of " + bps + " bits");
        }
        if (compression != COMP_NONE && compression != COMP_LZW && compression != COMP_DEFLATE && compression != COMP_DEFLATE_OLD
                && compression != COMP_PACKBITS && compression != COMP_JPEG && !(compression == COMP_ZSTD && Zstd.available())) {
            return new Opened(null, "compression " + compression + " (" + compressionName(compression) + ")");
        }
        if (predictor < 1 || predictor > 3 || (predictor == 3 && format != 3) || (predictor != 1 && bps % 8 != 0)) {
            return new Opened(null, "predictor " + predictor);
        }
        boolean supported = switch ((int) format) {
            case 1 -> bps >= 1 && bps <= 32;
            case 2 -> bps == 8 || bps == 16 || bps == 32;
            case 3 -> bps == 16 || bps == 32 || bps == 64;
            default -> false;
        };
        if (!supported) {
            return new Opened(null, bps + "-bit samples of format " + format);
        }
        boolean tiled = tw > 0 && th > 0;
        int cw = (int) (tiled ? tw : w);
        int chh = (int) (tiled ? th : Math.min(rowsPerStrip, hgt));
        boolean separate = planar == 2 && spp > 1;
        int chunkSpp = separate ? 1 : (int) spp;
        if (cw <= 0 || chh <= 0 || ((long) cw * chunkSpp * bps + 7) / 8 * chh > 256L << 20) {
            return new Opened(null, "chunks of " + cw + " x " + chh + " cells");
        }
        long perBand = ((w + cw - 1) / cw) * ((hgt + chh - 1) / chh);
        long needed = separate ? perBand * spp : perBand;
        if (offs.length < needed || cnts.length < needed) {
            return new Opened(null, "it lists " + offs.length + " data chunks where " + needed + " are needed");
        }
        for (int i = 0; i < needed; i++) {
            if (offs[i] < 0 || cnts[i] < 0 || offs[i] + cnts[i] > size) {
                return new Opened(null, "data chunk " + i + " lies beyond the end of the file (" + size + " bytes): the file is cut short");
            }
        }
        TiffTiles t = new TiffTiles(file, ch, order, (int) w, (int) hgt, cw, chh, offs, cnts, (int) bps, chunkSpp,
                separate ? 0 : band, separate ? (int) (band * perBand) : 0, (int) format, (int) compression, (int) predictor, nodata);
        t.bands = (int) spp;
        t.tiled = tiled;
        t.jpegTables = jpegTables;
        t.ycbcr = photometric == 6;
        return new Opened(t, null);
    }

    private static String compressionName(long c) {
        return switch ((int) c) {
            case 2 -> "CCITT";
            case 6, 7 -> "JPEG";
            case 34887 -> "LERC";
            case 50000 -> "ZSTD";
            case 34925 -> "LZMA";
            case 50001 -> "WebP";
            case 50002 -> "JPEG XL";
            default -> "unknown";
        };
    }

    /** @return columns of the image */
    public int width() {
        return width;
    }

    /** @return rows of the image */
    public int height() {
        return height;
    }

    /** @return rows of one tile or strip */
    public int chunkHeight() {
        return chunkH;
    }

    /** @return the number of bands (samples per pixel) of the image */
    public int bands() {
        return bands;
    }

    /** @return a description of the layout, for logs */
    public String describe() {
        return (!tiled ? "strips of " + chunkH + " rows" : "tiles of " + chunkW + " x " + chunkH) + ", "
                + (format == 3 ? "Float" : format == 2 ? "Int" : "UInt") + bits + (spp > 1 ? ", sample " + (sample + 1) + " of " + spp : "")
                + ", compression " + compression
                + ", predictor " + predictor;
    }

    /**
     * Reads rows {@code row0 .. row0+rows-1} into {@code dst} (row-major, {@code rows * width}); every chunk they meet is
     * decoded once, the chunks in parallel.
     */
    public void readRows(int row0, int rows, float[] dst) throws IOException {
        int cr0 = row0 / chunkH, cr1 = (row0 + rows - 1) / chunkH;
        if (cr0 == cr1 && rows < Math.min(chunkH, height - cr0 * chunkH)) {
            // a part of one row of chunks (callers reading row by row): decode the whole row of chunks once, keep it
            synchronized (this) {
                float[] c = cache;
                if (c == null || cachedChunkRow != cr0) {
                    int y0 = cr0 * chunkH, n = Math.min(chunkH, height - y0);
                    if (c == null || c.length < n * width) {
                        c = new float[chunkH * width];
                        cache = c;
                    }
                    cachedChunkRow = -1;
                    decodeWindow(y0, n, 0, width, c);
                    cachedChunkRow = cr0;
                }
                System.arraycopy(c, (row0 - cr0 * chunkH) * width, dst, 0, rows * width);
            }
            return;
        }
        decodeWindow(row0, rows, 0, width, dst);
    }

    /**
     * Reads the window of rows {@code row0 .. row0+rows-1} and columns {@code col0 .. col0+cols-1} into {@code dst}
     * (row-major, {@code rows * cols}): only the chunks that meet it are decoded, in parallel.
     */
    public void readWindow(int row0, int rows, int col0, int cols, float[] dst) throws IOException {
        if (col0 == 0 && cols == width) {
            readRows(row0, rows, dst); // whole rows: with the cache of one row of chunks for row-by-row callers
            return;
        }
        decodeWindow(row0, rows, col0, cols, dst);
    }

    private float @Nullable [] cache;
    private int cachedChunkRow = -1;

    /** Decodes every chunk the window meets (each once, in parallel) into dst (rows of {@code cols} cells). */
    private void decodeWindow(int row0, int rows, int col0, int cols, float[] dst) throws IOException {
        int cr0 = row0 / chunkH, cr1 = (row0 + rows - 1) / chunkH;
        int cc0 = col0 / chunkW, cc1 = (col0 + cols - 1) / chunkW, n = cc1 - cc0 + 1;
        try {
            IntStream.range(0, (cr1 - cr0 + 1) * n).parallel().forEach(k -> {
                try {
                    decode((cr0 + k / n) * across + cc0 + k % n, row0, rows, col0, cols, dst);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static final class Scratch {
        byte[] comp = new byte[0];
        final byte[] raw;
        final TiffCodecs.Lzw lzw = new TiffCodecs.Lzw();

        Scratch(int rawSize) {
            raw = new byte[rawSize];
        }
    }

    /** Decodes one chunk's part of the window (rows row0.., columns col0 .. col0+cols-1) into dst (rows of cols). */
    private void decode(int chunk, int row0, int rows, int col0, int cols, float[] dst) throws IOException {
        int cy = chunk / across, cx = chunk % across;
        int y0 = cy * chunkH, x0 = cx * chunkW;
        int ch = Math.min(chunkH, height - y0); // strips: the last may be short; tiles are always whole
        int rowsInChunk = tiled ? chunkH : ch;
        int ya = Math.max(y0, row0), yb = Math.min(y0 + ch, row0 + rows);
        int xa = Math.max(x0, col0), xb = Math.min(Math.min(x0 + chunkW, width), col0 + cols);
        if (ya >= yb || xa >= xb) {
            return;
        }
        long n = counts[chunkBase + chunk], off = offsets[chunkBase + chunk];
        if (n == 0 || off == 0) { // sparse chunk: nodata
            float fill = Double.isNaN(nodata) ? 0f : Float.NaN;
            for (int y = ya; y < yb; y++) {
                Arrays.fill(dst, (y - row0) * cols + xa - col0, (y - row0) * cols + xb - col0, fill);
            }
            return;
        }
        Scratch s = scratch.get();
        int expected = rowBytes * rowsInChunk;
        if (s.comp.length < n) {
            s.comp = new byte[(int) n];
        }
        ByteBuffer cb = ByteBuffer.wrap(s.comp, 0, (int) n);
        TiffProbe.readFully(channel, cb, off);
        byte[] raw = s.raw;
        int got;
        switch (compression) {
            case COMP_NONE -> {
                got = (int) Math.min(n, expected);
                System.arraycopy(s.comp, 0, raw, 0, got);
            }
            case COMP_LZW -> got = s.lzw.decode(s.comp, (int) n, raw, expected);
            case COMP_PACKBITS -> got = TiffCodecs.packBits(s.comp, (int) n, raw, expected);
            case COMP_JPEG -> got = TiffJpeg.decode(s.comp, (int) n, jpegTables, ycbcr, chunkW, rowsInChunk, spp, raw);
            case COMP_ZSTD -> got = Zstd.decompress(s.comp, (int) n, raw, raw.length);
            default -> got = Inflate.forThread().inflate(s.comp, (int) n, raw, expected, "tile or strip " + chunk);
        }
        if (got < expected) {
            throw new IOException("tile or strip " + chunk + " decodes to " + got + " bytes instead of " + expected + ": the file is damaged");
        }
        if (predictor == 2) {
            for (int y = ya - y0; y < yb - y0; y++) {
                horizontal(raw, y * rowBytes);
            }
        } else if (predictor == 3) {
            byte[] tmp = new byte[rowBytes];
            for (int y = ya - y0; y < yb - y0; y++) {
                floatingPoint(raw, y * rowBytes, tmp);
            }
        }
        ByteBuffer bb = ByteBuffer.wrap(raw).order(predictor == 3 ? ByteOrder.BIG_ENDIAN : order);
        int n1 = xb - xa, skip = xa - x0; // cells taken from each row of the chunk, and the cells before them
        float nd = (float) nodata;
        boolean hasNodata = !Double.isNaN(nodata);
        for (int y = ya; y < yb; y++) {
            int o = (y - row0) * cols + xa - col0;
            if (bytesPerSample == 0) {
                unpackBits(raw, (y - y0) * rowBytes, skip, dst, o, n1);
            } else if (spp == 1) {
                convert(bb, (y - y0) * chunkW + skip, dst, o, n1);
            } else {
                for (int i = 0; i < n1; i++) { // one sample of each interleaved pixel
                    convert(bb, (y - y0) * chunkW * spp + (skip + i) * spp + sample, dst, o + i, 1);
                }
            }
            if (hasNodata) {
                for (int i = o; i < o + n1; i++) {
                    if (dst[i] == nd) {
                        dst[i] = Float.NaN;
                    }
                }
            }
        }
    }

    /**
     * Samples of {@code bits} bits (1..32, most significant bit first), unsigned, from a row starting at byte {@code p},
     * from its pixel {@code first} on.
     */
    private void unpackBits(byte[] raw, int p, int first, float[] dst, int o, int n) {
        long bit = (long) p * 8 + (long) sample * bits + (long) first * spp * bits;
        long stride = (long) spp * bits;
        for (int i = 0; i < n; i++, bit += stride) {
            long v = 0;
            for (int k = 0; k < bits; k++) {
                long b = bit + k;
                v = (v << 1) | ((raw[(int) (b >>> 3)] >> (7 - (int) (b & 7))) & 1);
            }
            dst[o + i] = v;
        }
    }

    /** Converts {@code n} samples starting at sample {@code src} of the decoded chunk. */
    private void convert(ByteBuffer bb, int src, float[] dst, int o, int n) {
        switch (format * 100 + bytesPerSample) {
            case 304 -> bb.asFloatBuffer().get(src, dst, o, n);
            case 302 -> {
                for (int i = 0; i < n; i++) {
                    dst[o + i] = TiffCodecs.half(bb.getShort((src + i) * 2) & 0xffff);
                }
            }
            case 308 -> {
                for (int i = 0; i < n; i++) {
                    dst[o + i] = (float) bb.getDouble((src + i) * 8);
                }
            }
            case 101 -> {
                for (int i = 0; i < n; i++) {
                    dst[o + i] = bb.get(src + i) & 0xff;
                }
            }
            case 201 -> {
                for (int i = 0; i < n; i++) {
                    dst[o + i] = bb.get(src + i);
                }
            }
            case 102 -> {
                for (int i = 0; i < n; i++) {
                    dst[o + i] = bb.getShort((src + i) * 2) & 0xffff;
                }
            }
            case 202 -> {
                for (int i = 0; i < n; i++) {
                    dst[o + i] = bb.getShort((src + i) * 2);
                }
            }
            case 104 -> {
                for (int i = 0; i < n; i++) {
                    dst[o + i] = bb.getInt((src + i) * 4) & 0xffffffffL;
                }
            }
            default -> { // 204
                for (int i = 0; i < n; i++) {
                    dst[o + i] = bb.getInt((src + i) * 4);
                }
            }
        }
    }

    /** Undoes horizontal differencing (predictor 2) of one row: each sample adds the one before it (mod 2^bits). */
    private void horizontal(byte[] raw, int p) {
        int n = chunkW * spp, k = spp; // each sample adds the same sample of the pixel before it
        switch (bytesPerSample) {
            case 1 -> {
                for (int i = k; i < n; i++) {
                    raw[p + i] += raw[p + i - k];
                }
            }
            case 2 -> {
                ByteBuffer b = ByteBuffer.wrap(raw).order(order);
                for (int i = k; i < n; i++) {
                    b.putShort(p + 2 * i, (short) (b.getShort(p + 2 * i) + b.getShort(p + 2 * (i - k))));
                }
            }
            case 4 -> {
                ByteBuffer b = ByteBuffer.wrap(raw).order(order);
                for (int i = k; i < n; i++) {
                    b.putInt(p + 4 * i, b.getInt(p + 4 * i) + b.getInt(p + 4 * (i - k)));
                }
            }
            default -> {
                ByteBuffer b = ByteBuffer.wrap(raw).order(order);
                for (int i = k; i < n; i++) {
                    b.putLong(p + 8 * i, b.getLong(p + 8 * i) + b.getLong(p + 8 * (i - k)));
                }
            }
        }
    }

    /**
     * Undoes the floating-point predictor (3) of one row: bytes are differenced over the whole row, and stored as byte
     * planes, most significant first; the result is left big-endian.
     */
    private void floatingPoint(byte[] raw, int p, byte[] tmp) {
        int n = chunkW * spp, bps = bytesPerSample, len = n * bps;
        for (int i = spp; i < len; i++) { // bytes differenced with a stride of one pixel
            raw[p + i] += raw[p + i - spp];
        }
        System.arraycopy(raw, p, tmp, 0, len);
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < bps; b++) {
                raw[p + i * bps + b] = tmp[b * n + i];
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return file + " (" + describe() + ")";
    }
}
