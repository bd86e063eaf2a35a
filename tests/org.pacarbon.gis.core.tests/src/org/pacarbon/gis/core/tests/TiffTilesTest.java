package org.pacarbon.gis.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.raster.SisRasterSource;
import org.pacarbon.gis.core.raster.TiffTiles;

/**
 * The own GeoTIFF decoder on every layout it claims (compression none/DEFLATE/LZW, predictors 1/2/3, tiles and strips,
 * BigTIFF, both byte orders, 8 to 64-bit samples): its cells equal the values written into the file and Apache SIS's
 * reading of the same file (where SIS reads that layout), nodata included. Files are made by the small TIFF writer below.
 */
class TiffTilesTest {
    @TempDir
    Path dir;

    /** A layout to write: sample format (1 uint, 2 int, 3 float) and bytes, compression, predictor, chunks. */
    record Layout(int format, int bytes, int compression, int predictor, boolean tiled, boolean big, ByteOrder order) {
        @Override
        public String toString() {
            return (format == 3 ? "Float" : format == 2 ? "Int" : "UInt") + bytes * 8 + " c" + compression + " p" + predictor
                    + (tiled ? " tiled" : " strips") + (big ? " BigTIFF" : "") + (order == ByteOrder.BIG_ENDIAN ? " MM" : " II");
        }
    }

    @Test
    void everyLayoutDecodesToTheWrittenValuesAndToSisReading() throws Exception {
        int w = 70, h = 45; // not multiples of the tile size: partial edge tiles, a short last strip
        List<Layout> layouts = new ArrayList<>();
        int[][] types = {{3, 4}, {3, 8}, {2, 2}, {1, 2}, {2, 4}, {1, 1}, {1, 4}, {2, 1}};
        int[] compressions = {1, 8, 5};
        for (int[] t : types) {
            for (int c : compressions) {
                for (int p = 1; p <= 3; p++) {
                    if (p == 3 && t[0] != 3) {
                        continue;
                    }
                    if (c == 1 && p != 1) {
                        continue;
                    }
                    boolean tiled = (t[1] + c + p) % 2 == 0;
                    layouts.add(new Layout(t[0], t[1], c, p, tiled, false, ByteOrder.LITTLE_ENDIAN));
                }
            }
        }
        layouts.add(new Layout(3, 4, 8, 2, true, true, ByteOrder.LITTLE_ENDIAN));
        layouts.add(new Layout(3, 4, 5, 3, false, true, ByteOrder.BIG_ENDIAN));
        layouts.add(new Layout(2, 2, 8, 2, true, false, ByteOrder.BIG_ENDIAN));
        layouts.add(new Layout(3, 4, 1, 1, false, true, ByteOrder.LITTLE_ENDIAN));
        int sisCompared = 0;
        for (Layout l : layouts) {
            double nodata = l.format != 1 ? -99 : l.bytes == 1 ? 255 : l.bytes == 2 ? 65535 : 16777215;
            double[] values = values(l, w, h, new Random(l.toString().hashCode()), nodata);
            values[3 * w + 5] = nodata;
            Path f = dir.resolve(l.toString().replace(' ', '_') + ".tif");
            Files.write(f, tiff(l, w, h, values, nodata));

            TiffTiles.Opened o = TiffTiles.open(f);
            assertNotNull(o.tiles(), l + ": " + o.declined());
            float[] got = new float[w * h];
            try (TiffTiles t = o.tiles()) {
                // read in two uneven pieces, as the engine's blocks do
                float[] a = new float[17 * w];
                t.readRows(0, 17, a);
                System.arraycopy(a, 0, got, 0, a.length);
                float[] b = new float[(h - 17) * w];
                t.readRows(17, h - 17, b);
                System.arraycopy(b, 0, got, 17 * w, b.length);
                // windows (the map's close-up reads): the same cells as the rows they cut
                int[][] windows = {{5, 33, 13, 39}, {0, h, 0, 1}, {h - 1, 1, w - 1, 1}, {20, 7, 17, 20}, {0, h, 0, w}};
                for (int[] win : windows) {
                    float[] part = new float[win[1] * win[3]];
                    t.readWindow(win[0], win[1], win[2], win[3], part);
                    float[] rows = new float[win[1] * w];
                    t.readRows(win[0], win[1], rows);
                    for (int r = 0; r < win[1]; r++) {
                        for (int c = 0; c < win[3]; c++) {
                            assertEquals(rows[r * w + win[2] + c], part[r * win[3] + c], 0f,
                                    l + " window " + java.util.Arrays.toString(win) + " cell " + r + "," + c);
                        }
                    }
                }
            }
            for (int i = 0; i < w * h; i++) {
                float want = values[i] == nodata ? Float.NaN : (float) values[i];
                assertEquals(want, got[i], 0f, l + " cell " + i);
            }
            // SIS reading of the same file (the reference reader), where SIS reads the layout
            // (floating-point samples with predictor 2: libtiff, hence GDAL, differences their bit patterns as integers,
            // as the writer above does; SIS 1.6 reads such files differently, so it is no reference for them)
            float[] sis = l.format == 3 && l.predictor == 2 ? null : sisRead(f, w, h);
            if (sis != null) {
                sisCompared++;
                for (int i = 0; i < w * h; i++) {
                    if (i == 3 * w + 5 && l.format != 3) {
                        // SIS 1.6 keeps the GDAL nodata value of some integer rasters (Int16 seen) as a value; GDAL and we
                        // treat it as nodata (checked against the written values above)
                        continue;
                    }
                    assertEquals(sis[i], got[i], 0f, l + " vs SIS, cell " + i);
                }
            }
            if (l.format == 2 && l.bytes == 1) {
                continue; // SIS 1.6 does not open Int8 GeoTIFFs at all (not even their georeferencing)
            }
            try (SisRasterSource s = SisRasterSource.open(f, null, null, null)) {
                assertTrue(s.reader().startsWith("own"), l + ": " + s.reader());
                float[] all = new float[w * h];
                s.readRows(0, h, all);
                assertEquals(got[3 * w + 6], all[3 * w + 6], 0f);
                assertTrue(Float.isNaN(all[3 * w + 5]));
            }
        }
        assertTrue(sisCompared >= layouts.size() / 2, "SIS read only " + sisCompared + " of " + layouts.size() + " layouts");
    }

