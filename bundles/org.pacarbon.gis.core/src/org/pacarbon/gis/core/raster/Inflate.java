package org.pacarbon.gis.core.raster;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Decompression of one DEFLATE (zlib-wrapped) TIFF chunk of known decoded size, one instance per thread.
 *
 * <p>With the system's libdeflate (the library GDAL itself decodes DEFLATE tiles with; Debian's {@code libdeflate0})
 * reachable through JNA, whole-buffer decompression: about twice as fast as zlib's streaming inflate, which is the
 * fallback ({@link Inflater}) when libdeflate or JNA is missing, on 32-bit systems and with
 * {@code -Dpacarbon.libdeflate=false}. Which one is used is logged once. Both give the same bytes or fail on the same
 * damaged data (each checks the zlib stream's Adler-32).</p>
 */
final class Inflate {
    private static final Logger LOG = Logger.getLogger("org.pacarbon.gis.core.raster");
    private static final Cleaner CLEANER = Cleaner.create();
    /** Why libdeflate is not used, or {@code null} when it is. */
    private static final @Nullable String UNAVAILABLE = probe();

    private static final ThreadLocal<Inflate> PER_THREAD = ThreadLocal.withInitial(() -> new Inflate(true));

    private final Inflater inflater = new Inflater();
    private final LibDeflate.@Nullable Decompressor fast;

    /** @return this thread's decompressor (its native state is freed once the thread has ended) */
    static Inflate forThread() {
        return PER_THREAD.get();
    }

    /** @param libdeflate whether to use libdeflate when it is available (else always zlib) */
    Inflate(boolean libdeflate) {
        LibDeflate.Decompressor d = libdeflate && UNAVAILABLE == null ? LibDeflate.Decompressor.create() : null;
        fast = d;
        if (d != null) {
            CLEANER.register(this, d::free);
        }
    }

    /** @return a description of the decompressor in use, for logs and provenance */
    static String describe() {
        String why = UNAVAILABLE;
        return why == null ? "libdeflate (system library, via JNA)" : "java.util.zip (" + why + ")";
    }

    /** @return whether the system's libdeflate decodes DEFLATE chunks */
    static boolean fast() {
        return UNAVAILABLE == null;
    }

    private static @Nullable String probe() {
        String why;
        if (!Boolean.parseBoolean(System.getProperty("pacarbon.libdeflate", "true"))) {
            why = "libdeflate turned off by -Dpacarbon.libdeflate=false";
        } else {
            try {
                why = LibDeflate.load();
            } catch (LinkageError | RuntimeException e) { // no JNA on the class path, or no native library
                why = "libdeflate not usable: " + e;
            }
        }
        LOG.log(why == null ? Level.FINE : Level.INFO, "DEFLATE chunks decoded by {0}",
                why == null ? "libdeflate" : "java.util.zip: " + why);
        return why;
    }

    /**
     * Decompresses {@code comp[0..n-1]} into {@code raw}, at most {@code expected} bytes.
     *
     * @return the number of bytes decoded (fewer than {@code expected} when the data ends early)
     * @throws IOException with {@code what} in the message when the data is not valid zlib data
     */
    int inflate(byte[] comp, int n, byte[] raw, int expected, String what) throws IOException {
        LibDeflate.Decompressor d = fast;
        if (d != null) {
            long got = d.zlib(comp, n, raw, expected);
            if (got >= 0) {
                return (int) got;
            }
            // not decodable as one whole zlib stream of at most 'expected' bytes: zlib says exactly what is wrong
            // (or decodes a stream with trailing bytes, which libdeflate refuses)
        }
        Inflater inf = inflater;
        inf.reset();
        inf.setInput(comp, 0, n);
        int got = 0;
        try {
            while (got < expected && !inf.finished()) {
                int k = inf.inflate(raw, got, expected - got);
                if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                got += k;
            }
            if (got == expected && !inf.finished()) {
                inf.inflate(new byte[1]); // let zlib reach the stream's end and check its Adler-32
            }
        } catch (DataFormatException e) {
            throw new IOException(what + " is not valid DEFLATE data: " + e.getMessage(), e);
        }
        return got;
    }
}
