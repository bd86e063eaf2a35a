package org.pacarbon.gis.core.raster;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The cells of one band of a GeoTIFF's first image, decoded straight from the file on the hot path of the engine:
 * tiled or stripped, classic TIFF or BigTIFF, either byte order, no compression, DEFLATE, LZW, PackBits or ZSTD,
 * predictor none, horizontal (2) or floating point (3), samples of UInt8/Int8/UInt16/Int16/UInt32/Int32/Float16/
 * Float32/Float64 or 1- to 31-bit unsigned integers, one or several per pixel (interleaved or in separate planes).
 * Chunks are read with positional reads and decoded in parallel (one {@link Inflater} per thread), each once per
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
    private byte[] jpegTables;          // JPEGTables (347) shared by all JPEG chunks, or null
    private boolean ycbcr;              // JPEG chunks hold YCbCr, turned into RGB
    private final int format;          // 1 unsigned, 2 signed, 3 float
    private final int compression;
    private final int predictor;
    private final double nodata;       // NaN when none
    private final ThreadLocal<Scratch> scratch;

    /** The outcome of {@link #open}: the decoder, or why the file is left to SIS. */
    public record Opened(TiffTiles tiles, String declined) {
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
        ByteBuffer h = read(ch, 0, 16);
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
        ByteBuffer nb = read(ch, ifd, big ? 8 : 2).order(order);
        long n = big ? nb.getLong(0) : nb.getShort(0) & 0xffff;
        if (n <= 0 || n > 10_000) {
            return new Opened(null, "its first directory has " + n + " entries");
        }
        int entry = big ? 20 : 12;
        ByteBuffer d = read(ch, ifd + (big ? 8 : 2), (int) n * entry).order(order);
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
                case 256 -> w = values(ch, d, order, big, type, count, valuePos)[0];
                case 257 -> hgt = values(ch, d, order, big, type, count, valuePos)[0];
                case 258 -> {
                    long[] b = values(ch, d, order, big, type, count, valuePos);
                    bps = b[0];
                    for (long x : b) {
                        if (x != bps) {
                            return new Opened(null, "its samples have different sizes");
                        }
                    }
                }
                case 259 -> compression = values(ch, d, order, big, type, count, valuePos)[0];
                case 273, 324 -> offs = values(ch, d, order, big, type, count, valuePos);
                case 277 -> spp = values(ch, d, order, big, type, count, valuePos)[0];
                case 278 -> rowsPerStrip = values(ch, d, order, big, type, count, valuePos)[0];
                case 279, 325 -> cnts = values(ch, d, order, big, type, count, valuePos);
                case 284 -> planar = values(ch, d, order, big, type, count, valuePos)[0];
                case 317 -> predictor = values(ch, d, order, big, type, count, valuePos)[0];
                case 322 -> tw = values(ch, d, order, big, type, count, valuePos)[0];
                case 323 -> th = values(ch, d, order, big, type, count, valuePos)[0];
                case 339 -> format = values(ch, d, order, big, type, count, valuePos)[0];
                case 262 -> photometric = values(ch, d, order, big, type, count, valuePos)[0];
                case 347 -> {
                    long[] t = values(ch, d, order, big, type, count, valuePos);
                    jpegTables = new byte[t.length];
                    for (int k = 0; k < t.length; k++) {
                        jpegTables[k] = (byte) t[k];
                    }
                }
                case 42113 -> {
                    String s = ascii(ch, d, big, count, valuePos).trim();
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

    /**
     * Checks every image directory of a TIFF before a library reads it: each field's declared size must fit in the file
     * (Apache SIS trusts a declared count and allocates it: one flipped byte made it ask for gigabytes).
     *
     * @return {@code null} when the directories are sound, else what is wrong
     */
    public static String checkDirectories(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer h = read(ch, 0, 16);
            ByteOrder order = h.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            h.order(order);
            boolean big = (h.getShort(2) & 0xffff) == 43;
            long ifd = big ? h.getLong(8) : h.getInt(4) & 0xffffffffL;
            for (int k = 0; ifd != 0 && k < 1000; k++) {
                if (ifd < 8 || ifd >= size) {
                    return "image directory " + (k + 1) + " starts at byte " + ifd + ", outside the file (" + size + " bytes)";
                }
                ByteBuffer nb = read(ch, ifd, big ? 8 : 2).order(order);
                long n = big ? nb.getLong(0) : nb.getShort(0) & 0xffff;
                int entry = big ? 20 : 12;
                if (n <= 0 || n > 10_000 || ifd + (big ? 8 : 2) + n * entry + (big ? 8 : 4) > size) {
                    return "image directory " + (k + 1) + " declares " + n + " fields, more than the file holds";
                }
                ByteBuffer d = read(ch, ifd + (big ? 8 : 2), (int) n * entry + (big ? 8 : 4)).order(order);
                for (int i = 0; i < n; i++) {
                    int p = i * entry;
                    int tag = d.getShort(p) & 0xffff;
                    int type = d.getShort(p + 2) & 0xffff;
                    long count = big ? d.getLong(p + 4) : d.getInt(p + 4) & 0xffffffffL;
                    int ts = switch (type) {
                        case 1, 2, 6, 7 -> 1;
                        case 3, 8 -> 2;
                        case 4, 9, 11, 13 -> 4;
                        case 5, 10, 12, 16, 17, 18 -> 8;
                        default -> 0;
                    };
                    if (ts == 0) {
                        return "field " + tag + " of image directory " + (k + 1) + " has the unknown type " + type;
                    }
                    if (count < 0 || count > size / ts) {
                        return "field " + tag + " of image directory " + (k + 1) + " declares " + count + " values, more than the file holds";
                    }
                    if (count * ts > (big ? 8 : 4)) {
                        long off = big ? d.getLong(p + (big ? 12 : 8)) : d.getInt(p + 8) & 0xffffffffL;
                        if (off < 0 || off + count * ts > size) {
                            return "the values of field " + tag + " lie beyond the end of the file: it is cut short or damaged";
                        }
                    }
                }
                ifd = big ? d.getLong((int) n * entry) : d.getInt((int) n * entry) & 0xffffffffL;
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "its TIFF directory cannot be read (" + e.getMessage() + ")";
        }
    }

    /**
     * GDAL's scale and offset of a band (the {@code SCALE} and {@code OFFSET} items of the GDAL_METADATA tag of the
     * first image): {1, 0} when the file has none or is not a TIFF.
     *
     * @param band  0-based band
     */
    public static double[] scaleOffset(Path file, int band) {
        double[] so = {1, 0};
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer h = read(ch, 0, 16);
            ByteOrder order = h.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            h.order(order);
            boolean big = (h.getShort(2) & 0xffff) == 43;
            long ifd = big ? h.getLong(8) : h.getInt(4) & 0xffffffffL;
            ByteBuffer nb = read(ch, ifd, big ? 8 : 2).order(order);
            long n = big ? nb.getLong(0) : nb.getShort(0) & 0xffff;
            if (n <= 0 || n > 10_000) {
                return so;
            }
            int entry = big ? 20 : 12;
            ByteBuffer d = read(ch, ifd + (big ? 8 : 2), (int) n * entry).order(order);
            for (int i = 0; i < n; i++) {
                int p = i * entry;
                if ((d.getShort(p) & 0xffff) != 42112) {
                    continue;
                }
                long count = big ? d.getLong(p + 4) : d.getInt(p + 4) & 0xffffffffL;
                if (count <= 0 || count > 1 << 20) {
                    return so;
                }
                byte[] bytes = new byte[(int) count];
                int valuePos = p + (big ? 12 : 8);
                if (count <= (big ? 8 : 4)) {
                    d.get(valuePos, bytes);
                } else {
                    long off = big ? d.getLong(valuePos) : d.getInt(valuePos) & 0xffffffffL;
                    read(ch, off, bytes.length).get(0, bytes);
                }
                String xml = new String(bytes, StandardCharsets.UTF_8);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "<Item\\s+([^>]*)>\\s*([-+0-9.eE]+)\\s*</Item>").matcher(xml);
                while (m.find()) {
                    String attrs = m.group(1);
                    boolean thisBand = attrs.contains("sample=\"" + band + "\"") || !attrs.contains("sample=");
                    if (!thisBand) {
                        continue;
                    }
                    if (attrs.contains("role=\"scale\"") || attrs.contains("name=\"SCALE\"")) {
                        so[0] = Double.parseDouble(m.group(2));
                    } else if (attrs.contains("role=\"offset\"") || attrs.contains("name=\"OFFSET\"")) {
                        so[1] = Double.parseDouble(m.group(2));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a TIFF, or no readable metadata: no scale
        }
        return so;
    }

    private static long[] values(FileChannel ch, ByteBuffer d, ByteOrder order, boolean big, int type, long count, int valuePos)
            throws IOException {
        int size = switch (type) {
            case 1, 6, 7 -> 1;
            case 3, 8 -> 2;
            case 4, 9 -> 4;
            case 16, 17, 18 -> 8;
            default -> throw new IOException("unexpected field type " + type);
        };
        if (count < 0 || count > 50_000_000) {
            throw new IOException("a field with " + count + " values");
        }
        ByteBuffer b;
        int base;
        if (count * size <= (big ? 8 : 4)) {
            b = d;
            base = valuePos;
        } else {
            long off = big ? d.getLong(valuePos) : d.getInt(valuePos) & 0xffffffffL;
            b = read(ch, off, (int) (count * size)).order(order);
            base = 0;
        }
        long[] out = new long[(int) count];
        for (int i = 0; i < count; i++) {
            int p = base + i * size;
            out[i] = switch (size) {
                case 1 -> b.get(p) & 0xff;
                case 2 -> b.getShort(p) & 0xffff;
                case 4 -> b.getInt(p) & 0xffffffffL;
                default -> b.getLong(p);
            };
        }
        return out;
    }

    private static String ascii(FileChannel ch, ByteBuffer d, boolean big, long count, int valuePos) throws IOException {
        byte[] bytes = new byte[(int) Math.min(count, 1024)];
        if (count <= (big ? 8 : 4)) {
            d.get(valuePos, bytes);
        } else {
            long off = big ? d.getLong(valuePos) : d.getInt(valuePos) & 0xffffffffL;
            read(ch, off, bytes.length).get(0, bytes);
        }
        int len = 0;
        while (len < bytes.length && bytes[len] != 0) {
            len++;
        }
        return new String(bytes, 0, len, StandardCharsets.US_ASCII);
    }

    /** Reads {@code n} bytes at {@code pos} (an {@link EOFException} when the file ends first). */
    static ByteBuffer read(FileChannel ch, long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        readFully(ch, b, pos);
        b.flip();
        return b;
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int r = ch.read(b, pos + b.position());
            if (r < 0) {
                throw new EOFException("end of file at byte " + (pos + b.position()) + ": the file is cut short");
            }
        }
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
                if (cachedChunkRow != cr0) {
                    int y0 = cr0 * chunkH, n = Math.min(chunkH, height - y0);
                    if (cache == null || cache.length < n * width) {
                        cache = new float[chunkH * width];
                    }
                    cachedChunkRow = -1;
                    decodeRows(y0, n, cache, cr0, cr0);
                    cachedChunkRow = cr0;
                }
                System.arraycopy(cache, (row0 - cr0 * chunkH) * width, dst, 0, rows * width);
            }
            return;
        }
        decodeRows(row0, rows, dst, cr0, cr1);
    }

    private float[] cache;
    private int cachedChunkRow = -1;

    private void decodeRows(int row0, int rows, float[] dst, int cr0, int cr1) throws IOException {
        int chunks = (cr1 - cr0 + 1) * across;
        try {
            IntStream.range(0, chunks).parallel().forEach(k -> {
                try {
                    decode((cr0 + k / across) * across + k % across, row0, rows, dst);
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
        final Inflater inflater = new Inflater();
        final Lzw lzw = new Lzw();

        Scratch(int rawSize) {
            raw = new byte[rawSize];
        }
    }

    private void decode(int chunk, int row0, int rows, float[] dst) throws IOException {
        int cy = chunk / across, cx = chunk % across;
        int y0 = cy * chunkH, x0 = cx * chunkW;
        int ch = Math.min(chunkH, height - y0); // strips: the last may be short; tiles are always whole
        int rowsInChunk = tiled ? chunkH : ch;
        int ya = Math.max(y0, row0), yb = Math.min(y0 + ch, row0 + rows);
        int xb = Math.min(x0 + chunkW, width);
        if (ya >= yb) {
            return;
        }
        long n = counts[chunkBase + chunk], off = offsets[chunkBase + chunk];
        if (n == 0 || off == 0) { // sparse chunk: nodata
            float fill = Double.isNaN(nodata) ? 0f : Float.NaN;
            for (int y = ya; y < yb; y++) {
                Arrays.fill(dst, (y - row0) * width + x0, (y - row0) * width + xb, fill);
            }
            return;
        }
        Scratch s = scratch.get();
        int expected = rowBytes * rowsInChunk;
        if (s.comp.length < n) {
            s.comp = new byte[(int) n];
        }
        ByteBuffer cb = ByteBuffer.wrap(s.comp, 0, (int) n);
        readFully(channel, cb, off);
        byte[] raw = s.raw;
        int got;
        switch (compression) {
            case COMP_NONE -> {
                got = (int) Math.min(n, expected);
                System.arraycopy(s.comp, 0, raw, 0, got);
            }
            case COMP_LZW -> got = s.lzw.decode(s.comp, (int) n, raw, expected);
            case COMP_PACKBITS -> got = packBits(s.comp, (int) n, raw, expected);
            case COMP_JPEG -> got = TiffJpeg.decode(s.comp, (int) n, jpegTables, ycbcr, chunkW, rowsInChunk, spp, raw);
            case COMP_ZSTD -> got = Zstd.decompress(s.comp, (int) n, raw, raw.length);
            default -> {
                Inflater inf = s.inflater;
                inf.reset();
                inf.setInput(s.comp, 0, (int) n);
                got = 0;
                try {
                    while (got < expected && !inf.finished()) {
                        int k = inf.inflate(raw, got, expected - got);
                        if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                            break;
                        }
                        got += k;
                    }
                } catch (DataFormatException e) {
                    throw new IOException("tile or strip " + chunk + " is not valid DEFLATE data: " + e.getMessage(), e);
                }
            }
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
        int cols = xb - x0;
        float nd = (float) nodata;
        boolean hasNodata = !Double.isNaN(nodata);
        for (int y = ya; y < yb; y++) {
            int o = (y - row0) * width + x0;
            if (bytesPerSample == 0) {
                unpackBits(raw, (y - y0) * rowBytes, dst, o, cols);
            } else if (spp == 1) {
                convert(bb, (y - y0) * chunkW, dst, o, cols);
            } else {
                for (int i = 0; i < cols; i++) { // one sample of each interleaved pixel
                    convert(bb, (y - y0) * chunkW * spp + i * spp + sample, dst, o + i, 1);
                }
            }
            if (hasNodata) {
                for (int i = o; i < o + cols; i++) {
                    if (dst[i] == nd) {
                        dst[i] = Float.NaN;
                    }
                }
            }
        }
    }

    /** Samples of {@code bits} bits (1..32, most significant bit first), unsigned, from a row starting at byte {@code p}. */
    private void unpackBits(byte[] raw, int p, float[] dst, int o, int n) {
        long bit = (long) p * 8 + (long) sample * bits;
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

    /** PackBits (TIFF compression 32773): runs of literal bytes and of repeated bytes. */
    static int packBits(byte[] in, int n, byte[] out, int max) throws IOException {
        int i = 0, o = 0;
        while (i < n && o < max) {
            int h = in[i++];
            if (h >= 0) {
                int len = Math.min(h + 1, Math.min(max - o, n - i));
                System.arraycopy(in, i, out, o, len);
                i += h + 1;
                o += len;
            } else if (h != -128) {
                if (i >= n) {
                    throw new IOException("PackBits data ends inside a run: the file is damaged");
                }
                int len = Math.min(1 - h, max - o);
                Arrays.fill(out, o, o + len, in[i++]);
                o += len;
            }
        }
        return o;
    }

    /** IEEE 754 half precision to float. */
    static float half(int h) {
        int sign = (h >>> 15) & 1, exp = (h >>> 10) & 0x1f, mant = h & 0x3ff;
        float v;
        if (exp == 0) {
            v = mant * 0x1p-24f; // subnormal
        } else if (exp == 31) {
            v = mant == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            v = Float.intBitsToFloat(((exp - 15 + 127) << 23) | (mant << 13));
        }
        return sign == 1 ? -v : v;
    }

    /** Converts {@code n} samples starting at sample {@code src} of the decoded chunk. */
    private void convert(ByteBuffer bb, int src, float[] dst, int o, int n) {
        switch (format * 100 + bytesPerSample) {
            case 304 -> bb.asFloatBuffer().get(src, dst, o, n);
            case 302 -> {
                for (int i = 0; i < n; i++) {
                    dst[o + i] = half(bb.getShort((src + i) * 2) & 0xffff);
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

    /** TIFF LZW (MSB first, 9 to 12 bit codes, code width grows one code early). */
    static final class Lzw {
        private final int[] prefix = new int[4096];
        private final byte[] suffix = new byte[4096];
        private final int[] length = new int[4096];
        private final byte[] first = new byte[4096];
        private byte[] stack = new byte[4096];

        int decode(byte[] in, int n, byte[] out, int max) throws IOException {
            for (int i = 0; i < 256; i++) {
                prefix[i] = -1;
                suffix[i] = (byte) i;
                first[i] = (byte) i;
                length[i] = 1;
            }
            int next = 258, bits = 9, old = -1, o = 0;
            long buf = 0;
            int have = 0, pos = 0;
            while (o < max) {
                while (have < bits && pos < n) {
                    buf = (buf << 8) | (in[pos++] & 0xff);
                    have += 8;
                }
                if (have < bits) {
                    break;
                }
                int code = (int) ((buf >>> (have - bits)) & ((1 << bits) - 1));
                have -= bits;
                if (code == 257) {
                    break; // end of information
                }
                if (code == 256) {
                    next = 258;
                    bits = 9;
                    old = -1;
                    continue;
                }
                int emit;
                if (old == -1) {
                    if (code > 255) {
                        throw new IOException("LZW data starts with code " + code + ": the file is damaged");
                    }
                    out[o++] = (byte) code;
                    old = code;
                    continue;
                }
                if (code < next) {
                    emit = code;
                    o = write(code, out, o, max);
                    add(old, first[code], next++);
                } else if (code == next) {
                    add(old, first[old], next++);
                    o = write(code, out, o, max);
                    emit = code;
                } else {
                    throw new IOException("LZW code " + code + " is out of sequence: the file is damaged");
                }
                old = emit;
                if (next + 1 >= (1 << bits) && bits < 12) {
                    bits++;
                }
            }
            return o;
        }

        private void add(int pre, byte c, int code) throws IOException {
            if (code >= 4096) {
                throw new IOException("LZW table overflow: the file is damaged");
            }
            prefix[code] = pre;
            suffix[code] = c;
            first[code] = first[pre];
            length[code] = length[pre] + 1;
        }

        private int write(int code, byte[] out, int o, int max) {
            int len = length[code];
            if (stack.length < len) {
                stack = new byte[len];
            }
            int c = code;
            for (int i = len - 1; i >= 0; i--) {
                stack[i] = suffix[c];
                c = prefix[c];
            }
            int k = Math.min(len, max - o);
            System.arraycopy(stack, 0, out, o, k);
            return o + k;
        }
    }
}
