package org.pacarbon.map.core;

import org.eclipse.jdt.annotation.Nullable;
import java.awt.Color;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.RasterSource;

/**
 * A layer of a map: a raster with its style, polygons/lines with outline and fill, or web map tiles. Visible or
 * hidden, named. Coordinates are in the map's CRS (rasters of another CRS are drawn reprojected to it). A layer that
 * a service made (a basemap, tiles) knows the service's URI, so that a map document can ask for it again.
 */
public final class MapLayer {
    private final String name;
    private final @Nullable RasterSource raster;
    private volatile @Nullable RasterStyle style;
    private final @Nullable Geometry geometry;
    private final @Nullable Color stroke;
    private final float width;
    private final @Nullable Color fill;
    private volatile boolean visible = true;
    private volatile java.nio.file.@Nullable Path source;
    /** For a raster shown in another CRS than its own: map CRS -> raster CRS, and its extent in the map CRS. */
    private volatile org.opengis.referencing.operation.@Nullable MathTransform mapToRaster;
    private volatile @Nullable Envelope mapExtent;
    private volatile float opacity = 1f;
    private final @Nullable XyzTiles tiles;
    /** The map's CRS, for tiles (drawn into it pixel by pixel). */
    private volatile org.opengis.referencing.crs.@Nullable CoordinateReferenceSystem tilesCrs;
    private volatile @Nullable String service;
    private volatile boolean underlay;

    private MapLayer(String name, @Nullable RasterSource raster, @Nullable RasterStyle style, @Nullable Geometry geometry,
            @Nullable Color stroke, float width, @Nullable Color fill) {
        this(name, raster, style, geometry, stroke, width, fill, null);
    }

    private MapLayer(String name, @Nullable RasterSource raster, @Nullable RasterStyle style, @Nullable Geometry geometry,
            @Nullable Color stroke, float width, @Nullable Color fill, @Nullable XyzTiles tiles) {
        this.name = name;
        this.tiles = tiles;
        this.raster = raster;
        this.style = style;
        this.geometry = geometry;
        this.stroke = stroke;
        this.width = width;
        this.fill = fill;
    }

    public static MapLayer raster(String name, RasterSource raster, RasterStyle style) {
        return new MapLayer(name, raster, style, null, null, 0, null);
    }

    public static MapLayer vector(String name, Geometry geometry, Color stroke, float width, @Nullable Color fill) {
        return new MapLayer(name, null, null, geometry, stroke, width, fill);
    }

    /** A layer of web map tiles, drawn under the map's other layers; its URI ({@code xyz:...}) names it in documents. */
    public static MapLayer tiles(String name, XyzTiles tiles) {
        MapLayer l = new MapLayer(name, null, null, null, null, 0, null, java.util.Objects.requireNonNull(tiles));
        l.underlay = true;
        return l;
    }

    /** The tiles of a tile layer, or null. */
    public @Nullable XyzTiles tiles() {
        return tiles;
    }

    /** Whether this is a layer of polygons or lines (features, outlines), not a raster or tiles. */
    public boolean isVector() {
        return geometry != null;
    }

    /** The URI of the service that made this layer (e.g. {@code basemap:countries}, {@code xyz:https://...}), or null. */
    public @Nullable String service() {
        return service;
    }

    public void setService(@Nullable String uri) {
        service = uri;
    }

    /** Whether the layer belongs under the data (a basemap, tiles): added layers of this kind go below the others. */
    public boolean underlay() {
        return underlay;
    }

    public void setUnderlay(boolean u) {
        underlay = u;
    }

    public String name() {
        return name;
    }

    public @Nullable RasterSource raster() {
        return raster;
    }

