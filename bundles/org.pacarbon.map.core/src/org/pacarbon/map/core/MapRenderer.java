package org.pacarbon.map.core;

import org.eclipse.jdt.annotation.Nullable;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.RasterSource;

/**
 * The one Java2D renderer for screen and export: draws a raster layer (nearest cell per pixel, reading only
 * the rows the image needs) and polygon outlines into a view of given map extent and pixel size.
 */
public final class MapRenderer {
    private MapRenderer() {
    }

    /** Map-to-pixel mapping of a view: extent in map units drawn into width x height pixels, north up. */
    public record View(Envelope extent, int width, int height) {
        /** Makes a view of {@code extent} that fits {@code maxWidth x maxHeight} pixels keeping square pixels. */
        public static View fit(Envelope extent, int maxWidth, int maxHeight) {
            double scale = Math.min(maxWidth / extent.getWidth(), maxHeight / extent.getHeight());
            return new View(extent, (int) Math.round(extent.getWidth() * scale), (int) Math.round(extent.getHeight() * scale));
        }

        /**
         * A view of a lon/lat extent drawn with the scale true along the central parallel (x squeezed by its
         * cosine), the way a small-scale national map in geographic coordinates should look.
         */
        public static View fitGeographic(Envelope extent, int maxWidth, int maxHeight) {
            double k = Math.cos(Math.toRadians(extent.centre().y));
            double scale = Math.min(maxWidth / (extent.getWidth() * k), maxHeight / extent.getHeight());
            return new View(extent, (int) Math.round(extent.getWidth() * k * scale), (int) Math.round(extent.getHeight() * scale));
        }

        public double px(double x) {
            return (x - extent.getMinX()) / extent.getWidth() * width;
        }

        public double py(double y) {
            return (extent.getMaxY() - y) / extent.getHeight() * height;
        }

        public double mapX(double px) {
            return extent.getMinX() + (px + 0.5) / width * extent.getWidth();
        }

        public double mapY(double py) {
            return extent.getMaxY() - (py + 0.5) / height * extent.getHeight();
        }
    }

    private static BufferedImage fromLevel(BufferedImage img, GridSpec g, Overviews.Level level, RasterStyle style, int @Nullable [] lut, View view) {
        int[] px = pixels(img);
        int[] line = new int[view.width()];
        int[] col = new int[view.width()];
        for (int x = 0; x < view.width(); x++) {
            col[x] = (int) Math.floor(g.u(view.mapX(x)) / level.factor());
        }
        for (int y = 0; y < view.height(); y++) {
            int r = (int) Math.floor(g.v(view.mapY(y)) / level.factor());
            for (int x = 0; x < view.width(); x++) {
                line[x] = r < 0 || r >= level.height() || col[x] < 0 || col[x] >= level.width() ? 0
                        : style.argb(level.at(col[x], r), lut);
            }
            System.arraycopy(line, 0, px, y * view.width(), view.width());
        }
        return img;
    }

    /**
     * The pixels of an image made here ({@code TYPE_INT_ARGB}, row-major), written directly: {@code setRGB} converts
     * each pixel through the colour model (17-22 ms for a frame of 1200 x 800 pixels, against 1 ms for the copies).
     */
    private static int[] pixels(BufferedImage img) {
        return ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();
    }

    private static double cellsPerPixel(GridSpec g, View view) {
        return view.width() > 1 ? Math.abs(g.u(view.mapX(1)) - g.u(view.mapX(0))) : 1;
    }

    /**
     * Whether {@link #raster} would first compute the raster's overviews for this view (a big raster at a small scale,
     * seen for the first time): the map shows {@link #rasterPreview} meanwhile.
     */
    public static boolean needsOverviews(RasterSource src, View view) {
        return cellsPerPixel(src.grid(), view) >= 2.5 && Overviews.pending(src);
    }

    /** A coarse picture of the raster from {@link Overviews#preview} (about an eighth of the file decoded). */
    public static BufferedImage rasterPreview(RasterSource src, RasterStyle style, View view) throws GisException {
        BufferedImage img = new BufferedImage(view.width(), view.height(), BufferedImage.TYPE_INT_ARGB);
        return fromLevel(img, src.grid(), Overviews.preview(src).levels().get(0), style, style.lookupTable(), view);
    }

