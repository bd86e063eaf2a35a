package org.pacarbon.map.core;

import org.eclipse.jdt.annotation.Nullable;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.raster.RasterFiles;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.FeatureSet;
import org.pacarbon.gis.core.vector.Geometries;
import org.pacarbon.gis.core.vector.VectorIO;

/**
 * The layers of a map and their CRS, with no UI: reading files into layers in the map's CRS (the first layer sets it;
 * the others are reprojected), the order, identify, and the map as a document (.pamap) or a figure. Safe to change
 * from a background job while a drawing reads it (the list is copy-on-write); listeners hear of every change on the
 * thread that made it.
 */
public final class MapModel {
    /** Colours of categories (PA classes and the like): distinct, readable on the carbon ramps. */
    public static final Color[] CATEGORY_COLOURS = {new Color(0xb7, 0x1c, 0x1c), new Color(0x1b, 0x5e, 0x20), new Color(0x0d, 0x47, 0xa1),
        new Color(0xe6, 0x51, 0x00), new Color(0x6a, 0x1b, 0x9a), new Color(0x00, 0x69, 0x5c), new Color(0x4e, 0x34, 0x2e),
        new Color(0xad, 0x14, 0x57), new Color(0x33, 0x69, 0x1e), new Color(0x28, 0x35, 0x93), new Color(0xf9, 0xa8, 0x25),
        new Color(0x37, 0x47, 0x4f)};

    private final List<MapLayer> layers = new CopyOnWriteArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile @Nullable CoordinateReferenceSystem crs;
    private volatile long changes;

    /** An empty map; its first layer sets the CRS. */
    public MapModel() {
    }

    /**
     * An empty map in {@code crs} (null: its first layer's): layers read in the background into such a model, in the
     * CRS of the map they are for, then join it with {@link #addAll}.
     */
    public MapModel(@Nullable CoordinateReferenceSystem crs) {
        this.crs = crs;
    }

    /** @return the layers, bottom first (a live, thread-safe list: change it through this model) */
    public List<MapLayer> layers() {
        return layers;
    }

    /** The map's CRS: that of its first layer (null while empty). */
    public @Nullable CoordinateReferenceSystem crs() {
        return crs;
    }

    /** Registers a listener told after every change of the layers (on the thread of the change). */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** Tells the listeners that the layers changed (visibility, order, style: changes made to a layer directly). */
    public void changed() {
        changes++;
        listeners.forEach(Runnable::run);
    }

    /** How many changes this map has seen: a background job that started at another count knows it was overtaken. */
    public long changes() {
        return changes;
    }

    /**
     * Moves the layers of {@code other} (read in this map's CRS, see {@link #MapModel(CoordinateReferenceSystem)}) to
     * the top of this one; {@code other} is left empty.
     */
    public void addAll(MapModel other) {
        if (other.layers.isEmpty()) {
            return;
        }
        if (crs == null) {
            crs = other.crs;
        }
        for (MapLayer l : other.layers) {
            place(l);
        }
        other.layers.clear();
        changed();
    }

    /** Puts a layer on top, tiles at the very bottom, another underlay (basemap) above the underlays at the bottom. */
    private void place(MapLayer l) {
        if (!l.underlay()) {
            layers.add(l);
            return;
        }
        if (l.tiles() != null) { // tiles are opaque: under everything
            layers.add(0, l);
            return;
        }
        int i = 0;
        while (i < layers.size() && layers.get(i).underlay()) {
            i++;
        }
        layers.add(i, l);
    }

    /** Replaces this map's layers (their files are closed) with those of {@code other}, which is left empty. */
    public void replaceWith(MapModel other) {
        List<MapLayer> old = List.copyOf(layers);
        layers.clear();
        crs = other.crs;
        layers.addAll(other.layers);
        other.layers.clear();
        old.forEach(MapModel::closeQuietly);
        changed();
    }

    /** Removes every layer (their files are closed); the next layer sets the map's CRS. */
    public void clear() {
        List<MapLayer> old = List.copyOf(layers);
        layers.clear();
        crs = null;
        old.forEach(MapModel::closeQuietly);
        changed();
    }

    /** Adds a raster layer: one variable of a NetCDF file (null: a file with one variable, or a GeoTIFF), ramp min to max. */
    public MapLayer addRaster(Path file, @Nullable String variable, String name, String ramp, double min, double max, @Nullable String unit) throws GisException {
        RasterSource src = RasterFiles.open(file, variable);
        String fileUnit = src.unit();
        String u = unit == null || unit.isEmpty() ? (fileUnit == null ? "" : fileUnit) : unit; // else the file's unit
        MapLayer layer = MapLayer.raster(name, src, new RasterStyle(ColorRamp.preset(ramp), min, max, false, null, u));
        layer.setVariable(variable);
        CoordinateReferenceSystem map = crs;
        if (map != null) {
            try {
                layer.reprojectTo(map); // a raster in another CRS is drawn reprojected to the map's
            } catch (GisException e) {
                closeQuietly(layer);
                throw new GisException(file, "cannot be shown on this map: no transformation from its CRS " + CrsSupport.label(src.crs())
                        + " to the map's " + CrsSupport.label(map), "a raster in a CRS that can be transformed", e);
            }
        }
        add(layer, src.crs());
        return layer;
    }

