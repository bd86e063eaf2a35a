package org.pacarbon.map.ui;

import org.pacarbon.map.core.RasterStyle;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.pacarbon.map.core.MapLayer;
import org.eclipse.jdt.annotation.NonNullByDefault;

/** The layers of the map, top first: check to show, up/down to reorder, remove, zoom to. */
public final class LayersView extends MapFollowingView {
    public static final String ID = "org.pacarbon.views.layers";
    private Table table;
    private org.eclipse.swt.widgets.Scale opacity;

    @Override
    @NonNullByDefault({})
    public void createPartControl(Composite parent) {
        parent.setData(MapView.WIDGET_ID_KEY, ID);
        parent.setLayout(new GridLayout(4, false));
        table = new Table(parent, SWT.CHECK | SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        table.setData(MapView.WIDGET_ID_KEY, ID + ".table");
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        table.addListener(SWT.Selection, e -> {
            if (e.detail == SWT.CHECK && e.item instanceof TableItem item && !item.isDisposed() && item.getData() instanceof MapLayer layer) {
                layer.setVisible(item.getChecked());
                map.changed();
            }
        });
        // drag a row up or down to reorder the layers
        org.eclipse.swt.dnd.DragSource drag = new org.eclipse.swt.dnd.DragSource(table, org.eclipse.swt.dnd.DND.DROP_MOVE);
        drag.setTransfer(org.eclipse.swt.dnd.TextTransfer.getInstance());
        drag.addDragListener(new org.eclipse.swt.dnd.DragSourceAdapter() {
            @Override
            public void dragSetData(org.eclipse.swt.dnd.DragSourceEvent event) {
                event.data = Integer.toString(table.getSelectionIndex());
            }
        });
        org.eclipse.swt.dnd.DropTarget drop = new org.eclipse.swt.dnd.DropTarget(table, org.eclipse.swt.dnd.DND.DROP_MOVE);
        drop.setTransfer(org.eclipse.swt.dnd.TextTransfer.getInstance());
        drop.addDropListener(new org.eclipse.swt.dnd.DropTargetAdapter() {
            @Override
            public void dragOver(org.eclipse.swt.dnd.DropTargetEvent event) {
                event.feedback = org.eclipse.swt.dnd.DND.FEEDBACK_INSERT_BEFORE | org.eclipse.swt.dnd.DND.FEEDBACK_SCROLL;
            }

            @Override
            public void drop(org.eclipse.swt.dnd.DropTargetEvent event) {
                if (event.data instanceof String from && event.item instanceof TableItem target) {
                    moveRow(Integer.parseInt(from), table.indexOf(target));
                }
            }
        });
        org.eclipse.swt.widgets.Label label = new org.eclipse.swt.widgets.Label(parent, SWT.NONE);
        label.setText(Messages.Opacity);
        opacity = new org.eclipse.swt.widgets.Scale(parent, SWT.HORIZONTAL);
        opacity.setData(MapView.WIDGET_ID_KEY, ID + ".opacity");
        opacity.setMinimum(0);
        opacity.setMaximum(100);
        opacity.setSelection(100);
        opacity.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        buttons = new Composite(parent, SWT.NONE);
        org.eclipse.swt.layout.RowLayout rl = new org.eclipse.swt.layout.RowLayout(SWT.HORIZONTAL);
        rl.wrap = true;
        rl.marginLeft = 0;
        buttons.setLayout(rl);
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        opacity.addListener(SWT.Selection, e -> {
            if (map != null && table.getSelectionCount() == 1 && table.getSelection()[0].getData() instanceof MapLayer l) {
                l.setOpacity(opacity.getSelection() / 100f);
                map.changed();
            }
        });
        table.addListener(SWT.Selection, e -> {
            // the check listener may have rebuilt the rows already, disposing this event's item
            if (e.item instanceof TableItem item && !item.isDisposed() && item.getData() instanceof MapLayer l) {
                opacity.setSelection(Math.round(l.opacity() * 100));
            }
        });
        button(parent, Messages.Up, "up", l -> map.move(l, +1));
        button(parent, Messages.Down, "down", l -> map.move(l, -1));
        button(parent, Messages.ZoomTo, "zoom", l -> map.zoomTo(l));
        button(parent, Messages.Remove, "remove", l -> map.remove(l));
        button(parent, Messages.Style, "style", this::style);
        button(parent, Messages.Attributes, "attributes", this::attributes);
        button(parent, Messages.Results, "results", this::results);
        button(parent, Messages.Properties, "properties", l -> LayerPropertiesDialog.open(getSite().getShell(), map, l));
        connectToOpenMap();
    }

    private Composite buttons;

    /** Opens the attribute table of a vector layer. */
    private void attributes(MapLayer l) {
        if (!l.isVector()) {
            return;
        }
        try {
            if (getSite().getPage().showView(AttributeTableView.ID) instanceof AttributeTableView v) {
                v.connect(map);
                v.show(l);
            }
        } catch (org.eclipse.ui.PartInitException e) {
            org.eclipse.jface.dialogs.MessageDialog.openError(getSite().getShell(), Messages.Attributes, e.getMessage());
        }
    }

    /** Draws per-PA results (an assessment's per_pa.csv) on a PA layer as a classed choropleth. */
    private void results(MapLayer l) {
        if (l.raster() != null || l.features().isEmpty()) {
            org.eclipse.jface.dialogs.MessageDialog.openInformation(getSite().getShell(), Messages.Results, Messages.ResultsNeedPas);
            return;
        }
        org.eclipse.swt.widgets.FileDialog d = new org.eclipse.swt.widgets.FileDialog(getSite().getShell(), SWT.OPEN);
        d.setText(Messages.ResultsFile);
        d.setFilterExtensions(new String[] {"per_pa.csv;*.csv", "*.*"});
        String f = d.open();
        if (f == null) {
            return;
        }
        try {
            java.util.List<String> choices = org.pacarbon.map.core.Choropleth.choices(java.nio.file.Path.of(f));
            String choice = choices.size() == 1 ? choices.get(0) : choose(choices);
            if (choice != null) {
                showResults(l, java.nio.file.Path.of(f), choice);
            }
        } catch (org.pacarbon.gis.core.GisException e) {
            org.eclipse.jface.dialogs.MessageDialog.openError(getSite().getShell(), Messages.Results, e.getMessage());
        }
    }

    private @Nullable String choose(java.util.List<String> choices) {
        org.eclipse.ui.dialogs.ListDialog d = new org.eclipse.ui.dialogs.ListDialog(getSite().getShell());
        d.setTitle(Messages.Results);
        d.setMessage(Messages.ResultsChoose);
        d.setContentProvider(org.eclipse.jface.viewers.ArrayContentProvider.getInstance());
        d.setLabelProvider(new org.eclipse.jface.viewers.LabelProvider());
        d.setInput(choices);
        d.setInitialSelections(choices.get(0));
        return d.open() == org.eclipse.jface.window.Window.OK && d.getResult().length == 1 ? (String) d.getResult()[0] : null;
    }

    /** Adds the choropleth of one result ("layer year" of per_pa.csv) on the PA layer {@code l}; returns its layers. */
    java.util.List<MapLayer> showResults(MapLayer l, java.nio.file.Path perPa, String choice) throws org.pacarbon.gis.core.GisException {
        org.pacarbon.map.core.Choropleth.PaValues v = org.pacarbon.map.core.Choropleth.perPa(perPa, choice);
        java.util.LinkedHashSet<String> fields = new java.util.LinkedHashSet<>();
        l.features().forEach(x -> fields.addAll(x.attributes().keySet()));
        org.opengis.referencing.crs.CoordinateReferenceSystem crs = map.crs();
        if (crs == null) {
            throw new org.pacarbon.gis.core.GisException(perPa, "cannot be shown: the map has no layers", "a map with the PA layer");
        }
        org.pacarbon.gis.core.vector.FeatureSet pas = new org.pacarbon.gis.core.vector.FeatureSet(String.valueOf(l.source()), crs,
                java.util.List.copyOf(fields), l.features());
        String lower = choice.toLowerCase(java.util.Locale.ROOT);
        String ramp = lower.contains("npp") ? "npp" : lower.contains("co2") || lower.contains("emission") ? "emissions" : "carbon";
        return org.pacarbon.map.core.Choropleth.add(map.model(), pas, l.source(), v, ramp, 5);
    }

    private void button(Composite parent, String text, String key, java.util.function.Consumer<MapLayer> action) {
        Button b = new Button(buttons, SWT.PUSH);
        b.setText(text);
        b.setData(MapView.WIDGET_ID_KEY, ID + "." + key);
        b.addListener(SWT.Selection, e -> {
            if (map != null && table.getSelectionCount() == 1 && table.getSelection()[0].getData() instanceof MapLayer l) {
                action.accept(l);
            }
        });
    }

    /**
     * Moves the layer shown in row {@code from} to row {@code to} (rows are top first, the map's list bottom
     * first), as a drag and drop in the table does.
     */
    public void moveRow(int from, int to) {
        if (map == null || from < 0 || to < 0 || from >= table.getItemCount() || to >= table.getItemCount() || from == to) {
            return;
        }
        MapLayer l = (MapLayer) table.getItem(from).getData();
        map.move(l, from - to); // a row further down is a layer further down the drawing order
        for (TableItem it : table.getItems()) {
            if (it.getData() == l) {
                table.setSelection(it);
            }
        }
    }

    /** Opens the style dialog of a raster layer and redraws the map with the new style. */
    private void style(MapLayer l) {
        if (l.raster() == null) { // polygons and tiles have their style from their source
            org.eclipse.jface.dialogs.MessageDialog.openInformation(table.getShell(), Messages.StyleTitle,
                    Messages.PolygonStyle);
            return;
        }
        StyleDialog d = new StyleDialog(table.getShell(), l);
        RasterStyle chosen = d.open() == StyleDialog.OK ? d.result() : null;
        if (chosen != null) {
            l.setStyle(chosen);
            map.changed();
        }
    }

    @Override
    protected void layersChanged() {
        refresh();
    }

    private void refresh() {
        if (table == null || table.isDisposed()) {
            return;
        }
        Object selected = table.getSelectionCount() == 1 ? table.getSelection()[0].getData() : null;
        table.removeAll();
        if (map == null) {
            return;
        }
        java.util.List<MapLayer> ls = map.layers();
        for (int i = ls.size() - 1; i >= 0; i--) {
            MapLayer l = ls.get(i);
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(l.name());
            item.setChecked(l.isVisible());
            item.setData(l);
            if (l == selected) {
                table.setSelection(item);
            }
        }
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }

}