    /** Draws the raster (same CRS as the view) into a transparent ARGB image of the view's size. */
    public static BufferedImage raster(RasterSource src, RasterStyle style, View view) throws GisException {
        BufferedImage img = new BufferedImage(view.width(), view.height(), BufferedImage.TYPE_INT_ARGB);
        GridSpec g = src.grid();
        int[] lut = style.lookupTable();
        double cellsPerPixel = cellsPerPixel(g, view);
        Overviews overviews = cellsPerPixel >= 2.5 ? Overviews.of(src) : null;
        // a level whose cells are at most 1.6 pixels: sharp enough, and far fewer cells than the file
        Overviews.Level level = overviews == null ? null : overviews.forScale(cellsPerPixel * 1.6);
        if (level != null) { // a small scale: draw from the reduced copy
            return fromLevel(img, g, level, style, lut, view);
        }
        int[] px = pixels(img);
        int[] line = new int[view.width()];
        int[] col = new int[view.width()];
        int cmin = Integer.MAX_VALUE, cmax = -1;
        for (int x = 0; x < view.width(); x++) {
            col[x] = (int) Math.floor(g.u(view.mapX(x)));
            if (col[x] >= 0 && col[x] < g.width()) {
                cmin = Math.min(cmin, col[x]);
                cmax = Math.max(cmax, col[x]);
            }
        }
        if (cmax < 0) {
            return img; // no column of the raster in view
        }
        int cols = cmax - cmin + 1; // the columns in view: only the tiles they meet are decoded
        int[] rowOf = new int[view.height()];
        int rmin = Integer.MAX_VALUE;
        int rmax = -1;
        for (int y = 0; y < view.height(); y++) {
            rowOf[y] = (int) Math.floor(g.v(view.mapY(y)));
            if (rowOf[y] >= 0 && rowOf[y] < g.height()) {
                rmin = Math.min(rmin, rowOf[y]);
                rmax = Math.max(rmax, rowOf[y]);
            }
        }
        // close up, the window in view is read in chunks of about 4 million cells (few reads, bounded memory)
        int chunkRows = (int) Math.max(1, Math.min(g.height(), 4_000_000L / cols));
        float[] chunk = new float[chunkRows * cols];
        int c0 = 0;
        int c1 = 0; // rows c0 .. c1-1 are in chunk
        for (int y = 0; y < view.height(); y++) {
            int r = rowOf[y];
            if (r < 0 || r >= g.height()) {
                java.util.Arrays.fill(line, 0);
            } else {
                if (r < c0 || r >= c1) {
                    int a = r >= c1 ? r : Math.max(rmin, r - chunkRows + 1);
                    int b = Math.min(Math.min(rmax + 1, g.height()), a + chunkRows);
                    src.readWindow(a, b - a, cmin, cols, chunk);
                    c0 = a;
                    c1 = b;
                }
                int base = (r - c0) * cols - cmin;
                for (int x = 0; x < view.width(); x++) {
                    line[x] = col[x] < 0 || col[x] >= g.width() ? 0 : style.argb(chunk[base + col[x]], lut);
                }
            }
            System.arraycopy(line, 0, px, y * view.width(), view.width());
        }
        return img;
    }

