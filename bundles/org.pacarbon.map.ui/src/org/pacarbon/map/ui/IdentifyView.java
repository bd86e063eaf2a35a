package org.pacarbon.map.ui;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * What the identify tool found at the last point clicked on the map: one row per visible layer, top layer first, with
 * its value and unit (rasters) or the attributes of the feature there (vectors). Ctrl+C copies the rows.
 */
public final class IdentifyView extends ViewPart {
    public static final String ID = "org.pacarbon.views.identify";

    private Label where;
    private Table table;

    @Override
    @NonNullByDefault({})
    public void createPartControl(Composite parent) {
        parent.setData(MapView.WIDGET_ID_KEY, ID);
        parent.setLayout(new GridLayout(1, false));
        where = new Label(parent, SWT.NONE);
        where.setText(Messages.IdentifyHint);
        where.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        table = Tables.create(parent, SWT.MULTI, ID + ".table", new String[] {Messages.IdentifyLayer, Messages.IdentifyValue},
                new int[] {200, 420}, 0);
        table.addListener(SWT.KeyDown, e -> {
            if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'c' || e.keyCode == 'C')) {
                copy();
            }
        });
    }

    /** Shows {@code found} ("layer: value" rows) for the point described by {@code at}, opening the view if needed. */
    static void show(IWorkbenchPage page, String at, List<String> found) {
        IViewPart part = page.findView(ID);
        if (part == null) {
            try {
                part = page.showView(ID, null, IWorkbenchPage.VIEW_VISIBLE);
            } catch (PartInitException e) {
                return; // the status line has the values too
            }
        }
        page.bringToTop(part); // in front of the legend it shares a stack with, without taking the focus from the map
        if (part instanceof IdentifyView v) {
            v.set(at, found);
        }
    }

    /** Fills the table: one row per "layer: value". */
    void set(String at, List<String> found) {
        where.setText(at + (found.isEmpty() ? "   " + Messages.IdentifyNothing : "")); //$NON-NLS-1$
        table.removeAll();
        for (String f : found) {
            int i = f.indexOf(": "); //$NON-NLS-1$
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] {i < 0 ? f : f.substring(0, i), i < 0 ? "" : f.substring(i + 2)}); //$NON-NLS-1$
        }
        where.getParent().layout();
    }

    /** The rows as shown: layer and value. */
    List<String[]> rows() {
        return java.util.Arrays.stream(table.getItems()).map(t -> new String[] {t.getText(0), t.getText(1)}).toList();
    }

    private void copy() {
        StringBuilder sb = new StringBuilder();
        for (TableItem t : table.getSelectionCount() > 0 ? table.getSelection() : table.getItems()) {
            sb.append(t.getText(0)).append('\t').append(t.getText(1)).append('\n');
        }
        Clipboard cb = new Clipboard(table.getDisplay());
        try {
            cb.setContents(new Object[] {sb.toString()}, new Transfer[] {TextTransfer.getInstance()});
        } finally {
            cb.dispose();
        }
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }
}
