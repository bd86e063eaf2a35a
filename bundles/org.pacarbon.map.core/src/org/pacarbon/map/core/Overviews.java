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
        Path cache = cacheDir().resolve(java.util.UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + ".ovr");
        Overviews o = readCache(cache, g);
        if (o == null) {
            o = compute(src);
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

    static Path cacheDir() {
        return Path.of(System.getProperty("pacarbon.cache", System.getProperty("user.home") + "/.pacarbon/cache"), "overviews");
    }

    /** Levels of factor 4, 16, 64, ... down to about 256 cells across. */
    static Overviews compute(RasterSource src) throws GisException {
        GridSpec g = src.grid();
        List<Integer> factors = new ArrayList<>();
        for (int f = 4; g.width() / f >= 256 || factors.isEmpty(); f *= 4) {
            factors.add(f);
            if (g.width() / f < 256 * 4 && g.height() / f < 256 * 4) {
                break;
            }
        }
        int n = factors.size();
        double[][] sums = new double[n][];
        int[][] counts = new int[n][];
        float[][] out = new float[n][];
        int[] ow = new int[n];
        int[] oh = new int[n];
        for (int i = 0; i < n; i++) {
            int f = factors.get(i);
            ow[i] = (g.width() + f - 1) / f;
            oh[i] = (g.height() + f - 1) / f;
            sums[i] = new double[ow[i]];
            counts[i] = new int[ow[i]];
            out[i] = new float[ow[i] * oh[i]];
        }
        int block = Math.max(1, src.blockRows());
        float[] buf = new float[block * g.width()];
        for (int r0 = 0; r0 < g.height(); r0 += block) {
            int rows = Math.min(block, g.height() - r0);
            src.readRows(r0, rows, buf);
            for (int k = 0; k < rows; k++) {
                int r = r0 + k;
                int base = k * g.width();
                for (int i = 0; i < n; i++) {
                    int f = factors.get(i);
                    double[] s = sums[i];
                    int[] c = counts[i];
                    for (int x = 0; x < g.width(); x++) {
                        float v = buf[base + x];
                        if (!Float.isNaN(v)) {
                            s[x / f] += v;
                            c[x / f]++;
                        }
                    }
                    if ((r + 1) % f == 0 || r == g.height() - 1) { // the overview row is complete
                        int orow = r / f;
                        for (int x = 0; x < ow[i]; x++) {
                            out[i][orow * ow[i] + x] = c[x] == 0 ? Float.NaN : (float) (s[x] / c[x]);
                        }
                        java.util.Arrays.fill(s, 0);
                        java.util.Arrays.fill(c, 0);
                    }
                }
            }
        }
        List<Level> levels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            levels.add(new Level(factors.get(i), ow[i], oh[i], out[i]));
        }
        return new Overviews(levels, g.width(), g.height());
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
            for (int i = 0; i < n; i++) {
                ByteBuffer lh = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
                ch.read(lh, pos);
                lh.flip();
                int f = lh.getInt();
                int w = lh.getInt();
                int h = lh.getInt();
                pos += 12;
                ByteBuffer data = ByteBuffer.allocate(w * h * 4).order(ByteOrder.LITTLE_ENDIAN);
                while (data.hasRemaining()) {
                    int read = ch.read(data, pos + data.position());
                    if (read < 0) {
                        return null;
                    }
                }
                data.flip();
                float[] v = new float[w * h];
                data.asFloatBuffer().get(v);
                pos += (long) w * h * 4;
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
                for (Level l : o.levels) {
                    ByteBuffer lh = ByteBuffer.allocate(12 + l.values().length * 4).order(ByteOrder.LITTLE_ENDIAN);
                    lh.putInt(l.factor()).putInt(l.width()).putInt(l.height());
                    for (float v : l.values()) {
                        lh.putFloat(v);
                    }
                    lh.flip();
                    while (lh.hasRemaining()) {
                        ch.write(lh);
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // no cache: the next session computes the overviews again
        }
    }
}
