package org.pacarbon.toolbox.ui;

import org.eclipse.jdt.annotation.Nullable;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.pacarbon.toolbox.core.ToolResult;
import org.pacarbon.toolbox.core.ToolRunner;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The results of the last run: one tab per table (click a header to sort, Ctrl+C or Copy for the selected rows as
 * tab-separated text, export as CSV or Markdown), one per chart (JFreeChart), and one with the run's notes.
 */
public final class ResultsView extends ViewPart {
    public static final String ID = "org.pacarbon.views.results";
    private Label header;
    private CTabFolder tabs;
    private final List<Image> images = new ArrayList<>();
    private ToolResult shown;

    @Override
    @NonNullByDefault({})
    public void createPartControl(Composite parent) {
        parent.setData(ToolboxView.WIDGET_ID_KEY, ID);
        parent.setLayout(new GridLayout(1, false));
        header = new Label(parent, SWT.NONE);
        header.setData(ToolboxView.WIDGET_ID_KEY, ID + ".header");
        header.setText(Messages.Results_empty);
        header.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        tabs = new CTabFolder(parent, SWT.BORDER | SWT.BOTTOM);
        tabs.setData(ToolboxView.WIDGET_ID_KEY, ID + ".tabs");
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
    }

    /** Result texts in the user's language (identity when none is known). */
    private java.util.function.UnaryOperator<String> tr = java.util.function.UnaryOperator.identity();

    /** The result shown, or null. */
    public ToolResult shown() {
        return shown;
    }

    /** Shows a run's results (replacing the ones shown). */
    public void show(String toolName, Path dir, ToolResult r) {
        show(toolName, dir, r, java.util.function.UnaryOperator.identity());
    }

    /**
     * Shows a run's results with their titles, column names and notes in the user's language.
     *
     * @param tr a result text in the user's language ({@link org.pacarbon.toolbox.core.ToolDescriptor#resultText})
     */
    public void show(String toolName, Path dir, ToolResult r, java.util.function.UnaryOperator<String> tr) {
        this.tr = tr;
        shown = r;
        for (CTabItem i : tabs.getItems()) {
            i.getControl().dispose();
            i.dispose();
        }
        images.forEach(Image::dispose);
        images.clear();
        header.setText(toolName + (dir != null ? "  -  " + Messages.Results_files + " " + dir : ""));
        StringBuilder text = new StringBuilder();
        int k = 0;
        for (Object item : r.items()) {
            if (item instanceof ToolResult.Table t) {
                tableTab(t, k++);
            } else if (item instanceof ToolResult.Chart c) {
                chartTab(c, r);
            } else if (item instanceof ToolResult.Raster x) {
                text.append("Raster: ").append(x.title()).append(" -> ").append(x.file()).append('\n');
            } else if (item instanceof ToolResult.Vector x) {
                text.append("Layer: ").append(x.title()).append(" -> ").append(x.file()).append('\n');
            } else if (item instanceof String s) {
                text.append(tr.apply(s)).append('\n');
            }
        }
        if (text.length() > 0) {
            CTabItem ti = new CTabItem(tabs, SWT.NONE);
            ti.setText(Messages.Notes);
            Text t = new Text(tabs, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
            t.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont());
            t.setText(text.toString());
            ti.setControl(t);
        }
        if (tabs.getItemCount() > 0) {
            tabs.setSelection(0);
        }
        header.getParent().layout(true, true);
    }

