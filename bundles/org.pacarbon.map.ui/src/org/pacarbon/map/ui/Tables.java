package org.pacarbon.map.ui;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/** The two-column-and-more tables of the map's views and dialogs, built one way (a shared building block). */
final class Tables {
    private Tables() {
    }

    /**
     * A table filling a grid cell, with the robot's widget id, lines, and a column per header (null headers: no header
     * row) of the given widths; {@code heightHint} 0 for none.
     */
    static Table create(Composite parent, int style, String widgetId, String @Nullable [] headers, int[] widths, int heightHint) {
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | style);
        table.setData(MapView.WIDGET_ID_KEY, widgetId);
        table.setHeaderVisible(headers != null);
        table.setLinesVisible(true);
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true);
        if (heightHint > 0) {
            gd.heightHint = heightHint;
            int w = 0;
            for (int x : widths) {
                w += x;
            }
            gd.widthHint = w + 20;
        }
        table.setLayoutData(gd);
        for (int i = 0; i < widths.length; i++) {
            TableColumn c = new TableColumn(table, SWT.NONE);
            if (headers != null) {
                c.setText(headers[i]);
            }
            c.setWidth(widths[i]);
        }
        return table;
    }
}
