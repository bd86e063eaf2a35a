package org.pacarbon.gis.core.raster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;

/**
 * DEFLATE chunks decoded by the system's libdeflate and by java.util.zip give the bytes that were compressed (payloads
 * of every kind, every compression level), and the same verdict on damaged data. Where the system has libdeflate
 * (Debian's libdeflate0, which {@code ./pacarbon} installs), the fast path must be the one in use.
 */
class InflateTest {
    @Test
    void libdeflateIsUsedWhereTheSystemHasIt() {
        boolean installed = Arrays.stream(new String[] {"/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib", "/usr/local/lib"})
                .anyMatch(d -> Files.exists(Path.of(d, "libdeflate.so.0")));
        if (installed && Boolean.parseBoolean(System.getProperty("pacarbon.libdeflate", "true"))) {
            assertTrue(Inflate.fast(), "libdeflate.so.0 is installed but not used: " + Inflate.describe());
        }
    }

    private static Map<String, byte[]> payloads() {
        Random r = new Random(42);
        Map<String, byte[]> m = new LinkedHashMap<>();
        byte[] rnd = new byte[70_001];
        r.nextBytes(rnd);
        m.put("random bytes (stored blocks)", rnd);
        m.put("zeros", new byte[262_144]);
        ByteBuffer f = ByteBuffer.allocate(256 * 256 * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 256 * 256; i++) {
            f.putFloat(i % 97 == 0 ? Float.NaN : (float) (10 + Math.sin(i / 300.0) * 5 + r.nextGaussian() * 0.01));
        }
        m.put("a Float32 tile", f.array());
        byte[] rep = new byte[100_000];
        for (int i = 0; i < rep.length; i++) {
            rep[i] = (byte) "carbon stock ".charAt(i % 13);
        }
        m.put("repeated text", rep);
        m.put("one byte", new byte[] {7});
        return m;
    }

    private static byte[] zlib(byte[] data, int level) {
        Deflater d = new Deflater(level);
        d.setInput(data);
        d.finish();
        byte[] out = new byte[data.length + data.length / 100 + 64];
        int n = 0;
        while (!d.finished()) {
            n += d.deflate(out, n, out.length - n);
        }
        d.end();
        return Arrays.copyOf(out, n);
    }

    @Test
    void bothDecodersGiveTheCompressedBytes() throws IOException {
        Inflate lib = new Inflate(true), zlib = new Inflate(false);
        for (Map.Entry<String, byte[]> e : payloads().entrySet()) {
            byte[] data = e.getValue();
            for (int level : new int[] {0, 1, 6, 9}) {
                byte[] comp = zlib(data, level);
                for (Inflate in : new Inflate[] {lib, zlib}) {
                    byte[] raw = new byte[data.length];
                    int got = in.inflate(comp, comp.length, raw, data.length, "chunk");
                    assertEquals(data.length, got, e.getKey() + " level " + level);
                    assertArrayEquals(data, raw, e.getKey() + " level " + level);
                }
                // a chunk with bytes after its stream (some writers pad chunks): decoded all the same
                byte[] padded = Arrays.copyOf(comp, comp.length + 5);
                byte[] raw = new byte[data.length];
                assertEquals(data.length, lib.inflate(padded, padded.length, raw, data.length, "chunk"));
                assertArrayEquals(data, raw);
            }
        }
    }

    @Test
    void damagedDataGetsTheSameVerdictFromBoth() throws IOException {
        byte[] data = payloads().get("a Float32 tile");
        byte[] comp = zlib(data, 6);
        Inflate lib = new Inflate(true), zlib = new Inflate(false);
        // cut short: fewer bytes than the chunk should hold, from both
        byte[] cut = Arrays.copyOf(comp, comp.length / 2);
        assertTrue(lib.inflate(cut, cut.length, new byte[data.length], data.length, "chunk") < data.length);
        assertTrue(zlib.inflate(cut, cut.length, new byte[data.length], data.length, "chunk") < data.length);
        // not zlib data at all: an error naming the chunk
        byte[] junk = "this is not a zlib stream at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (Inflate in : new Inflate[] {lib, zlib}) {
            try {
                in.inflate(junk, junk.length, new byte[data.length], data.length, "tile 12");
                fail("junk decoded");
            } catch (IOException x) {
                assertTrue(x.getMessage().contains("tile 12"), x.getMessage());
            }
        }
        // a flipped byte in the middle: refused by the checksum or the code tables, never passed off as whole
        byte[] bad = comp.clone();
        bad[bad.length / 2] ^= 0x55;
        for (Inflate in : new Inflate[] {lib, zlib}) {
            byte[] raw = new byte[data.length];
            try {
                int got = in.inflate(bad, bad.length, raw, data.length, "chunk");
                assertTrue(got < data.length, "a damaged chunk decoded whole");
            } catch (IOException expected) {
                // refused
            }
        }
    }
}
