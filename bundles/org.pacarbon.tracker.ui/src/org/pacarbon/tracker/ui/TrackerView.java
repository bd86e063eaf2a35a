package org.pacarbon.tracker.ui;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.commands.operations.IUndoableOperation;
import org.eclipse.core.commands.operations.ObjectUndoContext;
import org.eclipse.core.commands.operations.OperationHistoryFactory;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.operations.UndoRedoActionGroup;
import org.eclipse.ui.part.ViewPart;
import org.pacarbon.tracker.core.Evidence;
import org.pacarbon.tracker.core.Frameworks;
import org.pacarbon.tracker.core.Item;
import org.pacarbon.tracker.core.Kind;
import org.pacarbon.tracker.core.Query;
import org.pacarbon.tracker.core.Status;
import org.pacarbon.tracker.core.TrackerException;
import org.pacarbon.tracker.core.TrackerIO;
import org.pacarbon.tracker.core.TrackerStore;

/**
 * The research tracker: the framework tree (key issue, question, work items) with status, priority, owner, due
 * date and rolled-up progress; a filter bar; a form for the selected item with its evidence, notes and history.
 * Edits are undoable. Overdue items are red, blocked ones have an amber background, done ones are grey. Files and
 * URLs dropped on an item become its evidence. Another program's changes to the file (the CLI) show up by
 * themselves.
 */
public final class TrackerView extends ViewPart {
    public static final String ID = "org.pacarbon.views.tracker";
    /** Key of the robot's widget ids, as in the other views. */
    public static final String WIDGET_ID_KEY = "org.pacarbon.widgetId";

    private TrackerStore store;
    private Path file;
    private Composite stack;
    private Composite main;
    private Composite problem;
    private Label problemText;
    private Button restore;
    private TreeViewer viewer;
    private ItemEditor editor;
    private Text search;
    private Combo statusFilter;
    private Combo ownerFilter;
    private Label count;
    private Font bold;
    private Color blockedBg;
    private Color overdueFg;
    private Color doneFg;
    private final IUndoContext undoContext = new ObjectUndoContext(this, "Research tracker");
    private final Map<Long, Item> items = new HashMap<>();
    private final Map<Long, List<Long>> children = new HashMap<>();
    private Map<Long, Double> progress = Map.of();
    private Set<Long> visible = Set.of();
    private List<Long> roots = List.of();
    private long dataVersion = -1;
    private Set<Long> known = new HashSet<>();
    private Object[] expandedBeforeFilter;
    private final Locale locale = Locale.getDefault();

    /**
     * The tracker file: {@code -Dpacarbon.tracker}, else {@code $PACARBON_TRACKER} (as for {@code ./pacarbon tracker}),
     * else research-tracker.sqlite in the workspace.
     */
    public static Path defaultFile() {
        for (String p : new String[] {System.getProperty("pacarbon.tracker"), System.getenv("PACARBON_TRACKER")}) {
            if (p != null && !p.isBlank()) {
                return Path.of(p);
            }
        }
        try {
            if (Platform.getInstanceLocation() != null && Platform.getInstanceLocation().isSet()) {
                URL u = Platform.getInstanceLocation().getURL();
                return Path.of(u.toURI()).resolve("research-tracker.sqlite");
            }
        } catch (Exception e) {
            // fall through to the user's default workspace
        }
        return Path.of(System.getProperty("user.home"), ".pacarbon", "workspace", "research-tracker.sqlite");
    }

    @Override
    public void createPartControl(Composite parent) {
        parent.setData(WIDGET_ID_KEY, ID);
        stack = new Composite(parent, SWT.NONE);
        StackLayout sl = new StackLayout();
        stack.setLayout(sl);
        FontData fd = parent.getFont().getFontData()[0];
        bold = new Font(parent.getDisplay(), fd.getName(), fd.getHeight(), SWT.BOLD);
        blockedBg = new Color(255, 224, 178);
        overdueFg = new Color(183, 28, 28);
        doneFg = new Color(110, 110, 110);
        createMain(stack);
        createProblem(stack);
        UndoRedoActionGroup undo = new UndoRedoActionGroup(getSite(), undoContext, true);
        undo.fillActionBars(getViewSite().getActionBars());
        OperationHistoryFactory.getOperationHistory().addOperationHistoryListener(historyListener);
        createActions();
        open(defaultFile());
        parent.getDisplay().timerExec(2000, this::poll);
    }

