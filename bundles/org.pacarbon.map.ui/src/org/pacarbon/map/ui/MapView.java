package org.pacarbon.map.ui;

import org.eclipse.jdt.annotation.Nullable;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.part.ViewPart;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.vector.FeatureSet;
import org.pacarbon.map.core.Figure;
import org.pacarbon.map.core.MapLayer;
import org.pacarbon.map.core.MapModel;
import org.pacarbon.map.core.MapRenderer;
import org.pacarbon.map.core.ViewPlacement;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The map on screen: draws the layers of its {@link MapModel} with the headless renderer in a background job (never on
 * the UI thread) and handles input through {@link MapTools} (wheel zoom about the pointer everywhere). The layers, their
 * files and the .pamap documents are the model's; the toolbar is {@link MapToolbar}; reading files, documents and drops
 * from the UI runs in jobs ({@link MapJobs}). On start it shows the map of the last session, else the demo data when
 * the workbench was started with {@code -Dpacarbon.demo=DIR} (as {@code ./pacarbon} does).
 */
public final class MapView extends ViewPart implements org.eclipse.ui.ISaveablePart {
    public static final String ID = "org.pacarbon.views.map";
    /** Data key the UI robot finds widgets by. */
    public static final String WIDGET_ID_KEY = "org.pacarbon.widgetId";

    private final MapModel model = new MapModel();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> extentListeners = new CopyOnWriteArrayList<>();
    private final Runnable onModel = this::modelChanged;
    private final MapTools tools = new MapTools(this);
    private Canvas canvas;
    private Image image;
    /** The view {@link #image} was drawn for: while a new extent is drawn, the old picture is placed where it lies in it. */
    private MapRenderer.@Nullable View imageView;
    private volatile BufferedImage lastRendered;
    private volatile Envelope extent;
    private volatile Geometry highlight;
    private final MapPainter painter = new MapPainter();
    private final MapDocumentState document = new MapDocumentState(model);
    private volatile boolean wasDirty;

