package org.pacarbon.toolbox.ui;

import org.eclipse.jdt.annotation.Nullable;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.pacarbon.map.core.MapService;
import org.pacarbon.toolbox.core.Tool;
import org.pacarbon.toolbox.core.ToolDescriptor;
import org.pacarbon.toolbox.core.ToolException;
import org.pacarbon.toolbox.core.ToolRegistry;
import org.pacarbon.toolbox.core.ToolResult;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The toolbox: tools by category with a search box; the selected tool's form (double-click or Enter opens it),
 * Run and Cancel with a progress bar; and the history of runs, each of which can be run again or loaded into the
 * form to edit and run again. Results go to the Results view, result rasters onto the map, and every run's tables
 * and record into a folder of the workspace ({@code runs/}), so they can serve as evidence in the tracker.
 */
public final class ToolboxView extends ViewPart {
    public static final String ID = "org.pacarbon.views.toolbox";
    public static final String WIDGET_ID_KEY = "org.pacarbon.widgetId";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private TreeViewer tools;
    private Text search;
    private Composite formHolder;
    private ScrolledComposite formScroll;
    private Label title;
    private Label help;
    private Label message;
    private Button runButton;
    private Button cancelButton;
    private ProgressBar progress;
    private HistoryPanel history;
    private ToolForm form;
    private ToolDescriptor current;
    private ToolJob job;
    private Font bold;
    private Color red;
    private final List<RunRecord> runs = new ArrayList<>();
    private List<ToolDescriptor> all = List.of();

    /** Folder for the results of runs from the workbench ({@link ToolOutputs}). */
    static Path runsDir() {
        return ToolOutputs.runsDir();
    }

    static Path cwd() {
        return ToolOutputs.cwd();
    }