    /**
     * Draws a raster in another CRS than the view's: each pixel centre is transformed to the raster's CRS
     * ({@link PixelPositions}) and takes the value of the cell it falls in (from the overviews when a pixel covers
     * several cells).
     */
    public static BufferedImage reprojected(RasterSource src, RasterStyle style, View view,
            org.opengis.referencing.operation.MathTransform mapToRaster) throws GisException {
        int w = view.width();
        int h = view.height();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        GridSpec g = src.grid();
        int[] lut = style.lookupTable();
        PixelPositions.Mapping toRaster = PixelPositions.of(mapToRaster);
        PixelPositions.Mapping toCells = (xy, n) -> {
            toRaster.apply(xy, n);
            for (int i = 0; i < n; i++) {
                xy[2 * i] = g.u(xy[2 * i]);
                xy[2 * i + 1] = g.v(xy[2 * i + 1]);
            }
        };
        // cells per pixel at the centre decide between the file and an overview
        double[] mid = {view.mapX(w / 2), view.mapY(h / 2), view.mapX(Math.min(w - 1, w / 2 + 1)), view.mapY(h / 2)};
        toCells.apply(mid, 2);
        double cellsPerPixel = Math.hypot(mid[2] - mid[0], mid[3] - mid[1]);
        Overviews overviews = !(cellsPerPixel < 2.5) ? Overviews.of(src) : null;
        Overviews.Level level = overviews == null ? null : overviews.forScale(Double.isNaN(cellsPerPixel) ? 1 : cellsPerPixel * 1.6);
        // where every pixel centre falls in the raster (fractional column, row): exactly on a lattice of pixels and
        // interpolated between them to an eighth of a pixel or of the cells drawn (the file's or an overview's)
        double[] uv = PixelPositions.of(view, toCells, level == null ? 1 : level.factor());
        float[] block = null;
        int rmin = Integer.MAX_VALUE;
        int rmax = -1;
        int cmin = Integer.MAX_VALUE, cmax = -1;
        if (level == null) {
            for (int i = 1; i < uv.length; i += 2) {
                if (!Double.isNaN(uv[i]) && uv[i] >= 0 && uv[i] < g.height() && uv[i - 1] >= 0 && uv[i - 1] < g.width()) {
                    rmin = Math.min(rmin, (int) uv[i]);
                    rmax = Math.max(rmax, (int) uv[i]);
                    cmin = Math.min(cmin, (int) uv[i - 1]);
                    cmax = Math.max(cmax, (int) uv[i - 1]);
                }
            }
            if (rmax < rmin) {
                return img; // the raster is not in view
            }
            if ((long) (rmax - rmin + 1) * (cmax - cmin + 1) > 32_000_000L) {
                Overviews o = Overviews.of(src); // too much of a big raster in view: its finest overview
                level = o == null ? null : o.levels().get(0);
            }
            if (level == null) {
                block = new float[(rmax - rmin + 1) * (cmax - cmin + 1)];
                src.readWindow(rmin, rmax - rmin + 1, cmin, cmax - cmin + 1, block); // the tiles in view only
            }
        }
        int[] px = pixels(img);
        int[] line = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = uv[2 * (y * w + x)];
                double v = uv[2 * (y * w + x) + 1];
                int argb = 0;
                if (!Double.isNaN(u) && !Double.isNaN(v) && u >= 0 && v >= 0 && u < g.width() && v < g.height()) {
                    float val;
                    if (level != null) {
                        int c = (int) (u / level.factor());
                        int r = (int) (v / level.factor());
                        val = c < level.width() && r < level.height() ? level.at(c, r) : Float.NaN;
                    } else if (block != null) {
                        val = block[((int) v - rmin) * (cmax - cmin + 1) + (int) u - cmin];
                    } else {
                        val = Float.NaN;
                    }
                    argb = style.argb(val, lut);
                }
                line[x] = argb;
            }
            System.arraycopy(line, 0, px, y * w, w);
        }
        return img;
    }

    /**
     * Draws labels with a white halo, skipping features narrower than 30 pixels and labels that would overlap one
     * already drawn (the list's order is the priority: put the biggest features first) or fall outside the view.
     */
    public static void labels(Graphics2D g2, List<MapLayer.Label> labels, View view, Color colour) {
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        java.awt.Font font = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11);
        g2.setFont(font);
        java.awt.FontMetrics fm = g2.getFontMetrics();
        List<java.awt.Rectangle> taken = new java.util.ArrayList<>();
        java.awt.Rectangle bounds = new java.awt.Rectangle(0, 0, view.width(), view.height());
        double pixelsPerUnit = view.width() / view.extent().getWidth();
        for (MapLayer.Label l : labels) {
            if (l.size() * pixelsPerUnit < 30) { // too small on screen to be worth a name
                continue;
            }
            int w = fm.stringWidth(l.text());
            int x = (int) Math.round(view.px(l.x())) - w / 2;
            int y = (int) Math.round(view.py(l.y()));
            java.awt.Rectangle r = new java.awt.Rectangle(x - 2, y - fm.getAscent() - 1, w + 4, fm.getHeight() + 2);
            if (!bounds.contains(r) || taken.stream().anyMatch(r::intersects)) {
                continue;
            }
            taken.add(r);
            java.awt.font.TextLayout tl = new java.awt.font.TextLayout(l.text(), font, g2.getFontRenderContext());
            java.awt.Shape outline = tl.getOutline(java.awt.geom.AffineTransform.getTranslateInstance(x, y));
            g2.setColor(new Color(255, 255, 255, 220));
            g2.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g2.draw(outline);
            g2.setColor(colour.darker());
            g2.fill(outline);
        }
    }

    private static final java.util.Map<Geometry, java.util.Map<Long, Geometry>> SIMPLIFIED =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * The geometry with vertices closer than half a pixel merged (topology kept), cached per geometry and scale
     * (in steps of a factor 2), so that many or detailed polygons redraw fast at small scales.
     */
    static Geometry forView(Geometry g, View view) {
        if (g.getNumPoints() < 2000) {
            return g;
        }
        double unitsPerPixel = view.extent().getWidth() / Math.max(1, view.width());
        long bucket = Math.round(Math.floor(Math.log(unitsPerPixel) / Math.log(2)));
        java.util.Map<Long, Geometry> byScale = SIMPLIFIED.computeIfAbsent(g, k -> new java.util.concurrent.ConcurrentHashMap<>());
        return byScale.computeIfAbsent(bucket, b -> simplifyParts(g, Math.pow(2, b) * 0.5));
    }

    /**
     * Simplifies each part of a geometry on its own, its rings' topology kept: the topology-preserving simplifier of
     * a whole collection checks every part against every other (20 000 PAs took minutes), which outlines do not need.
     */
    public static Geometry simplifyParts(Geometry g, double tolerance) {
        if (g.getNumGeometries() == 1) {
            return org.locationtech.jts.simplify.TopologyPreservingSimplifier.simplify(g, tolerance);
        }
        java.util.List<Geometry> parts = new java.util.ArrayList<>(g.getNumGeometries());
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry p = g.getGeometryN(i);
            parts.add(p.getNumPoints() < 16 ? p : org.locationtech.jts.simplify.TopologyPreservingSimplifier.simplify(p, tolerance));
        }
        return g.getFactory().buildGeometry(parts);
    }

    /**
     * Draws polygon outlines (and an optional fill) of a geometry in the view's CRS. The fill is the union of the
     * polygons: each shell is traced one way round and each hole the other, and the path is filled by the non-zero
     * winding rule, so that overlapping polygons of a collection (PAs of one class) are filled once, not left empty
     * where they overlap (the even-odd rule) and without a polygon union beforehand.
     */
    public static void outlines(Graphics2D g2, Geometry geometry0, View view, Color stroke, float width, @Nullable Color fill) {
        Geometry geometry = forView(geometry0, view);
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO);
        appendParts(path, geometry, view);
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (fill != null) {
            g2.setColor(fill);
            g2.fill(path);
        }
        g2.setColor(stroke);
        // round joins cost the antialiased stroker a third more time on outlines of many short segments, and on lines
        // of a pixel or so they cannot be told from bevelled ones (QGIS's default join for outlines)
        g2.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, width <= 1.5f ? BasicStroke.JOIN_BEVEL : BasicStroke.JOIN_ROUND));
        g2.draw(path);
    }

    private static void appendParts(Path2D.Double path, Geometry geometry, View view) {
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof Polygon p) {
                append(path, p.getExteriorRing(), view, Boolean.TRUE);
                for (int k = 0; k < p.getNumInteriorRing(); k++) {
                    append(path, p.getInteriorRingN(k), view, Boolean.FALSE);
                }
            } else if (part instanceof LineString l) {
                append(path, l, view, null);
            } else if (part != geometry) { // a collection inside a collection
                appendParts(path, part, view);
            }
        }
    }

    /**
     * Appends a line, or a ring counter-clockwise ({@code ccw} true) or clockwise (false) in map coordinates. Vertices
     * within half a pixel of the last one drawn are left out (the tolerance {@link #forView} simplifies with), but never
     * a line's last.
     */
    private static void append(Path2D.Double path, LineString ring, View view, @Nullable Boolean ccw) {
        org.locationtech.jts.geom.CoordinateSequence cs = ring.getCoordinateSequence();
        int n = cs.size();
        boolean reverse = ccw != null && n >= 4 && org.locationtech.jts.algorithm.Orientation.isCCW(cs) != ccw;
        double lx = 0, ly = 0;
        for (int j = 0; j < n; j++) {
            int i = reverse ? n - 1 - j : j;
            double x = view.px(cs.getX(i)), y = view.py(cs.getY(i));
            if (j == 0) {
                path.moveTo(x, y);
            } else if (j == n - 1 || Math.abs(x - lx) >= 0.5 || Math.abs(y - ly) >= 0.5) {
                path.lineTo(x, y);
            } else {
                continue;
            }
            lx = x;
            ly = y;
        }
    }
}
