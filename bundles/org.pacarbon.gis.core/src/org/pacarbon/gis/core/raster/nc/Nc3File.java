package org.pacarbon.gis.core.raster.nc;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A netCDF classic file (CDF-1, 64-bit offset CDF-2 and 64-bit data CDF-5), read after the format specification
 * of the netCDF user guide: a big-endian header of dimensions, attributes and variables, then the fixed-size
 * variables, then the records. Hyperslabs are read with positional reads, a row at a time, so no variable is ever
 * loaded whole. Every count the header declares is checked against the file's size before it is used.
 */
public final class Nc3File implements NcFile {
    private static final int NC_DIMENSION = 10, NC_VARIABLE = 11, NC_ATTRIBUTE = 12;

    private final Path file;
    private final FileChannel ch;
    private final int version;
    private final long numRecs;
    private final long recSize;
    private final List<String> dimNames = new ArrayList<>();
    private final List<Long> dimLens = new ArrayList<>();
    private final Map<String, Object> globals;
    private final List<Var> vars = new ArrayList<>();
    private final Map<String, long[]> layout = new LinkedHashMap<>(); // name -> {begin, vsize, record?1:0}

    /** Whether the first bytes are those of a netCDF classic file. */
    public static boolean accepts(byte[] head) {
        return head.length >= 4 && head[0] == 'C' && head[1] == 'D' && head[2] == 'F' && (head[3] == 1 || head[3] == 2 || head[3] == 5);
    }

