package org.pacarbon.gis.core.raster;

import java.io.IOException;

/** ZSTD decoding of GeoTIFF chunks through aircompressor's pure-Java decoder, when that bundle is installed. */
final class Zstd {
    private static final boolean AVAILABLE;

    static {
        boolean ok;
        try {
            Class.forName("io.airlift.compress.zstd.ZstdDecompressor", false, Zstd.class.getClassLoader());
            ok = true;
        } catch (ClassNotFoundException | LinkageError e) {
            ok = false;
        }
        AVAILABLE = ok;
    }

    private Zstd() {
    }

    /** @return whether ZSTD chunks can be decoded */
    static boolean available() {
        return AVAILABLE;
    }

    /** Decodes one ZSTD frame into {@code out[0..max)}; returns the bytes written. */
    static int decompress(byte[] in, int n, byte[] out, int max) throws IOException {
        try {
            return new io.airlift.compress.zstd.ZstdDecompressor().decompress(in, 0, n, out, 0, max);
        } catch (RuntimeException e) { // MalformedInputException and index errors on damaged data
            throw new IOException("a ZSTD chunk cannot be decoded: " + e.getMessage() + ": the file is damaged", e);
        }
    }
}
