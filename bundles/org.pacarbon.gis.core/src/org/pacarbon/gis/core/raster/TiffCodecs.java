package org.pacarbon.gis.core.raster;

import java.io.IOException;
import java.util.Arrays;

/** The TIFF codecs the tile decoder needs besides DEFLATE (java.util.zip): LZW, PackBits and half-precision floats. */
final class TiffCodecs {
    private TiffCodecs() {
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
