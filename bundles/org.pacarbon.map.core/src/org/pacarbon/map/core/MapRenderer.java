package org.pacarbon.map.core;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

import org.locationtech.jts.geom.Coordinate;
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

    /** Draws the raster (same CRS as the view) into a transparent ARGB image of the view's size. */
    public static BufferedImage raster(RasterSource src, RasterStyle style, View view) throws GisException {
        BufferedImage img = new BufferedImage(view.width(), view.height(), BufferedImage.TYPE_INT_ARGB);
        GridSpec g = src.grid();
        double cellsPerPixel = view.width() > 1 ? Math.abs(g.u(view.mapX(1)) - g.u(view.mapX(0))) : 1;
        Overviews overviews = cellsPerPixel >= 4 ? Overviews.of(src) : null;
        Overviews.Level level = overviews == null ? null : overviews.forScale(cellsPerPixel);
        if (level != null) { // a small scale: draw from the reduced copy
            int[] line = new int[view.width()];
            int[] col = new int[view.width()];
            for (int x = 0; x < view.width(); x++) {
                col[x] = (int) Math.floor(g.u(view.mapX(x)) / level.factor());
            }
            for (int y = 0; y < view.height(); y++) {
                int r = (int) Math.floor(g.v(view.mapY(y)) / level.factor());
                for (int x = 0; x < view.width(); x++) {
                    line[x] = r < 0 || r >= level.height() || col[x] < 0 || col[x] >= level.width() ? 0
                            : style.argb(level.at(col[x], r));
                }
                img.setRGB(0, y, view.width(), 1, line, 0, view.width());
            }
            return img;
        }
        float[] row = new float[g.width()];
        int[] line = new int[view.width()];
        int[] col = new int[view.width()];
        for (int x = 0; x < view.width(); x++) {
            col[x] = (int) Math.floor(g.u(view.mapX(x)));
        }
        int lastRow = -1;
        for (int y = 0; y < view.height(); y++) {
            int r = (int) Math.floor(g.v(view.mapY(y)));
            if (r < 0 || r >= g.height()) {
                java.util.Arrays.fill(line, 0);
            } else {
                if (r != lastRow) {
                    src.readRows(r, 1, row);
                    lastRow = r;
                }
                for (int x = 0; x < view.width(); x++) {
                    line[x] = col[x] < 0 || col[x] >= g.width() ? 0 : style.argb(row[col[x]]);
                }
            }
            img.setRGB(0, y, view.width(), 1, line, 0, view.width());
        }
        return img;
    }

    /** Draws polygon outlines (and an optional fill) of a geometry in the view's CRS. */
    public static void outlines(Graphics2D g2, Geometry geometry, View view, Color stroke, float width, Color fill) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof Polygon p) {
                append(path, p.getExteriorRing(), view);
                for (int k = 0; k < p.getNumInteriorRing(); k++) {
                    append(path, p.getInteriorRingN(k), view);
                }
            } else if (part instanceof LineString l) {
                append(path, l, view);
            }
        }
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (fill != null) {
            g2.setColor(fill);
            g2.fill(path);
        }
        g2.setColor(stroke);
        g2.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g2.draw(path);
    }

    private static void append(Path2D.Double path, LineString ring, View view) {
        Coordinate[] cs = ring.getCoordinates();
        for (int i = 0; i < cs.length; i++) {
            double x = view.px(cs[i].x), y = view.py(cs[i].y);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
    }
}
