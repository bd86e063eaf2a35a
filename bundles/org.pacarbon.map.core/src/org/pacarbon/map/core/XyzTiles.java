package org.pacarbon.map.core;

import org.eclipse.jdt.annotation.Nullable;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import javax.imageio.ImageIO;

import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A web map of square tiles addressed {@code {z}/{x}/{y}} in Web Mercator (OpenStreetMap's "slippy map" scheme, which
 * WMTS services in EPSG:3857 also answer), drawn into a view of any map CRS: the zoom level is the one whose tile pixels
 * are closest to the screen's, the tiles in view are fetched in parallel (each at most once: kept in memory and in an
 * on-disk cache), and every screen pixel takes the tile pixel under it. Without a network the missing tiles stay
 * transparent and {@link #problem()} says why; drawing never fails because of the network.
 */
public final class XyzTiles {
    /** Half the width of the Web Mercator square, metres (pi times the WGS 84 semi-major axis). */
    static final double HALF = Math.PI * 6378137.0;
    private static final int TILE = 256;
    private static final int MAX_TILES = 96;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(4))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private final String template;
    private final int maxZoom;
    private final @Nullable Path cache;
    /** The tiles drawn lately (at most 256, about 64 MB), most recent last. */
    private final Map<String, BufferedImage> memory = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        @NonNullByDefault({})
        protected boolean removeEldestEntry(Map.Entry<String, BufferedImage> eldest) {
            return size() > 256;
        }
    });
    private final Map<String, Boolean> missing = new ConcurrentHashMap<>();
    private volatile @Nullable String problem;
    /** After a failed connection, the network is not asked again before this time (ms): redraws stay quick offline. */
    private volatile long offlineUntil;

    /**
     * @param template a URL with {@code {z}}, {@code {x}} and {@code {y}} (e.g. {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png})
     * @param maxZoom the deepest level the service has
     * @param cache a folder for fetched tiles (created when needed), or null for none
     */
    public XyzTiles(String template, int maxZoom, @Nullable Path cache) throws GisException {
        if (template == null || !template.contains("{z}") || !template.contains("{x}") || !template.contains("{y}")) {
            throw new GisException(null, "the tile URL '" + template + "' has no {z}, {x} and {y}",
                    "a URL such as https://tile.openstreetmap.org/{z}/{x}/{y}.png");
        }
        try {
            URI u = URI.create(template.replace("{z}", "0").replace("{x}", "0").replace("{y}", "0")); // url(0, 0, 0) before the field is set
            if (!List.of("http", "https", "file").contains(String.valueOf(u.getScheme()))) {
                throw new IllegalArgumentException("scheme " + u.getScheme());
            }
        } catch (IllegalArgumentException e) {
            throw new GisException(null, "the tile URL '" + template + "' is not a URL (" + e.getMessage() + ")",
                    "an http, https or file URL with {z}, {x} and {y}", e);
        }
        this.template = template;
        this.maxZoom = Math.max(0, Math.min(22, maxZoom));
        this.cache = cache;
    }

    public String template() {
        return template;
    }

    /** Why tiles were missing in the last drawing (no network, a refused request), or null when all came. */
    public @Nullable String problem() {
        return problem;
    }

    /** The zoom level for a view of {@code metresPerPixel} (Web Mercator metres): tile pixels at most as big as the screen's. */
    public int zoomFor(double metresPerPixel) {
        double z = Math.log(2 * HALF / (TILE * metresPerPixel)) / Math.log(2);
        return (int) Math.max(0, Math.min(maxZoom, Math.ceil(z - 0.2)));
    }

    /** The URL of one tile. */
    public String url(int z, int x, int y) {
        return template.replace("{z}", Integer.toString(z)).replace("{x}", Integer.toString(x)).replace("{y}", Integer.toString(y));
    }

    /**
     * Draws the tiles under a view of a map in {@code mapCrs} into a transparent image of the view's size (pixels
     * outside Web Mercator's latitudes or where no tile came stay transparent).
     */
    public BufferedImage render(MapRenderer.View view, CoordinateReferenceSystem mapCrs) throws GisException {
        int w = view.width(), h = view.height();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        double[] merc = mercatorOfPixels(view, mapCrs);
        // the level: from the spread of Web Mercator metres per pixel across the middle row
        int mid = (h / 2) * w;
        double span = Math.abs(merc[2 * (mid + w - 1)] - merc[2 * mid]);
        if (!Double.isFinite(span) || span == 0) {
            span = 2 * HALF;
        }
        int z = zoomFor(span / Math.max(1, w - 1));
        Map<Long, BufferedImage> tiles;
        for (;;) {
            List<long[]> need = tilesIn(merc, z);
            if (need.size() <= MAX_TILES || z == 0) {
                tiles = fetch(need);
                break;
            }
            z--;
        }
        int n = 1 << z;
        double size = 2 * HALF / n;
        int[] line = new int[w];
        for (int py = 0; py < h; py++) {
            for (int px = 0; px < w; px++) {
                int i = py * w + px;
                double mx = merc[2 * i], my = merc[2 * i + 1];
                line[px] = 0;
                if (!Double.isFinite(mx) || !Double.isFinite(my) || Math.abs(my) >= HALF) {
                    continue;
                }
                double fx = (mx + HALF) / size, fy = (HALF - my) / size;
                int tx = Math.floorMod((int) Math.floor(fx), n), ty = (int) Math.floor(fy);
                BufferedImage t = tiles.get(key(z, tx, ty));
                if (t != null) {
                    int sx = Math.min(t.getWidth() - 1, (int) ((fx - Math.floor(fx)) * t.getWidth()));
                    int sy = Math.min(t.getHeight() - 1, (int) ((fy - Math.floor(fy)) * t.getHeight()));
                    line[px] = t.getRGB(sx, sy);
                }
            }
            out.setRGB(0, py, w, 1, line, 0, w);
        }
        return out;
    }

    /** Web Mercator x, y of every pixel's centre (NaN where the map point has no Web Mercator position). */
    private static double[] mercatorOfPixels(MapRenderer.View view, CoordinateReferenceSystem mapCrs) throws GisException {
        CoordinateReferenceSystem merc = webMercator();
        if (mapCrs == null || CrsSupport.same(mapCrs, merc)) {
            int w = view.width(), h = view.height();
            double[] pts = new double[2 * w * h];
            for (int py = 0, i = 0; py < h; py++) {
                double y = view.mapY(py);
                for (int px = 0; px < w; px++, i += 2) {
                    pts[i] = view.mapX(px);
                    pts[i + 1] = y;
                }
            }
            return pts;
        }
        // exactly on a lattice of pixels, interpolated between them to an eighth of a pixel (PixelPositions)
        return PixelPositions.of(view, PixelPositions.of(CrsSupport.transform(mapCrs, merc)), Double.POSITIVE_INFINITY);
    }

    private static volatile @Nullable CoordinateReferenceSystem webMercator;

    /** EPSG:3857, looked up once. */
    static CoordinateReferenceSystem webMercator() throws GisException {
        CoordinateReferenceSystem c = webMercator;
        if (c == null) {
            c = CrsSupport.parse("EPSG:3857", null);
            webMercator = c;
        }
        return c;
    }

    /** The service's host name (for the layer's name), or the template when it has none (a file: URL). */
    public String host() {
        String h = URI.create(url(0, 0, 0)).getHost();
        return h == null || h.isEmpty() ? template : h;
    }

    private static List<long[]> tilesIn(double[] merc, int z) {
        int n = 1 << z;
        double size = 2 * HALF / n;
        java.util.Set<Long> seen = new java.util.HashSet<>();
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < merc.length; i += 2) {
            double mx = merc[i], my = merc[i + 1];
            if (!Double.isFinite(mx) || !Double.isFinite(my) || Math.abs(my) >= HALF) {
                continue;
            }
            int tx = Math.floorMod((int) Math.floor((mx + HALF) / size), n), ty = (int) Math.floor((HALF - my) / size);
            if (ty >= 0 && ty < n && seen.add(key(z, tx, ty))) {
                out.add(new long[] {z, tx, ty});
                if (out.size() > MAX_TILES && z > 0) {
                    return out;
                }
            }
        }
        return out;
    }

    private static long key(int z, int x, int y) {
        return ((long) z << 58) | ((long) x << 29) | y;
    }

    /** The tiles, from memory, the disk cache or the network (in parallel); a tile that cannot be had is left out. */
    private Map<Long, BufferedImage> fetch(List<long[]> need) {
        Map<Long, BufferedImage> out = new HashMap<>();
        Map<Long, CompletableFuture<BufferedImage>> pending = new HashMap<>();
        String firstProblem = null;
        for (long[] t : need) {
            int z = (int) t[0], x = (int) t[1], y = (int) t[2];
            String url = url(z, x, y);
            BufferedImage img = memory.get(url);
            if (img == null && !missing.containsKey(url)) {
                img = fromCache(z, x, y);
            }
            if (img != null) {
                out.put(key(z, x, y), img);
            } else if (!missing.containsKey(url) && (url.startsWith("file:") || System.currentTimeMillis() >= offlineUntil)) {
                pending.put(key(z, x, y), download(url, z, x, y));
            } else if (!missing.containsKey(url) && firstProblem == null) {
                firstProblem = problem; // still offline: the reason of the last attempt
            }
        }
        for (Map.Entry<Long, CompletableFuture<BufferedImage>> e : pending.entrySet()) {
            try {
                BufferedImage img = e.getValue().join();
                if (img != null) {
                    out.put(e.getKey(), img);
                }
            } catch (java.util.concurrent.CompletionException ex) {
                Throwable c = ex.getCause() != null ? ex.getCause() : ex;
                if (!(c.getMessage() != null && c.getMessage().contains(": HTTP "))) { // no answer at all: offline for a while
                    offlineUntil = System.currentTimeMillis() + 30_000;
                }
                if (firstProblem == null) {
                    firstProblem = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
                }
            }
        }
        problem = firstProblem;
        return out;
    }

    private CompletableFuture<@Nullable BufferedImage> download(String url, int z, int x, int y) {
        if (url.startsWith("file:")) {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return keep(url, Files.readAllBytes(Path.of(URI.create(url))), z, x, y);
                } catch (IOException | RuntimeException e) {
                    missing.put(url, Boolean.TRUE);
                    throw new java.util.concurrent.CompletionException(new IOException(url + ": " + e.getMessage(), e));
                }
            });
        }
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(8))
                .header("User-Agent", "PA-Carbon-Workbench/0.1 (desktop GIS)").GET().build();
        return HTTP.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray()).<@Nullable BufferedImage>thenApply(r -> {
            if (r.statusCode() == 404) { // no tile there (sea at depth, outside the service's area): not a problem
                missing.put(url, Boolean.TRUE);
                return null;
            }
            if (r.statusCode() != 200) {
                throw new java.util.concurrent.CompletionException(new IOException(url + ": HTTP " + r.statusCode()));
            }
            try {
                return keep(url, r.body(), z, x, y);
            } catch (IOException e) {
                missing.put(url, Boolean.TRUE);
                throw new java.util.concurrent.CompletionException(e);
            }
        }).exceptionallyCompose(ex -> {
            Throwable c = ex instanceof java.util.concurrent.CompletionException && ex.getCause() != null ? ex.getCause() : ex;
            return CompletableFuture.failedFuture(c instanceof IOException && c.getMessage() != null && c.getMessage().startsWith(url) ? c
                    : new IOException(url + ": " + (c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage()), c));
        });
    }

    private BufferedImage keep(String url, byte[] bytes, int z, int x, int y) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        if (img == null) {
            throw new IOException(url + ": not an image (" + bytes.length + " bytes)");
        }
        memory.put(url, img);
        Path dir = cache;
        if (dir != null) {
            Path f = cachePath(dir, z, x, y);
            try {
                Files.createDirectories(f.getParent());
                Path tmp = Files.createTempFile(f.getParent(), "tile", ".part");
                Files.write(tmp, bytes);
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // the cache is a convenience: a full or read-only disk only means fetching again
            }
        }
        return img;
    }

    private @Nullable BufferedImage fromCache(int z, int x, int y) {
        Path dir = cache;
        if (dir == null) {
            return null;
        }
        Path f = cachePath(dir, z, x, y);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            BufferedImage img = ImageIO.read(f.toFile());
            if (img != null) {
                memory.put(url(z, x, y), img);
            }
            return img;
        } catch (IOException e) {
            return null;
        }
    }

    private Path cachePath(Path dir, int z, int x, int y) {
        String service = Integer.toHexString(Objects.hash(template));
        return dir.resolve(service).resolve(Integer.toString(z)).resolve(Integer.toString(x)).resolve(y + ".tile");
    }
}
