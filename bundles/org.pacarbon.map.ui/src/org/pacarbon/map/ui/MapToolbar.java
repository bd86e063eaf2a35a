package org.pacarbon.map.ui;

import org.eclipse.jdt.annotation.Nullable;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ControlContribution;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.locationtech.jts.geom.Envelope;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.map.core.MapRenderer;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The Map view's toolbar: the mouse tools (icons, one checked), full extent, a scale one can read and type
 * ("1:250000", Enter), and the map's file actions (add data, open, save, export, copy), which File menu commands of
 * this bundle run too.
 */
final class MapToolbar {
    private MapToolbar() {
    }

    static void fill(MapView map, IToolBarManager tb) {
        for (MapTools.Tool t : MapTools.Tool.values()) {
            Action a = new Action(label(t), IAction.AS_RADIO_BUTTON) {
                @Override
                public void run() {
                    if (isChecked()) {
                        map.tools().setTool(t);
                    }
                }
            };
            a.setId(MapView.ID + ".tool." + t.name().toLowerCase(Locale.ROOT)); //$NON-NLS-1$
            a.setToolTipText(label(t));
            a.setImageDescriptor(icon(t.icon));
            a.setChecked(t == map.tools().tool());
            tb.add(a);
        }
        tb.add(new Separator());
        Action full = action(Messages.FullExtent, "fullextent16.png", map::zoomToFullExtent); //$NON-NLS-1$
        full.setId(MapView.ID + ".fullExtent"); //$NON-NLS-1$
        tb.add(full);
        tb.add(new ScaleField(map));
        Action crs = action(Messages.Crs, null, () -> chooseCrs(map));
        crs.setId(MapView.ID + ".crs"); //$NON-NLS-1$
        crs.setToolTipText(Messages.CrsTip);
        tb.add(crs);
        tb.add(new Separator());
        tb.add(action(Messages.AddData, null, () -> addData(map)));
        tb.add(action(Messages.OpenMap, null, () -> openMap(map)));
        tb.add(action(Messages.SaveMap, null, () -> saveMap(map)));
        Action export = action(Messages.Export, null, map::exportFigure);
        export.setToolTipText(Messages.ExportTip);
        tb.add(export);
        Action copy = action(Messages.Copy, null, map::copyToClipboard);
        copy.setToolTipText(Messages.CopyTip);
        tb.add(copy);
    }

    private static String label(MapTools.Tool t) {
        return switch (t) {
            case PAN -> Messages.ToolPan;
            case ZOOM_IN -> Messages.ToolZoomIn;
            case ZOOM_OUT -> Messages.ToolZoomOut;
            case IDENTIFY -> Messages.ToolIdentify;
            case MEASURE_LENGTH -> Messages.ToolMeasureLength;
            case MEASURE_AREA -> Messages.ToolMeasureArea;
            case SELECT -> Messages.ToolSelect;
        };
    }

    static ImageDescriptor icon(String file) {
        return ResourceLocator.imageDescriptorFromBundle(MapToolbar.class, "icons/" + file).orElse(null); //$NON-NLS-1$
    }

    private static Action action(String text, @Nullable String icon, Runnable run) {
        Action a = new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
        if (icon != null) {
            a.setImageDescriptor(icon(icon));
            a.setToolTipText(text);
        }
        return a;
    }

    /** The map's CRS chooser; the map is drawn in the chosen CRS, or says why it cannot be. */
    static void chooseCrs(MapView map) {
        CrsDialog d = new CrsDialog(map.canvas().getShell(), map.crs() == null ? null : org.pacarbon.gis.core.crs.CrsSupport.label(map.crs()));
        if (d.open() != CrsDialog.OK || d.chosen() == null) {
            return;
        }
        org.locationtech.jts.geom.Envelope shown = map.extent();
        org.opengis.referencing.crs.CoordinateReferenceSystem from = map.crs();
        try {
            map.model().setCrs(d.chosen());
            if (shown != null && from != null) { // the same place, in the new CRS
                map.setExtent(org.pacarbon.gis.core.vector.Geometries.transform(org.pacarbon.gis.core.vector.Geometries.box(shown.getMinX(),
                        shown.getMinY(), shown.getMaxX(), shown.getMaxY()), from, d.chosen()).getEnvelopeInternal());
            } else {
                map.zoomToFullExtent();
            }
            map.status(Messages.Crs + ": " + org.pacarbon.gis.core.crs.CrsSupport.label(d.chosen())); //$NON-NLS-1$
        } catch (GisException e) {
            MessageDialog.openError(map.canvas().getShell(), Messages.CrsTitle, e.getMessage());
            map.zoomToFullExtent();
        }
    }