    private void createMain(Composite parent) {
        main = new Composite(parent, SWT.NONE);
        main.setLayout(new GridLayout(4, false));
        search = new Text(main, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER);
        search.setMessage(Messages.Filter_search);
        search.setData(WIDGET_ID_KEY, ID + ".search");
        search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        search.addListener(SWT.Modify, e -> refreshTree());
        statusFilter = new Combo(main, SWT.READ_ONLY);
        statusFilter.setData(WIDGET_ID_KEY, ID + ".statusFilter");
        statusFilter.add(Messages.Filter_allStatuses);
        for (Status s : Status.values()) {
            statusFilter.add(Labels.status(s));
        }
        statusFilter.add(Messages.Filter_overdue);
        statusFilter.select(0);
        statusFilter.addListener(SWT.Selection, e -> refreshTree());
        ownerFilter = new Combo(main, SWT.READ_ONLY);
        ownerFilter.setData(WIDGET_ID_KEY, ID + ".ownerFilter");
        ownerFilter.add(Messages.Filter_allOwners);
        ownerFilter.select(0);
        ownerFilter.addListener(SWT.Selection, e -> refreshTree());
        count = new Label(main, SWT.NONE);
        count.setData(WIDGET_ID_KEY, ID + ".count");
        count.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));

        SashForm sash = new SashForm(main, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        viewer = new TreeViewer(sash, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        viewer.getTree().setData(WIDGET_ID_KEY, ID + ".tree");
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        viewer.setUseHashlookup(true);
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return roots.stream().filter(visible::contains).toArray();
            }

            @Override
            public Object[] getChildren(Object parent) {
                return children.getOrDefault((Long) parent, List.of()).stream().filter(visible::contains).toArray();
            }

            @Override
            public Object getParent(Object element) {
                Item i = items.get((Long) element);
                return i == null || i.parentId() == 0 ? null : i.parentId();
            }

            @Override
            public boolean hasChildren(Object element) {
                return getChildren(element).length > 0;
            }
        });
        column(Messages.Col_title, 330, i -> i.code() + "  " + i.title(locale));
        column(Messages.Col_status, 90, i -> Labels.status(i.status()));
        column(Messages.Col_priority, 70, i -> Labels.priority(i.priority()));
        column(Messages.Col_owner, 90, Item::owner);
        column(Messages.Col_due, 96, i -> i.due() == null ? "" : i.due().toString());
        column(Messages.Col_progress, 70, i -> String.format(Locale.ROOT, "%.0f %%", 100 * progress.getOrDefault(i.id(), 0.0)));
        // the title column takes the width the others leave
        viewer.getTree().addListener(SWT.Resize, e -> {
            org.eclipse.swt.widgets.TreeColumn[] cols = viewer.getTree().getColumns();
            int rest = 0;
            for (int k = 1; k < cols.length; k++) {
                rest += cols[k].getWidth();
            }
            int w = viewer.getTree().getClientArea().width - rest;
            cols[0].setWidth(Math.max(220, w));
        });
        viewer.addSelectionChangedListener(e -> editor.show(selected()));
        viewer.addDoubleClickListener(e -> {
            Item i = selected();
            if (i != null) {
                viewer.setExpandedState(i.id(), !viewer.getExpandedState(i.id()));
            }
        });
        viewer.getTree().addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.INSERT) {
                addTask();
            } else if (e.keyCode == SWT.DEL) {
                deleteTask();
            } else if (e.keyCode == SWT.F5) {
                reload();
            }
        });
        DropTarget drop = new DropTarget(viewer.getTree(), DND.DROP_COPY | DND.DROP_LINK | DND.DROP_DEFAULT);
        drop.setTransfer(new Transfer[] {FileTransfer.getInstance(), TextTransfer.getInstance()});
        drop.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                if (event.detail == DND.DROP_DEFAULT || event.detail == DND.DROP_MOVE) {
                    event.detail = DND.DROP_LINK;
                }
            }

            @Override
            public void dragOver(DropTargetEvent event) {
                event.feedback = DND.FEEDBACK_SELECT | DND.FEEDBACK_SCROLL | DND.FEEDBACK_EXPAND;
            }

            @Override
            public void drop(DropTargetEvent event) {
                if (!(event.item instanceof TreeItem ti) || !(ti.getData() instanceof Long id)) {
                    return;
                }
                List<String> targets = new ArrayList<>();
                if (event.data instanceof String[] files) {
                    targets.addAll(List.of(files));
                } else if (event.data instanceof String text) {
                    text.lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(targets::add);
                }
                for (String t : targets) {
                    String extent = "";
                    String target = t;
                    // "map.pamap#minx,miny,maxx,maxy": a map document at an extent
                    int hash = t.lastIndexOf('#');
                    if (hash > 0 && t.substring(0, hash).toLowerCase(Locale.ROOT).endsWith(".pamap")) {
                        target = t.substring(0, hash);
                        extent = t.substring(hash + 1);
                    }
                    linkEvidence(id, Evidence.Type.guess(target), target, "", extent);
                }
                viewer.setSelection(new StructuredSelection(id), true);
            }
        });
        MenuManager menu = new MenuManager();
        viewer.getTree().setMenu(menu.createContextMenu(viewer.getTree()));
        menuManager = menu;
        editor = new ItemEditor(sash, this);
        sash.setWeights(58, 42);
    }

    private MenuManager menuManager;

    private interface Text1 {
        String of(Item i);
    }

    private void column(String title, int width, Text1 text) {
        TreeViewerColumn c = new TreeViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.getColumn().setMoveable(true);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                Item i = items.get((Long) element);
                return i == null ? "" : text.of(i);
            }

            @Override
            public Color getForeground(Object element) {
                Item i = items.get((Long) element);
                if (i == null) {
                    return null;
                }
                if (i.overdue(LocalDate.now())) {
                    return overdueFg;
                }
                return i.status() == Status.DONE ? doneFg : null;
            }

            @Override
            public Color getBackground(Object element) {
                Item i = items.get((Long) element);
                return i != null && i.status() == Status.BLOCKED ? blockedBg : null;
            }

            @Override
            public Font getFont(Object element) {
                Item i = items.get((Long) element);
                return i != null && (i.kind() == Kind.ISSUE || i.kind() == Kind.FRAMEWORK || i.overdue(LocalDate.now()))
                        ? bold : null;
            }

            @Override
            public String getToolTipText(Object element) {
                Item i = items.get((Long) element);
                return i == null ? null : i.description();
            }
        });
    }

    private void createProblem(Composite parent) {
        problem = new Composite(parent, SWT.NONE);
        problem.setLayout(new GridLayout(2, false));
        Label title = new Label(problem, SWT.WRAP);
        title.setText(Messages.Damaged_title);
        title.setFont(bold);
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        problemText = new Label(problem, SWT.WRAP);
        problemText.setData(WIDGET_ID_KEY, ID + ".problem");
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        gd.widthHint = 500;
        problemText.setLayoutData(gd);
        restore = new Button(problem, SWT.PUSH);
        restore.setText(Messages.Damaged_restore);
        restore.setData(WIDGET_ID_KEY, ID + ".restore");
        restore.addListener(SWT.Selection, e -> {
            try {
                Path aside = TrackerStore.restoreFromBackup(file);
                open(file);
                MessageDialog.openInformation(getSite().getShell(), Messages.Error_title,
                        NLS.bind(Messages.Damaged_restored, aside));
            } catch (TrackerException ex) {
                problemText.setText(ex.getMessage());
                problem.layout(true, true);
            }
        });
        Button retry = new Button(problem, SWT.PUSH);
        retry.setText(Messages.Damaged_retry);
        retry.setData(WIDGET_ID_KEY, ID + ".retry");
        retry.addListener(SWT.Selection, e -> open(file));
    }

    private Action addAction;
    private Action deleteAction;

    private void createActions() {
        addAction = new Action(Messages.Action_add) {
            @Override
            public void run() {
                addTask();
            }
        };
        addAction.setToolTipText(Messages.Action_addTip);
        addAction.setImageDescriptor(getSite().getWorkbenchWindow().getWorkbench().getSharedImages()
                .getImageDescriptor(org.eclipse.ui.ISharedImages.IMG_OBJ_ADD));
        deleteAction = new Action(Messages.Action_delete) {
            @Override
            public void run() {
                deleteTask();
            }
        };
        deleteAction.setImageDescriptor(getSite().getWorkbenchWindow().getWorkbench().getSharedImages()
                .getImageDescriptor(org.eclipse.ui.ISharedImages.IMG_ETOOL_DELETE));
        Action export = new Action(Messages.Action_export) {
            @Override
            public void run() {
                exportDialog();
            }
        };
        Action importAction = new Action(Messages.Action_import) {
            @Override
            public void run() {
                importDialog();
            }
        };
        Action refresh = new Action(Messages.Action_refresh) {
            @Override
            public void run() {
                reload();
            }
        };
        Action expand = new Action(Messages.Action_expand) {
            @Override
            public void run() {
                viewer.expandAll();
            }
        };
        IToolBarManager tb = getViewSite().getActionBars().getToolBarManager();
        tb.add(addAction);
        tb.add(deleteAction);
        getViewSite().getActionBars().getMenuManager().add(export);
        getViewSite().getActionBars().getMenuManager().add(importAction);
        getViewSite().getActionBars().getMenuManager().add(new Separator());
        getViewSite().getActionBars().getMenuManager().add(expand);
        getViewSite().getActionBars().getMenuManager().add(refresh);
        getViewSite().getActionBars().setGlobalActionHandler(ActionFactory.DELETE.getId(), deleteAction);
        getViewSite().getActionBars().setGlobalActionHandler(ActionFactory.REFRESH.getId(), refresh);
        menuManager.add(addAction);
        menuManager.add(deleteAction);
        menuManager.add(new Separator());
        menuManager.add(expand);
        menuManager.add(refresh);
        getViewSite().getActionBars().updateActionBars();
    }

    /** Opens a tracker file (closing the one shown); a damaged file shows what is wrong and offers the backup. */
    public void open(Path f) {
        if (store != null) {
            store.close();
            store = null;
        }
        file = f.toAbsolutePath();
        OperationHistoryFactory.getOperationHistory().dispose(undoContext, true, true, false);
        StackLayout sl = (StackLayout) stack.getLayout();
        try {
            store = TrackerStore.open(file);
            List<String> problems = Frameworks.loadContributed(store);
            sl.topControl = main;
            stack.layout(true, true);
            dataVersion = -1;
            reload();
            viewer.expandAll();
            setContentDescription(NLS.bind(Messages.File_label, file));
            if (!problems.isEmpty()) {
                MessageDialog.openWarning(getSite().getShell(), Messages.Error_title, String.join("\n", problems));
            }
        } catch (TrackerException e) {
            problemText.setText(e.getMessage());
            restore.setEnabled(e instanceof TrackerException.Damaged d && d.backup() != null);
            sl.topControl = problem;
            stack.layout(true, true);
            setContentDescription(NLS.bind(Messages.File_label, file));
        }
    }

    /** The open store, or null when the file could not be opened. */
    public TrackerStore store() {
        return store;
    }

    public Path file() {
        return file;
    }

    /** Reads the file again and redraws, keeping the selection. */
    public void reload() {
        if (store == null || viewer.getTree().isDisposed()) {
            return;
        }
        try {
            dataVersion = store.dataVersion();
            List<Item> all = store.items();
            items.clear();
            children.clear();
            List<Long> r = new ArrayList<>();
            for (Item i : all) {
                items.put(i.id(), i);
                if (i.parentId() == 0) {
                    r.add(i.id());
                } else {
                    children.computeIfAbsent(i.parentId(), k -> new ArrayList<>()).add(i.id());
                }
            }
            roots = r;
            progress = TrackerStore.progress(all);
            Set<String> owners = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            all.stream().map(Item::owner).filter(o -> !o.isEmpty()).forEach(owners::add);
            String owner = ownerFilter.getSelectionIndex() > 0 ? ownerFilter.getText() : null;
            ownerFilter.removeAll();
            ownerFilter.add(Messages.Filter_allOwners);
            owners.forEach(ownerFilter::add);
            ownerFilter.select(owner == null ? 0 : Math.max(0, ownerFilter.indexOf(owner)));
        } catch (TrackerException e) {
            MessageDialog.openError(getSite().getShell(), Messages.Error_title, e.getMessage());
            return;
        }
        refreshTree();
    }

    private Query query() {
        Set<Status> st = EnumSet.noneOf(Status.class);
        int s = statusFilter.getSelectionIndex();
        boolean overdue = s == Status.values().length + 1;
        if (s >= 1 && s <= Status.values().length) {
            st.add(Status.values()[s - 1]);
        }
        String owner = ownerFilter.getSelectionIndex() > 0 ? ownerFilter.getText() : "";
        return new Query(st, owner, "", "", search.getText().strip(), overdue);
    }

    private void refreshTree() {
        if (store == null) {
            return;
        }
        Query q = query();
        Set<Long> v = new HashSet<>();
        int matches = 0;
        try {
            // with no filter every item is shown: the items read by reload() are enough
            for (Item i : q.isAll() ? List.copyOf(items.values()) : store.query(q)) {
                matches++;
                for (long id = i.id(); id != 0 && v.add(id);) {
                    Item x = items.get(id);
                    id = x == null ? 0 : x.parentId();
                }
            }
        } catch (TrackerException e) {
            MessageDialog.openError(getSite().getShell(), Messages.Error_title, e.getMessage());
            return;
        }
        visible = v;
        Object[] expanded = viewer.getExpandedElements();
        if (!q.isAll() && expandedBeforeFilter == null) {
            expandedBeforeFilter = expanded; // the user's own expansion, back when the filter is cleared
        } else if (q.isAll() && expandedBeforeFilter != null) {
            expanded = expandedBeforeFilter;
            expandedBeforeFilter = null;
        }
        viewer.setInput(file);
        viewer.setExpandedElements(expanded);
        for (Long id : items.keySet()) { // items that appeared since the last look (added here or by another program)
            if (!known.contains(id) && visible.contains(id)) {
                viewer.expandToLevel(id, 0);
            }
        }
        known = new HashSet<>(items.keySet());
        if (!q.isAll()) {
            viewer.expandAll();
        }
        count.setText(NLS.bind(Messages.Filter_count, matches, items.size()));
        count.getParent().layout();
        editor.show(selected());
        boolean task = selected() != null && selected().kind() == Kind.TASK;
        deleteAction.setEnabled(task);
        addAction.setEnabled(selected() != null && (selected().kind() == Kind.QUESTION || task));
    }

    /** The selected item (as now in the file), or null. */
    public Item selected() {
        IStructuredSelection s = viewer.getStructuredSelection();
        return s.getFirstElement() instanceof Long id ? items.get(id) : null;
    }

    /** Selects and reveals an item. */
    public void select(long id) {
        viewer.setSelection(new StructuredSelection(id), true);
    }

    Item item(long id) {
        return items.get(id);
    }

    Map<Long, Double> progress() {
        return progress;
    }

    Locale locale() {
        return locale;
    }

    Font boldFont() {
        return bold;
    }

    /** Undo and Redo (menu, Ctrl+Z/Ctrl+Y) change the file too: the tree, the form and its evidence list follow. */
    private final org.eclipse.core.commands.operations.IOperationHistoryListener historyListener = event -> {
        int type = event.getEventType();
        if ((type == org.eclipse.core.commands.operations.OperationHistoryEvent.UNDONE
                || type == org.eclipse.core.commands.operations.OperationHistoryEvent.REDONE)
                && event.getOperation().hasContext(undoContext) && viewer != null && !viewer.getTree().isDisposed()) {
            viewer.getTree().getDisplay().asyncExec(this::reload);
        }
    };

    /** Runs an edit through the undo history and shows the result; returns false (after saying why) if it failed. */
    boolean execute(IUndoableOperation op) {
        IOperationHistory h = OperationHistoryFactory.getOperationHistory();
        try {
            h.execute(op, null, null);
            return true;
        } catch (ExecutionException e) {
            MessageDialog.openError(getSite().getShell(), Messages.Error_title,
                    e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
            return false;
        } finally {
            reload();
        }
    }

    IUndoContext undoContext() {
        return undoContext;
    }

    /** Adds a work item under the selected question or work item and puts the cursor in its title. */
    public void addTask() {
        Item sel = selected();
        if (store == null || sel == null || (sel.kind() != Kind.QUESTION && sel.kind() != Kind.TASK)) {
            return;
        }
        Ops.AddTask op = new Ops.AddTask(store, undoContext, sel.id(), Messages.New_task);
        if (execute(op)) {
            viewer.setExpandedState(sel.id(), true);
            select(op.added);
            editor.focusTitle();
        }
    }

    private void deleteTask() {
        Item sel = selected();
        if (store == null || sel == null || sel.kind() != Kind.TASK) {
            return;
        }
        if (!MessageDialog.openConfirm(getSite().getShell(), Messages.Delete_title,
                NLS.bind(Messages.Delete_confirm, sel.code(), sel.title()))) {
            return;
        }
        try {
            store.delete(sel.id());
            OperationHistoryFactory.getOperationHistory().dispose(undoContext, true, true, false);
        } catch (TrackerException e) {
            MessageDialog.openError(getSite().getShell(), Messages.Error_title, e.getMessage());
        }
        reload();
        if (sel.parentId() != 0) {
            select(sel.parentId());
        }
    }

    /** Links evidence to an item (undoable). */
    public boolean linkEvidence(long id, Evidence.Type type, String target, String label, String extent) {
        Item i = items.get(id);
        if (store == null || i == null) {
            return false;
        }
        if (type != Evidence.Type.URL && !Files.exists(Path.of(target))) {
            MessageDialog.openError(getSite().getShell(), Messages.Error_title, NLS.bind(Messages.EvDlg_missing, target));
            return false;
        }
        return execute(new Ops.AddEvidence(store, undoContext, id, type, target, label, extent));
    }

    private void exportDialog() {
        if (store == null) {
            return;
        }
        FileDialog d = new FileDialog(getSite().getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] {"*.json", "*.csv", "*.md"});
        d.setFileName("research-tracker.json");
        d.setOverwrite(true);
        String out = d.open();
        if (out == null) {
            return;
        }
        try {
            Path p = Path.of(out);
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".csv")) {
                TrackerIO.exportCsv(store, p);
            } else if (n.endsWith(".md")) {
                TrackerIO.exportMarkdown(store, p, locale);
            } else {
                TrackerIO.exportJson(store, p);
            }
            MessageDialog.openInformation(getSite().getShell(), Messages.Error_title, NLS.bind(Messages.Export_done, p));
        } catch (TrackerException e) {
            MessageDialog.openError(getSite().getShell(), Messages.Error_title, e.getMessage());
        }
    }

    private void importDialog() {
        if (store == null) {
            return;
        }
        FileDialog d = new FileDialog(getSite().getShell(), SWT.OPEN);
        d.setFilterExtensions(new String[] {"*.json;*.csv"});
        String in = d.open();
        if (in == null) {
            return;
        }
        try {
            Path p = Path.of(in);
            int added = p.toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? TrackerIO.importCsv(store, p)[0]
                    : TrackerIO.importJson(store, p);
            OperationHistoryFactory.getOperationHistory().dispose(undoContext, true, true, false);
            reload();
            MessageDialog.openInformation(getSite().getShell(), Messages.Error_title,
                    NLS.bind(Messages.Import_done, p, added));
        } catch (TrackerException e) {
            MessageDialog.openError(getSite().getShell(), Messages.Error_title, e.getMessage());
        }
    }

    /** Reloads when another program (the CLI, a second workbench) changed the file. */
    private void poll() {
        if (viewer == null || viewer.getTree().isDisposed()) {
            return;
        }
        if (store != null && !editor.isEditing()) {
            try {
                if (store.dataVersion() != dataVersion) {
                    reload();
                }
            } catch (TrackerException e) {
                // the next poll tries again; edits report their own errors
            }
        }
        viewer.getTree().getDisplay().timerExec(2000, this::poll);
    }

    @Override
    public void setFocus() {
        if (store != null) {
            viewer.getTree().setFocus();
        } else {
            problem.setFocus();
        }
    }

    @Override
    public void dispose() {
        OperationHistoryFactory.getOperationHistory().removeOperationHistoryListener(historyListener);
        OperationHistoryFactory.getOperationHistory().dispose(undoContext, true, true, false);
        if (store != null) {
            store.close();
        }
        if (bold != null) {
            bold.dispose();
        }
        super.dispose();
    }
}