    private void tableTab(ToolResult.Table t, int index) {
        CTabItem ti = new CTabItem(tabs, SWT.NONE);
        ti.setText(tr.apply(t.title()));
        Composite c = new Composite(tabs, SWT.NONE);
        c.setLayout(new GridLayout(4, false));
        Table table = new Table(c, SWT.BORDER | SWT.MULTI | SWT.FULL_SELECTION);
        table.setData(ToolboxView.WIDGET_ID_KEY, ID + ".table." + index);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        List<List<Object>> rows = new ArrayList<>(t.rows());
        for (int i = 0; i < t.columns().size(); i++) {
            ToolResult.Column col = t.columns().get(i);
            TableColumn tc = new TableColumn(table, SWT.LEFT);
            tc.setText(col.unit().isEmpty() ? tr.apply(col.name()) : tr.apply(col.name()) + " (" + col.unit() + ")");
            int ci = i;
            boolean[] ascending = {false};
            tc.addListener(SWT.Selection, e -> {
                ascending[0] = !ascending[0];
                Comparator<List<Object>> cmp = Comparator.comparing(row -> row.get(ci), ResultsView::compare);
                rows.sort(ascending[0] ? cmp : cmp.reversed());
                table.setSortColumn(tc);
                table.setSortDirection(ascending[0] ? SWT.UP : SWT.DOWN);
                fill(table, rows);
            });
        }
        fill(table, rows);
        List<String> names = t.columns().stream().map(ToolResult.Column::name).toList();
        if (names.containsAll(ToolResult.EXTENT_COLUMNS)) { // select a row: the map shows its extent
            int[] ix = ToolResult.EXTENT_COLUMNS.stream().mapToInt(names::indexOf).toArray();
            table.addListener(SWT.Selection, e -> {
                if (e.item instanceof TableItem it && it.getData() instanceof List<?> row) {
                    zoomTo(row, ix);
                }
            });
        }
        for (TableColumn tc : table.getColumns()) {
            org.pacarbon.ui.common.TableColumns.fit(tc, 60, 360);
        }
        table.addListener(SWT.KeyDown, e -> {
            if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'c' || e.keyCode == 'C')) {
                copy(table);
            }
        });
        button(c, Messages.Copy, () -> copy(table));
        button(c, Messages.ExportCsv, () -> export(t, "csv"));
        button(c, Messages.ExportMd, () -> export(t, "md"));
        ti.setControl(c);
    }

    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return String.valueOf(a).compareToIgnoreCase(String.valueOf(b));
    }

    static String cell(@Nullable Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof Double d) {
            return org.pacarbon.gis.core.text.Numbers.format(d);
        }
        return o.toString();
    }

    /** Shows a row's extent (with a margin) on the map, when a map is open. */
    private void zoomTo(List<?> row, int[] ix) {
        double[] e = new double[4];
        for (int k = 0; k < 4; k++) {
            if (!(row.get(ix[k]) instanceof Number n) || Double.isNaN(n.doubleValue())) {
                return;
            }
            e[k] = n.doubleValue();
        }
        org.pacarbon.map.core.MapService map = org.pacarbon.map.core.MapService.of(getSite().getService(org.pacarbon.map.core.MapService.class));
        if (map != null && map.extent() != null) { // no map bundle or no map open: nothing to zoom
            double mx = Math.max(e[2] - e[0], 1e-9) * 0.15;
            double my = Math.max(e[3] - e[1], 1e-9) * 0.15;
            map.setExtent(new org.locationtech.jts.geom.Envelope(e[0] - mx, e[2] + mx, e[1] - my, e[3] + my));
            lastZoom = map.extent();
        }
    }

    /** The extent the view last asked the map to show (for tests), or null. */
    org.locationtech.jts.geom.Envelope lastZoom;

    private static void fill(Table table, List<List<Object>> rows) {
        table.removeAll();
        for (List<Object> row : rows) {
            TableItem i = new TableItem(table, SWT.NONE);
            i.setData(row);
            String[] cells = new String[row.size()];
            for (int k = 0; k < cells.length; k++) {
                cells[k] = cell(row.get(k));
            }
            i.setText(cells);
        }
    }

    private void button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
    }

    /** The selected rows (all when none is selected) as tab-separated text with a header line. */
    static String tsv(Table table) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < table.getColumnCount(); i++) {
            sb.append(i > 0 ? "\t" : "").append(table.getColumn(i).getText());
        }
        sb.append('\n');
        TableItem[] items = table.getSelectionCount() > 0 ? table.getSelection() : table.getItems();
        for (TableItem it : items) {
            for (int i = 0; i < table.getColumnCount(); i++) {
                sb.append(i > 0 ? "\t" : "").append(it.getText(i));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private void copy(Table table) {
        Clipboard cb = new Clipboard(table.getDisplay());
        try {
            cb.setContents(new Object[] {tsv(table)}, new Transfer[] {TextTransfer.getInstance()});
        } finally {
            cb.dispose();
        }
    }

    private void export(ToolResult.Table t, String ext) {
        FileDialog d = new FileDialog(getSite().getShell(), SWT.SAVE);
        d.setFileName(ToolRunner.slug(t.title()) + "." + ext);
        d.setOverwrite(true);
        String f = d.open();
        if (f == null) {
            return;
        }
        try {
            Files.writeString(Path.of(f), ext.equals("csv") ? "\uFEFF" + ToolRunner.csv(t) : ToolRunner.markdown(t),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            MessageDialog.openError(getSite().getShell(), "Export", "Cannot write " + f + ": " + e.getMessage());
        }
    }

    /** Bar charts show at most this many bars (the largest). */
    static final int TOP_BARS = 25;

    private void chartTab(ToolResult.Chart c, ToolResult r) {
        ToolResult.Table t;
        try {
            t = r.table(c.table());
        } catch (IllegalArgumentException e) {
            return;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int xi = t.column(c.x());
        boolean bars = !c.kind().equals("line");
        List<List<Object>> rows = t.rows();
        String title = tr.apply(c.title());
        if (bars && rows.size() > TOP_BARS) { // hundreds of bars are unreadable: the largest, as horizontal bars
            int y0 = t.column(c.y().get(0));
            rows = rows.stream().filter(row -> row.get(y0) instanceof Number n && !Double.isNaN(n.doubleValue()))
                    .sorted((p, q) -> Double.compare(((Number) q.get(y0)).doubleValue(), ((Number) p.get(y0)).doubleValue()))
                    .limit(TOP_BARS).toList();
            title = tr.apply(c.title()) + " (" + String.format(Messages.TopOf, TOP_BARS, t.rows().size()) + ")";
        }
        for (String y : c.y()) {
            int yi = t.column(y);
            for (List<Object> row : rows) {
                if (row.get(yi) instanceof Number n && !Double.isNaN(n.doubleValue())) {
                    // lines per year: one series per first column (e.g. per PA); bars: one series per value column
                    String series = c.kind().equals("line") && xi != 0 ? String.valueOf(row.get(0)) + " " + y : y;
                    data.addValue(n, series.equals(y) ? y : series, String.valueOf(row.get(xi)));
                }
            }
        }
        String yLabel = t.columns().get(t.column(c.y().get(0))).unit();
        JFreeChart chart = c.kind().equals("line")
                ? ChartFactory.createLineChart(title, c.x(), yLabel, data, PlotOrientation.VERTICAL, true, true, false)
                : ChartFactory.createBarChart(title, c.x(), yLabel, data,
                        data.getColumnCount() > 12 ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL, true, true, false);
        chart.setBackgroundPaint(java.awt.Color.WHITE);
        CTabItem ti = new CTabItem(tabs, SWT.NONE);
        ti.setText(Messages.Chart + ": " + tr.apply(c.title()));
        Canvas canvas = new Canvas(tabs, SWT.DOUBLE_BUFFERED);
        canvas.setData(ToolboxView.WIDGET_ID_KEY, ID + ".chart");
        canvas.setData("chart", chart);
        canvas.setData("title", title);
        canvas.setData("categories", data.getColumnCount());
        canvas.addListener(SWT.Paint, e -> {
            org.eclipse.swt.graphics.Rectangle a = canvas.getClientArea();
            if (a.width < 10 || a.height < 10) {
                return;
            }
            BufferedImage bi = chart.createBufferedImage(a.width, a.height);
            Image img = new Image(canvas.getDisplay(), org.pacarbon.ui.common.SwtImages.toImageData(bi));
            e.gc.drawImage(img, 0, 0);
            img.dispose();
        });
        ti.setControl(canvas);
    }

    @Override
    public void setFocus() {
        tabs.setFocus();
    }

    @Override
    public void dispose() {
        images.forEach(Image::dispose);
        super.dispose();
    }
}
