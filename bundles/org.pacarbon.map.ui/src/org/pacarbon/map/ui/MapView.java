package org.pacarbon.map.ui;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.statushandlers.StatusManager;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.raster.RasterFiles;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.Geometries;
import org.pacarbon.gis.core.vector.VectorIO;
import org.pacarbon.map.core.ColorRamp;
import org.pacarbon.map.core.MapLayer;
import org.pacarbon.map.core.MapRenderer;
import org.pacarbon.map.core.RasterStyle;

/**
 * The map: draws the layers with the headless renderer in a background Job (never on the UI thread),
 * mouse-wheel zoom about the pointer, drag to pan, coordinates in the status line. On start it shows the
 * demo data set when the workbench was started with {@code -Dpacarbon.demo=DIR} (as {@code ./pacarbon} does).
 */
public final class MapView extends ViewPart {
    public static final String ID = "org.pacarbon.views.map";
    /** Data key the UI robot finds widgets by. */
    public static final String WIDGET_ID_KEY = "org.pacarbon.widgetId";

    private final List<MapLayer> layers = new CopyOnWriteArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private Canvas canvas;
    private Image image;
    private volatile BufferedImage lastRendered;
    private Envelope extent;
    private Point dragFrom;
    private Point dragOffset = new Point(0, 0);
    private Job job;
    private volatile long generation;
    private String message = Messages.NoLayers;