    /**
     * Shows a raster layer on a map in another CRS: cells are looked up through the transform (map CRS to the
     * raster's), and the layer's extent is the raster's outline transformed to the map CRS.
     */
    public void reprojectTo(org.opengis.referencing.crs.@Nullable CoordinateReferenceSystem mapCrs)
            throws org.pacarbon.gis.core.GisException {
        if (tiles != null) {
            tilesCrs = mapCrs;
            return;
        }
        RasterSource raster = this.raster;
        if (raster == null || mapCrs == null || org.pacarbon.gis.core.crs.CrsSupport.same(mapCrs, raster.crs())) {
            mapToRaster = null;
            mapExtent = null;
            return;
        }
        GridSpec g = raster.grid();
        Geometry outline = org.pacarbon.gis.core.vector.Geometries.box(g.minX(), g.minY(), g.maxX(), g.maxY());
        mapExtent = org.pacarbon.gis.core.vector.Geometries.transform(outline, raster.crs(), mapCrs).getEnvelopeInternal();
        mapToRaster = org.pacarbon.gis.core.crs.CrsSupport.transform(mapCrs, raster.crs());
    }

    /** The map-to-raster transform of a reprojected raster layer, or null when the raster is in the map's CRS. */
    public org.opengis.referencing.operation.@Nullable MathTransform mapToRaster() {
        return mapToRaster;
    }

    /** The file the layer was read from (rasters: their file), for saving the map as a document; may be null. */
    public java.nio.file.@Nullable Path source() {
        return source != null ? source : raster != null ? raster.file() : null;
    }

    public void setSource(java.nio.file.@Nullable Path file) {
        source = file;
    }

    private volatile @Nullable String variable;

    /**
     * A label of a vector layer: text at a point inside its feature (map CRS); {@code size} is the feature's
     * width in map units (small features are labelled only when zoomed in far enough to see them).
     */
    public record Label(double x, double y, String text, double size) {
    }

    private volatile java.util.List<Label> labels = java.util.List.of();
    private volatile java.util.List<org.pacarbon.gis.core.vector.Feature> features = java.util.List.of();

    /** The features of a vector layer with their attributes (geometries in the map CRS), for identify. */
    public void setFeatures(java.util.List<org.pacarbon.gis.core.vector.Feature> f) {
        features = java.util.List.copyOf(f);
    }

    /** The features of a vector layer (geometries in the map CRS); empty for rasters. */
    public java.util.List<org.pacarbon.gis.core.vector.Feature> features() {
        return features;
    }
    private volatile boolean labelsVisible = true;

    /** Labels drawn on the map (features' names); empty for none. */
    public java.util.List<Label> labels() {
        return labels;
    }

    public void setLabels(java.util.List<Label> l) {
        labels = java.util.List.copyOf(l);
    }

    public boolean labelsVisible() {
        return labelsVisible;
    }

    public void setLabelsVisible(boolean v) {
        labelsVisible = v;
    }

    /** The NetCDF variable of a raster layer, or null. */
    public @Nullable String variable() {
        return variable;
    }

    public void setVariable(@Nullable String v) {
        variable = v;
    }

    /** Changes a raster layer's style (the map redraws when told, see MapView.changed). */
    public void setStyle(RasterStyle s) {
        if (raster == null) {
            throw new IllegalStateException("layer " + name + " is not a raster layer");
        }
        style = java.util.Objects.requireNonNull(s);
    }

    public @Nullable RasterStyle style() {
        return style;
    }

    public @Nullable Geometry geometry() {
        return geometry;
    }

    /** @return outline colour of a vector layer, or {@code null} */
    public float width() {
        return width;
    }

    /** @return outline colour of a vector layer (dark grey for other layers) */
    public Color stroke() {
        return vectorStroke();
    }

    /** @return fill colour of a vector layer, or {@code null} */
    public @Nullable Color fill() {
        return fill;
    }

    /** @return opacity from 0 (transparent) to 1 (opaque) */
    public float opacity() {
        return opacity;
    }

    public void setOpacity(float opacity) {
        this.opacity = Math.max(0f, Math.min(1f, opacity));
    }

