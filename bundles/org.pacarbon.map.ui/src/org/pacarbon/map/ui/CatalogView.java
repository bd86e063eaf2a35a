package org.pacarbon.map.ui;

import org.eclipse.jdt.annotation.Nullable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.RasterFiles;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.gis.core.vector.FeatureSet;
import org.pacarbon.gis.core.vector.VectorIO;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The catalog: files the user opened (GeoTIFF, NetCDF, GeoPackage, Shapefile, GeoJSON) with their kind, CRS
 * and size; double-click (or "Add to map") puts one on the map. A file that can't be read is refused with
 * a message naming it, and the map stays as it was.
 */
public final class CatalogView extends ViewPart {
    public static final String ID = "org.pacarbon.views.catalog";
    private Table table;

    /** One opened file. */
    public record Entry(Path file, @Nullable String variable, boolean raster, String crs, String size) {
    }

    @Override
    @NonNullByDefault({})
    public void createPartControl(Composite parent) {
        parent.setData(MapView.WIDGET_ID_KEY, ID);
        parent.setLayout(new GridLayout(2, true));
        table = new Table(parent, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        table.setData(MapView.WIDGET_ID_KEY, ID + ".table");
        table.setHeaderVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        for (String[] c : new String[][] {{Messages.Col_file, "160"}, {Messages.Col_kind, "60"}, {Messages.Col_crs, "160"}, {Messages.Col_size, "120"}}) {
            TableColumn col = new TableColumn(table, SWT.LEFT);
            col.setText(c[0]);
            col.setWidth(Integer.parseInt(c[1]));
        }
        table.addListener(SWT.DefaultSelection, e -> addSelectedToMap());
        // drag a file from the catalog onto the map
        org.eclipse.swt.dnd.DragSource drag = new org.eclipse.swt.dnd.DragSource(table, org.eclipse.swt.dnd.DND.DROP_COPY);
        drag.setTransfer(org.eclipse.swt.dnd.FileTransfer.getInstance());
        drag.addDragListener(new org.eclipse.swt.dnd.DragSourceAdapter() {
            @Override
            public void dragStart(org.eclipse.swt.dnd.DragSourceEvent event) {
                event.doit = table.getSelectionCount() == 1 && table.getSelection()[0].getData() instanceof Entry;
            }

            @Override
            public void dragSetData(org.eclipse.swt.dnd.DragSourceEvent event) {
                if (table.getSelectionCount() == 1 && table.getSelection()[0].getData() instanceof Entry e) {
                    event.data = new String[] {e.file().toString()};
                }
            }
        });
        Button open = new Button(parent, SWT.PUSH);
        open.setText(Messages.Open);
        open.setData(MapView.WIDGET_ID_KEY, ID + ".open");
        open.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        open.addListener(SWT.Selection, e -> {
            FileDialog d = new FileDialog(parent.getShell(), SWT.OPEN | SWT.MULTI);
            d.setFilterExtensions(new String[] {"*.tif;*.tiff;*.nc;*.gpkg;*.shp;*.geojson;*.json", "*.*"});
            if (d.open() != null) {
                for (String name : d.getFileNames()) {
                    open(Path.of(d.getFilterPath(), name));
                }
            }
        });
        Button add = new Button(parent, SWT.PUSH);
        add.setText(Messages.AddToMap);
        add.setData(MapView.WIDGET_ID_KEY, ID + ".add");
        add.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        add.addListener(SWT.Selection, e -> addSelectedToMap());
        String demo = System.getProperty("pacarbon.demo");
        if (demo != null && Files.isDirectory(Path.of(demo))) {
            for (String f : new String[] {"biomass_2010.tif", "vsoc.tif", "npp_2020.tif", "edgar_co2_2020.nc", "china.geojson", "pas.gpkg"}) {
                if (Files.isRegularFile(Path.of(demo, f))) {
                    open(Path.of(demo, f));
                }
            }
        }
    }

    /**
     * Opens a file into the catalog; returns its entry (the first one for a NetCDF file with several variables,
     * which get one entry each), or {@code null} after telling the user why not.
     */
    public @Nullable Entry open(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".nc")) {
            List<String> vars;
            try {
                vars = RasterFiles.variables(file);
            } catch (GisException e) {
                refuse(file, e.getMessage());
                return null;
            }
            if (vars.size() > 1) {
                Entry first = null;
                for (String v : vars) {
                    Entry e = open(file, v);
                    first = first == null ? e : first;
                }
                return first;
            }
        }
        return open(file, null);
    }

    private @Nullable Entry open(Path file, @Nullable String variable) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean raster = name.endsWith(".tif") || name.endsWith(".tiff") || name.endsWith(".nc");
        Entry entry;
        try {
            if (raster) {
                try (RasterSource src = RasterFiles.open(file, variable)) {
                    GridSpec g = src.grid();
                    entry = new Entry(file, variable, true, CrsSupport.label(src.crs()), g.width() + " x " + g.height() + " cells");
                }
            } else {
                FeatureSet set = VectorIO.read(file, null, null);
                entry = new Entry(file, null, false, CrsSupport.label(set.crs()), set.features().size() + " features");
            }
        } catch (GisException | java.io.IOException e) {
            refuse(file, e.getMessage());
            return null;
        }
        TableItem item = new TableItem(table, SWT.NONE);
        item.setText(new String[] {file.getFileName() + (variable == null ? "" : " : " + variable), raster ? "raster" : "vector",
            entry.crs(), entry.size()});
        item.setData(entry);
        return entry;
    }

    private void refuse(Path file, String why) {
        org.eclipse.core.runtime.ILog.of(getClass()).log(new Status(IStatus.WARNING, "org.pacarbon.map.ui", "Cannot open " + file + ": " + why));
        MessageDialog.openError(table.getShell(), Messages.CannotOpen + " " + file.getFileName(), why);
    }

    private void addSelectedToMap() {
        if (table.getSelectionCount() != 1 || !(table.getSelection()[0].getData() instanceof Entry entry)) {
            return;
        }
        if (!(getSite().getPage().findView(MapView.ID) instanceof MapView map)) {
            return;
        }
        try {
            addToMap(map, entry.file(), entry.variable());
        } catch (GisException e) {
            refuse(entry.file(), e.getMessage());
        }
    }

    /**
     * Adds a file to a map through its layer source ({@link org.pacarbon.map.core.LayerSources}). The map is unchanged when
     * the file cannot be read.
     */
    public static void addToMap(MapView map, Path file) throws GisException {
        addToMap(map, file, null);
    }

    /** As {@link #addToMap(MapView, Path)}, for one variable of a NetCDF file (null: the only one). */
    public static void addToMap(MapView map, Path file, @Nullable String variable) throws GisException {
        org.pacarbon.map.core.LayerSources.add(map.model(), file, variable);
    }

    /** @return the number of files in the catalog */
    public int size() {
        return table.getItemCount();
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }
}
