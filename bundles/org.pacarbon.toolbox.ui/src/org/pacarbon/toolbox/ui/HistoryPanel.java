package org.pacarbon.toolbox.ui;

import org.eclipse.jdt.annotation.Nullable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/** The toolbox's history table: this session's and earlier runs (time, tool, status, parameters), failed ones in red. */
final class HistoryPanel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final Table table;
    private final Color red;

    /** The table in {@code parent} (a two-column grid); a double-click runs {@code edit}. */
    HistoryPanel(Composite parent, Color red, Runnable edit) {
        this.red = red;
        table = new Table(parent, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        table.setData(ToolboxView.WIDGET_ID_KEY, ToolboxView.ID + ".history");
        table.setHeaderVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        for (String[] c : new String[][] {{Messages.Col_time, "100"}, {Messages.Col_tool, "150"}, {Messages.Col_status, "90"}, {Messages.Col_params, "400"}}) {
            TableColumn col = new TableColumn(table, SWT.LEFT);
            col.setText(c[0]);
            col.setWidth(Integer.parseInt(c[1]));
        }
        table.addListener(SWT.DefaultSelection, e -> edit.run());
    }

    /** Shows the runs, newest first. */
    void show(List<RunRecord> runs) {
        table.removeAll();
        for (RunRecord r : runs) {
            TableItem i = new TableItem(table, SWT.NONE);
            i.setText(new String[] {WHEN.format(r.started), r.toolName, Messages.status(r.status), r.paramsText()});
            i.setData(r);
            if (r.status.startsWith("failed")) {
                i.setForeground(red);
            }
        }
    }

    /** The run selected in the table, or null. */
    @Nullable RunRecord selected() {
        TableItem[] s = table.getSelection();
        return s.length == 1 ? (RunRecord) s[0].getData() : null;
    }
}