    /** Adds the polygons of a vector file as an outline layer. */
    public MapLayer addVector(Path file, String name, Color stroke, float width, @Nullable Color fill) throws GisException {
        return addVector(VectorIO.read(file, null, null), file, name, stroke, width, fill);
    }

    /** As {@link #addVector(Path, String, Color, float, Color)}, for features already read from {@code file}. */
    public MapLayer addVector(FeatureSet set, @Nullable Path file, String name, Color stroke, float width, @Nullable Color fill) throws GisException {
        CoordinateReferenceSystem map = crs == null ? set.crs() : crs;
        Geometry g = FeatureLayers.toMap(Geometries.union(set.features().stream().map(Feature::geometry).toList()), set.crs(), map);
        MapLayer layer = MapLayer.vector(name, g, stroke, width, fill);
        layer.setSource(file);
        layer.setLabels(FeatureLayers.labels(set, map));
        layer.setFeatures(FeatureLayers.inMapCrs(set, map));
        add(layer, set.crs());
        return layer;
    }

    /**
     * Adds the polygons of a vector file as one outline layer per value of a field (categorized: PA class -> colour),
     * in the order of the values; returns the layers.
     */
    public List<MapLayer> addVectorByField(FeatureSet set, Path file, String name, String field) throws GisException {
        if (!set.fields().contains(field)) {
            throw new GisException(file, "has no field '" + field + "'", "a field of " + set.fields());
        }
        TreeMap<String, List<Feature>> byValue = new TreeMap<>();
        for (Feature f : set.features()) {
            byValue.computeIfAbsent(f.text(field).orElse("(none)"), k -> new ArrayList<>()).add(f);
        }
        if (byValue.size() > CATEGORY_COLOURS.length) {
            throw new GisException(file, "field '" + field + "' has " + byValue.size() + " values, too many to colour apart",
                    "a field with at most " + CATEGORY_COLOURS.length + " values");
        }
        CoordinateReferenceSystem map = crs == null ? set.crs() : crs;
        List<MapLayer> out = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<Feature>> e : byValue.entrySet()) {
            Geometry g = FeatureLayers.toMap(Geometries.union(e.getValue().stream().map(Feature::geometry).toList()), set.crs(), map);
            Color c = CATEGORY_COLOURS[i++];
            MapLayer layer = MapLayer.vector(name + ": " + e.getKey(), g, c, 1.2f, new Color(c.getRed(), c.getGreen(), c.getBlue(), 60));
            layer.setSource(file);
            FeatureSet ofClass = new FeatureSet(set.source(), set.crs(), set.fields(), e.getValue());
            layer.setLabels(FeatureLayers.labels(ofClass, map));
            layer.setFeatures(FeatureLayers.inMapCrs(ofClass, map));
            out.add(layer);
        }
        if (crs == null) {
            crs = set.crs();
        }
        layers.addAll(out);
        changed();
        return out;
    }

    /**
     * Adds a layer made in {@code layerCrs} (the map's CRS when it has one; the first layer sets it): on top, or with
     * the underlays at the bottom. For layer sources that make their own layers.
     */
    public void add(MapLayer layer, @Nullable CoordinateReferenceSystem layerCrs) throws GisException {
        if (crs == null) {
            crs = layerCrs;
        }
        if (layer.tiles() != null) {
            layer.reprojectTo(crs);
        }
        place(layer);
        changed();
    }

    /**
     * Shows the map in another CRS: rasters are drawn reprojected to it, polygons, their features and labels are
     * transformed. The map is unchanged when a layer cannot be transformed (the message names it).
     */
    public void setCrs(CoordinateReferenceSystem target) throws GisException {
        CoordinateReferenceSystem from = crs;
        List<MapLayer> moved = from == null || CrsSupport.same(from, target) ? List.copyOf(layers) : MapReprojection.moved(layers, from, target);
        layers.clear();
        layers.addAll(moved);
        crs = target;
        changed();
    }

    /** Moves a layer up (towards the top, drawn later) or down by {@code delta} places. */
    public void move(MapLayer layer, int delta) {
        int i = layers.indexOf(layer);
        int j = Math.max(0, Math.min(layers.size() - 1, i + delta));
        if (i >= 0 && i != j) {
            layers.remove(i);
            layers.add(j, layer);
            changed();
        }
    }

    /** Removes a layer (its file is closed). */
    public void remove(MapLayer layer) {
        if (layers.remove(layer)) {
            closeQuietly(layer);
            changed();
        }
    }

    private static void closeQuietly(MapLayer l) {
        RasterSource r = l.raster();
        if (r != null) {
            try {
                r.close();
            } catch (IOException e) {
                // read-only file
            }
        }
    }

    /** The union of all layers' extents (null while empty or when only tiles are shown, which cover the world). */
    public @Nullable Envelope fullExtent() {
        Envelope all = new Envelope();
        layers.forEach(l -> all.expandToInclude(l.extent()));
        return all.isNull() ? null : all;
    }

    /**
     * Where a map starts: the extent of its first layer of data (the data the map was made for; not a basemap), else
     * of the first layer that has one, else the world between 85 degrees south and north in the map's CRS (a map of
     * tiles only); null while empty.
     */
    public @Nullable Envelope startExtent() {
        for (boolean data : new boolean[] {true, false}) {
            for (MapLayer l : layers) {
                if (!l.extent().isNull() && (!data || !l.underlay() && l.service() == null)) {
                    return l.extent();
                }
            }
        }
        if (layers.isEmpty()) {
            return null;
        }
        try {
            Geometry world = new GeometryFactory().toGeometry(new Envelope(-179.9, 179.9, -85, 85));
            return Geometries.transform(world, CrsSupport.lonLat(), crs == null ? CrsSupport.lonLat() : crs).getEnvelopeInternal();
        } catch (GisException | RuntimeException e) {
            return new Envelope(-XyzTiles.HALF, XyzTiles.HALF, -XyzTiles.HALF, XyzTiles.HALF);
        }
    }

    /** The identify tool: every visible layer's value at a map point, top layer first, as "name: value". */
    public List<String> identify(double x, double y) {
        List<String> out = new ArrayList<>();
        for (int i = layers.size() - 1; i >= 0; i--) {
            MapLayer l = layers.get(i);
            if (!l.isVisible()) {
                continue;
            }
            try {
                String v = l.identify(x, y);
                if (v != null) {
                    out.add(l.name() + ": " + v);
                }
            } catch (GisException ex) {
                out.add(l.name() + ": cannot be read (" + ex.problem() + ")");
            }
        }
        return out;
    }

    /** The features of the top visible vector layer that contain a map point, as one geometry (null: none). */
    public @Nullable Geometry featuresAt(double x, double y) {
        org.locationtech.jts.geom.Point p = new GeometryFactory().createPoint(new Coordinate(x, y));
        for (int i = layers.size() - 1; i >= 0; i--) {
            MapLayer l = layers.get(i);
            if (l.raster() != null || !l.isVisible()) {
                continue;
            }
            List<Geometry> hit = l.features().stream().map(Feature::geometry).filter(fg -> fg.intersects(p)).toList();
            if (!hit.isEmpty()) {
                return p.getFactory().buildGeometry(hit);
            }
        }
        return null;
    }

    /**
     * The map as a paper-style figure: the visible layers in the order of the layer list at {@code extent} (drawn by
     * the same renderer as the screen), with title, a legend entry per visible layer, scale bar, north arrow and
     * credits; {@code maxWidth x maxHeight} points for the map.
     */
    public Figure figure(String title, String credits, @Nullable Envelope extent, int maxWidth, int maxHeight) throws GisException {
        CoordinateReferenceSystem crs = this.crs;
        if (extent == null || layers.isEmpty() || crs == null) {
            throw new GisException(null, "the map has no layers", "a map with layers");
        }
        MapRenderer.View v = CrsSupport.isGeographic(crs) ? MapRenderer.View.fitGeographic(extent, maxWidth, maxHeight)
                : MapRenderer.View.fit(extent, maxWidth, maxHeight);
        List<Figure.Layer> parts = new ArrayList<>();
        for (MapLayer l : layers) {
            if (l.isVisible() && l.opacity() > 0f) {
                parts.add(l.figureLayer(v));
            }
        }
        return new Figure(title, parts, v, crs, credits);
    }

    /**
     * Saves the map as a document (.pamap: layers with their files relative to the document, styles, {@code extent},
     * CRS), which {@link #open} and {@code ./pacarbon figure} read. Written to a temporary file, then renamed.
     */
    public void save(Path file, @Nullable Envelope extent) throws GisException {
        MapDocuments.save(this, file, extent);
    }

    /**
     * Replaces the layers with those of a map document (paths relative to its folder); returns the document's extent.
     * The map is left as it was when a layer's file is missing.
     */
    public @Nullable Envelope open(Path pamap) throws GisException {
        return MapDocuments.open(this, pamap);
    }
}
