package org.pacarbon.tracker.ui;

import org.eclipse.jdt.annotation.Nullable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.pacarbon.tracker.core.Evidence;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * "Open evidence": an assessment run shows its report tables, a CSV table shows as a table, a map document opens
 * in the map view at the linked extent, other text files show as text, anything else goes to the desktop's program
 * for it. A file that is gone gets a message naming it.
 */
final class EvidenceOpener {
    static final String VIEWER_ID = TrackerView.ID + ".evidenceViewer";

    private EvidenceOpener() {
    }

    static void open(Shell shell, Evidence e, IWorkbenchPage page, Path trackerFile) {
        if (e.type() == Evidence.Type.URL) {
            org.pacarbon.tracker.core.EvidencePolicy.Verdict v = org.pacarbon.tracker.core.EvidencePolicy.link(e.target());
            if (v.decision() == org.pacarbon.tracker.core.EvidencePolicy.Decision.REFUSE) {
                MessageDialog.openError(shell, Messages.Error_title, v.reason());
            } else if (MessageDialog.openQuestion(shell, e.label(), v.reason())
                    && !Program.launch(e.target())) {
                MessageDialog.openError(shell, Messages.Error_title, NLS.bind(Messages.Open_noProgram, e.target()));
            }
            return;
        }
        Path p = Path.of(e.target());
        if (!Files.exists(p)) {
            MessageDialog.openError(shell, Messages.Error_title, NLS.bind(Messages.Open_missing, p));
            return;
        }
        try {
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (e.type() == Evidence.Type.MAP || name.endsWith(".pamap")) {
                openMap(shell, p, e.extent(), page);
            } else if (e.type() == Evidence.Type.RUN) {
                Path dir = Files.isDirectory(p) ? p : p.getParent();
                Path tables = dir.resolve("tables.md");
                StringBuilder sb = new StringBuilder();
                if (Files.isRegularFile(tables)) {
                    sb.append(Files.readString(tables, StandardCharsets.UTF_8)).append("\n");
                }
                sb.append(NLS.bind(Messages.Open_folder, dir)).append("\n");
                try (Stream<Path> files = Files.list(dir)) {
                    files.sorted().forEach(f -> sb.append("  ").append(f.getFileName()).append("\n"));
                }
                new Viewer(shell, e.label(), sb.toString(), null).open();
            } else if (name.endsWith(".csv")) {
                List<List<String>> rows = org.pacarbon.tracker.core.TrackerIO.parseCsv(Files.readString(p, StandardCharsets.UTF_8));
                new Viewer(shell, e.label(), null, rows).open();
            } else if (name.endsWith(".md") || name.endsWith(".txt") || name.endsWith(".json")
                    || (Files.size(p) < 1 << 20 && isText(p))) {
                new Viewer(shell, e.label(), Files.readString(p, StandardCharsets.UTF_8), null).open();
            } else {
                List<Path> roots = new java.util.ArrayList<>();
                if (trackerFile != null && trackerFile.toAbsolutePath().getParent() != null) {
                    roots.add(trackerFile.toAbsolutePath().getParent());
                }
                try {
                    roots.add(Path.of(org.eclipse.core.runtime.Platform.getInstanceLocation().getURL().toURI()));
                } catch (java.net.URISyntaxException | RuntimeException x) {
                    // no workspace: only the tracker's folder
                }
                org.pacarbon.tracker.core.EvidencePolicy.Verdict v = org.pacarbon.tracker.core.EvidencePolicy.desktopFile(p, roots);
                if (v.decision() == org.pacarbon.tracker.core.EvidencePolicy.Decision.REFUSE) {
                    MessageDialog.openError(shell, Messages.Error_title, v.reason());
                } else if (!Program.launch(p.toString())) {
                    MessageDialog.openError(shell, Messages.Error_title, NLS.bind(Messages.Open_noProgram, p));
                }
            }
        } catch (IOException | RuntimeException ex) {
            MessageDialog.openError(shell, Messages.Error_title, p + ": " + ex.getMessage());
        }
    }

