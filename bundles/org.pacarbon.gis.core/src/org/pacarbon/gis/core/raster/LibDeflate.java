package org.pacarbon.gis.core.raster;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The few functions of the system's libdeflate that {@link Inflate} calls (JNA direct mapping). Only {@link Inflate}
 * touches this class, after {@link #load()} succeeded: without JNA it is never initialised.
 */
final class LibDeflate {
    private static final int SUCCESS = 0;

    private LibDeflate() {
    }

    /** Binds the native functions; @return {@code null} when bound, else why not */
    static @Nullable String load() {
        if (Native.POINTER_SIZE != 8 || Native.SIZE_T_SIZE != 8) {
            return "not a 64-bit system";
        }
        UnsatisfiedLinkError last = null;
        for (String name : new String[] {"deflate", "libdeflate.so.0", "libdeflate"}) {
            try {
                Native.register(LibDeflate.class, NativeLibrary.getInstance(name));
                return null;
            } catch (UnsatisfiedLinkError e) {
                last = e;
            }
        }
        return "no libdeflate library on this system (Debian: apt-get install libdeflate0)"
                + (last != null && last.getMessage() != null ? ": " + last.getMessage().lines().findFirst().orElse("") : "");
    }

    static native @Nullable Pointer libdeflate_alloc_decompressor();

    static native void libdeflate_free_decompressor(Pointer d);

    static native int libdeflate_zlib_decompress(Pointer d, Pointer in, long inBytes, Pointer out, long outAvail, Pointer actualOut);

    /** A libdeflate decompressor with its native input and output buffers (one thread at a time). */
    static final class Decompressor {
        private final Pointer handle;
        private final Memory actual = new Memory(8);
        private @Nullable Memory in, out;
        private boolean freed;

        private Decompressor(Pointer handle) {
            this.handle = handle;
        }

        static @Nullable Decompressor create() {
            Pointer p = libdeflate_alloc_decompressor();
            return p == null ? null : new Decompressor(p);
        }

        /**
         * Decompresses a whole zlib stream of at most {@code max} bytes.
         *
         * @return the number of bytes decoded, or -1 when libdeflate cannot (bad data, or more than {@code max} bytes)
         */
        long zlib(byte[] comp, int n, byte[] raw, int max) {
            Memory i = in, o = out;
            if (i == null || i.size() < n) {
                in = i = new Memory(Math.max(n, 1) + (n >> 3));
            }
            if (o == null || o.size() < max) {
                out = o = new Memory(Math.max(max, 1));
            }
            i.write(0, comp, 0, n);
            int r = libdeflate_zlib_decompress(handle, i, n, o, max, actual);
            if (r != SUCCESS) {
                return -1;
            }
            long got = actual.getLong(0);
            o.read(0, raw, 0, (int) got);
            return got;
        }

        /** Frees the native decompressor (the cleaner of its {@link Inflate}). */
        synchronized void free() {
            if (!freed) {
                freed = true;
                libdeflate_free_decompressor(handle);
            }
        }
    }
}