    /** File &gt; Add Data: rasters and vectors chosen in a file dialog, read in a job. */
    static void addData(MapView map) {
        FileDialog d = new FileDialog(map.canvas().getShell(), SWT.OPEN | SWT.MULTI);
        d.setText(Messages.AddData);
        d.setFilterExtensions(new String[] {"*.tif;*.tiff;*.nc;*.gpkg;*.geojson;*.json;*.shp", "*.*"}); //$NON-NLS-1$ //$NON-NLS-2$
        if (d.open() != null) {
            MapJobs.addFiles(map, Arrays.stream(d.getFileNames()).map(n -> Path.of(d.getFilterPath(), n)).toList());
        }
    }

    /** File &gt; Add Basemap: the offline basemap's parts and tile services, added in a job under the data. */
    static void addBasemap(MapView map) {
        BasemapDialog d = new BasemapDialog(map.canvas().getShell());
        if (d.open() == BasemapDialog.OK && !d.chosen().isEmpty()) {
            MapJobs.addServices(map, d.chosen());
        }
    }

    /** File &gt; Open Map: a .pamap document, read in a job. */
    static void openMap(MapView map) {
        FileDialog d = new FileDialog(map.canvas().getShell(), SWT.OPEN);
        d.setFilterExtensions(new String[] {"*.pamap"}); //$NON-NLS-1$
        String f = d.open();
        if (f != null) {
            MapJobs.open(map, Path.of(f));
        }
    }

    /** File &gt; Save Map As: the layers, styles and extent as a .pamap document. */
    static void saveMap(MapView map) {
        FileDialog d = new FileDialog(map.canvas().getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] {"*.pamap"}); //$NON-NLS-1$
        d.setOverwrite(true);
        String f = d.open();
        if (f != null) {
            try {
                map.saveDocument(Path.of(f.endsWith(".pamap") ? f : f + ".pamap")); //$NON-NLS-1$ //$NON-NLS-2$
            } catch (GisException e) {
                MessageDialog.openError(map.canvas().getShell(), Messages.SaveMap, e.getMessage());
            }
        }
    }

    /** Asks for the figure's title, format and file (remembered) and writes it; says what went wrong if it fails. */
    static void exportFigure(MapView map) {
        if (map.layers().isEmpty()) {
            MessageDialog.openInformation(map.canvas().getShell(), Messages.ExportTitle, Messages.NothingToExport);
            return;
        }
        ExportDialog d = new ExportDialog(map.canvas().getShell());
        if (d.open() != ExportDialog.OK) {
            return;
        }
        try {
            map.figure(d.figureTitle(), d.credits(), 900, 640).write(d.file(), d.dpi() / 72);
            map.status("Figure written to " + d.file()); //$NON-NLS-1$
        } catch (GisException | java.io.IOException | RuntimeException e) {
            MessageDialog.openError(map.canvas().getShell(), Messages.ExportTitle, "The figure could not be written to " + d.file() + ": " //$NON-NLS-1$ //$NON-NLS-2$
                    + e.getMessage());
        }
    }

    /** The scale of the map at its centre, shown as "1:250,000"; typing one and Enter zooms to it. */
    private static final class ScaleField extends ControlContribution {
        private final MapView map;

        ScaleField(MapView map) {
            super(MapView.ID + ".scale"); //$NON-NLS-1$
            this.map = map;
        }

        @Override
        @NonNullByDefault({})
        protected Control createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            GridLayout l = new GridLayout(2, false);
            l.marginHeight = 0;
            l.marginWidth = 2;
            c.setLayout(l);
            new Label(c, SWT.NONE).setText(Messages.Scale);
            Text text = new Text(c, SWT.BORDER | SWT.SINGLE);
            text.setData(MapView.WIDGET_ID_KEY, MapView.ID + ".scale"); //$NON-NLS-1$
            text.setToolTipText(Messages.ScaleTip);
            text.setLayoutData(new GridData(110, SWT.DEFAULT));
            text.addListener(SWT.DefaultSelection, e -> {
                double s = MapStatus.parseScale(text.getText());
                Envelope at = Double.isNaN(s) ? null : MapStatus.extentAtScale(map, s);
                if (at == null) {
                    map.status(Messages.ScaleBad);
                } else {
                    map.setExtent(at);
                }
            });
            map.addExtentListener(() -> {
                if (!text.isDisposed() && !text.isFocusControl()) {
                    MapRenderer.View v = map.view();
                    double s = v == null ? Double.NaN : MapStatus.scale(map, v, v.extent().centre().y);
                    text.setText(Double.isNaN(s) ? "" : "1:" + String.format(Locale.ROOT, "%,.0f", s)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                }
            });
            return c;
        }
    }

    /** Puts an image of the map on the clipboard (for other programs). */
    static boolean copy(org.eclipse.swt.widgets.Display display, org.eclipse.swt.graphics.Image image) {
        org.eclipse.swt.dnd.Clipboard cb = new org.eclipse.swt.dnd.Clipboard(display);
        try {
            cb.setContents(new Object[] {image.getImageData()}, new org.eclipse.swt.dnd.Transfer[] {org.eclipse.swt.dnd.ImageTransfer.getInstance()});
            return true;
        } finally {
            cb.dispose();
        }
    }
}