    /** Opens and parses the header; the file stays open until {@link #close()}. */
    public Nc3File(Path file) throws IOException {
        this.file = file;
        this.ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = ch.size();
            int want = (int) Math.min(size, 1 << 16);
            Header h = null;
            while (h == null) {
                ByteBuffer b = ByteBuffer.allocate(want).order(ByteOrder.BIG_ENDIAN);
                ch.read(b, 0);
                b.flip();
                try {
                    h = new Header(b, size);
                } catch (BufferUnderflowException | IllegalArgumentException e) { // read past the bytes read so far
                    if (want >= size || want >= (1 << 28)) {
                        throw new IOException("its header is cut short");
                    }
                    want = (int) Math.min(size, Math.min((long) want * 8, 1 << 28));
                }
            }
            this.version = h.version;
            this.numRecs = h.numRecs;
            this.globals = h.globals;
            this.dimNames.addAll(h.dimNames);
            this.dimLens.addAll(h.dimLens);
            this.vars.addAll(h.vars);
            this.layout.putAll(h.layout);
            long rs = 0;
            int recVars = 0;
            for (long[] l : layout.values()) {
                if (l[2] == 1) {
                    rs += l[1];
                    recVars++;
                }
            }
            if (recVars == 1) { // a single record variable is not padded to 4 bytes
                for (Var v : vars) {
                    long[] l = layout.get(v.name());
                    if (l[2] == 1) {
                        long n = size(v.type());
                        for (int d = 1; d < v.shape().length; d++) {
                            n *= v.shape()[d];
                        }
                        rs = n;
                    }
                }
            }
            this.recSize = rs;
            for (Var v : vars) {
                long[] l = layout.get(v.name());
                long n = size(v.type());
                for (int d = l[2] == 1 ? 1 : 0; d < v.shape().length; d++) {
                    n *= v.shape()[d];
                }
                long end = l[0] + (l[2] == 1 ? Math.max(0, numRecs - 1) * recSize + n : n);
                if (l[0] < 0 || (n > 0 && end > size)) {
                    throw new IOException("variable '" + v.name() + "' lies beyond the end of the file (" + end + " > " + size
                            + " bytes): the file is cut short or its header is damaged");
                }
            }
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e instanceof IOException io ? io : new IOException("its header is damaged", e);
        }
    }

    /** Parses the header from a buffer that holds it (a {@link BufferUnderflowException} asks for more). */
    private final class Header {
        final int version;
        final long numRecs;
        int unlimited = -1;
        final List<String> dimNames = new ArrayList<>();
        final List<Long> dimLens = new ArrayList<>();
        final Map<String, Object> globals;
        final List<Var> vars = new ArrayList<>();
        final Map<String, long[]> layout = new LinkedHashMap<>();
        private final ByteBuffer b;
        private final long fileSize;

        Header(ByteBuffer b, long fileSize) throws IOException {
            this.b = b;
            this.fileSize = fileSize;
            byte[] magic = new byte[4];
            b.get(magic);
            if (!accepts(magic)) {
                throw new IOException("not a netCDF classic file");
            }
            version = magic[3];
            long nr = version == 5 ? b.getLong() : b.getInt() & 0xFFFFFFFFL;
            numRecs = nr == 0xFFFFFFFFL || nr < 0 ? 0 : nr; // streaming: no records known
            int tag = b.getInt();
            long n = count();
            if (tag == NC_DIMENSION) {
                for (long i = 0; i < n; i++) {
                    String name = name();
                    long len = count();
                    if (len == 0) {
                        unlimited = dimNames.size();
                    }
                    dimNames.add(name);
                    dimLens.add(len == 0 ? numRecs : len);
                }
            } else if (tag != 0 || n != 0) {
                throw new IOException("its header is damaged (dimension list expected)");
            }
            globals = attributes();
            tag = b.getInt();
            n = count();
            if (tag == NC_VARIABLE) {
                for (long i = 0; i < n; i++) {
                    String name = name();
                    long nd = count();
                    List<String> dims = new ArrayList<>();
                    long[] shape = new long[(int) nd];
                    boolean record = false;
                    for (int d = 0; d < nd; d++) {
                        long id = version == 5 ? b.getLong() : b.getInt();
                        if (id < 0 || id >= dimNames.size()) {
                            throw new IOException("its header is damaged (variable '" + name + "' names dimension " + id + ")");
                        }
                        dims.add(dimNames.get((int) id));
                        shape[d] = dimLens.get((int) id);
                        record |= d == 0 && id == unlimited;
                    }
                    Map<String, Object> attrs = attributes();
                    Type type = type(b.getInt());
                    long vsize = version == 5 ? b.getLong() : b.getInt() & 0xFFFFFFFFL;
                    long begin = version == 1 ? b.getInt() & 0xFFFFFFFFL : b.getLong();
                    vars.add(new Var(name, Collections.unmodifiableList(dims), shape, type, Collections.unmodifiableMap(attrs)));
                    layout.put(name, new long[] {begin, vsize, record ? 1 : 0});
                }
            } else if (tag != 0 || n != 0) {
                throw new IOException("its header is damaged (variable list expected)");
            }
        }

        private long count() throws IOException {
            long n = version == 5 ? b.getLong() : b.getInt();
            if (n < 0 || n > fileSize) {
                throw new IOException("its header is damaged (a count of " + n + " in a file of " + fileSize + " bytes)");
            }
            return n;
        }

        private String name() throws IOException {
            int len = (int) count();
            byte[] s = new byte[len];
            b.get(s);
            skipPad(len);
            return new String(s, StandardCharsets.UTF_8);
        }

        private void skipPad(long len) {
            int pad = (int) ((4 - len % 4) % 4);
            b.position(b.position() + pad);
            if (b.position() > b.limit()) {
                throw new BufferUnderflowException();
            }
        }

        private Map<String, Object> attributes() throws IOException {
            Map<String, Object> m = new LinkedHashMap<>();
            int tag = b.getInt();
            long n = count();
            if (tag == 0 && n == 0) {
                return m;
            }
            if (tag != NC_ATTRIBUTE) {
                throw new IOException("its header is damaged (attribute list expected)");
            }
            for (long i = 0; i < n; i++) {
                String name = name();
                Type t = type(b.getInt());
                long len = count();
                if (t == Type.CHAR) {
                    byte[] s = new byte[(int) len];
                    b.get(s);
                    skipPad(len);
                    int end = s.length;
                    while (end > 0 && s[end - 1] == 0) {
                        end--;
                    }
                    m.put(name, new String(s, 0, end, StandardCharsets.UTF_8));
                } else {
                    double[] v = new double[(int) len];
                    for (int k = 0; k < len; k++) {
                        v[k] = value(b, t);
                    }
                    skipPad(len * size(t));
                    m.put(name, v);
                }
            }
            return m;
        }
    }

    private static Type type(int code) throws IOException {
        return switch (code) {
            case 1 -> Type.BYTE;
            case 2 -> Type.CHAR;
            case 3 -> Type.SHORT;
            case 4 -> Type.INT;
            case 5 -> Type.FLOAT;
            case 6 -> Type.DOUBLE;
            case 7 -> Type.UBYTE;
            case 8 -> Type.USHORT;
            case 9 -> Type.UINT;
            case 10 -> Type.INT64;
            case 11 -> Type.UINT64;
            default -> throw new IOException("its header is damaged (unknown netCDF type " + code + ")");
        };
    }

    private static int size(Type t) {
        return switch (t) {
            case BYTE, UBYTE, CHAR -> 1;
            case SHORT, USHORT -> 2;
            case INT, UINT, FLOAT -> 4;
            default -> 8;
        };
    }

    private static double value(ByteBuffer b, Type t) {
        return switch (t) {
            case BYTE -> b.get();
            case UBYTE -> b.get() & 0xFF;
            case CHAR -> b.get();
            case SHORT -> b.getShort();
            case USHORT -> b.getShort() & 0xFFFF;
            case INT -> b.getInt();
            case UINT -> b.getInt() & 0xFFFFFFFFL;
            case FLOAT -> b.getFloat();
            case DOUBLE -> b.getDouble();
            case INT64 -> b.getLong();
            case UINT64 -> unsigned(b.getLong());
            default -> Double.NaN;
        };
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
    }

    @Override
    public List<Var> variables() {
        return Collections.unmodifiableList(vars);
    }

    @Override
    public Map<String, Object> globalAttributes() {
        return Collections.unmodifiableMap(globals);
    }

    @Override
    public long dimension(String name) {
        int i = dimNames.indexOf(name);
        return i < 0 ? -1 : dimLens.get(i);
    }

    @Override
    public String format() {
        return version == 1 ? "netCDF classic" : version == 2 ? "netCDF 64-bit offset" : "netCDF CDF-5";
    }

    @Override
    public double[] read(Var v, long[] offset, int[] count) throws IOException {
        long[] l = layout.get(v.name());
        int nd = v.shape().length;
        int es = size(v.type());
        long total = 1;
        for (int d = 0; d < nd; d++) {
            if (offset[d] < 0 || count[d] < 0 || offset[d] + count[d] > v.shape()[d]) {
                throw new IOException("read outside variable '" + v.name() + "'");
            }
            total *= count[d];
        }
        double[] out = new double[Math.toIntExact(total)];
        if (total == 0) {
            return out;
        }
        int last = nd - 1;
        // values are contiguous along the last dimension, except along the record dimension (records interleave)
        boolean recordRun = l[2] == 1 && last == 0;
        int run = nd == 0 || recordRun ? 1 : count[last];
        ByteBuffer buf = ByteBuffer.allocate(run * es).order(ByteOrder.BIG_ENDIAN);
        long[] idx = new long[nd];
        int o = 0;
        int outer = recordRun ? nd : last; // dimensions the odometer walks
        for (long r = 0; r < total / run; r++) {
            long rem = r;
            for (int d = outer - 1; d >= 0; d--) {
                idx[d] = offset[d] + rem % count[d];
                rem /= count[d];
            }
            if (nd > 0 && !recordRun) {
                idx[last] = offset[last];
            }
            long pos = l[0];
            long inner = 1;
            int first = l[2] == 1 ? 1 : 0;
            for (int d = nd - 1; d >= first; d--) {
                pos += idx[d] * inner * es;
                inner *= v.shape()[d];
            }
            if (l[2] == 1) {
                pos += idx[0] * recSize;
            }
            buf.clear();
            while (buf.hasRemaining()) {
                int k = ch.read(buf, pos + buf.position());
                if (k < 0) {
                    throw new IOException("cut short: variable '" + v.name() + "' ends beyond the end of the file");
                }
            }
            buf.flip();
            for (int i = 0; i < run; i++) {
                out[o++] = value(buf, v.type());
            }
        }
        return out;
    }

    /** @return the file */
    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }
}