    @Override
    @NonNullByDefault({})
    public void createPartControl(Composite parent) {
        parent.setData(WIDGET_ID_KEY, ID);
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.setData(WIDGET_ID_KEY, ID + ".canvas");
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.Resize, e -> render());
        canvas.addListener(SWT.MouseVerticalWheel, e -> tools.zoomAbout(e.x, e.y, e.count > 0 ? 0.8 : 1.25));
        canvas.addListener(SWT.MouseMove, e -> status(MapStatus.coordinates(this, e.x, e.y)));
        tools.install(canvas);
        MapJobs.dropTarget(this, canvas);
        MapToolbar.fill(this, getViewSite().getActionBars().getToolBarManager());
        model.addListener(onModel);
        if (getSite().getPage().findView(LayersView.ID) instanceof LayersView lv) {
            lv.connect(this);
        }
        if (getSite().getPage().findView(LegendView.ID) instanceof LegendView lg) {
            lg.connect(this);
        }
        MapJobs.restore(this, canvas.getDisplay());
    }

    /** Runs after every change of the model, on any thread: the map redraws and the views that follow it update. */
    private void modelChanged() {
        Display d = canvas == null || canvas.isDisposed() ? null : canvas.getDisplay();
        Runnable r = () -> {
            if (model.layers().isEmpty()) {
                extent = null;
                lastRendered = null;
                highlight = null;
                disposeImage();
            } else if (extent == null) {
                extent = model.startExtent();
            }
            render();
            dirtyChanged();
            listeners.forEach(Runnable::run);
        };
        if (d == null || Display.getCurrent() == d) {
            r.run();
        } else if (!d.isDisposed()) {
            d.asyncExec(() -> {
                if (!canvas.isDisposed()) {
                    r.run();
                }
            });
        }
    }

    /** The layers of this map, with no UI: files, order, CRS, documents, figures. */
    public MapModel model() {
        return model;
    }

    MapTools tools() {
        return tools;
    }

    Canvas canvas() {
        return canvas;
    }

    /** Highlights features on the map (a geometry in the map CRS; null: none), drawn above every layer. */
    public void setHighlight(@Nullable Geometry g) {
        if (g != highlight) {
            highlight = g;
            render();
        }
    }

    /** The highlighted geometry, or null. */
    public @Nullable Geometry highlight() {
        return highlight;
    }

    /** Registers a listener told (on the UI thread) when the shown extent changes (the scale field). */
    void addExtentListener(Runnable listener) {
        extentListeners.add(listener);
    }

    /** Removes every layer (a new, empty map: no document); the next layer sets the map's CRS and extent. */
    public void clear() {
        model.clear();
        documentIs(null);
    }

    /** Adds a raster layer (a GeoTIFF, or a NetCDF file of one variable) with a ramp from min to max. */
    public MapLayer addRaster(Path file, String name, String ramp, double min, double max, String unit) throws GisException {
        return model.addRaster(file, null, name, ramp, min, max, unit);
    }

    /** Adds a raster layer: one variable of a NetCDF file (null: a file with one variable, or a GeoTIFF). */
    public MapLayer addRaster(Path file, @Nullable String variable, String name, String ramp, double min, double max,
            String unit) throws GisException {
        return model.addRaster(file, variable, name, ramp, min, max, unit);
    }

    /** Adds the polygons of a vector file as an outline layer. */
    public MapLayer addVector(Path file, String name, Color stroke, float width, Color fill) throws GisException {
        return model.addVector(file, name, stroke, width, fill);
    }

    /** As {@link #addVector(Path, String, Color, float, Color)}, for features already read from {@code file}. */
    public MapLayer addVector(FeatureSet set, Path file, String name, Color stroke, float width, Color fill) throws GisException {
        return model.addVector(set, file, name, stroke, width, fill);
    }

    /** Adds the polygons of a vector file as one outline layer per value of a field (categorized: PA class -> colour). */
    public List<MapLayer> addVectorByField(Path file, String name, String field) throws GisException {
        return model.addVectorByField(org.pacarbon.gis.core.vector.VectorIO.read(file, null, null), file, name, field);
    }

    /** As {@link #addVectorByField(Path, String, String)}, for features already read from {@code file}. */
    public List<MapLayer> addVectorByField(FeatureSet set, Path file, String name, String field) throws GisException {
        return model.addVectorByField(set, file, name, field);
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
        model.changed();
    }

    /** Moves a layer up (towards the top, drawn later) or down by {@code delta} places. */
    public void move(MapLayer layer, int delta) {
        model.move(layer, delta);
    }

    /** Removes a layer (its file is closed). */
    public void remove(MapLayer layer) {
        model.remove(layer);
    }

    /** Shows the layer's whole extent. */
    public void zoomTo(MapLayer layer) {
        setExtent(layer.extent());
    }

    /** The identify tool: every visible layer's value at a map point, top layer first, as "name: value". */
    public List<String> identify(double x, double y) {
        return model.identify(x, y);
    }

    /** @return the layers, bottom first */
    public List<MapLayer> layers() {
        return model.layers();
    }

    /** @return the image last drawn by the background renderer, or {@code null} */
    public BufferedImage lastRendered() {
        return lastRendered;
    }

    /** @return how many coarse previews this view showed while a big raster's overviews were computed */
    public int previewsShown() {
        return painter.previews();
    }

    /** The map CRS (its first layer's), or null with no layers. */
    public @Nullable CoordinateReferenceSystem crs() {
        return model.crs();
    }

    /** The map as a paper-style figure at the shown extent ({@link MapModel#figure}). */
    public Figure figure(String title, String credits, int maxWidth, int maxHeight) throws GisException {
        return model.figure(title, credits, extent, maxWidth, maxHeight);
    }

    /** Saves the map with its shown extent as a document (.pamap), which {@link #openDocument} reads. */
    public void saveDocument(Path file) throws GisException {
        model.save(file, extent);
        RecentMaps.add(file);
        documentIs(file);
    }

    /** The map is now the document {@code file} as on disk (opened or saved); null: a map of no document. */
    void documentIs(@Nullable Path file) {
        document.now(file);
        dirtyChanged();
    }

    /** The star on the tab and File &gt; Save follow the document's state (UI thread). */
    private void dirtyChanged() {
        boolean dirty = isDirty();
        if (dirty != wasDirty) {
            wasDirty = dirty;
            firePropertyChange(PROP_DIRTY);
        }
        Path doc = document();
        setTitleToolTip(doc == null ? getPartName() : doc.toString());
    }

    /** The document the map shows (opened or saved by the user), or null. */
    public @Nullable Path document() {
        return document.document();
    }

    /** Whether the map changed since its document was opened or saved (never for a map with no document). */
    @Override
    public boolean isDirty() {
        return document.dirty();
    }

    /** File &gt; Save and the question on close: writes the map to its document; a failure says why and stays dirty. */
    @Override
    @NonNullByDefault({})
    public void doSave(org.eclipse.core.runtime.IProgressMonitor monitor) {
        document.save(this, monitor);
    }

    @Override
    public void doSaveAs() {
        MapToolbar.saveMap(this);
    }

    @Override
    public boolean isSaveAsAllowed() {
        return true;
    }

    /** Closing the view or the workbench asks (the workbench's own question) when the document changed. */
    @Override
    public boolean isSaveOnCloseNeeded() {
        return isDirty() && MapDocumentState.askOnExit();
    }

    /** Replaces the layers with those of a map document and shows {@code at}, or the document's extent when null. */
    public void openDocument(Path pamap, @Nullable Envelope at) throws GisException {
        Envelope saved = model.open(pamap);
        RecentMaps.add(pamap);
        documentIs(pamap);
        setExtent(at != null ? at : saved);
    }

    /** Adds dropped files in a background job; one that cannot be read gets a message and leaves the map as it was. */
    public void dropFiles(String[] files) {
        MapJobs.addFiles(this, java.util.Arrays.stream(files).map(Path::of).toList());
    }

    /** Asks for the figure's title, format and file (remembered) and writes it; says what went wrong if it fails. */
    public void exportFigure() {
        MapToolbar.exportFigure(this);
    }

    /** Puts the map as drawn on the clipboard (an image for other programs). */
    public boolean copyToClipboard() {
        return image != null && canvas != null && !canvas.isDisposed() && MapToolbar.copy(canvas.getDisplay(), image);
    }

    /** The extent shown (as asked for; the canvas may show a little more to keep pixels square), or null. */
    public @Nullable Envelope extent() {
        Envelope e = extent;
        return e == null ? null : new Envelope(e);
    }

    /** Shows an extent in the map's CRS. */
    public void setExtent(@Nullable Envelope e) {
        if (e != null && !e.isNull() && e.getWidth() > 0 && e.getHeight() > 0) {
            extent = new Envelope(e);
            render();
        }
    }

    /** Shows the union of all layers' extents. */
    public void zoomToFullExtent() {
        setExtent(model.fullExtent());
    }

    /** What the canvas shows: the extent widened to its aspect ratio (pixels stay square), or null before a layer. */
    MapRenderer.@Nullable View view() {
        Envelope e = extent;
        if (canvas == null || canvas.isDisposed() || e == null) {
            return null;
        }
        Point size = canvas.getSize();
        return new MapRenderer.View(MapStatus.fitted(e, size.x, size.y, MapStatus.geographic(model)), Math.max(1, size.x), Math.max(1, size.y));
    }

    /** A message in the workbench's status line. */
    void status(String message) {
        getViewSite().getActionBars().getStatusLineManager().setMessage(message);
    }

    /** Re-renders in the background; a newer request cancels an older one. */
    private void render() {
        extentListeners.forEach(Runnable::run);
        MapRenderer.View v = view();
        if (v == null) {
            if (canvas != null && !canvas.isDisposed()) {
                canvas.redraw();
            }
            return;
        }
        Display display = canvas.getDisplay();
        MapRenderer.View shown = imageView; // set with the image, cleared with it
        if (shown != null && !v.equals(shown)) {
            canvas.redraw(); // at once: the old picture placed in the new extent until the new one is drawn
        }
        painter.draw(v, List.copyOf(model.layers()), highlight, display, canvas::isDisposed, (img, data) -> {
            lastRendered = img;
            disposeImage();
            image = new Image(display, data);
            imageView = v;
            canvas.redraw();
        });
    }

    private void disposeImage() {
        if (image != null) {
            image.dispose();
            image = null;
        }
        imageView = null;
    }

    /** @return true when the picture shown is the finished drawing of the extent and canvas size shown now */
    public boolean upToDate() {
        MapRenderer.View now = view();
        MapRenderer.View shown = imageView;
        return now != null && shown != null && now.equals(shown) && painter.latestDelivered();
    }

    private void paint(GC gc) {
        Point size = canvas.getSize();
        gc.setBackground(new org.eclipse.swt.graphics.Color(MapPainter.BACKGROUND.getRed(), MapPainter.BACKGROUND.getGreen(),
                MapPainter.BACKGROUND.getBlue()));
        gc.fillRectangle(0, 0, size.x, size.y);
        if (image != null) {
            Point d = tools.dragOffset();
            MapRenderer.View now = view();
            MapRenderer.View was = imageView;
            if (now == null || was == null || now.equals(was)) {
                gc.drawImage(image, d.x, d.y);
            } else { // a new extent is being drawn: the old picture where it lies in it, not under the new scale
                int[] p = ViewPlacement.of(was, now);
                if (p != null) {
                    gc.drawImage(image, p[0], p[1], p[2], p[3], p[4] + d.x, p[5] + d.y, p[6], p[7]);
                }
            }
        } else {
            gc.drawText(model.layers().isEmpty() ? Messages.NoLayers : "Drawing...", 12, 12, true);
        }
        tools.paintOverlay(gc);
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

    @Override
    public void dispose() {
        MapJobs.keepForNextSession(this);
        model.removeListener(onModel);
        painter.cancel();
        disposeImage();
        model.clear();
        super.dispose();
    }
}
