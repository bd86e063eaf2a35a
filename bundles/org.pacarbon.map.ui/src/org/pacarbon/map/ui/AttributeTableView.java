package org.pacarbon.map.ui;

import org.eclipse.jdt.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.locationtech.jts.geom.Envelope;
import org.pacarbon.map.core.AttributeTable;
import org.pacarbon.map.core.MapLayer;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The attribute table of a vector layer of the map: one row per feature, sortable by a click on a column, a filter,
 * selected rows highlighted on the map, zoom to the selection, and Ctrl+C (or Copy) to copy the rows as
 * tab-separated text. The widgets only; the table's rows, order and text are {@link AttributeTable}'s.
 */
public final class AttributeTableView extends MapFollowingView {
    public static final String ID = "org.pacarbon.views.attributes";
    private Combo layerChoice;
    private Text filter;
    private Table table;
    private Label count;
    private final List<MapLayer> vectorLayers = new ArrayList<>();
    private MapLayer shown;
    private AttributeTable model;

    @Override
    @NonNullByDefault({})
    public void createPartControl(Composite parent) {
        parent.setData(MapView.WIDGET_ID_KEY, ID);
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(6, false));
        new Label(c, SWT.NONE).setText(Messages.AttrLayer);
        layerChoice = new Combo(c, SWT.READ_ONLY);
        layerChoice.setData(MapView.WIDGET_ID_KEY, ID + ".layer");
        layerChoice.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false));
        layerChoice.addListener(SWT.Selection, e -> show(layerChoice.getSelectionIndex() < 0 ? null : vectorLayers.get(layerChoice.getSelectionIndex())));
        filter = new Text(c, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage(Messages.AttrFilter);
        filter.setData(MapView.WIDGET_ID_KEY, ID + ".filter");
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filter.addListener(SWT.Modify, e -> {
            if (model != null) {
                model.filter(filter.getText());
                refreshRows();
            }
        });
        Button zoom = new Button(c, SWT.PUSH);
        zoom.setText(Messages.AttrZoom);
        zoom.setData(MapView.WIDGET_ID_KEY, ID + ".zoom");
        zoom.addListener(SWT.Selection, e -> zoomToSelection());
        Button copy = new Button(c, SWT.PUSH);
        copy.setText(Messages.AttrCopy);
        copy.setData(MapView.WIDGET_ID_KEY, ID + ".copy");
        copy.addListener(SWT.Selection, e -> copySelection());
        count = new Label(c, SWT.NONE);
        count.setData(MapView.WIDGET_ID_KEY, ID + ".count");
        count.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false));
        table = new Table(c, SWT.MULTI | SWT.FULL_SELECTION | SWT.VIRTUAL | SWT.BORDER);
        table.setData(MapView.WIDGET_ID_KEY, ID + ".table");
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 6, 1));
        table.addListener(SWT.SetData, e -> {
            TableItem item = (TableItem) e.item;
            int row = table.indexOf(item);
            if (model == null || row >= model.size()) {
                return;
            }
            String[] cells = new String[model.fields().size()];
            for (int k = 0; k < cells.length; k++) {
                cells[k] = model.text(row, k);
            }
            item.setText(cells);
        });
        table.addListener(SWT.Selection, e -> highlightSelection());
        table.addListener(SWT.DefaultSelection, e -> zoomToSelection());
        table.addListener(SWT.KeyDown, e -> {
            if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'c' || e.keyCode == 'C')) {
                copySelection();
            } else if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'a' || e.keyCode == 'A')) {
                table.selectAll();
                highlightSelection();
            }
        });
        connectToOpenMap();
    }

    @Override
    protected void layersChanged() {
        if (table != null && !table.isDisposed()) {
            table.getDisplay().asyncExec(this::refreshLayers);
        }
    }

    /** Shows the table of a layer of the map (null: none). */
    public void show(@Nullable MapLayer layer) {
        shown = layer;
        model = layer == null ? null : new AttributeTable(layer.features());
        int i = vectorLayers.indexOf(layer);
        if (i >= 0 && layerChoice.getSelectionIndex() != i) {
            layerChoice.select(i);
        }
        for (TableColumn col : table.getColumns()) {
            col.dispose();
        }
        if (model != null) {
            for (int k = 0; k < model.fields().size(); k++) {
                int field = k;
                TableColumn col = new TableColumn(table, SWT.LEFT);
                col.setText(model.fields().get(k));
                col.setWidth(columnWidth(k));
                col.addListener(SWT.Selection, e -> {
                    model.sortBy(field);
                    table.setSortColumn(col);
                    table.setSortDirection(model.ascending() ? SWT.UP : SWT.DOWN);
                    refreshRows();
                });
            }
            model.filter(filter.getText());
        }
        refreshRows();
    }

    /** A column as wide as its header and the cells of its first 200 rows need (a virtual table cannot pack). */
    private int columnWidth(int field) {
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(table);
        try {
            int w = gc.textExtent(model.fields().get(field)).x + 28; // room for the sort arrow
            for (int r = 0; r < Math.min(200, model.size()); r++) {
                w = Math.max(w, gc.textExtent(model.text(r, field)).x + 16);
            }
            return Math.max(60, Math.min(320, w));
        } finally {
            gc.dispose();
        }
    }

    /** The table's model (for tests). */
    AttributeTable model() {
        return model;
    }

    private void refreshLayers() {
        if (map == null || layerChoice.isDisposed()) {
            return;
        }
        vectorLayers.clear();
        for (int i = map.layers().size() - 1; i >= 0; i--) { // top first, as in the Layers view
            MapLayer l = map.layers().get(i);
            if (l.isVector()) {
                vectorLayers.add(l);
            }
        }
        layerChoice.setItems(vectorLayers.stream().map(MapLayer::name).toArray(String[]::new));
        layerChoice.getParent().layout(true);
        if (!vectorLayers.contains(shown)) {
            show(vectorLayers.isEmpty() ? null : vectorLayers.get(0));
        } else {
            layerChoice.select(vectorLayers.indexOf(shown));
        }
    }

    private void refreshRows() {
        table.deselectAll();
        table.clearAll();
        table.setItemCount(model == null ? 0 : model.size());
        count.setText(model == null ? "" : String.format(Messages.AttrCount, model.size(), model.featureCount()));
        count.getParent().layout(true);
        highlightSelection();
    }

    private void highlightSelection() {
        if (map != null) {
            int[] rows = table.getSelectionIndices();
            map.setHighlight(model == null || rows.length == 0 ? null : model.geometry(rows));
        }
    }

    /** Zooms the map to the selected rows (with a margin). */
    public void zoomToSelection() {
        int[] rows = table.getSelectionIndices();
        Envelope e = model == null || rows.length == 0 ? null : model.extent(rows);
        if (map != null && e != null) {
            double m = Math.max(e.getWidth(), e.getHeight()) * 0.1;
            e.expandBy(m > 0 ? m : 1000);
            map.setExtent(e);
        }
    }

    private void copySelection() {
        int[] rows = table.getSelectionIndices();
        if (model == null || rows.length == 0) {
            return;
        }
        Clipboard cb = new Clipboard(table.getDisplay());
        try {
            cb.setContents(new Object[] {model.tsv(rows)}, new Transfer[] {TextTransfer.getInstance()});
        } finally {
            cb.dispose();
        }
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }

    @Override
    public void dispose() {
        if (map != null) {
            map.setHighlight(null);
        }
        super.dispose();
    }
}