    @Override
    public void createPartControl(Composite parent) {
        parent.setData(WIDGET_ID_KEY, ID);
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.setData(WIDGET_ID_KEY, ID + ".canvas");
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.Resize, e -> render());
        canvas.addListener(SWT.MouseVerticalWheel, e -> zoom(e.x, e.y, e.count > 0 ? 0.8 : 1.25));
        canvas.addListener(SWT.KeyDown, e -> {
            if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'c' || e.keyCode == 'C')) {
                copyToClipboard();
            }
        });
        // files dropped on the map (from the catalog or the desktop) are added to it
        org.eclipse.swt.dnd.DropTarget drop = new org.eclipse.swt.dnd.DropTarget(canvas,
                org.eclipse.swt.dnd.DND.DROP_COPY | org.eclipse.swt.dnd.DND.DROP_DEFAULT);
        drop.setTransfer(org.eclipse.swt.dnd.FileTransfer.getInstance());
        drop.addDropListener(new org.eclipse.swt.dnd.DropTargetAdapter() {
            @Override
            public void dragEnter(org.eclipse.swt.dnd.DropTargetEvent event) {
                event.detail = org.eclipse.swt.dnd.DND.DROP_COPY;
            }

            @Override
            public void drop(org.eclipse.swt.dnd.DropTargetEvent event) {
                if (event.data instanceof String[] files) {
                    dropFiles(files);
                }
            }
        });
        org.eclipse.jface.action.IToolBarManager tb = getViewSite().getActionBars().getToolBarManager();
        tb.add(new org.eclipse.jface.action.Action(Messages.FullExtent) {
            @Override
            public void run() {
                zoomToFullExtent();
            }
        });
        tb.add(new org.eclipse.jface.action.Action(Messages.Copy) {
            {
                setToolTipText(Messages.CopyTip);
            }

            @Override
            public void run() {
                copyToClipboard();
            }
        });
        tb.add(new org.eclipse.jface.action.Action(Messages.OpenMap) {
            @Override
            public void run() {
                org.eclipse.swt.widgets.FileDialog d = new org.eclipse.swt.widgets.FileDialog(canvas.getShell(), SWT.OPEN);
                d.setFilterExtensions(new String[] {"*.pamap"});
                String f = d.open();
                if (f != null) {
                    try {
                        openDocument(Path.of(f), null);
                    } catch (GisException e) {
                        org.eclipse.jface.dialogs.MessageDialog.openError(canvas.getShell(), "Open map", e.getMessage());
                    }
                }
            }
        });
        tb.add(new org.eclipse.jface.action.Action(Messages.SaveMap) {
            @Override
            public void run() {
                org.eclipse.swt.widgets.FileDialog d = new org.eclipse.swt.widgets.FileDialog(canvas.getShell(), SWT.SAVE);
                d.setFilterExtensions(new String[] {"*.pamap"});
                d.setOverwrite(true);
                String f = d.open();
                if (f != null) {
                    try {
                        saveDocument(Path.of(f.endsWith(".pamap") ? f : f + ".pamap"));
                    } catch (GisException e) {
                        org.eclipse.jface.dialogs.MessageDialog.openError(canvas.getShell(), "Save map", e.getMessage());
                    }
                }
            }
        });
        tb.add(new org.eclipse.jface.action.Action(Messages.Export) {
            {
                setToolTipText(Messages.ExportTip);
            }

            @Override
            public void run() {
                exportFigure();
            }
        });
        canvas.addListener(SWT.MouseDown, e -> dragFrom = new Point(e.x, e.y));
        canvas.addListener(SWT.MouseMove, e -> {
            if (dragFrom != null) {
                dragOffset = new Point(e.x - dragFrom.x, e.y - dragFrom.y);
                canvas.redraw();
            }
            showCoordinates(e.x, e.y);
        });
        canvas.addListener(SWT.MouseUp, e -> {
            if (dragFrom != null && extent != null && dragOffset.x == 0 && dragOffset.y == 0) {
                MapRenderer.View v = view();
                List<String> found = identify(v.mapX(e.x), v.mapY(e.y));
                canvas.setToolTipText(found.isEmpty() ? null : String.join("\n", found));
                tipAt = found.isEmpty() ? null : new Point(e.x, e.y);
                setHighlight(featuresAt(v.mapX(e.x), v.mapY(e.y))); // the identified feature
                getViewSite().getActionBars().getStatusLineManager().setMessage(String.join("; ", found));
            }
            if (dragFrom != null && extent != null && (dragOffset.x != 0 || dragOffset.y != 0)) {
                MapRenderer.View v = view();
                double dx = dragOffset.x * extent.getWidth() / v.width(), dy = dragOffset.y * extent.getHeight() / v.height();
                extent = new Envelope(extent.getMinX() - dx, extent.getMaxX() - dx, extent.getMinY() + dy, extent.getMaxY() + dy);
                render();
            }
            dragFrom = null;
        });
        if (getSite().getPage().findView(LayersView.ID) instanceof LayersView lv) {
            lv.connect(this);
        }
        if (getSite().getPage().findView(LegendView.ID) instanceof LegendView lg) {
            lg.connect(this);
        }
        // the map of the last session, else the demo data
        Path last = lastMapFile();
        boolean reopened = false;
        if (last != null && Files.isRegularFile(last)) {
            try {
                openDocument(last, null);
                reopened = !layers.isEmpty();
            } catch (GisException | RuntimeException e) {
                clear(); // its files are gone or it is damaged: start as new
            }
        }
        String demo = System.getProperty("pacarbon.demo");
        if (!reopened && demo != null && Files.isRegularFile(Path.of(demo, "biomass_2010.tif"))) {
            loadDemo(Path.of(demo));
        }
        // a tooltip left by an identify click goes away when the mouse moves on or leaves the map
        canvas.addListener(SWT.MouseMove, e -> {
            if (tipAt != null && Math.abs(e.x - tipAt.x) + Math.abs(e.y - tipAt.y) > 6) {
                canvas.setToolTipText(null);
                tipAt = null;
            }
        });
        canvas.addListener(SWT.MouseExit, e -> {
            canvas.setToolTipText(null);
            tipAt = null;
        });
    }

    private Point tipAt;

    /** The colour of highlighted features (cyan: apart from every ramp and the PA reds). */
    static final Color HIGHLIGHT = new Color(0x00, 0xd0, 0xff);
    private volatile Geometry highlight;

    /** Highlights features on the map (a geometry in the map CRS; null: none), drawn above every layer. */
    public void setHighlight(Geometry g) {
        if (g != highlight) {
            highlight = g;
            render();
        }
    }

    /** The highlighted geometry, or null. */
    public Geometry highlight() {
        return highlight;
    }

    /** The features of the top visible vector layer that contain a map point, as one geometry (null: none). */
    Geometry featuresAt(double x, double y) {
        org.locationtech.jts.geom.Point p = new org.locationtech.jts.geom.GeometryFactory().createPoint(new org.locationtech.jts.geom.Coordinate(x, y));
        for (int i = layers.size() - 1; i >= 0; i--) {
            MapLayer l = layers.get(i);
            if (l.raster() != null || !l.isVisible()) {
                continue;
            }
            List<Geometry> hit = l.features().stream().map(Feature::geometry).filter(fg -> fg != null && fg.intersects(p)).toList();
            if (!hit.isEmpty()) {
                return p.getFactory().buildGeometry(hit);
            }
        }
        return null;
    }

    /** Where the map is kept between sessions: the workspace's {@code .pacarbon/last.pamap} (null without a workspace). */
    static Path lastMapFile() {
        try {
            if (org.eclipse.core.runtime.Platform.getInstanceLocation() != null && org.eclipse.core.runtime.Platform.getInstanceLocation().isSet()) {
                return Path.of(org.eclipse.core.runtime.Platform.getInstanceLocation().getURL().toURI()).resolve(".pacarbon").resolve("last.pamap");
            }
        } catch (Exception e) {
            // no workspace: nothing kept
        }
        return null;
    }

    /** Keeps the map for the next session (quietly: a map whose layers cannot be recorded is simply not kept). */
    private void keepForNextSession() {
        Path last = lastMapFile();
        if (last == null) {
            return;
        }
        try {
            if (layers.isEmpty()) {
                Files.deleteIfExists(last);
                return;
            }
            Files.createDirectories(last.getParent());
            saveDocument(last);
        } catch (GisException | java.io.IOException | RuntimeException e) {
            // not kept
        }
    }

    private void loadDemo(Path dir) {
        try {
            addRaster(dir.resolve("biomass_2010.tif"), Messages.Demo_biomass, "carbon", 0, 8, "kgC/m2");
            addVector(dir.resolve("china.geojson"), Messages.Demo_china, new Color(0x33, 0x33, 0x33), 1f, null);
            addVector(dir.resolve("pas.gpkg"), Messages.Demo_pas, new Color(0xb7, 0x1c, 0x1c), 1f, new Color(0xb7, 0x1c, 0x1c, 40));
        } catch (GisException e) {
            StatusManager.getManager().handle(new Status(IStatus.ERROR, "org.pacarbon.map.ui", "Cannot open the demo data: " + e.getMessage(), e),
                    StatusManager.SHOW | StatusManager.LOG);
        }
    }

    /** The map's CRS: that of its first layer (null while empty). */
    private org.opengis.referencing.crs.CoordinateReferenceSystem mapCrs;

    /** Removes every layer; the next layer sets the map's CRS and extent. */
    public void clear() {
        highlight = null;
        layers.forEach(MapView::closeQuietly);
        layers.clear();
        mapCrs = null;
        extent = null;
        lastRendered = null;
        changed();
    }

    /** Adds a raster layer with a ramp from min to max. */
    public MapLayer addRaster(Path file, String name, String ramp, double min, double max, String unit) throws GisException {
        return addRaster(file, null, name, ramp, min, max, unit);
    }

    /** Adds a raster layer: one variable of a NetCDF file (null: a file with one variable, or a GeoTIFF). */
    public MapLayer addRaster(Path file, String variable, String name, String ramp, double min, double max, String unit)
            throws GisException {
        RasterSource src = RasterFiles.open(file, variable);
        String u = unit == null || unit.isEmpty() ? (src.unit() == null ? "" : src.unit()) : unit; // else the file's unit
        MapLayer layer = MapLayer.raster(name, src, new RasterStyle(ColorRamp.preset(ramp), min, max, false, null, u));
        layer.setVariable(variable);
        if (mapCrs == null) {
            mapCrs = src.crs();
        } else {
            try {
                layer.reprojectTo(mapCrs); // a raster in another CRS is drawn reprojected to the map's
            } catch (GisException e) {
                try {
                    src.close();
                } catch (java.io.IOException ignored) {
                    // read-only file
                }
                throw new GisException(file, "cannot be shown on this map: no transformation from its CRS "
                        + org.pacarbon.gis.core.crs.CrsSupport.label(src.crs()) + " to the map's "
                        + org.pacarbon.gis.core.crs.CrsSupport.label(mapCrs), "a raster in a CRS that can be transformed", e);
            }
        }
        add(layer);
        return layer;
    }

    /** Adds the polygons of a vector file as an outline layer. */
    public MapLayer addVector(Path file, String name, Color stroke, float width, Color fill) throws GisException {
        return addVector(VectorIO.read(file, null, null), file, name, stroke, width, fill);
    }

    /** As {@link #addVector(Path, String, Color, float, Color)}, for features already read from {@code file}. */
    public MapLayer addVector(org.pacarbon.gis.core.vector.FeatureSet set, Path file, String name, Color stroke, float width,
            Color fill) throws GisException {
        Geometry g = Geometries.union(set.features().stream().map(Feature::geometry).toList());
        if (mapCrs == null) {
            mapCrs = set.crs();
        } else {
            g = Geometries.transform(g, set.crs(), mapCrs); // polygons follow the map's CRS
        }
        MapLayer layer = MapLayer.vector(name, g, stroke, width, fill);
        layer.setSource(file);
        layer.setLabels(labels(set));
        layer.setFeatures(inMapCrs(set));
        add(layer);
        return layer;
    }

    /**
     * Labels of features from their name field (name, NAME, pa_name, ...), at a point inside each, biggest
     * features first (they win where labels would overlap); none when there is no such field.
     */
    private List<MapLayer.Label> labels(org.pacarbon.gis.core.vector.FeatureSet set) throws GisException {
        String field = set.fields().stream().filter(f -> List.of("name", "pa_name", "name_en", "nom", "label")
                .contains(f.toLowerCase(Locale.ROOT))).findFirst().orElse(null);
        if (field == null || set.features().size() > 5000) {
            return List.of();
        }
        List<Feature> fs = new java.util.ArrayList<>(set.features());
        fs.sort((a, b) -> Double.compare(b.geometry().getArea(), a.geometry().getArea()));
        List<MapLayer.Label> out = new java.util.ArrayList<>();
        for (Feature f : fs) {
            String text = f.text(field).orElse("").replace(" (illustrative)", "");
            if (text.isBlank() || f.geometry().isEmpty()) {
                continue;
            }
            org.locationtech.jts.geom.Point p = f.geometry().getInteriorPoint();
            boolean same = mapCrs == null || org.pacarbon.gis.core.crs.CrsSupport.same(mapCrs, set.crs());
            Geometry at = same ? p : Geometries.transform(p, set.crs(), mapCrs);
            Geometry box = same ? f.geometry().getEnvelope() : Geometries.transform(f.geometry().getEnvelope(), set.crs(), mapCrs);
            out.add(new MapLayer.Label(at.getCoordinate().x, at.getCoordinate().y, text, box.getEnvelopeInternal().getWidth()));
        }
        return out;
    }

    /** The features with geometries in the map's CRS (for identify), or none for very big files. */
    private List<Feature> inMapCrs(org.pacarbon.gis.core.vector.FeatureSet set) throws GisException {
        if (set.features().size() > 20000) {
            return List.of();
        }
        boolean same = mapCrs == null || org.pacarbon.gis.core.crs.CrsSupport.same(mapCrs, set.crs());
        List<Feature> out = new java.util.ArrayList<>();
        for (Feature f : set.features()) {
            out.add(same ? f : new Feature(f.id(), Geometries.transform(f.geometry(), set.crs(), mapCrs), f.attributes()));
        }
        return out;
    }

    /** Colours of categories (PA classes and the like): distinct, readable on the carbon ramps. */
    static final Color[] CATEGORY_COLOURS = {new Color(0xb7, 0x1c, 0x1c), new Color(0x1b, 0x5e, 0x20), new Color(0x0d, 0x47, 0xa1),
        new Color(0xe6, 0x51, 0x00), new Color(0x6a, 0x1b, 0x9a), new Color(0x00, 0x69, 0x5c), new Color(0x4e, 0x34, 0x2e),
        new Color(0xad, 0x14, 0x57), new Color(0x33, 0x69, 0x1e), new Color(0x28, 0x35, 0x93), new Color(0xf9, 0xa8, 0x25),
        new Color(0x37, 0x47, 0x4f)};

    /**
     * Adds the polygons of a vector file as one outline layer per value of a field (categorized: PA class ->
     * colour), in the order of the values; returns the layers.
     */
    public List<MapLayer> addVectorByField(Path file, String name, String field) throws GisException {
        return addVectorByField(VectorIO.read(file, null, null), file, name, field);
    }

    /** As {@link #addVectorByField(Path, String, String)}, for features already read from {@code file}. */
    public List<MapLayer> addVectorByField(org.pacarbon.gis.core.vector.FeatureSet set, Path file, String name, String field)
            throws GisException {
        if (!set.fields().contains(field)) {
            throw new GisException(file, "has no field '" + field + "'", "a field of " + set.fields());
        }
        java.util.TreeMap<String, List<Geometry>> byValue = new java.util.TreeMap<>();
        for (Feature f : set.features()) {
            byValue.computeIfAbsent(f.text(field).orElse("(none)"), k -> new java.util.ArrayList<>()).add(f.geometry());
        }
        if (byValue.size() > CATEGORY_COLOURS.length) {
            throw new GisException(file, "field '" + field + "' has " + byValue.size() + " values, too many to colour apart",
                    "a field with at most " + CATEGORY_COLOURS.length + " values");
        }
        List<MapLayer> out = new java.util.ArrayList<>();
        int i = 0;
        for (java.util.Map.Entry<String, List<Geometry>> e : byValue.entrySet()) {
            Geometry g = Geometries.union(e.getValue());
            if (mapCrs == null) {
                mapCrs = set.crs();
            } else {
                g = Geometries.transform(g, set.crs(), mapCrs);
            }
            Color c = CATEGORY_COLOURS[i++];
            MapLayer layer = MapLayer.vector(name + ": " + e.getKey(), g, c, 1.2f, new Color(c.getRed(), c.getGreen(), c.getBlue(), 60));
            layer.setSource(file);
            String value = e.getKey();
            org.pacarbon.gis.core.vector.FeatureSet ofClass = new org.pacarbon.gis.core.vector.FeatureSet(set.source(), set.crs(),
                    set.fields(), set.features().stream().filter(f -> f.text(field).orElse("(none)").equals(value)).toList());
            layer.setLabels(labels(ofClass));
            layer.setFeatures(inMapCrs(ofClass));
            out.add(layer);
            layers.add(layer);
            if (extent == null) {
                extent = new Envelope(layer.extent());
            }
        }
        changed();
        return out;
    }

    private void add(MapLayer layer) {
        layers.add(layer);
        if (extent == null) {
            extent = new Envelope(layer.extent());
        }
        changed();
    }

    /** Registers a listener told (on the UI thread) whenever the layers change. */
    public void addLayersListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeLayersListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** Redraws after a change of the layers (visibility, order, style) and tells the listeners. */
    public void changed() {
        render();
        listeners.forEach(Runnable::run);
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

    /** Shows the layer's whole extent. */
    public void zoomTo(MapLayer layer) {
        extent = new Envelope(layer.extent());
        render();
    }

    private static void closeQuietly(MapLayer l) {
        if (l.raster() != null) {
            try {
                l.raster().close();
            } catch (java.io.IOException e) {
                // read-only file
            }
        }
    }

    /** The identify tool: every visible layer's value at a map point, top layer first, as "name: value". */
    public List<String> identify(double x, double y) {
        List<String> out = new java.util.ArrayList<>();
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

    /** @return the layers, bottom first */
    public List<MapLayer> layers() {
        return layers;
    }

    /** @return the image last drawn by the background renderer, or {@code null} */
    public BufferedImage lastRendered() {
        return lastRendered;
    }

    /** The map CRS (its first layer's), or null with no layers. */
    public org.opengis.referencing.crs.CoordinateReferenceSystem crs() {
        return mapCrs;
    }

    /**
     * The map as a paper-style figure: the visible layers in the order of the layer list at the shown extent (drawn
     * by the same renderer as the screen), with title, a legend entry per visible layer, scale bar, north arrow and
     * credits; {@code maxWidth x maxHeight} points for the map.
     */
    public org.pacarbon.map.core.Figure figure(String title, String credits, int maxWidth, int maxHeight) throws GisException {
        if (extent == null || layers.isEmpty()) {
            throw new GisException(null, "the map has no layers", "a map with layers");
        }
        MapRenderer.View v = org.pacarbon.gis.core.crs.CrsSupport.isGeographic(mapCrs)
                ? MapRenderer.View.fitGeographic(extent, maxWidth, maxHeight) : MapRenderer.View.fit(extent, maxWidth, maxHeight);
        List<org.pacarbon.map.core.Figure.Layer> parts = new java.util.ArrayList<>();
        for (MapLayer l : layers) {
            if (l.isVisible() && l.opacity() > 0f) {
                parts.add(l.figureLayer(v));
            }
        }
        return new org.pacarbon.map.core.Figure(title, parts, v, mapCrs, credits);
    }

    /**
     * Saves the map as a document (.pamap: layers with their files relative to the document, styles, extent,
     * CRS), which {@link #openDocument} and {@code ./pacarbon figure} read.
     */
    public void saveDocument(Path file) throws GisException {
        org.pacarbon.map.core.MapDocument d = new org.pacarbon.map.core.MapDocument();
        Path base = file.toAbsolutePath().getParent();
        d.title = file.getFileName().toString().replaceFirst("\\.pamap$", "");
        if (mapCrs != null) { // an EPSG code when there is one, else the CRS itself as WKT (CF files often have none)
            d.crs = org.pacarbon.gis.core.crs.CrsSupport.toText(mapCrs);
            if (d.crs == null) {
                throw new GisException(file, "cannot record the map's CRS " + org.pacarbon.gis.core.crs.CrsSupport.label(mapCrs),
                        "a map in a CRS with an EPSG code or a WKT form");
            }
        }
        d.extent = extent == null ? null : new Envelope(extent);
        for (MapLayer l : layers) {
            Path src = l.source();
            if (src == null) {
                throw new GisException(file, "layer " + l.name() + " has no file to refer to", "layers read from files");
            }
            String rel = base != null && src.isAbsolute() && src.getRoot().equals(base.getRoot())
                    ? base.relativize(src.toAbsolutePath()).toString() : src.toString();
            if (l.raster() != null) {
                RasterStyle st = l.style();
                d.layers.add(new org.pacarbon.map.core.MapDocument.RasterEntry(l.name(), rel, l.variable(), st.ramp().name(), st.min(),
                        st.max(), st.log(), st.breaks(), st.unit(), l.isVisible(), l.opacity()));
            } else {
                d.layers.add(new org.pacarbon.map.core.MapDocument.VectorEntry(l.name(), rel, null, l.stroke(), l.width(),
                        l.fill(), l.isVisible(), l.opacity()));
            }
        }
        try {
            d.write(file);
        } catch (java.io.IOException e) {
            throw new GisException(file, "cannot be written: " + e.getMessage(), "a writable file");
        }
    }

    /** Adds dropped files; one that cannot be read gets a message and leaves the map as it was. */
    public void dropFiles(String[] files) {
        for (String f : files) {
            try {
                CatalogView.addToMap(this, Path.of(f));
            } catch (GisException e) {
                org.eclipse.jface.dialogs.MessageDialog.openError(canvas.getShell(), Messages.CannotAdd + " " + Path.of(f).getFileName(),
                        e.getMessage());
            }
        }
    }

    /** Asks for the figure's title, format and file (remembered) and writes it; says what went wrong if it fails. */
    public void exportFigure() {
        if (layers.isEmpty()) {
            org.eclipse.jface.dialogs.MessageDialog.openInformation(canvas.getShell(), Messages.ExportTitle, Messages.NothingToExport);
            return;
        }
        ExportDialog d = new ExportDialog(canvas.getShell());
        if (d.open() != ExportDialog.OK) {
            return;
        }
        try {
            figure(d.figureTitle(), d.credits(), 900, 640).write(d.file(), d.dpi() / 72);
            getViewSite().getActionBars().getStatusLineManager().setMessage("Figure written to " + d.file());
        } catch (GisException | java.io.IOException | RuntimeException e) {
            org.eclipse.jface.dialogs.MessageDialog.openError(canvas.getShell(), Messages.ExportTitle,
                    "The figure could not be written to " + d.file() + ": " + e.getMessage());
        }
    }

    /** Puts the map as drawn on the clipboard (an image for other programs). */
    public boolean copyToClipboard() {
        if (image == null || canvas == null || canvas.isDisposed()) {
            return false;
        }
        org.eclipse.swt.dnd.Clipboard cb = new org.eclipse.swt.dnd.Clipboard(canvas.getDisplay());
        try {
            cb.setContents(new Object[] {image.getImageData()},
                    new org.eclipse.swt.dnd.Transfer[] {org.eclipse.swt.dnd.ImageTransfer.getInstance()});
            return true;
        } finally {
            cb.dispose();
        }
    }

    /** The extent shown (as asked for; the canvas may show a little more to keep pixels square), or null. */
    public Envelope extent() {
        return extent == null ? null : new Envelope(extent);
    }

    /** Shows an extent in the map's CRS. */
    public void setExtent(Envelope e) {
        if (e != null && !e.isNull() && e.getWidth() > 0 && e.getHeight() > 0) {
            extent = new Envelope(e);
            render();
        }
    }

    /**
     * Replaces the layers with those of a map document (paths relative to its folder) and shows {@code at}, or the
     * document's extent when null. The map is left as it was when the document cannot be read.
     */
    public void openDocument(Path pamap, Envelope at) throws GisException {
        org.pacarbon.map.core.MapDocument d = org.pacarbon.map.core.MapDocument.read(pamap);
        Path base = pamap.toAbsolutePath().getParent();
        for (Object o : d.layers) { // check every file before touching the map
            String p = o instanceof org.pacarbon.map.core.MapDocument.RasterEntry r ? r.path()
                    : ((org.pacarbon.map.core.MapDocument.VectorEntry) o).path();
            if (!Files.exists(base.resolve(p))) {
                throw new GisException(base.resolve(p), "does not exist (a layer of " + pamap.getFileName() + ")", "the layer's file");
            }
        }
        clear();
        for (Object o : d.layers) {
            MapLayer l;
            if (o instanceof org.pacarbon.map.core.MapDocument.RasterEntry r) {
                l = addRaster(base.resolve(r.path()), r.variable(), r.name(), r.ramp(), r.min(), r.max(), r.unit());
                RasterStyle saved = r.style(); // with its log stretch and class breaks, as saved
                l.setStyle(new RasterStyle(saved.ramp(), saved.min(), saved.max(), saved.log(), saved.breaks(),
                        r.unit().isEmpty() ? l.style().unit() : r.unit()));
                l.setVisible(r.visible());
                l.setOpacity(r.opacity());
            } else {
                org.pacarbon.map.core.MapDocument.VectorEntry v = (org.pacarbon.map.core.MapDocument.VectorEntry) o;
                l = addVector(base.resolve(v.path()), v.name(), v.stroke(), v.width(), v.fill());
                l.setVisible(v.visible());
                l.setOpacity(v.opacity());
            }
        }
        setExtent(at != null ? at : d.extent);
        changed();
    }

    /** Shows the union of all layers' extents. */
    public void zoomToFullExtent() {
        Envelope all = new Envelope();
        layers.forEach(l -> all.expandToInclude(l.extent()));
        if (!all.isNull()) {
            extent = all;
            render();
        }
    }

    private MapRenderer.View view() {
        Point size = canvas.getSize();
        return new MapRenderer.View(fitted(size.x, size.y), Math.max(1, size.x), Math.max(1, size.y));
    }

    /** The extent widened to the canvas's aspect ratio, so that pixels stay square. */
    private Envelope fitted(int w, int h) {
        double want = (double) Math.max(1, w) / Math.max(1, h);
        if (geographic()) {
            want /= Math.cos(Math.toRadians(Math.max(-80, Math.min(80, extent.centre().y))));
        }
        double cx = extent.centre().x, cy = extent.centre().y;
        double ew = extent.getWidth(), eh = extent.getHeight();
        if (ew / eh < want) {
            ew = eh * want;
        } else {
            eh = ew / want;
        }
        return new Envelope(cx - ew / 2, cx + ew / 2, cy - eh / 2, cy + eh / 2);
    }

    private boolean geographic() {
        for (MapLayer l : layers) {
            if (l.raster() != null) {
                return org.pacarbon.gis.core.crs.CrsSupport.isGeographic(l.raster().crs());
            }
        }
        return false;
    }

    private void zoom(int x, int y, double factor) {
        if (extent == null) {
            return;
        }
        MapRenderer.View v = view();
        double mx = v.mapX(x), my = v.mapY(y);
        Envelope f = v.extent();
        extent = new Envelope(mx - (mx - f.getMinX()) * factor, mx + (f.getMaxX() - mx) * factor,
                my - (my - f.getMinY()) * factor, my + (f.getMaxY() - my) * factor);
        render();
    }

    private void showCoordinates(int x, int y) {
        if (extent == null) {
            return;
        }
        MapRenderer.View v = view();
        double mx = v.mapX(x);
        double my = v.mapY(y);
        StringBuilder sb = new StringBuilder();
        boolean geographic = mapCrs != null && org.pacarbon.gis.core.crs.CrsSupport.isGeographic(mapCrs);
        sb.append(String.format(Locale.ROOT, geographic ? "lon %.4f  lat %.4f" : "x %.1f  y %.1f", mx, my));
        if (mapCrs != null && !geographic) { // also lon/lat
            try {
                double[] p = {mx, my};
                org.pacarbon.gis.core.crs.CrsSupport.transform(mapCrs, org.pacarbon.gis.core.crs.CrsSupport.lonLat()).transform(p, 0, p, 0, 1);
                sb.append(String.format(Locale.ROOT, "   (lon %.4f  lat %.4f)", p[0], p[1]));
            } catch (GisException | org.opengis.referencing.operation.TransformException e) {
                // outside the projection's domain: map coordinates only
            }
        }
        if (mapCrs != null) { // the scale at the screen's resolution (96 dpi assumed by SWT on Linux)
            try {
                double metresPerUnit = geographic ? 111_320 * Math.cos(Math.toRadians(my))
                        : org.pacarbon.zonal.core.CellAreas.metresPerUnit(mapCrs);
                double metresPerPixel = v.extent().getWidth() / v.width() * metresPerUnit;
                double dpi = canvas.getDisplay().getDPI().x;
                sb.append(String.format(Locale.ROOT, "   1:%,.0f", metresPerPixel * dpi / 0.0254));
            } catch (RuntimeException | LinkageError | GisException e) {
                // no scale for this CRS
            }
        }
        getViewSite().getActionBars().getStatusLineManager().setMessage(sb.toString());
    }

    /** Re-renders in the background; a newer request cancels an older one. */
    private void render() {
        if (canvas == null || canvas.isDisposed() || extent == null) {
            return;
        }
        MapRenderer.View v = view();
        List<MapLayer> snapshot = List.copyOf(layers);
        if (job != null) {
            job.cancel();
        }
        Display display = canvas.getDisplay();
        long gen = ++generation; // a slower, older drawing must not replace a newer one
        job = new Job("Drawing the map") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                BufferedImage img = new BufferedImage(v.width(), v.height(), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                g.setColor(new Color(0xe8, 0xf0, 0xf6));
                g.fillRect(0, 0, v.width(), v.height());
                try {
                    for (MapLayer l : snapshot) {
                        if (monitor.isCanceled()) {
                            return Status.CANCEL_STATUS;
                        }
                        l.paint(g, v);
                    }
                    Geometry hl = highlight;
                    if (hl != null) { // selected or identified features, above every layer
                        MapRenderer.outlines(g, hl, v, HIGHLIGHT, 3f, new Color(HIGHLIGHT.getRed(), HIGHLIGHT.getGreen(), HIGHLIGHT.getBlue(), 60));
                    }
                } catch (GisException e) {
                    // a layer closed while this drawing ran (the view or the layer went away, or a newer drawing
                    // started): nothing to tell the user
                    if (monitor.isCanceled() || gen != generation || canvas.isDisposed() || closedUnderneath(e)) {
                        return Status.CANCEL_STATUS;
                    }
                    return new Status(IStatus.ERROR, "org.pacarbon.map.ui", "Drawing the map failed: " + e.getMessage(), e);
                } finally {
                    g.dispose();
                }
                if (monitor.isCanceled() || gen != generation) {
                    return Status.CANCEL_STATUS;
                }
                ImageData data = toImageData(img);
                display.asyncExec(() -> {
                    if (canvas.isDisposed() || gen != generation) {
                        return;
                    }
                    lastRendered = img;
                    if (image != null) {
                        image.dispose();
                    }
                    image = new Image(display, data);
                    dragOffset = new Point(0, 0);
                    canvas.redraw();
                });
                return Status.OK_STATUS;
            }
        };
        job.setSystem(true);
        job.schedule(30);
    }

    private static boolean closedUnderneath(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    static ImageData toImageData(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        ImageData data = new ImageData(w, h, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                row[x] &= 0xFFFFFF;
            }
            data.setPixels(0, y, w, row, 0);
        }
        return data;
    }

    private void paint(GC gc) {
        Point size = canvas.getSize();
        gc.setBackground(new org.eclipse.swt.graphics.Color(0xe8, 0xf0, 0xf6));
        gc.fillRectangle(0, 0, size.x, size.y);
        if (image != null) {
            gc.drawImage(image, dragOffset.x, dragOffset.y);
        } else {
            gc.drawText(layers.isEmpty() ? message : "Drawing...", 12, 12, true);
        }
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

    @Override
    public void dispose() {
        keepForNextSession();
        if (job != null) {
            job.cancel();
        }
        if (image != null) {
            image.dispose();
        }
        layers.forEach(MapView::closeQuietly);
        super.dispose();
    }
}
