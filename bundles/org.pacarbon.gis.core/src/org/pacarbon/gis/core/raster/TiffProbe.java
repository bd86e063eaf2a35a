package org.pacarbon.gis.core.raster;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Looks into a TIFF file without decoding it: checks every image directory before a library trusts it, reads GDAL's
 * scale and offset of a band, and reads raw bytes at a position (for {@link TiffTiles} and {@link GeoTiffGeo}).
 */
final class TiffProbe {
    private TiffProbe() {
    }

    /**
     * Checks every image directory of a TIFF before a library reads it: each field's declared size must fit in the file
     * (Apache SIS trusts a declared count and allocates it: one flipped byte made it ask for gigabytes).
     *
     * @return {@code null} when the directories are sound, else what is wrong
     */
    public static @Nullable String checkDirectories(Path file) {
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

    static long[] values(FileChannel ch, ByteBuffer d, ByteOrder order, boolean big, int type, long count, int valuePos)
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

    static String ascii(FileChannel ch, ByteBuffer d, boolean big, long count, int valuePos) throws IOException {
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

    static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int r = ch.read(b, pos + b.position());
            if (r < 0) {
                throw new EOFException("end of file at byte " + (pos + b.position()) + ": the file is cut short");
            }
        }
    }
}