    @Override
    @NonNullByDefault({})
    public void createPartControl(Composite parent) {
        parent.setData(WIDGET_ID_KEY, ID);
        FontData fd = parent.getFont().getFontData()[0];
        bold = new Font(parent.getDisplay(), fd.getName(), fd.getHeight(), SWT.BOLD);
        red = new Color(183, 28, 28);
        parent.setLayout(new org.eclipse.swt.layout.FillLayout());
        SashForm sash = new SashForm(parent, SWT.VERTICAL);

        Composite top = new Composite(sash, SWT.NONE);
        top.setLayout(new GridLayout(1, false));
        search = new Text(top, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER);
        search.setMessage(Messages.Search);
        search.setData(WIDGET_ID_KEY, ID + ".search");
        search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        tools = ToolTree.create(top, search, () -> all);
        search.addListener(SWT.Modify, e -> {
            tools.refresh();
            tools.expandAll();
        });
        tools.addDoubleClickListener(e -> openSelected());
        tools.getTree().addListener(SWT.DefaultSelection, e -> openSelected());

        Composite middle = new Composite(sash, SWT.NONE);
        middle.setLayout(new GridLayout(1, false));
        title = new Label(middle, SWT.WRAP);
        title.setFont(bold);
        title.setData(WIDGET_ID_KEY, ID + ".title");
        title.setText(Messages.Hint);
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        help = new Label(middle, SWT.WRAP);
        GridData hd = new GridData(SWT.FILL, SWT.TOP, true, false);
        hd.widthHint = 200;
        help.setLayoutData(hd);
        formScroll = new ScrolledComposite(middle, SWT.V_SCROLL | SWT.H_SCROLL);
        formScroll.setExpandHorizontal(true);
        formScroll.setExpandVertical(true);
        formScroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        formHolder = new Composite(formScroll, SWT.NONE);
        formHolder.setLayout(new org.eclipse.swt.layout.FillLayout());
        formScroll.setContent(formHolder);
        formScroll.addListener(SWT.Resize, e -> resizeForm());
        Composite bar = new Composite(middle, SWT.NONE);
        bar.setLayout(new GridLayout(3, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        runButton = new Button(bar, SWT.PUSH);
        runButton.setText(Messages.Run);
        runButton.setData(WIDGET_ID_KEY, ID + ".run");
        runButton.setEnabled(false);
        runButton.addListener(SWT.Selection, e -> runCurrent());
        cancelButton = new Button(bar, SWT.PUSH);
        cancelButton.setText(Messages.Cancel);
        cancelButton.setData(WIDGET_ID_KEY, ID + ".cancel");
        cancelButton.setEnabled(false);
        cancelButton.addListener(SWT.Selection, e -> cancel());
        progress = new ProgressBar(bar, SWT.HORIZONTAL | SWT.SMOOTH);
        progress.setData(WIDGET_ID_KEY, ID + ".progress");
        progress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        message = new Label(middle, SWT.WRAP);
        message.setForeground(red);
        message.setData(WIDGET_ID_KEY, ID + ".message");
        GridData md = new GridData(SWT.FILL, SWT.TOP, true, false);
        md.widthHint = 200;
        message.setLayoutData(md);

        Composite bottom = new Composite(sash, SWT.NONE);
        bottom.setLayout(new GridLayout(2, false));
        Label hl = new Label(bottom, SWT.NONE);
        hl.setText(Messages.History);
        hl.setFont(bold);
        hl.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        history = new HistoryPanel(bottom, red, this::editSelectedRun);
        runs.addAll(RunHistory.load(runsDir())); // the runs of earlier sessions
        refreshHistory();
        Button rerun = new Button(bottom, SWT.PUSH);
        rerun.setText(Messages.RunAgain);
        rerun.setData(WIDGET_ID_KEY, ID + ".rerun");
        rerun.addListener(SWT.Selection, e -> rerunSelected());
        Button edit = new Button(bottom, SWT.PUSH);
        edit.setText(Messages.EditRun);
        edit.setData(WIDGET_ID_KEY, ID + ".edit");
        edit.addListener(SWT.Selection, e -> editSelectedRun());
        sash.setWeights(20, 60, 20); // the form gets most of the height
        reloadTools();
    }

    /** Reads the tool declarations again (new plug-ins) and shows them. */
    public void reloadTools() {
        List<String> problems = new ArrayList<>();
        all = ToolRegistry.tools(problems);
        tools.setInput(all);
        tools.expandAll();
        if (!problems.isEmpty()) {
            message.setText(String.join("\n", problems));
        }
    }

    private void openSelected() {
        Object o = tools.getStructuredSelection().getFirstElement();
        if (o instanceof ToolDescriptor d) {
            open(d, Map.of());
        } else if (o != null) {
            tools.setExpandedState(o, !tools.getExpandedState(o));
        }
    }

    /** Opens a tool's form with some values filled in. */
    public void open(ToolDescriptor d, Map<String, String> values) {
        Tool tool;
        try {
            tool = d.create();
        } catch (ToolException e) {
            message.setText(e.getMessage());
            return;
        }
        if (form != null) {
            form.dispose();
        }
        current = d;
        title.setText(d.name() + "  (" + d.id() + ")");
        if (job == null) {
            progress.setSelection(0); // a new form starts with an empty bar
        }
        help.setText(d.localizedHelp(tool));
        message.setText("");
        form = new ToolForm(formHolder, tool, p -> d.localized(tool, p), (p, v) -> d.choiceLabel(tool, p, v), values, cwd(),
                this::updateRunButton, this::mapRasters);
        formHolder.layout(true, true);
        resizeForm();
        title.getParent().layout(true, true);
        updateRunButton();
    }

    /** The files of the raster layers on the open map (offered in raster fields). */
    private List<String> mapRasters() {
        return MapLayers.rasterFiles(MapService.of(getSite().getService(MapService.class)));
    }

    /** Opens a tool by id (for tests and links). */
    public void open(String id, Map<String, String> values) throws ToolException {
        open(ToolRegistry.find(id), values);
    }

    private void resizeForm() {
        Point size = formHolder.computeSize(Math.max(formScroll.getClientArea().width, 200), SWT.DEFAULT);
        formScroll.setMinSize(size);
    }

    private void updateRunButton() {
        if (runButton != null && !runButton.isDisposed()) {
            runButton.setEnabled(form != null && job == null);
        }
    }

    private void runCurrent() {
        if (current == null || form == null) {
            return;
        }
        if (!form.validate()) {
            message.setText(Messages.NotRight);
            return;
        }
        run(current, form.values());
    }

    /** Runs a tool in the background with these values; the run appears in the history. */
    public void run(ToolDescriptor d, Map<String, String> values) {
        if (job != null) {
            message.setText(Messages.Busy);
            return;
        }
        try {
            values = ToolOutputs.withOutputsPlaced(d.create(), values);
        } catch (ToolException e) {
            message.setText(e.getMessage());
            return;
        }
        Path dir = runsDir().resolve(d.id() + "-" + LocalDateTime.now().format(STAMP));
        RunRecord rec = new RunRecord(d.id(), d.name(), values, Instant.now(), dir);
        runs.add(0, rec);
        refreshHistory();
        message.setText("");
        progress.setSelection(0);
        org.eclipse.swt.widgets.Display display = progress.getDisplay();
        int[] lastPercent = {-2};
        ToolJob j = new ToolJob(d, new LinkedHashMap<>(values), cwd(), rec, pct -> {
            if (pct != lastPercent[0]) {
                lastPercent[0] = pct;
                display.asyncExec(() -> {
                    if (!progress.isDisposed()) {
                        progress.setState(SWT.NORMAL);
                        progress.setSelection(Math.max(0, pct));
                    }
                });
            }
        });
        j.addJobChangeListener(new JobChangeAdapter() {
            @Override
            @NonNullByDefault({})
            public void done(IJobChangeEvent event) {
                display.asyncExec(() -> finished(rec));
            }
        });
        job = j;
        runButton.setEnabled(false);
        cancelButton.setEnabled(true);
        j.schedule();
    }

    private void finished(RunRecord rec) {
        job = null;
        if (runButton.isDisposed()) {
            return;
        }
        cancelButton.setEnabled(false);
        progress.setSelection(rec.status.equals("done") ? 100 : 0);
        updateRunButton();
        refreshHistory();
        if (rec.status.startsWith("failed")) {
            message.setText(rec.status.substring("failed: ".length()));
        } else if (rec.status.equals("cancelled")) {
            message.setText(Messages.Cancelled);
        }
        if (rec.result != null) {
            showResults(rec);
        }
    }

    private void showResults(RunRecord rec) {
        try {
            IViewPart v = getSite().getPage().showView(ResultsView.ID, null, org.eclipse.ui.IWorkbenchPage.VIEW_VISIBLE);
            if (v instanceof ResultsView r) {
                java.util.function.UnaryOperator<String> tr = java.util.function.UnaryOperator.identity();
                try {
                    ToolDescriptor d = ToolRegistry.find(rec.toolId);
                    org.pacarbon.toolbox.core.Tool tool = d.create();
                    tr = text -> d.resultText(tool, text);
                } catch (org.pacarbon.toolbox.core.ToolException e) {
                    // a tool that is gone: its results in the words it wrote
                }
                r.show(rec.toolName, rec.resultsDir, rec.result, tr);
            }
        } catch (PartInitException e) {
            message.setText(Messages.NoResults + e.getMessage());
        }
        for (ToolResult.Raster r : rec.result.rasters()) {
            MapLayers.add(getSite().getPage(), r, message);
        }
    }

    /** Cancels the running tool. */
    public void cancel() {
        ToolJob j = job;
        if (j != null) {
            j.cancel();
            cancelButton.setEnabled(false);
        }
    }

    private void refreshHistory() {
        history.show(runs);
    }

    private @Nullable RunRecord selectedRun() {
        return history.selected();
    }

    private void rerunSelected() {
        RunRecord r = selectedRun();
        if (r != null) {
            try {
                run(ToolRegistry.find(r.toolId), r.params);
            } catch (ToolException e) {
                message.setText(e.getMessage());
            }
        }
    }

    private void editSelectedRun() {
        RunRecord r = selectedRun();
        if (r != null) {
            try {
                open(ToolRegistry.find(r.toolId), r.params);
            } catch (ToolException e) {
                message.setText(e.getMessage());
            }
        }
    }

    /** Runs of this session, newest first. */
    List<RunRecord> runs() {
        return runs;
    }

    ToolForm form() {
        return form;
    }

    boolean running() {
        return job != null;
    }

    @Override
    public void setFocus() {
        tools.getTree().setFocus();
    }

    @Override
    public void dispose() {
        cancel();
        if (bold != null) {
            bold.dispose();
        }
        super.dispose();
    }
}