    @Test
    void aFileCutShortIsDeclinedOrNamedAsDamaged() throws Exception {
        Layout l = new Layout(3, 4, 8, 1, true, false, ByteOrder.LITTLE_ENDIAN);
        double[] values = values(l, 40, 40, new Random(3), -99);
        byte[] bytes = tiff(l, 40, 40, values, -99);
        Path f = dir.resolve("cut.tif");
        // the data is written before the directory: flipping bytes in the first tile damages its DEFLATE stream
        for (int i = 20; i < 60; i++) {
            bytes[i] ^= 0x5a;
        }
        Files.write(f, bytes);
        TiffTiles.Opened o = TiffTiles.open(f);
        assertNotNull(o.tiles());
        try (TiffTiles t = o.tiles()) {
            java.io.IOException e = assertThrows(java.io.IOException.class, () -> t.readRows(0, 40, new float[1600]));
            assertTrue(e.getMessage().contains("tile or strip 0"), e.getMessage());
        }
        try (SisRasterSource s = SisRasterSource.open(f, null, null, null)) {
            GisException e = assertThrows(GisException.class, () -> s.readRows(0, 40, new float[1600]));
            assertTrue(e.getMessage().contains("cut.tif"), e.getMessage());
        }
        Path notTiff = dir.resolve("text.tif");
        Files.writeString(notTiff, "hello, not a TIFF at all");
        assertNull(TiffTiles.open(notTiff).tiles());
    }

    private static float[] sisRead(Path f, int w, int h) {
        System.setProperty(SisRasterSource.SIS_ONLY, "true");
        try (SisRasterSource s = SisRasterSource.open(f, null, null, null)) {
            float[] out = new float[w * h];
            s.readRows(0, h, out);
            return out;
        } catch (Exception e) {
            return null; // a layout SIS does not read
        } finally {
            System.clearProperty(SisRasterSource.SIS_ONLY);
        }
    }