    public boolean isVisible() {
        return visible;
    }

    public void setVisible(boolean visible) {
        this.visible = visible;
    }

    /** @return the layer's extent in map units; a null (empty) envelope for tiles, which cover the world */
    public Envelope extent() {
        Envelope reprojected = mapExtent;
        if (tiles != null) {
            return new Envelope();
        }
        if (reprojected != null) {
            return new Envelope(reprojected);
        }
        if (raster != null) {
            GridSpec g = raster.grid();
            return new Envelope(g.minX(), g.maxX(), g.minY(), g.maxY());
        }
        return vectorGeometry().getEnvelopeInternal();
    }

    /**
     * What the layer holds at a map point: the raster value with its unit ("nodata" where there is none),
     * or whether the point is inside the polygons; {@code null} outside the layer.
     */
    public @Nullable String identify(double x, double y) throws org.pacarbon.gis.core.GisException {
        RasterSource raster = this.raster;
        RasterStyle style = this.style;
        org.opengis.referencing.operation.MathTransform mapToRaster = this.mapToRaster;
        if (tiles != null) {
            return null;
        }
        if (raster != null && style != null) {
            GridSpec g = raster.grid();
            if (mapToRaster != null) {
                double[] p = {x, y};
                try {
                    mapToRaster.transform(p, 0, p, 0, 1);
                } catch (org.opengis.referencing.operation.TransformException e) {
                    return null;
                }
                x = p[0];
                y = p[1];
            }
            int c = (int) Math.floor(g.u(x)), r = (int) Math.floor(g.v(y));
            if (c < 0 || r < 0 || c >= g.width() || r >= g.height()) {
                return null;
            }
            float[] row = new float[g.width()];
            raster.readRows(r, 1, row);
            float v = row[c];
            return Float.isNaN(v) ? "nodata" : org.pacarbon.gis.core.text.Numbers.format(v, style.unit());
        }
        Geometry geometry = vectorGeometry();
        org.locationtech.jts.geom.Point p = geometry.getFactory().createPoint(new org.locationtech.jts.geom.Coordinate(x, y));
        if (features.isEmpty() ? !covers(geometry, p) : features.stream().noneMatch(f -> f.geometry() != null && covers(f.geometry(), p))) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (org.pacarbon.gis.core.vector.Feature f : features) { // every feature there (PAs overlap): its attributes
            if (f.geometry() != null && covers(f.geometry(), p)) {
                sb.append(sb.length() > 0 ? "; " : "");
                f.attributes().forEach((k, v) -> {
                    if (v != null && !(v instanceof org.locationtech.jts.geom.Geometry)) {
                        sb.append(sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ' ? ", " : "").append(k).append('=')
                                .append(v instanceof Double || v instanceof Float ? org.pacarbon.gis.core.text.Numbers.format(((Number) v).doubleValue()) : v);
                    }
                });
            }
        }
        return sb.length() > 0 ? sb.toString() : "inside";
    }

    /**
     * Whether a point is in (or on) a geometry: point-in-polygon for areas, which also answers for rings that are not
     * quite valid (a shipped basemap rounded to 0.001 degree, a hand-drawn file) where an overlay would throw.
     */
    private static boolean covers(Geometry g, org.locationtech.jts.geom.Point p) {
        if (g.getDimension() == 2) {
            return org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator.isContained(p.getCoordinate(), g); // boundary included
        }
        try {
            return g.intersects(p);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The layer as the figure composer draws it: a raster's image of the view (the same drawing as on screen) with
     * its opacity and style, or a vector layer's outlines; the name is its legend entry.
     */
    public Figure.Layer figureLayer(MapRenderer.View view) throws org.pacarbon.gis.core.GisException {
        XyzTiles tiles = this.tiles;
        RasterSource raster = this.raster;
        RasterStyle style = this.style;
        Color fill = this.fill;
        if (tiles != null) {
            return new Figure.ImageLayer(tiles.render(view, tilesCrs()), opacity, name);
        }
        if (raster != null && style != null) {
            return new Figure.RasterLayer(image(raster, style, view), opacity, style, name);
        }
        Color stroke = vectorStroke();
        return new Figure.Overlay(vectorGeometry(), opacity >= 1f ? stroke : withAlpha(stroke, opacity), width,
                fill == null ? null : withAlpha(fill, opacity), name);
    }

    private java.awt.image.BufferedImage image(RasterSource raster, RasterStyle style, MapRenderer.View view)
            throws org.pacarbon.gis.core.GisException {
        org.opengis.referencing.operation.MathTransform m = mapToRaster;
        return m == null ? MapRenderer.raster(raster, style, view) : MapRenderer.reprojected(raster, style, view, m);
    }

    /** The CRS tiles are drawn into: the map's, or Web Mercator before the layer was put on a map. */
    private org.opengis.referencing.crs.CoordinateReferenceSystem tilesCrs() throws org.pacarbon.gis.core.GisException {
        org.opengis.referencing.crs.CoordinateReferenceSystem c = tilesCrs;
        return c != null ? c : XyzTiles.webMercator();
    }

    private Geometry vectorGeometry() {
        Geometry g = geometry;
        if (g == null) {
            throw new IllegalStateException("layer " + name + " is not a vector layer");
        }
        return g;
    }

    private Color vectorStroke() {
        Color c = stroke;
        return c != null ? c : Color.DARK_GRAY;
    }

    private static Color withAlpha(Color c, float opacity) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.round(c.getAlpha() * opacity));
    }

    /**
     * Whether drawing this layer for the view would first compute a big raster's overviews (seen for the first time at a
     * small scale): the map then draws {@link #paintPreview} first.
     */
    public boolean previewFirst(MapRenderer.View view) {
        RasterSource raster = this.raster;
        return visible && opacity > 0f && raster != null && style != null && mapToRaster == null && MapRenderer.needsOverviews(raster, view);
    }

    /** As {@link #paint}, but a raster whose overviews are not made yet is drawn as a quick coarse preview. */
    public void paintPreview(java.awt.Graphics2D g, MapRenderer.View view) throws org.pacarbon.gis.core.GisException {
        RasterSource raster = this.raster;
        RasterStyle style = this.style;
        if (!previewFirst(view) || raster == null || style == null) {
            paint(g, view);
            return;
        }
        java.awt.Composite before = g.getComposite();
        g.setComposite(java.awt.AlphaComposite.getInstance(java.awt.AlphaComposite.SRC_OVER, opacity));
        try {
            g.drawImage(MapRenderer.rasterPreview(raster, style, view), 0, 0, null);
        } finally {
            g.setComposite(before);
        }
    }

    /** Draws the layer onto a map image of the view's size. */
    public void paint(java.awt.Graphics2D g, MapRenderer.View view) throws org.pacarbon.gis.core.GisException {
        if (!visible || opacity == 0f) {
            return;
        }
        java.awt.Composite before = g.getComposite();
        g.setComposite(java.awt.AlphaComposite.getInstance(java.awt.AlphaComposite.SRC_OVER, opacity));
        try {
            XyzTiles tiles = this.tiles;
            RasterSource raster = this.raster;
            RasterStyle style = this.style;
            if (tiles != null) {
                g.drawImage(tiles.render(view, tilesCrs()), 0, 0, null);
            } else if (raster != null && style != null) {
                g.drawImage(image(raster, style, view), 0, 0, null);
            } else {
                MapRenderer.outlines(g, vectorGeometry(), view, vectorStroke(), width, fill);
                if (labelsVisible && !labels.isEmpty()) {
                    MapRenderer.labels(g, labels, view, vectorStroke());
                }
            }
        } finally {
            g.setComposite(before);
        }
    }
}