    private static boolean isText(Path p) throws IOException {
        byte[] head = new byte[4096];
        int n;
        try (var in = Files.newInputStream(p)) {
            n = in.readNBytes(head, 0, head.length);
        }
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                return false;
            }
        }
        return true;
    }

    private static void openMap(Shell shell, Path pamap, String extent, IWorkbenchPage page) {
        org.pacarbon.map.core.MapService map = org.pacarbon.map.core.MapService.of(page.getWorkbenchWindow().getService(org.pacarbon.map.core.MapService.class));
        if (map == null) { // no map bundle in this product
            MessageDialog.openError(shell, Messages.Error_title, NLS.bind(Messages.Open_noProgram, pamap));
            return;
        }
        try {
            org.locationtech.jts.geom.Envelope at = null;
            double[] x = parse(extent);
            if (x != null) {
                at = new org.locationtech.jts.geom.Envelope(x[0], x[2], x[1], x[3]);
            }
            map.openDocument(pamap, at);
        } catch (org.pacarbon.gis.core.GisException e) {
            MessageDialog.openError(shell, Messages.Error_title, e.getMessage());
        }
    }

    private static double @Nullable [] parse(@Nullable String extent) {
        if (extent == null || extent.isBlank()) {
            return null;
        }
        String[] s = extent.split(",");
        double[] x = new double[4];
        for (int i = 0; i < 4; i++) {
            x[i] = Double.parseDouble(s[i].strip());
        }
        return x;
    }

    /** The open map view's extent as {minx, miny, maxx, maxy}, or null when there is no map with layers. */
    static double @Nullable [] mapExtent() {
        try {
            org.pacarbon.map.core.MapService map = org.pacarbon.map.core.MapService.of(org.eclipse.ui.PlatformUI.getWorkbench().getService(org.pacarbon.map.core.MapService.class));
            org.locationtech.jts.geom.Envelope e = map == null ? null : map.extent();
            if (e != null) {
                return new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()};
            }
        } catch (RuntimeException e) {
            // no window: nothing to offer
        }
        return null;
    }

    /** Shows a text or a CSV table. */
    static final class Viewer extends Dialog {
        private final String title;
        private final String text;
        private final List<List<String>> csv;

        Viewer(Shell parent, String title, @Nullable String text, @Nullable List<List<String>> csv) {
            super(parent);
            this.title = title;
            this.text = text;
            this.csv = csv;
            setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
        }

        @Override
        @NonNullByDefault({})
        protected void configureShell(Shell shell) {
            super.configureShell(shell);
            shell.setText(NLS.bind(Messages.Open_title, title));
            shell.setData(TrackerView.WIDGET_ID_KEY, VIEWER_ID);
        }

        @Override
        @NonNullByDefault({})
        protected Control createDialogArea(Composite parent) {
            Composite area = (Composite) super.createDialogArea(parent);
            GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true);
            gd.widthHint = 760;
            gd.heightHint = 420;
            if (csv != null) {
                Table t = new Table(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
                t.setData(TrackerView.WIDGET_ID_KEY, VIEWER_ID + ".table");
                t.setHeaderVisible(true);
                t.setLinesVisible(true);
                t.setLayoutData(gd);
                List<String> head = csv.isEmpty() ? List.of() : csv.get(0);
                for (String h : head) {
                    TableColumn c = new TableColumn(t, SWT.LEFT);
                    c.setText(h);
                }
                for (List<String> row : csv.subList(Math.min(1, csv.size()), csv.size())) {
                    new TableItem(t, SWT.NONE).setText(row.toArray(String[]::new));
                }
                for (TableColumn c : t.getColumns()) {
                    c.pack();
                }
            } else {
                Text t = new Text(area, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
                t.setData(TrackerView.WIDGET_ID_KEY, VIEWER_ID + ".text");
                t.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont());
                t.setText(text);
                t.setLayoutData(gd);
            }
            return area;
        }

        @Override
        @NonNullByDefault({})
        protected void createButtonsForButtonBar(Composite parent) {
            createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true)
                    .setData(TrackerView.WIDGET_ID_KEY, VIEWER_ID + ".close");
        }

        @Override
        protected void buttonPressed(int id) {
            close();
        }
    }
}
