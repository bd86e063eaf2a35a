package org.pacarbon.map.core;

import org.eclipse.jdt.annotation.Nullable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.gis.core.raster.RowTap;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Reduced copies of a big raster (each level averages {@code factor x factor} cells, ignoring nodata), so that a
 * map at a small scale draws from a few million cells instead of hundreds of millions. Computed in one pass over
 * the raster, kept in memory for the session and cached on disk (next to nothing else: in
 * {@code ~/.pacarbon/cache/overviews}, keyed by file, size and modification time), so a raster is reduced once.
 */
public final class Overviews {
    /** Rasters with fewer cells than this are drawn from the file directly. */
    public static final long MIN_CELLS = 4_000_000L;
    private static final int MAGIC = 0x5041_4F56; // "PAOV"
    /**
     * The disk cache is read and written in pieces of this many bytes: a channel copies a heap buffer through a
     * temporary native buffer of the same size that its thread keeps, so one buffer of a whole level (222 MB at 150 m)
     * stayed in native memory for the rest of the run.
     */
    private static final int IO_CHUNK = 1 << 20;
    private static final Map<String, Overviews> MEMORY = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        @NonNullByDefault({})
        protected boolean removeEldestEntry(Map.Entry<String, Overviews> e) {
            return size() > 8;
        }
    };

    /** One level: {@code factor} cells of the raster per overview cell in each direction. */
    public record Level(int factor, int width, int height, float[] values) {
        public float at(int col, int row) {
            return values[row * width + col];
        }
    }

    private final List<Level> levels;
    private final int gridWidth;
    private final int gridHeight;

    private Overviews(List<Level> levels, int gridWidth, int gridHeight) {
        this.levels = List.copyOf(levels);
        this.gridWidth = gridWidth;
        this.gridHeight = gridHeight;
    }

    public List<Level> levels() {
        return levels;
    }

    /** The coarsest level whose cells are no bigger than {@code cellsPerPixel} raster cells, or null (use the file). */
    public @Nullable Level forScale(double cellsPerPixel) {
        Level best = null;
        for (Level l : levels) {
            if (l.factor() <= cellsPerPixel) {
                best = l;
            }
        }
        return best;
    }

    /** Forgets the overviews held in memory (the disk cache stays): what a new session sees. For benchmarks. */
    public static void forgetMemory() {
        synchronized (MEMORY) {
            MEMORY.clear();
        }
    }

    /**
     * Whether drawing the raster at a small scale would first have to compute its overviews (a big raster seen for
     * the first time: neither in memory nor in the disk cache). The map then shows a {@link #preview} first.
     */
    public static boolean pending(RasterSource src) {
        GridSpec g = src.grid();
        if ((long) g.width() * g.height() < MIN_CELLS) {
            return false;
        }
        String key = key(src);
        synchronized (MEMORY) {
            if (MEMORY.containsKey(key)) {
                return false;
            }
        }
        return !Files.isRegularFile(cacheFile(key));
    }

    /** Of every this many blocks of rows, the preview decodes one. */
    static final int PREVIEW_STRIDE = 8;

    /**
     * A coarse stand-in for the overviews, for the first picture while they are computed: one level (the coarsest) made
     * from one block of rows in {@link #PREVIEW_STRIDE} (the file's tile or strip rows, so about an eighth of the
     * decoding); each of its cells is the mean of the valid cells of the sampled rows in its block, and rows of cells
     * with no sampled row take the nearest sampled one's values. Neither kept nor cached: only for the preview.
     */
    public static Overviews preview(RasterSource src) throws GisException {
        GridSpec g = src.grid();
        List<Integer> factors = factors(g);
        int f = factors.get(factors.size() - 1);
        int width = g.width(), height = g.height();
        int ow = (width + f - 1) / f, oh = (height + f - 1) / f;
        int block = Math.max(src.blockRows(), 1);
        double[] sums = new double[ow * oh];
        int[] counts = new int[ow * oh];
        boolean[] sampled = new boolean[oh];
        float[] buf = new float[block * width];
        for (int b = 0, r0 = 0; r0 < height; b++, r0 += block) {
            // the block in the middle of each run of PREVIEW_STRIDE blocks (also the only one of a short raster)
            if (b % PREVIEW_STRIDE != PREVIEW_STRIDE / 2 && !(height <= block * PREVIEW_STRIDE / 2 && b == 0)) {
                continue;
            }
            int rows = Math.min(block, height - r0);
            src.readRows(r0, rows, buf);
            for (int r = 0; r < rows; r++) {
                int oy = (r0 + r) / f;
                sampled[oy] = true;
                int in = r * width;
                for (int x0 = 0, ox = oy * ow; x0 < width; x0 += f, ox++) { // f cells of the row per preview cell
                    double sum = 0;
                    int count = 0;
                    for (int x = in + x0, e = in + Math.min(width, x0 + f); x < e; x++) {
                        float v = buf[x];
                        if (v == v) {
                            sum += v;
                            count++;
                        }
                    }
                    sums[ox] += sum;
                    counts[ox] += count;
                }
            }
        }
        float[] out = new float[ow * oh];
        for (int k = 0; k < out.length; k++) {
            out[k] = counts[k] == 0 ? Float.NaN : (float) (sums[k] / counts[k]);
        }
        for (int y = 0; y < oh; y++) { // rows of cells no sampled row falls in: the nearest sampled row of cells
            if (sampled[y]) {
                continue;
            }
            int near = -1;
            for (int d = 1; d < oh && near < 0; d++) {
                if (y - d >= 0 && sampled[y - d]) {
                    near = y - d;
                } else if (y + d < oh && sampled[y + d]) {
                    near = y + d;
                }
            }
            if (near >= 0) {
                System.arraycopy(out, near * ow, out, y * ow, ow);
            }
        }
        return new Overviews(List.of(new Level(f, ow, oh, out)), width, height);
    }

    /** The overviews of a raster, or null when it is small enough to draw directly. Computes them on first use. */
    public static @Nullable Overviews of(RasterSource src) throws GisException {
        GridSpec g = src.grid();
        if ((long) g.width() * g.height() < MIN_CELLS) {
            return null;
        }
        String key = key(src);
        synchronized (MEMORY) {
            Overviews o = MEMORY.get(key);
            if (o != null) {
                return o;
            }
        }
        Path cache = cacheFile(key);
        Overviews o = readCache(cache, g);
        if (o == null) {
            Builder pending;
            synchronized (MEMORY) {
                pending = PENDING.remove(key);
            }
            o = pending != null ? pending.build(src) : compute(src);
            writeCache(cache, o);
        }
        synchronized (MEMORY) {
            MEMORY.put(key, o);
        }
        return o;
    }

    private static String key(RasterSource src) {
        Path f = src.file();
        try {
            return f.toAbsolutePath() + "|" + Files.size(f) + "|" + Files.getLastModifiedTime(f).toMillis() + "|"
                    + src.grid();
        } catch (IOException | RuntimeException e) {
            return String.valueOf(f) + "|" + src.grid();
        }
    }

    private static Path cacheFile(String key) {
        return cacheDir().resolve(java.util.UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".ovr");
    }

    static Path cacheDir() {
        return Path.of(System.getProperty("pacarbon.cache", System.getProperty("user.home") + "/.pacarbon/cache"), "overviews");
    }

    /**
     * The finest level has at most about this many cells, or starts at 8 x 8 cells (the most its byte counts hold):
     * the overviews of a raster 4 times the 300 m bench's take no more memory than its (69 MB while being made).
     */
    static final long FINEST_CELLS = 16_000_000L;

    /**
     * The levels' factors for a grid: 4, 16, 64, ... down to about 256 cells across; 8, 32, 128, ... for a grid whose
     * 4 x 4 level would exceed {@link #FINEST_CELLS} (system property {@code pacarbon.overviews.finestCells}).
     */
    private static List<Integer> factors(GridSpec g) {
        long most = Long.getLong("pacarbon.overviews.finestCells", FINEST_CELLS);
        int first = (long) (g.width() / 4) * (g.height() / 4) > most ? 8 : 4;
        List<Integer> factors = new ArrayList<>();
        for (int f = first; g.width() / f >= 256 || factors.isEmpty(); f *= 4) {
            factors.add(f);
            if (g.width() / f < 256 * 4 && g.height() / f < 256 * 4) {
                break;
            }
        }
        return factors;
    }

    /** Computes the overviews of a raster from all its rows (read by whole file blocks). */
    static Overviews compute(RasterSource src) throws GisException {
        return new Builder(src.grid()).build(src);
    }

    /**
     * A raster whose overviews are made from the rows read through it (by an assessment's pass, which decodes every
     * tile once): {@link #of} then only reads the rows nobody asked for. Small rasters are returned as they are.
     */
    public static RasterSource tap(RasterSource src) {
        GridSpec g = src.grid();
        if ((long) g.width() * g.height() < MIN_CELLS) {
            return src;
        }
        String key = key(src);
        Builder b;
        synchronized (MEMORY) {
            if (MEMORY.containsKey(key) || Files.isRegularFile(cacheFile(key))) {
                return src; // made already
            }
            b = PENDING.computeIfAbsent(key, k -> new Builder(g));
        }
        return new RowTap(src, b);
    }

    /** Overviews being made from rows read elsewhere ({@link #tap}), by raster key. */
    private static final Map<String, Builder> PENDING = new LinkedHashMap<>();

    /**
     * Makes the levels as rows arrive: the finest level (4 x 4 cells) as float sums and counts of the valid cells,
     * each row of it on its own thread; every input row is counted once. {@link #build} reads the rows not seen yet and
     * derives each coarser level from the finest one's sums and counts, so that every level is the exact mean of the
     * valid cells it covers.
     */
    static final class Builder implements RowTap.Listener {
        private final GridSpec grid;
        private final List<Integer> factors;
        private final int f0;
        private final int w0;
        private final int h0;
        private final float[] sum0;
        private final byte[] count0;
        private final java.util.BitSet seen;

        Builder(GridSpec grid) {
            this.grid = grid;
            this.factors = factors(grid);
            this.f0 = factors.get(0);
            this.w0 = (grid.width() + f0 - 1) / f0;
            this.h0 = (grid.height() + f0 - 1) / f0;
            this.sum0 = new float[w0 * h0];
            this.count0 = new byte[w0 * h0];
            this.seen = new java.util.BitSet(grid.height());
        }

        @Override
        public synchronized void rows(int row0, int rows, float[] data) {
            int width = grid.width();
            int end = Math.min(grid.height(), row0 + rows);
            java.util.stream.IntStream.rangeClosed(row0 / f0, (end - 1) / f0).parallel().forEach(o -> {
                int base = o * w0;
                for (int r = Math.max(row0, o * f0); r < Math.min(end, (o + 1) * f0); r++) {
                    if (seen.get(r)) {
                        continue;
                    }
                    int off = (r - row0) * width;
                    for (int x0 = 0, ox = base; x0 < width; x0 += f0, ox++) { // f0 cells of the row per overview cell
                        float sum = 0;
                        int count = 0;
                        for (int x = off + x0, e = off + Math.min(width, x0 + f0); x < e; x++) {
                            float v = data[x];
                            if (v == v) {
                                sum += v;
                                count++;
                            }
                        }
                        sum0[ox] += sum;
                        count0[ox] += (byte) count;
                    }
                }
            });
            seen.set(row0, end);
        }

        /** The overviews: reads the rows not seen yet from {@code src}, by whole file blocks. */
        Overviews build(RasterSource src) throws GisException {
            int width = grid.width();
            int block = (Math.max(64, src.blockRows()) + f0 - 1) / f0 * f0;
            float[] buf = null;
            for (int r0 = 0; r0 < grid.height(); r0 += block) {
                int rows = Math.min(block, grid.height() - r0);
                int unseen;
                synchronized (this) {
                    unseen = seen.nextClearBit(r0);
                }
                if (unseen < r0 + rows) {
                    buf = buf == null ? new float[block * width] : buf;
                    src.readRows(r0, rows, buf);
                    rows(r0, rows, buf);
                }
            }
            int n = factors.size();
            List<Level> levels = new ArrayList<>();
            synchronized (this) {
                // each coarser level from the sums and counts of the level before it (4 x 4 of its cells); the first
                // from the finest level's own float sums and byte counts (no copy of them: 4.2 M cells at 300 m)
                double[] prevSums = null;
                int[] prevCounts = null;
                int pw = w0, ph = h0;
                for (int i = 1; i < n; i++) {
                    int f = factors.get(i);
                    int q = f / factors.get(i - 1);
                    int ow = (width + f - 1) / f;
                    int oh = (grid.height() + f - 1) / f;
                    double[] sums = new double[ow * oh];
                    int[] counts = new int[ow * oh];
                    for (int y = 0; y < ph; y++) {
                        int row = y / q * ow, in = y * pw;
                        for (int x = 0, ox = row; x < pw; x += q, ox++) {
                            double sum = 0;
                            int count = 0;
                            if (prevSums == null || prevCounts == null) {
                                for (int e = Math.min(pw, x + q), xx = x; xx < e; xx++) {
                                    sum += sum0[in + xx];
                                    count += count0[in + xx];
                                }
                            } else {
                                for (int e = Math.min(pw, x + q), xx = x; xx < e; xx++) {
                                    sum += prevSums[in + xx];
                                    count += prevCounts[in + xx];
                                }
                            }
                            sums[ox] += sum;
                            counts[ox] += count;
                        }
                    }
                    prevSums = sums;
                    prevCounts = counts;
                    pw = ow;
                    ph = oh;
                    float[] out = new float[ow * oh];
                    for (int k = 0; k < out.length; k++) {
                        out[k] = counts[k] == 0 ? Float.NaN : (float) (sums[k] / counts[k]);
                    }
                    levels.add(new Level(f, ow, oh, out));
                }
                float[] finest = sum0; // the sums become the means in place
                for (int k = 0; k < finest.length; k++) {
                    finest[k] = count0[k] == 0 ? Float.NaN : finest[k] / count0[k];
                }
                levels.add(0, new Level(f0, w0, h0, finest));
            }
            return new Overviews(levels, width, grid.height());
        }
    }

    private static @Nullable Overviews readCache(Path file, GridSpec g) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(head, 0);
            head.flip();
            if (head.getInt() != MAGIC || head.getInt() != g.width() || head.getInt() != g.height()) {
                return null;
            }
            long pos = 12;
            ByteBuffer count = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(count, pos);
            count.flip();
            int n = count.getInt();
            pos += 4;
            List<Level> levels = new ArrayList<>();
            ByteBuffer buf = ByteBuffer.allocate(IO_CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                ByteBuffer lh = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
                ch.read(lh, pos);
                lh.flip();
                int f = lh.getInt();
                int w = lh.getInt();
                int h = lh.getInt();
                pos += 12;
                float[] v = new float[w * h];
                for (int k = 0; k < v.length; ) { // in pieces: see IO_CHUNK
                    buf.clear().limit((int) Math.min(IO_CHUNK, (v.length - (long) k) * 4));
                    while (buf.hasRemaining()) {
                        if (ch.read(buf, pos + buf.position()) < 0) {
                            return null;
                        }
                    }
                    buf.flip();
                    int m = buf.remaining() / 4;
                    buf.asFloatBuffer().get(v, k, m);
                    k += m;
                    pos += 4L * m;
                }
                levels.add(new Level(f, w, h, v));
            }
            return new Overviews(levels, g.width(), g.height());
        } catch (IOException | RuntimeException e) {
            return null; // a damaged cache is computed again
        }
    }

    private static void writeCache(Path file, Overviews o) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer head = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                head.putInt(MAGIC).putInt(o.gridWidth).putInt(o.gridHeight).putInt(o.levels.size()).flip();
                ch.write(head);
                ByteBuffer buf = ByteBuffer.allocate(IO_CHUNK).order(ByteOrder.LITTLE_ENDIAN);
                for (Level l : o.levels) {
                    ByteBuffer lh = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
                    lh.putInt(l.factor()).putInt(l.width()).putInt(l.height()).flip();
                    while (lh.hasRemaining()) {
                        ch.write(lh);
                    }
                    float[] v = l.values();
                    for (int k = 0; k < v.length; ) { // in pieces: see IO_CHUNK
                        int m = Math.min(v.length - k, IO_CHUNK / 4);
                        buf.clear();
                        buf.asFloatBuffer().put(v, k, m);
                        buf.limit(4 * m);
                        while (buf.hasRemaining()) {
                            ch.write(buf);
                        }
                        k += m;
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // no cache: the next session computes the overviews again
        }
    }
}