    private static double[] values(Layout l, int w, int h, Random rnd, double nodata) {
        double[] v = new double[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double x = switch (l.format * 100 + l.bytes) {
                    case 101 -> rnd.nextInt(255);
                    case 201 -> rnd.nextInt(256) - 128;
                    case 102 -> rnd.nextInt(65536);
                    case 202 -> rnd.nextInt(65536) - 32768;
                    case 104 -> rnd.nextInt((1 << 24) - 1); // exact in a float
                    case 204 -> rnd.nextInt(1 << 24) - (1 << 23);
                    case 304 -> (float) (Math.sin(r * 0.3) * 100 + c + rnd.nextGaussian());
                    default -> (float) (Math.cos(c * 0.2) * 1e3 - r) ;
                };
                v[r * w + c] = x == nodata ? nodata - 1 : x;
            }
        }
        return v;
    }

    // ---- a small GeoTIFF writer (test only) ----

    static byte[] tiff(Layout l, int w, int h, double[] values, double nodata) throws Exception {
        int cw = l.tiled ? 16 : w, ch = l.tiled ? 16 : 7;
        int across = (w + cw - 1) / cw, down = (h + ch - 1) / ch;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int header = l.big ? 16 : 8;
        List<Long> offsets = new ArrayList<>(), counts = new ArrayList<>();
        for (int ty = 0; ty < down; ty++) {
            for (int tx = 0; tx < across; tx++) {
                int rowsHere = l.tiled ? ch : Math.min(ch, h - ty * ch);
                ByteBuffer raw = ByteBuffer.allocate(cw * rowsHere * l.bytes).order(l.order);
                for (int y = 0; y < rowsHere; y++) {
                    for (int x = 0; x < cw; x++) {
                        int r = ty * ch + y, c = tx * cw + x;
                        double v = r < h && c < w ? values[r * w + c] : 0;
                        put(raw, l, v);
                    }
                }
                byte[] b = raw.array();
                if (l.predictor == 2) {
                    horizontal(b, cw, rowsHere, l);
                } else if (l.predictor == 3) {
                    floatingPoint(b, cw, rowsHere, l.bytes, l.order);
                }
                byte[] enc = switch (l.compression) {
                    case 8 -> deflate(b);
                    case 5 -> lzw(b);
                    default -> b;
                };
                offsets.add((long) header + data.size());
                counts.add((long) enc.length);
                data.write(enc);
                if (data.size() % 2 == 1) {
                    data.write(0);
                }
            }
        }
        long ifd = header + data.size();
        // entries (sorted by tag)
        List<Object[]> e = new ArrayList<>();
        e.add(new Object[] {256, 4, new long[] {w}});
        e.add(new Object[] {257, 4, new long[] {h}});
        e.add(new Object[] {258, 3, new long[] {l.bytes * 8}});
        e.add(new Object[] {259, 3, new long[] {l.compression}});
        e.add(new Object[] {262, 3, new long[] {1}});
        if (!l.tiled) {
            e.add(new Object[] {273, l.big ? 16 : 4, offsets.stream().mapToLong(Long::longValue).toArray()});
        }
        e.add(new Object[] {277, 3, new long[] {1}});
        if (!l.tiled) {
            e.add(new Object[] {278, 4, new long[] {ch}});
            e.add(new Object[] {279, l.big ? 16 : 4, counts.stream().mapToLong(Long::longValue).toArray()});
        }
        e.add(new Object[] {284, 3, new long[] {1}});
        e.add(new Object[] {317, 3, new long[] {l.predictor}});
        if (l.tiled) {
            e.add(new Object[] {322, 3, new long[] {cw}});
            e.add(new Object[] {323, 3, new long[] {ch}});
            e.add(new Object[] {324, l.big ? 16 : 4, offsets.stream().mapToLong(Long::longValue).toArray()});
            e.add(new Object[] {325, l.big ? 16 : 4, counts.stream().mapToLong(Long::longValue).toArray()});
        }
        e.add(new Object[] {339, 3, new long[] {l.format}});
        e.add(new Object[] {33550, 12, new double[] {30, 30, 0}});
        e.add(new Object[] {33922, 12, new double[] {0, 0, 0, 500000, 4000000, 0}});
        e.add(new Object[] {34735, 3, new long[] {1, 1, 0, 3, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, 32650}});
        String nd = (nodata == Math.rint(nodata) ? Long.toString((long) nodata) : Double.toString(nodata));
        e.add(new Object[] {42113, 2, nd});
        int entry = l.big ? 20 : 12;
        int slot = l.big ? 8 : 4;
        long extraAt = ifd + (l.big ? 8 : 2) + (long) e.size() * entry + slot;
        ByteBuffer dir = ByteBuffer.allocate((l.big ? 8 : 2) + e.size() * entry + slot).order(l.order);
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        if (l.big) {
            dir.putLong(e.size());
        } else {
            dir.putShort((short) e.size());
        }
        for (Object[] en : e) {
            int tag = (int) en[0], type = (int) en[1];
            byte[] payload;
            long count;
            if (en[2] instanceof String s) {
                payload = (s + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                count = payload.length;
            } else if (en[2] instanceof double[] ds) {
                ByteBuffer b = ByteBuffer.allocate(8 * ds.length).order(l.order);
                for (double d : ds) {
                    b.putDouble(d);
                }
                payload = b.array();
                count = ds.length;
            } else {
                long[] ls = (long[]) en[2];
                int size = type == 3 ? 2 : type == 4 ? 4 : 8;
                ByteBuffer b = ByteBuffer.allocate(size * ls.length).order(l.order);
                for (long x : ls) {
                    if (size == 2) {
                        b.putShort((short) x);
                    } else if (size == 4) {
                        b.putInt((int) x);
                    } else {
                        b.putLong(x);
                    }
                }
                payload = b.array();
                count = ls.length;
            }
            dir.putShort((short) tag).putShort((short) type);
            if (l.big) {
                dir.putLong(count);
            } else {
                dir.putInt((int) count);
            }
            if (payload.length <= slot) {
                byte[] p = java.util.Arrays.copyOf(payload, slot);
                dir.put(p);
            } else {
                long at = extraAt + extra.size();
                if (l.big) {
                    dir.putLong(at);
                } else {
                    dir.putInt((int) at);
                }
                extra.write(payload);
                if (extra.size() % 2 == 1) {
                    extra.write(0);
                }
            }
        }
        // next IFD: 0
        ByteBuffer head = ByteBuffer.allocate(header).order(l.order);
        head.put(l.order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M').put(l.order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        if (l.big) {
            head.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(ifd);
        } else {
            head.putShort((short) 42).putInt((int) ifd);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(head.array());
        out.write(data.toByteArray());
        out.write(dir.array());
        out.write(extra.toByteArray());
        return out.toByteArray();
    }

    private static void put(ByteBuffer b, Layout l, double v) {
        switch (l.format * 100 + l.bytes) {
            case 101, 201 -> b.put((byte) (long) v);
            case 102, 202 -> b.putShort((short) (long) v);
            case 104, 204 -> b.putInt((int) (long) v);
            case 304 -> b.putFloat((float) v);
            default -> b.putDouble(v);
        }
    }

    /** Horizontal differencing of each row's samples (as integers of the sample size). */
    private static void horizontal(byte[] b, int cw, int rows, Layout l) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(l.order);
        for (int y = 0; y < rows; y++) {
            for (int x = cw - 1; x >= 1; x--) {
                int p = (y * cw + x) * l.bytes, q = p - l.bytes;
                switch (l.bytes) {
                    case 1 -> b[p] = (byte) (b[p] - b[q]);
                    case 2 -> bb.putShort(p, (short) (bb.getShort(p) - bb.getShort(q)));
                    case 4 -> bb.putInt(p, bb.getInt(p) - bb.getInt(q));
                    default -> bb.putLong(p, bb.getLong(p) - bb.getLong(q));
                }
            }
        }
    }

    /** TIFF floating-point predictor: each row as big-endian byte planes, then bytes differenced. */
    private static void floatingPoint(byte[] b, int cw, int rows, int bytes, ByteOrder order) {
        int len = cw * bytes;
        byte[] planes = new byte[len];
        for (int y = 0; y < rows; y++) {
            int p = y * len;
            for (int x = 0; x < cw; x++) {
                for (int k = 0; k < bytes; k++) {
                    // byte k of the big-endian sample
                    int src = order == ByteOrder.BIG_ENDIAN ? p + x * bytes + k : p + x * bytes + (bytes - 1 - k);
                    planes[k * cw + x] = b[src];
                }
            }
            for (int i = len - 1; i >= 1; i--) {
                planes[i] = (byte) (planes[i] - planes[i - 1]);
            }
            System.arraycopy(planes, 0, b, p, len);
        }
    }

    private static byte[] deflate(byte[] b) {
        Deflater d = new Deflater(6);
        d.setInput(b);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    /** TIFF LZW encoder: MSB-first codes, clear code 256 first, end code 257, widths 9-12 switching one code early. */
    static byte[] lzw(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] acc = {0, 0}; // bit buffer, bits held
        java.util.Map<String, Integer> table = new java.util.HashMap<>();
        int bits = 9;
        int next = 258;
        emit(out, acc, 256, bits);
        String w = "";
        for (byte x : in) {
            String wc = w + (char) (x & 0xff);
            if (wc.length() == 1 || table.containsKey(wc)) {
                w = wc;
                continue;
            }
            emit(out, acc, code(table, w), bits);
            table.put(wc, next++);
            // the decoder's table lags one entry behind: it widens at 511, 1023, 2047 of its own count
            if (next == 4094) {
                emit(out, acc, 256, bits);
                table.clear();
                next = 258;
                bits = 9;
            } else if (next >= (1 << bits)) {
                bits++;
            }
            w = String.valueOf((char) (x & 0xff));
        }
        if (!w.isEmpty()) {
            emit(out, acc, code(table, w), bits);
            // the decoder adds an entry for this code too: the width may grow before the end code
            if (next + 1 >= (1 << bits) && bits < 12) {
                bits++;
            }
        }
        emit(out, acc, 257, bits);
        if (acc[1] > 0) {
            out.write((int) (acc[0] << (8 - acc[1])) & 0xff);
        }
        return out.toByteArray();
    }

    private static int code(java.util.Map<String, Integer> table, String w) {
        return w.length() == 1 ? w.charAt(0) : table.get(w);
    }

    private static void emit(ByteArrayOutputStream out, long[] acc, int code, int bits) {
        acc[0] = (acc[0] << bits) | code;
        acc[1] += bits;
        while (acc[1] >= 8) {
            out.write((int) (acc[0] >>> (acc[1] - 8)) & 0xff);
            acc[1] -= 8;
        }
        acc[0] &= (1L << acc[1]) - 1;
    }
}
